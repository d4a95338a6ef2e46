import IntakeCore

/// Draws the answer widget of an item into the space under the question.
enum WidgetView {
    static func draw(_ item: Item, editor: ItemEditor, ui: WizardUI, in rect: Rect, size: Size, into frame: inout WizardFrame) {
        let answer = ui.engine.answer(for: item.id)
        switch item.kind {
        case .yesNo(let notSure):
            YesNoWidget.draw(notSure: notSure, answer: answer, editor: editor, ui: ui, in: rect, into: &frame)
        case .singleChoice(let options):
            let chosen: String? = if case .choice(let id)? = answer { id } else { nil }
            let rows = options.enumerated().map { index, option in
                ChoiceRows.row(index: index, label: ui.text(option.label), on: option.id == chosen, radio: true, glyphs: ui.glyphs)
            }
            frame.listTop = ListView.draw(rows, focus: editor.focus, scrollHint: editor.scroll, in: rect, into: &frame.buffer)
        case .multipleChoice(let options):
            let chosen: [String] = if case .choices(let ids)? = answer { ids } else { [] }
            let rows = options.enumerated().map { index, option in
                ChoiceRows.row(index: index, label: ui.text(option.label), on: chosen.contains(option.id), radio: false, glyphs: ui.glyphs)
            }
            frame.listTop = ListView.draw(rows, focus: editor.focus, scrollHint: editor.scroll, in: rect, into: &frame.buffer)
        case .rating(let spec):
            RatingWidget.draw(spec: spec, value: editor.ratingValue, ui: ui, in: rect, into: &frame.buffer)
        case .integer(let spec), .decimal(let spec):
            EntryWidgets.drawNumber(spec: spec, editor: editor, ui: ui, in: rect, into: &frame)
        case .date(let spec):
            EntryWidgets.drawDate(spec: spec, editor: editor, answer: answer, ui: ui, in: rect, into: &frame)
        case .duration(let spec):
            EntryWidgets.drawDuration(spec: spec, editor: editor, answer: answer, ui: ui, in: rect, into: &frame)
        case .shortText(let spec):
            TextWidget.drawShort(spec: spec, editor: editor, ui: ui, in: rect, into: &frame)
        case .longText(let spec):
            TextWidget.drawLong(spec: spec, editor: editor, ui: ui, in: rect, into: &frame)
        case .bodyMap(let spec):
            BodyMapWidget.draw(item: item, spec: spec, answer: answer, editor: editor, ui: ui, in: rect, size: size, into: &frame)
        case .note:
            break
        }
    }
}

/// Rows of choice lists: `▶ (●) 1  Often`.
enum ChoiceRows {
    static func row(index: Int, label: String, on: Bool, radio: Bool, glyphs: Glyphs, hotkey: String? = nil) -> ListRow {
        let mark = radio ? (on ? glyphs.radioOn : glyphs.radioOff) : (on ? glyphs.checkboxOn : glyphs.checkboxOff)
        let key = hotkey ?? (index < 9 ? String(index + 1) : " ")
        return ListRow(
            pieces: [(mark, on ? .selected : .normal), (" " + key + "  ", .accent), (label, on ? .selected : .normal)],
            action: .option(index))
    }
}

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

/// A 0-10 style scale: a marker over the chosen number, the numbers, and the end labels.
enum RatingWidget {
    static func draw(spec: RatingSpec, value: Int?, ui: WizardUI, in rect: Rect, into buffer: inout ScreenBuffer) {
        let count = spec.maximum - spec.minimum + 1
        guard count > 0, rect.height >= 2 else { return }
        let cell = max(2, min(6, rect.width / count))
        let used = cell * count
        let x0 = rect.x + max(0, (rect.width - used) / 2)
        for offset in 0..<count {
            let number = spec.minimum + offset
            let area = Rect(x: x0 + offset * cell, y: rect.y + 1, width: cell, height: 1)
            let on = number == value
            let text = on && cell >= 4 ? "[\(number)]" : String(number)
            buffer.put(text, in: area, alignment: .center, style: on ? .selected : .button)
            if on {
                buffer.put(buffer.glyphs.moreBelow, in: Rect(x: area.x, y: rect.y, width: cell, height: 1), alignment: .center, style: .selected)
            }
            buffer.addHitRegion(Rect(x: area.x, y: rect.y, width: cell, height: 3), action: WizardAction.rating(number))
        }
        let low = spec.minimumLabel.map { ui.text($0) } ?? ""
        let high = spec.maximumLabel.map { ui.text($0) } ?? ""
        let labelRow = Rect(x: x0, y: rect.y + 2, width: min(used, rect.width), height: 1)
        if low.displayWidth + high.displayWidth + 2 <= labelRow.width {
            buffer.put(low, in: labelRow, alignment: .left, style: .muted)
            buffer.put(high, in: labelRow, alignment: .right, style: .muted)
        } else if rect.height >= 4 {
            buffer.put("\(spec.minimum) = " + low, in: labelRow, alignment: .left, style: .muted)
            buffer.put("\(spec.maximum) = " + high, in: Rect(x: labelRow.x, y: labelRow.y + 1, width: labelRow.width, height: 1), alignment: .left, style: .muted)
        }
    }
}
