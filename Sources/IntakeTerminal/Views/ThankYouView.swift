import IntakeCore

/// Thanks; for urgent flags, their calm messages and "Please tell the front desk now".
enum ThankYouView {
    static func draw(_ ui: WizardUI, layout: PageLayout, into frame: inout WizardFrame) {
        let buttons = [ButtonSpec(label: ui.text(.done), action: .finish, focused: true, placement: .right)]
        let hints = [KeyHint(key: "Enter", label: ui.text(.done))]
        var body = PageChrome.draw(
            into: &frame.buffer, layout: layout, header: ui.text(ui.engine.questionnaire.metadata.title),
            status: nil, fraction: nil, hints: hints, buttons: buttons)
        if !layout.compact { body = body.splitTop(1).rest }
        func say(_ text: String, _ style: Style = .normal) {
            guard body.height > 0 else { return }
            let rows = frame.buffer.paragraph(text, in: body, style: style)
            body = body.splitTop(rows + (layout.compact ? 0 : 1)).rest
        }
        say(ui.text(.thankYouTitle), .title)
        if ui.submissionFailed {
            say(ui.text(.frontDesk), .warning)
            return
        }
        say(ui.text(.thankYouText))
        for message in ui.urgentMessages { say(ui.text(message), .warning) }
        if !ui.urgentMessages.isEmpty { say(ui.text(.tellFrontDeskNow), .warning) }
        say(ui.text(.finishHint), .muted)
    }
}
