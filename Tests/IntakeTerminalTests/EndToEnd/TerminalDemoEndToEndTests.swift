import Foundation
import Testing

/// End-to-end: the real `CursesTerminal` in the hidden `intake terminal-demo`, driven
/// through tmux. Skipped (with the reason shown) when tmux or the binary is missing;
/// `make test` installs tmux and builds the binary first.
@Suite(
    .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make test installs it)"),
    .enabled(if: TmuxSession.intakeBinary != nil, "intake binary not built: run `swift build` first or set INTAKE_BINARY")
)
struct TerminalDemoEndToEndTests {
    static var demo: String { "'\(TmuxSession.intakeBinary ?? "intake")' terminal-demo" }

    @Test func drawsCyrillicGermanAndCJKInABox() throws {
        let tmux = try TmuxSession(command: Self.demo)
        defer { tmux.kill() }
        // Wait for the whole frame: under load tmux may show a half-drawn screen first.
        let screen = try tmux.waitUntil("the demo box is drawn") { screen in
            screen.count > 9 && screen[9].hasPrefix("└─") && screen.contains { $0.contains("Привет, мир! Grüße") }
        }
        #expect(screen[0].hasPrefix("┌ Terminal demo ─"))
        #expect(screen[0].hasSuffix("┐"))
        #expect(screen[2] == "│你好，世界 안녕하세요                                     │")
        #expect(screen[9].hasPrefix("└─") && screen[9].hasSuffix("┘"))
        #expect(screen[5].hasPrefix("│Events: 0  Size: 80x24  PID: \(try tmux.pid())"))
    }

    @Test func reportsKeys() throws {
        let tmux = try TmuxSession(command: Self.demo)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Last event: none")
        let cases: [(send: () throws -> Void, expected: String)] = [
            ({ try tmux.sendKeys("Down") }, "key down"),
            ({ try tmux.sendKeys("x") }, "key character(x)"),
            ({ try tmux.sendText("ж") }, "key character(ж)"),
            ({ try tmux.sendText("痛") }, "key character(痛)"),
            ({ try tmux.sendKeys("BTab") }, "key backTab"),
            ({ try tmux.sendKeys("Enter") }, "key enter"),
            ({ try tmux.sendKeys("BSpace") }, "key backspace"),
            ({ try tmux.sendKeys("F5") }, "key F5"),
            ({ try tmux.sendKeys("PageDown") }, "key pageDown"),
            ({ try tmux.sendKeys("Escape") }, "key escape"),
            ({ try tmux.sendKeys("Home") }, "key home"),
            ({ try tmux.sendKeys("End") }, "key end"),
            ({ try tmux.sendKeys("C-a") }, "key control(a)"),
        ]
        for (index, step) in cases.enumerated() {
            try step.send()
            try tmux.waitFor(text: "Last event: \(step.expected)")
            try tmux.waitFor(text: "Events: \(index + 1) ")
        }
    }

    @Test func ctrlCIsAKeyNotASignal() throws {
        let tmux = try TmuxSession(command: "sh -c '\(TmuxSession.intakeBinary ?? "intake") terminal-demo; echo EXIT=$?; sleep 60'")
        defer { tmux.kill() }
        try tmux.waitFor(text: "Last event: none")
        try tmux.sendKeys("C-c")
        try tmux.waitFor(text: "Last event: key control(c)")
        try tmux.sendKeys("q")
        try tmux.waitFor(text: "EXIT=0")
    }

    @Test func mouseTapsMapToHitRegions() throws {
        let tmux = try TmuxSession(command: Self.demo)
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "[ Press me ]")
        let row = try #require(screen.firstIndex { $0.contains("[ Press me ]") })
        try tmux.sendMousePress(column: 3, row: row)
        try tmux.waitFor(text: "Last event: mouse press at 3,\(row) on button")
        try tmux.sendMouseRelease(column: 3, row: row)
        try tmux.waitFor(text: "Last event: mouse release at 3,\(row) on button")
        try tmux.sendMousePress(column: 40, row: 2)
        let screen2 = try tmux.waitFor(text: "Last event: mouse press at 40,2")
        #expect(!screen2.contains { $0.contains("at 40,2 on") })
    }

    @Test func resizeIsReportedAndRedrawn() throws {
        let tmux = try TmuxSession(command: Self.demo)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Size: 80x24")
        try tmux.resize(width: 50, height: 15)
        let screen = try tmux.waitFor(text: "Last event: resize 50x15")
        #expect(screen.contains { $0.contains("Size: 50x15") })
        #expect(screen[0].hasPrefix("┌ Terminal demo ─") && screen[0].hasSuffix("┐"))
        #expect(screen[0].count == 50)
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let tmux = try TmuxSession(command: "sh -c '\(TmuxSession.intakeBinary ?? "intake") terminal-demo; echo EXIT=$?; sleep 60'")
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "PID: ")
        #expect(try tmux.paneFormat("#{alternate_on} #{mouse_any_flag}") == "1 1")
        let line = try #require(screen.first { $0.contains("PID: ") })
        let pidText = line.split(separator: "PID: ").last?.prefix { $0.isNumber } ?? ""
        let pid = try #require(pid_t(String(pidText)))
        #expect(Foundation.kill(pid, SIGTERM) == 0)
        let after = try tmux.waitFor(text: "EXIT=143")
        #expect(!after.contains { $0.contains("Привет") }, "the demo screen should be gone (alternate screen left)")
        // Normal screen, mouse reporting off, cursor visible, cursor keys back to normal mode.
        #expect(try tmux.paneFormat("#{alternate_on} #{mouse_any_flag} #{mouse_sgr_flag} #{cursor_flag} #{keypad_cursor_flag}") == "0 0 0 1 0")
    }

    @Test func hangupEndsTheProgram() throws {
        let tmux = try TmuxSession(command: Self.demo)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Last event: none")
        #expect(Foundation.kill(try tmux.pid(), SIGHUP) == 0)
        let status = try tmux.waitForExit()
        #expect(status == 129, "exit status \(status)")
    }

    @Test func movingSelectionSendsOnlyChangedCells() throws {
        let tmux = try TmuxSession(command: Self.demo)
        defer { tmux.kill() }
        try tmux.waitFor(text: "Last event: none")
        let path = NSTemporaryDirectory() + "/\(tmux.socket).out"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try tmux.recordOutput(to: path)
        try tmux.sendKeys("Down")
        try tmux.waitFor(text: "Last event: key down")
        var bytes = 0
        try tmux.waitUntil("output to be recorded") { _ in
            bytes = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
            return bytes > 0
        }
        // A full repaint of the box is over 1500 bytes; "none" -> "key down" and the
        // event counter are a few dozen.
        #expect(bytes < 200, "\(bytes) bytes for one keystroke")
    }

    @Test func vt100GetsASCIIBoxesAndStillWorks() throws {
        let tmux = try TmuxSession(command: Self.demo, term: "vt100")
        defer { tmux.kill() }
        // Wait for the whole frame: under load tmux may show a half-drawn screen first.
        let screen = try tmux.waitUntil("the demo box is drawn") { screen in
            screen.count > 9 && screen[9].hasPrefix("+-") && screen.contains { $0.contains("Привет, мир! Grüße") }
        }
        #expect(screen[0].hasPrefix("+ Terminal demo -"))
        #expect(screen[1].hasPrefix("|Привет"))
        try tmux.sendKeys("Down")
        try tmux.waitFor(text: "Last event: key down")
    }
}
