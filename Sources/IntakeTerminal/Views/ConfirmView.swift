import IntakeCore

/// "Ready to send?" with Back and Submit.
enum ConfirmView {
    static func draw(_ ui: WizardUI, layout: PageLayout, into frame: inout WizardFrame) {
        let buttons = [
            ButtonSpec(label: ui.text(.back), action: .confirmBack, focused: !ui.confirmSendFocused, placement: .left),
            ButtonSpec(label: ui.text(.submit), action: .confirmSend, focused: ui.confirmSendFocused, placement: .right),
        ]
        let hints = [KeyHint(key: "Enter", label: ui.confirmSendFocused ? ui.text(.submit) : ui.text(.back)),
                     KeyHint(key: "Esc", label: ui.text(.back))]
        var body = PageChrome.draw(
            into: &frame.buffer, layout: layout, header: ui.text(ui.engine.questionnaire.metadata.title),
            status: nil, fraction: nil, hints: hints, buttons: buttons)
        if !layout.compact { body = body.splitTop(1).rest }
        let rows = frame.buffer.paragraph(ui.text(.confirmTitle), in: body, style: .title)
        body = body.splitTop(rows + 1).rest
        frame.buffer.paragraph(ui.text(.confirmText), in: body)
    }
}
