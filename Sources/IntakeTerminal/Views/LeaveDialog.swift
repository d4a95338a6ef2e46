import IntakeCore

/// "Leave the questionnaire? Your answers are kept." with Stay and Leave.
enum LeaveDialog {
    static func draw(_ ui: WizardUI, leaveFocused: Bool, layout: PageLayout, into buffer: inout ScreenBuffer) {
        let column = layout.column
        let width = min(column.width, 56)
        let textLines = TextWrap.wrap(ui.text(.leaveQuestion), width: width - 4)
        let height = textLines.count + (layout.compact ? 4 : 6)
        let box = Rect(x: column.x + (column.width - width) / 2, y: max(0, (layout.size.height - height) / 2), width: width, height: height)
        buffer.fill(box)
        let inner = buffer.box(box, style: .warning)
        buffer.paragraph(ui.text(.leaveQuestion), in: Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: textLines.count))
        let buttonRows = layout.compact ? 1 : 3
        let row = Rect(x: inner.x + 1, y: inner.maxY - buttonRows, width: inner.width - 2, height: buttonRows)
        PageChrome.drawButtons([
            ButtonSpec(label: ui.text(.leaveNo), action: .stay, focused: !leaveFocused, placement: .left),
            ButtonSpec(label: ui.text(.leaveYes), action: .leave, focused: leaveFocused, placement: .right),
        ], in: row, big: !layout.compact, into: &buffer)
    }
}
