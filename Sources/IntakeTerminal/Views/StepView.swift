import IntakeCore

/// A question (or a section intro): header, progress, the question, its widget, a
/// problem line, Back/Next buttons and key hints.
enum StepView {
    static func draw(_ ui: WizardUI, layout: PageLayout, into frame: inout WizardFrame) {
        let engine = ui.engine
        guard let step = engine.currentStep else { return }
        let section = engine.questionnaire.sections[step.sectionIndex]
        let progress = engine.progress
        var status = [ui.text(section.title)]
        if let position = progress.sectionPosition, engine.currentItem != nil {
            status.append(InterfaceText.questionOfTotal.text(ui.language, position, progress.sectionTotal))
        }
        if let minutes = progress.minutesLeft, minutes > 0 {
            status.append(InterfaceText.minutesLeft.text(ui.language, minutes))
        }
        let item = engine.currentItem
        let isBodyMapFigure = item.map { BodyMapWidget.usesFigure($0, ui: ui, size: layout.size) } ?? false
        let buttons = [
            ButtonSpec(label: ui.text(.back), action: .back, focused: false, placement: .left),
            ButtonSpec(label: ui.text(.next), action: .next, focused: true, placement: .right),
        ]
        var body = PageChrome.draw(
            into: &frame.buffer, layout: layout, header: ui.text(engine.questionnaire.metadata.title),
            status: status.joined(separator: " · "), fraction: progress.fraction,
            hints: WizardView.standardHints(ui), buttons: buttons, bigButtons: !isBodyMapFigure)
        guard let item else {
            // Section intro.
            body = body.splitTop(layout.compact ? 0 : 1).rest
            let rows = frame.buffer.paragraph(ui.text(section.title), in: body, style: .title)
            body = body.splitTop(rows + 1).rest
            frame.buffer.paragraph(ui.text(section.intro ?? section.title), in: body)
            return
        }
        if !layout.compact && !isBodyMapFigure { body = body.splitTop(1).rest }
        // The question, leaving the widget the rows it needs at least (the help overlay
        // repeats the whole question when it has to be cut).
        let questionText = ui.text(item.text)
        let questionLines = TextWrap.wrap(questionText, width: body.width).count
        var maxLines = max(2, body.height - minimumWidgetRows(item) - 2)
        // On a small screen a long question gets the hint line's row (the footer says F1 too).
        let dropHints = layout.compact && questionLines > maxLines
        if dropHints { maxLines += 1 }
        let questionRows = frame.buffer.paragraph(
            questionText, in: Rect(x: body.x, y: body.y, width: body.width, height: min(questionLines, maxLines)), style: .title)
        body = body.splitTop(questionRows).rest
        // A hint line: how the widget works, and help when the item has some.
        var hints: [String] = []
        switch item.kind {
        case .multipleChoice: hints.append(ui.text(.multipleHint))
        case .bodyMap: hints.append(ui.text(.bodyMapHint))
        default: break
        }
        if item.help != nil { hints.append(ui.text(.helpHint)) }
        if !hints.isEmpty, !dropHints {
            let line = body.splitTop(1)
            frame.buffer.put(hints.joined(separator: " · "), in: line.top, alignment: .left, style: .muted)
            if item.help != nil { frame.buffer.addHitRegion(line.top, action: WizardAction.help) }
            body = line.rest
        }
        if !layout.compact && !isBodyMapFigure && body.height > 8 { body = body.splitTop(1).rest }
        // The problem line at the bottom of the body.
        let split = body.splitBottom(1)
        let editor = ui.editor(for: item)
        var problem: String?
        if let typed = editor.problem {
            problem = WizardView.message(typed, ui)
        } else if let gate = engine.problem {
            problem = WizardView.message(gate, ui)
        }
        if let problem {
            frame.buffer.put(problem, in: split.bottom, alignment: .left, style: .error)
        }
        WidgetView.draw(item, editor: editor, ui: ui, in: split.rest, size: layout.size, into: &frame)
    }

    /// Rows a widget needs to be usable (lists scroll within them).
    static func minimumWidgetRows(_ item: Item) -> Int {
        switch item.kind {
        case .note: 0
        case .integer, .decimal, .shortText: 2
        case .date(let spec): spec.allowsUnknown ? 3 : 1
        case .duration(let spec): spec.allowsUnknown ? 5 : 3
        case .yesNo(let notSure): notSure ? 3 : 2
        case .singleChoice, .multipleChoice, .rating, .longText, .bodyMap: 3
        }
    }
}
