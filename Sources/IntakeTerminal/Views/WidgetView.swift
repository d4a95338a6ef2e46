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
