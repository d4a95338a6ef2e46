import Foundation
import IntakeCore
import Testing
@testable import IntakeTerminal

/// End-to-end: `intake run` with the real curses terminal in tmux, driven like a patient
/// would, with keys, taps (SGR mouse reports) and window resizes.
///
/// A ``Driver`` runs the same session in memory alongside: after each step the tmux pane
/// must show exactly the grid the driver draws, so these tests also prove the curses
/// adapter puts the wizard's grid on a real terminal cell for cell.
@Suite(
    .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make test installs it)"),
    .enabled(if: TmuxSession.intakeBinary != nil, "intake binary not built: run `swift build` first or set INTAKE_BINARY")
)
struct WizardEndToEndTests {
    static var binary: String { TmuxSession.intakeBinary ?? "intake" }
    static var questionnaire: String { WizardFixtures.root.appendingPathComponent("Questionnaires/dermatomyositis.yaml").path }

    /// `intake run` on the dermatomyositis questionnaire, then `EXIT=<status>` kept on screen.
    static func start(width: Int = 80, height: Int = 24, term: String = "xterm-256color", extra: String = "") throws -> (TmuxSession, String) {
        let out = NSTemporaryDirectory() + "/wizard-e2e-\(UUID().uuidString.prefix(8))"
        let command = "sh -c '\"\(binary)\" run \"\(questionnaire)\" --out \"\(out)\" \(extra); echo EXIT=$?; sleep 60'"
        return (try TmuxSession(command: command, width: width, height: height, term: term), out)
    }

    /// Waits until the pane shows exactly what the in-memory driver draws.
    @discardableResult
    static func expectSame(_ tmux: TmuxSession, _ driver: Driver, timeout: Duration = .seconds(5)) throws -> [String] {
        func trimmed(_ lines: [String]) -> [String] {
            var lines = lines
            while lines.last == "" { lines.removeLast() }
            return lines
        }
        let expected = trimmed(driver.lines)
        do {
            return try tmux.waitUntil("the screen to match the driver", timeout: timeout) { trimmed($0) == expected }
        } catch let failure as TmuxSession.Failure {
            throw TmuxSession.Failure(message: failure.message + "\n--- expected ---\n" + expected.joined(separator: "\n"), screen: failure.screen)
        }
    }

    /// Taps the centre of the driver's hit region for `action`, in the pane and in the driver.
    static func tap(_ action: WizardAction, _ tmux: TmuxSession, _ driver: inout Driver) throws {
        let region = try #require(driver.frame.buffer.hitRegions.first { ($0.action as? WizardAction) == action })
        let point = Point(x: region.rect.x + region.rect.width / 2, y: region.rect.y + region.rect.height / 2)
        try tmux.sendMousePress(column: point.x, row: point.y)
        driver.send(.mouse(MouseEvent(.press, at: point)))
        try expectSame(tmux, driver)
        try tmux.sendMouseRelease(column: point.x, row: point.y)
    }

    static func press(_ presses: [ShortestPath.Press], _ tmux: TmuxSession, _ driver: inout Driver) throws {
        for press in presses {
            if case .character(let character) = press.key {
                try tmux.sendText(String(character))
            } else {
                try tmux.sendKeys(press.tmux)
            }
            driver.keys(press.key)
        }
        try expectSame(tmux, driver)
    }

    @Test func aWholeIntakeByKeysTapsAndResizes() throws {
        let (tmux, _) = try Self.start()
        defer { tmux.kill() }
        let questionnaire = try WizardFixtures.dermatomyositis()
        var driver = Driver(questionnaire, welcome: true)
        // The real session's "today" differs from the fixture's; progress and screens do not depend on it.
        try Self.expectSame(tmux, driver)
        let pid = try tmux.pid()

        // Welcome: tap Deutsch, then English again with the keyboard, then tap Start.
        try Self.tap(.language(1), tmux, &driver)
        #expect(try tmux.capture().contains { $0.contains("Beginnen") })
        try Self.press([ShortestPath.Press(key: .up, tmux: "Up")], tmux, &driver)
        try Self.tap(.start, tmux, &driver)
        #expect(try tmux.capture().contains { $0.contains("First, a few questions about you.") })
        try Self.press([ShortestPath.enter], tmux, &driver)  // the section's intro

        // Name: type part, resize 80x24 -> 40x12 -> 120x40 mid-word, finish typing.
        try Self.press(ShortestPath.text("Anna T"), tmux, &driver)
        for size in [Size(width: 40, height: 12), Size(width: 120, height: 40), Size(width: 80, height: 24)] {
            try tmux.resize(width: size.width, height: size.height)
            driver.send(.resize(size))
            try Self.expectSame(tmux, driver)
        }
        try Self.press(ShortestPath.text("est") + [ShortestPath.enter], tmux, &driver)
        #expect(driver.answer("full_name") == .text("Anna Test"))

        var steps = 0
        var changedSkin = false
        var tappedYesNo = 0
        while driver.ui.page == .step, steps < 300 {
            steps += 1
            guard let item = driver.ui.currentItem else {
                try Self.press([ShortestPath.enter], tmux, &driver)
                continue
            }
            if item.id == "skin_changes", !changedSkin {
                // Answer No, go back, change it to Yes: the skin section with the body map appears.
                changedSkin = true
                try Self.press(ShortestPath.presses(for: item), tmux, &driver)
                try Self.press([ShortestPath.Press(key: .escape, tmux: "Escape")], tmux, &driver)
                #expect(driver.item == "skin_changes")
                try Self.press([ShortestPath.character("y"), ShortestPath.enter], tmux, &driver)
            } else if case .yesNo = item.kind, tappedYesNo < 2 {
                // A part by touch: tap "No", then the big Next button.
                tappedYesNo += 1
                try Self.tap(.option(1), tmux, &driver)
                try Self.tap(.next, tmux, &driver)
            } else if item.id == "rash_sites" {
                // The body map: a letter, and a tap on the back figure.
                try Self.press(ShortestPath.text("b"), tmux, &driver)
                try Self.tap(.region("shoulders_upper_back"), tmux, &driver)
                #expect(driver.answer("rash_sites") == .regions(["eyelids", "shoulders_upper_back"]))
                try Self.press([ShortestPath.enter], tmux, &driver)
            } else {
                try Self.press(ShortestPath.presses(for: item), tmux, &driver)
            }
        }
        #expect(changedSkin && tappedYesNo == 2)
        #expect(driver.ui.page == .review)
        try Self.press([ShortestPath.enter], tmux, &driver)  // Submit
        #expect(driver.ui.page == .confirm)
        try Self.tap(.confirmSend, tmux, &driver)
        try tmux.waitFor(text: "Thank you")
        #expect(try tmux.pid() == pid)
        // The thank-you screen stays until Enter (keys in its first 1.5 s are ignored).
        Thread.sleep(forTimeInterval: 1.6)
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "EXIT=0")
        #expect(try tmux.paneFormat("#{alternate_on} #{mouse_any_flag}") == "0 0")
    }

    @Test func ctrlCAndCtrlZDoNotEndIt() throws {
        let (tmux, _) = try Self.start()
        defer { tmux.kill() }
        try tmux.waitFor(text: "Language")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "First, a few questions about you.")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "What is your full name?")
        try tmux.sendText("Anna")
        let pid = try tmux.pid()
        try tmux.sendKeys("C-c")
        try tmux.waitFor(text: "Leave the questionnaire? Your answers are kept.")
        try tmux.sendKeys("Escape")
        try tmux.waitUntil("the dialog to close") { !$0.contains { $0.contains("Leave the questionnaire") } }
        try tmux.sendKeys("C-z")
        try tmux.sendKeys("C-\\")
        try tmux.sendText("!")
        let screen = try tmux.waitFor(text: "[Anna!")
        #expect(try tmux.pid() == pid)
        #expect(!screen.contains { $0.contains("EXIT=") })
        // Leave for real: Ctrl-C, Tab to "Leave", Enter.
        try tmux.sendKeys("C-c")
        try tmux.waitFor(text: "Leave the questionnaire?")
        try tmux.sendKeys("Tab", "Enter")
        try tmux.waitFor(text: "EXIT=0")
        #expect(try tmux.paneFormat("#{alternate_on}") == "0")
    }

    @Test func sigtermRestoresTheTerminal() throws {
        let (tmux, _) = try Self.start()
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "Language")
        #expect(try tmux.paneFormat("#{alternate_on} #{mouse_any_flag}") == "1 1")
        // The pane runs `sh -c`; the program is its child.
        let pid = try #require(Self.child(of: try tmux.pid()))
        #expect(Foundation.kill(pid, SIGTERM) == 0)
        let after = try tmux.waitFor(text: "EXIT=143")
        #expect(!after.contains(screen[0]) || screen[0].isEmpty)
        #expect(try tmux.paneFormat("#{alternate_on} #{mouse_any_flag} #{cursor_flag}") == "0 0 1")
    }

    /// The first child process of `parent` (from /proc), e.g. the program under `sh -c`.
    static func child(of parent: pid_t) -> pid_t? {
        let path = "/proc/\(parent)/task/\(parent)/children"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: " ").first.flatMap { pid_t(String($0)) }
    }

    @Test func closingThePaneEndsTheProcess() throws {
        let tmux = try TmuxSession(command: "\"\(Self.binary)\" run \"\(Self.questionnaire)\" --out /tmp/unused-wizard-out")
        defer { tmux.kill() }
        try tmux.waitFor(text: "Language")
        let pid = try tmux.pid()
        tmux.kill()
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(3)
        while Foundation.kill(pid, 0) == 0, clock.now < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(Foundation.kill(pid, 0) != 0, "the program should end when its terminal goes away")
    }

    @Test func typedEscapeSequencesC1AndBidiControlsNeverReachTheScreen() throws {
        let (tmux, _) = try Self.start()
        defer { tmux.kill() }
        try tmux.waitFor(text: "Language")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "First, a few questions about you.")
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "What is your full name?")
        try tmux.sendText("A\u{9B}31mB\u{202E}C\u{2066}D\u{85}E")
        try tmux.waitFor(text: "[A31mBCDE")
        // An escape sequence typed or pasted: Esc is a key (it goes Back), the rest is text.
        try tmux.sendBytes(Array("\u{1B}]0;pwned\u{7}".utf8))
        Thread.sleep(forTimeInterval: 0.3)
        let raw = try tmux.paneFormat("#{pane_title}")
        #expect(!raw.contains("pwned"))
        for screen in [try tmux.capture()] {
            let text = screen.joined(separator: "\n")
            #expect(!text.unicodeScalars.contains { TextSanitizer.reason(for: $0) != nil && $0 != "\n" }, "\(text)")
        }
    }

    @Test func termDumbAndPlainFlagUseNumberedPrompts() throws {
        for (term, extra) in [("dumb", ""), ("xterm-256color", "--plain")] {
            let (tmux, _) = try Self.start(term: term, extra: extra)
            defer { tmux.kill() }
            try tmux.waitFor(text: "1) English")
            #expect(try tmux.paneFormat("#{alternate_on}") == "0")
            try tmux.sendKeys("1", "Enter")
            try tmux.waitFor(text: "First, a few questions about you.")
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "What is your full name?")
        }
    }

    @Test func vt100GetsASCIIAndNoColourAndStillWorks() throws {
        let (tmux, _) = try Self.start(term: "vt100")
        defer { tmux.kill() }
        let screen = try tmux.waitFor(text: "Language")
        #expect(screen.contains { $0.hasSuffix("+----------+") })
        #expect(screen.contains("  > (*) 1  English"))
        let output = try Self.recordingOutput(tmux) {
            try tmux.sendKeys("Down")
            try tmux.waitFor(text: "Sprache")
        }
        #expect(!Self.hasColour(output), "no colours on vt100")
    }

    @Test(arguments: ["high-contrast", "monochrome"]) func themesStart(_ theme: String) throws {
        let (tmux, _) = try Self.start(extra: "--theme \(theme)")
        defer { tmux.kill() }
        try tmux.waitFor(text: "Language")
        let output = try Self.recordingOutput(tmux) {
            try tmux.sendKeys("Enter")
            try tmux.waitFor(text: "First, a few questions about you.")
        }
        #expect(Self.hasColour(output) == (theme != "monochrome"))
    }

    /// What the program writes to the terminal while `body` runs.
    static func recordingOutput(_ tmux: TmuxSession, _ body: () throws -> Void) throws -> String {
        let path = NSTemporaryDirectory() + "/\(tmux.socket).out"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try tmux.recordOutput(to: path)
        try body()
        var text = ""
        try tmux.waitUntil("output to be recorded") { _ in
            text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            return !text.isEmpty
        }
        Thread.sleep(forTimeInterval: 0.2)
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? text
    }

    /// Whether SGR sequences for real colours (red...cyan, or 256 colours) were sent.
    /// (Black and white, 30/37/40/47, may appear for the terminal's default pair.)
    static func hasColour(_ output: String) -> Bool {
        output.range(of: "\u{1B}\\[([0-9;]*;)?(3[1-6]|4[1-6]|38;5|48;5)[;m]", options: .regularExpression) != nil
    }
}
