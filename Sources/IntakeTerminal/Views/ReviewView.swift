import IntakeCore

/// Every visible question with its answer, by section; a row opens the question to
/// change it, Submit goes to the confirmation.
enum ReviewView {
    static func draw(_ ui: WizardUI, layout: PageLayout, into frame: inout WizardFrame) {
        let entries = ui.engine.reviewEntries
        let focus = ui.reviewFocusIndex
        let buttons = [
            ButtonSpec(label: ui.text(.back), action: .back, focused: false, placement: .left),
            ButtonSpec(label: ui.text(.submit), action: .submit, focused: focus == entries.count, placement: .right),
        ]
        let hints = [
            KeyHint(key: "↑↓", label: ui.text(.reviewHint)),
            KeyHint(key: "Tab", label: ui.text(.submit), action: .submit),
            KeyHint(key: "Esc", label: ui.text(.back), action: .back),
        ]
        var body = PageChrome.draw(
            into: &frame.buffer, layout: layout, header: ui.text(ui.engine.questionnaire.metadata.title),
            status: ui.text(.reviewTitle) + " · " + ui.text(.reviewHint), fraction: ui.engine.progress.fraction,
            hints: hints, buttons: buttons)
        if !layout.compact { body = body.splitTop(1).rest }
        var rows: [ListRow] = []
        var focusRow: Int?
        var lastSection = ""
        let labelWidth = max(10, (body.width - 3) * 11 / 20)
        for (index, entry) in entries.enumerated() {
            if entry.section.id != lastSection {
                rows.append(ListRow(pieces: [(ui.text(entry.section.title), .title)], action: nil, focusable: false))
                lastSection = entry.section.id
            }
            if index == focus { focusRow = rows.count }
            let label = TextWrap.fit(ui.text(entry.item.summaryLabel ?? entry.item.text), toWidth: labelWidth - 1, ellipsis: ui.glyphs.ellipsis)
            let answer = AnswerText.display(entry.answer, for: entry.item, language: ui.language)
            rows.append(ListRow(
                pieces: [(label + " ", .normal), (answer, entry.answer == nil ? .muted : .accent)],
                action: .reviewEntry(index)))
        }
        frame.listTop = ListView.draw(rows, focus: focusRow, scrollHint: ui.reviewScroll, in: body, into: &frame.buffer)
    }
}
