import IntakeCore

/// A one-line entry box `[text   ]` that scrolls sideways to keep the cursor in view.
enum EntryField {
    /// Draws the field (brackets included, `width` inner columns) and returns where the
    /// cursor goes when it is focused.
    @discardableResult
    static func draw(
        _ field: TextField, at point: Point, width: Int, focused: Bool, action: WizardAction,
        into buffer: inout ScreenBuffer
    ) -> Point? {
        guard width > 0 else { return nil }
        let style = focused ? Style.focus : Style(.button, .underline)
        buffer.put("[", at: point, style: .border)
        let inner = Rect(x: point.x + 1, y: point.y, width: width, height: 1)
        buffer.fill(inner, style: style)
        buffer.put("]", at: Point(x: inner.maxX, y: point.y), style: .border)
        let characters = field.characters
        // First character shown: as far left as possible with the cursor still inside.
        // (A full field shows all of it; the cursor then sits on the closing bracket.)
        var start = 0
        let fits = DisplayWidth.of(field.text) <= width
        while !fits, start < field.cursor, DisplayWidth.of(String(characters[start..<field.cursor])) > width - 1 { start += 1 }
        var x = inner.x
        for character in characters[start...] {
            let w = character.displayWidth
            if x + w > inner.maxX { break }
            x += buffer.put(String(character), at: Point(x: x, y: point.y), style: style)
        }
        buffer.addHitRegion(Rect(x: point.x, y: point.y, width: width + 2, height: 1), action: action)
        guard focused else { return nil }
        return Point(x: inner.x + DisplayWidth.of(String(characters[start..<field.cursor])), y: point.y)
    }
}
