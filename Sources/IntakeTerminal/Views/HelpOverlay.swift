import IntakeCore

/// The help text of the current question in a box over the page; any key closes it.
enum HelpOverlay {
    static func draw(_ ui: WizardUI, layout: PageLayout, into frame: inout WizardFrame) {
        let column = layout.column
        let box = Rect(x: column.x, y: 2, width: column.width, height: layout.size.height - 3)
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
        // A tap anywhere closes the help, like any key.
        frame.buffer.addHitRegion(Rect(origin: .zero, size: layout.size), action: WizardAction.closeHelp)
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
