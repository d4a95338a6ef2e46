import IntakeCore

/// Short and long free text, with a visible count of characters left.
enum TextWidget {
    static func drawShort(spec: TextSpec, editor: ItemEditor, ui: WizardUI, in rect: Rect, into frame: inout WizardFrame) {
        guard rect.height >= 1 else { return }
        let field = editor.fields.first ?? TextField()
        let width = min(rect.width - 2, max(10, spec.maxLength + 1))
        let cursor = EntryField.draw(field, at: rect.origin, width: width, focused: true, action: .field(0), into: &frame.buffer)
        frame.cursor = ui.overlay == nil ? cursor : nil
        if rect.height >= 2 {
            drawCounter(left: spec.maxLength - field.characters.count, ui: ui, in: Rect(x: rect.x, y: rect.y + 1, width: width + 2, height: 1), into: &frame.buffer)
        }
    }

    /// A box of several lines; the text is broken by display width (not at words) so the
    /// cursor's place is always exact, and the view follows the cursor's line.
    static func drawLong(spec: TextSpec, editor: ItemEditor, ui: WizardUI, in rect: Rect, into frame: inout WizardFrame) {
        guard rect.height >= 3 else {
            drawShort(spec: spec, editor: editor, ui: ui, in: rect, into: &frame)
            return
        }
        let field = editor.fields.first ?? TextField()
        let boxHeight = min(8, rect.height - 1)
        let box = Rect(x: rect.x, y: rect.y, width: rect.width, height: boxHeight)
        let inner = frame.buffer.box(box, style: .focus)
        frame.buffer.addHitRegion(box, action: WizardAction.field(0))
        // Break into lines of at most inner.width columns; remember where the cursor lands.
        var lines: [[Character]] = [[]]
        var lineWidth = 0
        var cursorLine = 0
        var cursorColumn = 0
        for (index, character) in field.characters.enumerated() {
            let w = character.displayWidth
            if lineWidth + w > inner.width {
                lines.append([])
                lineWidth = 0
            }
            if index == field.cursor { cursorLine = lines.count - 1; cursorColumn = lineWidth }
            lines[lines.count - 1].append(character)
            lineWidth += w
        }
        if field.cursor == field.characters.count {
            if lineWidth >= inner.width { lines.append([]); lineWidth = 0 }
            cursorLine = lines.count - 1
            cursorColumn = lineWidth
        }
        let top = max(0, cursorLine - inner.height + 1)
        for row in 0..<inner.height where top + row < lines.count {
            frame.buffer.put(String(lines[top + row]), at: Point(x: inner.x, y: inner.y + row))
        }
        if ui.overlay == nil {
            frame.cursor = Point(x: inner.x + cursorColumn, y: inner.y + cursorLine - top)
        }
        drawCounter(left: spec.maxLength - field.characters.count, ui: ui, in: Rect(x: rect.x, y: box.maxY, width: rect.width, height: 1), into: &frame.buffer)
    }

    static func drawCounter(left: Int, ui: WizardUI, in rect: Rect, into buffer: inout ScreenBuffer) {
        buffer.put(InterfaceText.charactersLeft.text(ui.language, max(0, left)), in: rect, alignment: .right, style: .muted)
    }
}
