import IntakeCore

/// The help text of the current question in a box over the page; any key closes it.
enum HelpOverlay {
    static func draw(_ ui: WizardUI, layout: PageLayout, into frame: inout WizardFrame) {
        let column = layout.column
        let box = Rect(x: column.x + 2, y: 2, width: column.width - 4, height: layout.size.height - 4)
        let text: String
        if ui.page == .step, let item = ui.engine.currentItem {
            text = ui.text(item.text) + "\n\n" + (item.help.map { ui.text($0) } ?? ui.text(.noHelp))
        } else if ui.page == .review {
            text = ui.text(.reviewHint)
        } else {
            text = ui.engine.questionnaire.metadata.description.map { ui.text($0) } ?? ui.text(.welcomeGoBackAnyTime)
        }
        frame.buffer.fill(box)
        let inner = frame.buffer.box(box, title: ui.text(.help))
        frame.buffer.addHitRegion(layout.size == .zero ? box : Rect(x: 0, y: 0, width: layout.size.width, height: layout.size.height), action: WizardAction.closeHelp)
        let content = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: inner.height - 1)
        let lines = TextWrap.wrap(text, width: content.width)
        let top = max(0, min(ui.helpScroll, lines.count - content.height))
        frame.helpTop = top
        for row in 0..<content.height where top + row < lines.count {
            frame.buffer.put(lines[top + row], at: Point(x: content.x, y: content.y + row))
        }
        if top > 0 { frame.buffer.put(frame.buffer.glyphs.moreAbove, at: Point(x: inner.maxX - 1, y: content.y), style: .accent) }
        if top + content.height < lines.count {
            frame.buffer.put(frame.buffer.glyphs.moreBelow, at: Point(x: inner.maxX - 1, y: content.maxY - 1), style: .accent)
        }
        frame.buffer.put(ui.text(.helpClose), in: Rect(x: content.x, y: inner.maxY - 1, width: content.width, height: 1), alignment: .left, style: .muted)
    }
}

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

/// Shown below 40x12 instead of the page; every answer and all typed text stay as they were.
enum TooSmallView {
    static func draw(_ ui: WizardUI, into buffer: inout ScreenBuffer) {
        let size = buffer.size
        guard size.width > 0, size.height > 0 else { return }
        let text = ui.text(.enlargeWindow)
        let lines = TextWrap.wrap(text, width: size.width)
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < size.height {
            buffer.put(line, in: Rect(x: 0, y: top + index, width: size.width, height: 1), alignment: .center, style: .warning)
        }
    }
}
