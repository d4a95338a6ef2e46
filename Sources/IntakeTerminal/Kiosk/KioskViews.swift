import IntakeCore

/// The kiosk's own screens. Each replaces the whole page, so nothing of the questions
/// shows behind "Are you still there?" or the staff dialog.
public enum KioskViews {
    public static func render(_ controller: KioskController, size: Size, glyphs: Glyphs) -> (buffer: ScreenBuffer, cursor: Point?) {
        let language = controller.ui.language
        switch controller.mode {
        case .wizard:
            let frame = WizardView.render(controller.ui, size: size)
            return (frame.buffer, frame.cursor)
        case .idleWarning(let secondsLeft):
            return (centered([
                (InterfaceText.stillThere.text(language).uppercased(), .title),
                ("", .normal),
                (InterfaceText.secondsLeft.text(language, secondsLeft), .normal),
            ], size: size, glyphs: glyphs), nil)
        case .staffPIN(let typed, let wrong):
            let dots = String(repeating: "*", count: typed.count)
            return (centered([
                ("Staff: type the PIN and press Enter (Esc: back)", .title),
                ("", .normal),
                ("PIN: " + dots, .normal),
                (wrong ? "Wrong PIN." : "", .error),
            ], size: size, glyphs: glyphs), nil)
        case .frontDesk:
            return (centered([(InterfaceText.frontDesk.text(language), .warning)], size: size, glyphs: glyphs), nil)
        }
    }

    /// Lines centred on an otherwise blank screen; long lines are wrapped by `paragraph`.
    static func centered(_ lines: [(String, Style)], size: Size, glyphs: Glyphs) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: size, glyphs: glyphs)
        var y = max(0, size.height / 2 - lines.count)
        for (text, style) in lines {
            guard y < size.height else { break }
            let width = DisplayWidth.of(text)
            if width <= size.width - 4 {
                _ = buffer.put(text, at: Point(x: max(0, (size.width - width) / 2), y: y), style: style, maxWidth: size.width)
                y += 1
            } else {
                let rect = Rect(x: 2, y: y, width: max(1, size.width - 4), height: max(1, size.height - y))
                y += buffer.paragraph(text, in: rect, style: style)
            }
        }
        return buffer
    }
}
