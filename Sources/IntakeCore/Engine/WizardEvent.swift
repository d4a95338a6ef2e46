/// What the front end tells the wizard. A session is a list of these.
public enum WizardEvent: Hashable, Sendable {
    case answer(item: String, Answer?)
    case next
    case back
    case jump(item: String)
    case jumpToSection(String)
    case review
    case submit
}

/// What the outer layer must do after an event; the wizard itself never does I/O.
public enum WizardEffect: Hashable, Sendable {
    /// An answer changed: save the draft durably before showing the next screen.
    case saveDraft
    /// Submitted: write the outputs.
    case completed
    /// The event could not be carried out (refused answer or blocked move).
    case refused(String)
    case blocked(GateProblem)
}

extension Wizard {
    /// Elm-style entry point: applies one event and says what must happen outside.
    public mutating func handle(_ event: WizardEvent) -> [WizardEffect] {
        switch event {
        case .answer(let item, let answer):
            let before = rememberedAnswer(for: item)
            do {
                try setAnswer(answer, for: item)
            } catch {
                return [.refused(error.description)]
            }
            return rememberedAnswer(for: item) == before ? [] : [.saveDraft]
        case .next:
            return next().map { [.blocked($0)] } ?? []
        case .back:
            back()
            return []
        case .jump(let item):
            return jump(to: item) ? [] : [.refused("'\(item)' is not shown")]
        case .jumpToSection(let section):
            return jump(toSection: section) ? [] : [.refused("section '\(section)' is not shown")]
        case .review:
            goToReview()
            return []
        case .submit:
            if let blocking = submit() { return [.blocked(blocking)] }
            return [.completed]
        }
    }
}
