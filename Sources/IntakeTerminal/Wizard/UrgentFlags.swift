import IntakeCore

/// Which urgent flags the final answers raise, for the calm messages on the thank-you screen.
///
/// A small stand-in for the scoring module: scores are computed in file order (a score
/// may use earlier ones), then each `urgent` flag's condition is evaluated over the
/// visible answers and the scores.
public enum UrgentFlags {
    public static func raised(by wizard: Wizard) -> [FlagDefinition] {
        let questionnaire = wizard.questionnaire
        var environment = FlagEnvironment(wizard: wizard)
        for score in questionnaire.scores {
            environment.scores[score.id] = score.expression.evaluate(in: environment)
        }
        return questionnaire.flags.filter { flag in
            flag.severity == .urgent && flag.condition.evaluate(in: environment).isTrue
        }
    }

    /// The patient messages of the raised urgent flags, without repeats (several flags share one).
    public static func patientMessages(for wizard: Wizard) -> [LocalizedText] {
        var seen: [LocalizedText] = []
        for flag in raised(by: wizard) where !seen.contains(flag.patientMessage) {
            seen.append(flag.patientMessage)
        }
        return seen
    }
}

/// Answers of visible items and computed scores, as expressions read them.
struct FlagEnvironment: EvaluationEnvironment {
    let wizard: Wizard
    let items: [String: Item]
    var scores: [String: Value] = [:]

    init(wizard: Wizard) {
        self.wizard = wizard
        var items: [String: Item] = [:]
        for item in wizard.questionnaire.items { items[item.id] = item }
        self.items = items
    }

    func value(of name: String) -> Value {
        if let score = scores[name] { return score }
        return wizard.answer(for: name)?.expressionValue ?? .null
    }

    func isAnswered(_ name: String) -> Bool {
        scores[name].map { $0 != .null } ?? (wizard.answer(for: name) != nil)
    }

    func optionScore(item: String, option: String) -> Double? {
        items[item]?.option(option)?.score
    }

    var today: PartialDate { wizard.today }
}
