import IntakeCore

/// Title, what the questionnaire is for, how long it takes, the language, and Start.
enum WelcomeView {
    static func draw(_ ui: WizardUI, layout: PageLayout, into frame: inout WizardFrame) {
        let meta = ui.engine.questionnaire.metadata
        let buttons = [ButtonSpec(label: ui.text(.start), action: .start, focused: true, placement: .right)]
        var hints = [KeyHint(key: "Enter", label: ui.text(.start))]
        if meta.languages.count > 1 { hints.append(KeyHint(key: "↑↓", label: ui.text(.chooseLanguage))) }
        hints.append(KeyHint(key: "F1", label: ui.text(.help), action: .help))
        var body = PageChrome.draw(
            into: &frame.buffer, layout: layout, header: ui.text(meta.title), status: nil, fraction: nil,
            hints: hints, buttons: buttons)
        if !layout.compact { body = body.splitTop(1).rest }
        var lines: [String] = []
        if let description = meta.description { lines.append(ui.text(description)) }
        if let minutes = meta.estimatedMinutes { lines.append(InterfaceText.welcomeEstimatedMinutes.text(ui.language, minutes)) }
        lines.append(ui.text(.welcomeGoBackAnyTime))
        let languageRows = meta.languages.count > 1 ? meta.languages.count + 1 : 0
        let textRect = Rect(x: body.x, y: body.y, width: body.width, height: max(1, body.height - languageRows - 1))
        var y = textRect.y
        for line in lines where y < textRect.maxY {
            y += frame.buffer.paragraph(line, in: Rect(x: textRect.x, y: y, width: textRect.width, height: textRect.maxY - y))
            if !layout.compact { y += 1 }
        }
        guard languageRows > 0 else { return }
        let listRect = Rect(x: body.x, y: body.maxY - languageRows, width: body.width, height: languageRows)
        frame.buffer.put(ui.text(.chooseLanguage), in: Rect(x: listRect.x, y: listRect.y, width: listRect.width, height: 1), alignment: .left, style: .title)
        let rows = meta.languages.enumerated().map { index, code in
            ListRow(pieces: [((index == ui.languageFocus ? ui.glyphs.radioOn : ui.glyphs.radioOff), index == ui.languageFocus ? .selected : .normal),
                             (" \(index + 1)  ", .accent), (InterfaceText.languageName(code), .normal)],
                    action: .language(index))
        }
        ListView.draw(rows, focus: ui.languageFocus, scrollHint: 0, in: Rect(x: listRect.x, y: listRect.y + 1, width: listRect.width, height: listRect.height - 1), into: &frame.buffer)
    }
}
