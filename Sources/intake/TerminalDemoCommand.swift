import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeTerminal

/// `intake terminal-demo`: a tiny screen used by the tmux end-to-end tests (hidden).
///
/// Draws a box with Cyrillic, German and CJK text and a button, and shows the last
/// event received, so a test can check rendering, keys, mouse taps (hit regions),
/// resizes, Ctrl-C and signal handling. `q` quits.
struct TerminalDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-demo",
        abstract: "Draw a test screen and echo input events (for end-to-end tests).",
        shouldDisplay: false
    )

    @Option(help: "Colour theme: default, highContrast or monochrome.")
    var theme: String = "default"

    @Flag(help: "Draw boxes with ASCII characters.")
    var ascii = false

    enum Action: Hashable, Sendable { case button }

    func run() throws {
        let options = CursesTerminal.Options(
            theme: Theme(rawValue: theme) ?? .default, glyphs: ascii ? .ascii : .automatic)
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(options: options)
        } catch {
            print("terminal-demo: \(error)")
            throw ExitCode(1)
        }
        defer { terminal.close() }
        var last = "none"
        var count = 0
        while true {
            let screen = Self.draw(size: terminal.size, capabilities: terminal.capabilities, last: last, count: count)
            terminal.present(screen, cursor: nil)
            let event = terminal.nextEvent(timeout: .seconds(30))
            switch event {
            case .key(.character("q")):
                return
            case .endOfInput:
                return
            case .signal(let signal):
                terminal.close()
                throw ExitCode(signal.conventionalExitStatus)
            case .mouse(let mouse):
                let target = screen.action(at: mouse.position, as: Action.self).map { " on \($0)" } ?? ""
                last = "\(Self.describe(event))\(target)"
            default:
                last = Self.describe(event)
            }
            count += 1
        }
    }

    static func draw(size: Size, capabilities: TerminalCapabilities, last: String, count: Int) -> ScreenBuffer {
        var screen = ScreenBuffer(size: size, glyphs: capabilities.glyphs)
        let frame = Rect(x: 0, y: 0, width: min(size.width, 60), height: min(size.height, 10))
        let inner = screen.box(frame, title: "Terminal demo")
        screen.put("Привет, мир! Grüße", at: inner.origin, style: .title)
        screen.put("你好，世界 안녕하세요", at: Point(x: inner.x, y: inner.y + 1), style: .accent)
        screen.put("Last event: \(last)", at: Point(x: inner.x, y: inner.y + 3), maxWidth: inner.width)
        screen.put(
            "Events: \(count)  Size: \(size.width)x\(size.height)  PID: \(getpid())",
            at: Point(x: inner.x, y: inner.y + 4), style: .muted)
        let button = Rect(x: inner.x, y: inner.y + 6, width: 12, height: 1)
        screen.put("[ Press me ]", at: button.origin, style: .buttonFocused)
        screen.addHitRegion(button, action: Action.button)
        return screen
    }

    static func describe(_ event: TerminalEvent) -> String {
        switch event {
        case .key(let key):
            switch key {
            case .character(let character): return "key character(\(character))"
            case .control(let character): return "key control(\(character))"
            case .function(let number): return "key F\(number)"
            default: return "key \(key)"
            }
        case .mouse(let mouse): return "mouse \(mouse.kind) at \(mouse.position.x),\(mouse.position.y)"
        case .resize(let size): return "resize \(size.width)x\(size.height)"
        case .timeout: return "timeout"
        case .endOfInput: return "end of input"
        case .signal(let signal): return "signal \(signal)"
        }
    }
}
