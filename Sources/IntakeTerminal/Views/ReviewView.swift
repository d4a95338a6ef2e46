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
