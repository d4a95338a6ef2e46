import IntakeCore

/// Numbers, dates and durations: typed fields with their labels and hints.
enum EntryWidgets {
    static func drawNumber(spec: NumberSpec, editor: ItemEditor, ui: WizardUI, in rect: Rect, into frame: inout WizardFrame) {
        guard rect.height >= 1 else { return }
        let field = editor.fields.first ?? TextField()
        let cursor = EntryField.draw(field, at: rect.origin, width: 12, focused: true, action: .field(0), into: &frame.buffer)
        frame.cursor = ui.overlay == nil ? cursor : nil
        if let unit = spec.unit {
            frame.buffer.put(" " + ui.text(unit), at: Point(x: rect.x + 14, y: rect.y))
        }
        if rect.height >= 2, spec.minimum != nil || spec.maximum != nil {
            let hint = InterfaceText.rangeHint.text(ui.language, WizardView.number(spec.minimum), WizardView.number(spec.maximum))
                + (spec.unit.map { " " + ui.text($0) } ?? "")
            frame.buffer.put(hint, in: Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: 1), alignment: .left, style: .muted)
        }
    }

    static func drawDate(spec: DateSpec, editor: ItemEditor, answer: Answer?, ui: WizardUI, in rect: Rect, into frame: inout WizardFrame) {
        guard rect.height >= 1 else { return }
        let labels: [String] = spec.precision == .day ? [ui.text(.day), ui.text(.month), ui.text(.year)] : [ui.text(.month), ui.text(.year)]
        let widths = spec.precision == .day ? [2, 2, 4] : [2, 4]
        var x = rect.x
        for (index, label) in labels.enumerated() {
            x += frame.buffer.put(label + " ", at: Point(x: x, y: rect.y), style: .muted)
            let field = editor.fields.indices.contains(index) ? editor.fields[index] : TextField()
            let focused = editor.focus == index
            let cursor = EntryField.draw(field, at: Point(x: x, y: rect.y), width: widths[index], focused: focused, action: .field(index), into: &frame.buffer)
            if focused, ui.overlay == nil { frame.cursor = cursor }
            x += widths[index] + 2 + 2
        }
        if spec.allowsUnknown, rect.height >= 3 {
            drawDontRemember(on: answer == .unknown && editor.fields.allSatisfy(\.isEmpty), focused: editor.focus >= editor.fields.count,
                             ui: ui, at: Point(x: rect.x, y: rect.y + 2), width: rect.width, into: &frame.buffer)
        }
    }

    static func drawDuration(spec: DurationSpec, editor: ItemEditor, answer: Answer?, ui: WizardUI, in rect: Rect, into frame: inout WizardFrame) {
        guard rect.height >= 2 else { return }
        var x = rect.x
        x += frame.buffer.put(ui.text(.amount) + " ", at: rect.origin, style: .muted)
        let field = editor.fields.first ?? TextField()
        let cursor = EntryField.draw(field, at: Point(x: x, y: rect.y), width: 6, focused: editor.focus == 0, action: .field(0), into: &frame.buffer)
        if editor.focus == 0, ui.overlay == nil { frame.cursor = cursor }
        // Units as radio buttons under their label, wrapping onto more rows when narrow.
        let glyphs = ui.glyphs
        let arrows = glyphs == .unicode ? "← →" : "<- ->"
        frame.buffer.put(ui.text(.unit) + " (" + arrows + ")", at: Point(x: rect.x, y: rect.y + 1), style: .muted)
        var row = rect.y + 2
        x = rect.x
        if editor.focus == 1 {
            frame.buffer.put(glyphs.pointer, at: Point(x: x, y: row), style: .focus)
        }
        x += glyphs.pointer.displayWidth + 1
        for (index, unit) in spec.units.enumerated() {
            let on = editor.unitIndex == index
            let text = (on ? glyphs.radioOn : glyphs.radioOff) + " " + AnswerText.unitName(unit, language: ui.language)
            let width = text.displayWidth
            if x + width > rect.maxX, x > rect.x + 2 {
                row += 1
                x = rect.x + glyphs.pointer.displayWidth + 1
            }
            guard row < rect.maxY else { break }
            let style: Style = on ? .selected : (editor.focus == 1 ? .focus : .normal)
            frame.buffer.put(text, at: Point(x: x, y: row), style: style)
            frame.buffer.addHitRegion(Rect(x: x, y: row, width: width, height: 1), action: WizardAction.unit(index))
            x += width + 3
        }
        if spec.allowsUnknown, row + 2 < rect.maxY {
            drawDontRemember(on: answer == .unknown && (editor.fields.first?.isEmpty ?? true), focused: editor.focus == 2,
                             ui: ui, at: Point(x: rect.x, y: row + 2), width: rect.width, into: &frame.buffer)
        }
    }

    /// `▶ [✓] I don't remember`, a tap target.
    static func drawDontRemember(on: Bool, focused: Bool, ui: WizardUI, at point: Point, width: Int, into buffer: inout ScreenBuffer) {
        let row = ListRow(pieces: [(on ? ui.glyphs.checkboxOn : ui.glyphs.checkboxOff, on ? .selected : .normal),
                                   (" " + ui.text(.dontRemember), on ? .selected : .normal)],
                          action: .dontRemember)
        ListView.draw([row], focus: focused ? 0 : nil, scrollHint: 0, in: Rect(x: point.x, y: point.y, width: width, height: 1), into: &buffer)
    }
}
