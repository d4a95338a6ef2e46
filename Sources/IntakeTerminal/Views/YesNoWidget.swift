import IntakeCore

/// Yes / No (/ Not sure) as big side-by-side buttons, or a list when they do not fit.
enum YesNoWidget {
    static func draw(notSure: Bool, answer: Answer?, editor: ItemEditor, ui: WizardUI, in rect: Rect, into frame: inout WizardFrame) {
        let choices: [YesNo] = notSure ? [.yes, .no, .notSure] : [.yes, .no]
        let labels = choices.map { choice -> String in
            switch choice {
            case .yes: ui.text(.yes)
            case .no: ui.text(.no)
            case .notSure: ui.text(.notSure)
            }
        }
        let keys = ["Y", "N", "3"]
        let chosen: YesNo? = if case .yesNo(let value)? = answer { value } else { nil }
        let glyphs = ui.glyphs
        let boxWidth = (labels.map(\.displayWidth).max() ?? 4) + glyphs.radioOn.displayWidth + 8
        let total = choices.count * boxWidth + (choices.count - 1) * 2
        guard rect.height >= 4, total <= rect.width else {
            let rows = choices.indices.map { index in
                ChoiceRows.row(index: index, label: labels[index], on: chosen == choices[index], radio: true, glyphs: glyphs,
                               hotkey: index < 2 ? keys[index] : "3")
            }
            frame.listTop = ListView.draw(rows, focus: editor.focus, scrollHint: 0, in: rect, into: &frame.buffer)
            return
        }
        for (index, choice) in choices.enumerated() {
            let area = Rect(x: rect.x + index * (boxWidth + 2), y: rect.y, width: boxWidth, height: 3)
            let on = chosen == choice
            let focused = editor.focus == index && editor.touched
            let style: Style = on ? .selected : (focused ? .focus : .button)
            let characters: BoxCharacters? = focused && glyphs.box == .unicode ? .heavy : nil
            frame.buffer.box(area, style: style, characters: characters)
            let label = (on ? glyphs.radioOn : glyphs.radioOff) + " " + labels[index]
            frame.buffer.put(label, in: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: 1), alignment: .center, style: style)
            frame.buffer.addHitRegion(area, action: WizardAction.option(index))
        }
        // Which keys pick what: "Y = Yes · N = No".
        var keyHints = ["Y = \(labels[0])", "N = \(labels[1])"]
        if notSure { keyHints.append("3 = \(labels[2])") }
        frame.buffer.put(keyHints.joined(separator: " · "), in: Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: 1), alignment: .left, style: .muted)
    }
}
