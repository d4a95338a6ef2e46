import IntakeCore

/// Draws the wizard: a pure function of ``WizardUI`` and a size into a ``WizardFrame``.
public enum WizardView {
    public static func render(_ ui: WizardUI, size: Size) -> WizardFrame {
        var frame = WizardFrame(buffer: ScreenBuffer(size: size, glyphs: ui.glyphs))
        if WizardUI.isTooSmall(size) {
            TooSmallView.draw(ui, into: &frame.buffer)
            return frame
        }
        let layout = PageLayout(size: size)
        switch ui.page {
        case .welcome: WelcomeView.draw(ui, layout: layout, into: &frame)
        case .step: StepView.draw(ui, layout: layout, into: &frame)
        case .review: ReviewView.draw(ui, layout: layout, into: &frame)
        case .confirm: ConfirmView.draw(ui, layout: layout, into: &frame)
        case .thankYou: ThankYouView.draw(ui, layout: layout, into: &frame)
        }
        if let overlay = ui.overlay {
            // An overlay replaces the page (only the title stays), so no half-covered
            // words or page buttons show around it; the page's scroll positions are kept.
            frame.buffer = ScreenBuffer(size: size, glyphs: ui.glyphs)
            frame.cursor = nil
            let title = Rect(x: layout.column.x, y: 0, width: layout.column.width, height: 1)
            frame.buffer.put(ui.text(ui.engine.questionnaire.metadata.title), in: title, alignment: .left, style: .title)
            switch overlay {
            case .help:
                HelpOverlay.draw(ui, layout: layout, into: &frame)
            case .leave(let leaveFocused):
                LeaveDialog.draw(ui, leaveFocused: leaveFocused, layout: layout, into: &frame.buffer)
            }
        }
        return frame
    }

    /// The usual footer hints of a question page.
    static func standardHints(_ ui: WizardUI, nextLabel: String? = nil) -> [KeyHint] {
        var hints = [
            KeyHint(key: "Enter", label: nextLabel ?? ui.text(.next), action: .next),
            KeyHint(key: "Esc", label: ui.text(.back), action: .back),
            KeyHint(key: "F1", label: ui.text(.help), action: .help),
        ]
        if ui.engine.questionnaire.metadata.languages.count > 1 {
            hints.append(KeyHint(key: "F2", label: ui.text(.chooseLanguage), action: .cycleLanguage))
        }
        return hints
    }

    /// "1.5", "20" for range hints.
    static func number(_ value: Double?) -> String {
        value.map { Value.number($0).description } ?? "…"
    }

    /// The words for a typed-input problem.
    static func message(_ problem: InputProblem, _ ui: WizardUI) -> String {
        switch problem {
        case .outOfRange(let minimum, let maximum), .notANumber(let minimum, let maximum):
            if minimum == nil && maximum == nil { return ui.text(.wholeNumber) }
            return InterfaceText.outOfRange.text(ui.language, number(minimum), number(maximum))
        case .wholeNumber: return ui.text(.wholeNumber)
        case .invalidDate: return ui.text(.invalidDate)
        case .amountMissing: return ui.text(.amount) + "?"
        case .unitMissing: return ui.text(.unitMissing)
        case .tooLong(let maximum): return InterfaceText.charactersLeft.text(ui.language, 0) + " (\(maximum))"
        }
    }

    /// The words for the engine's reason not to move on.
    static func message(_ problem: GateProblem, _ ui: WizardUI) -> String {
        switch problem {
        case .answerRequired: ui.text(.answerRequired)
        case .ruleFailed(_, let message): ui.text(message)
        }
    }
}
