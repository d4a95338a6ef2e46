import IntakeCore

/// "Continue where you left off? [Continue] [Start again]": asked when a saved draft is
/// found at start-up. Keys: Left/Right/Tab move, Enter or Space chooses, `c` continues,
/// `s` starts again; a tap on a button chooses it.
public enum ResumePrompt {
    public enum Choice: Hashable, Sendable {
        case resume
        case startAgain
        /// The terminal went away or a signal arrived before a choice.
        case cancelled
        /// Nobody chose within the timeout (kiosk: the draft is then discarded).
        case timedOut
    }

    enum Action: Hashable, Sendable { case resume, startAgain }

    public static func title(_ language: String) -> String {
        switch language {
        case "de": "Möchten Sie dort weitermachen, wo Sie aufgehört haben?"
        case "ru": "Продолжить с того места, где вы остановились?"
        default: "Continue where you left off?"
        }
    }

    public static func labels(_ language: String) -> (resume: String, startAgain: String) {
        switch language {
        case "de": ("Weitermachen", "Neu beginnen")
        case "ru": ("Продолжить", "Начать заново")
        default: ("Continue", "Start again")
        }
    }

    /// Draws the prompt; `resumeFocused` says which button Enter presses.
    public static func render(language: String, resumeFocused: Bool, size: Size, glyphs: Glyphs) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size, glyphs: glyphs)
        let title = title(language)
        let (resume, again) = labels(language)
        let top = max(0, size.height / 2 - 2)
        _ = buffer.put(title, at: Point(x: max(0, (size.width - DisplayWidth.of(title)) / 2), y: top), style: .title, maxWidth: size.width)
        let first = "[ \(resume) ]"
        let second = "[ \(again) ]"
        let total = DisplayWidth.of(first) + 4 + DisplayWidth.of(second)
        let x = max(0, (size.width - total) / 2)
        let y = min(size.height - 1, top + 2)
        let w1 = buffer.put(first, at: Point(x: x, y: y), style: resumeFocused ? .buttonFocused : .button)
        buffer.addHitRegion(Rect(x: x, y: y, width: w1, height: 1), action: Action.resume)
        let x2 = x + DisplayWidth.of(first) + 4
        let w2 = buffer.put(second, at: Point(x: x2, y: y), style: resumeFocused ? .button : .buttonFocused)
        buffer.addHitRegion(Rect(x: x2, y: y, width: w2, height: 1), action: Action.startAgain)
        return buffer
    }

    /// Shows the prompt until the patient chooses (or `timeout` passes without any input).
    public static func ask(terminal: Terminal, language: String, timeout: Duration? = nil) -> Choice {
        var resumeFocused = true
        while true {
            let buffer = render(language: language, resumeFocused: resumeFocused, size: terminal.size, glyphs: terminal.capabilities.glyphs)
            terminal.present(buffer, cursor: nil)
            switch terminal.nextEvent(timeout: timeout) {
            case .key(let key):
                switch key {
                case .left, .right, .tab, .backTab, .up, .down: resumeFocused.toggle()
                case .enter, .character(" "): return resumeFocused ? .resume : .startAgain
                case .character("c"), .character("C"): return .resume
                case .character("s"), .character("S"): return .startAgain
                default: break
                }
            case .mouse(let mouse):
                if mouse.kind == .press, let action = buffer.action(at: mouse.position, as: Action.self) {
                    return action == .resume ? .resume : .startAgain
                }
            case .endOfInput, .signal:
                return .cancelled
            case .timeout:
                return .timedOut
            case .resize:
                break
            }
        }
    }
}
