/// Computes a questionnaire's scores, flags and checklists from the answers that count.
///
/// Scores are evaluated in file order, so a score may use earlier scores: the evaluation
/// environment serves items and the scores computed so far. Hidden and unanswered items
/// are `null`, exactly as in the wizard.
public enum Scorer {
    /// Scores, flags and checklists for a finished session.
    public static func evaluate(_ wizard: Wizard) -> ScoreSheet {
        evaluate(in: ScoringEnvironment(wizard: wizard))
    }

    /// Scores, flags and checklists for `answers`, which must hold visible items only
    /// (as ``Wizard/answerMap`` does).
    public static func evaluate(_ questionnaire: Questionnaire, answers: [String: Answer], today: PartialDate) -> ScoreSheet {
        evaluate(in: ScoringEnvironment(questionnaire: questionnaire, answers: answers, today: today))
    }

    private static func evaluate(in environment: ScoringEnvironment) -> ScoreSheet {
        let questionnaire = environment.questionnaire
        var scores: [ScoreSheet.Score] = []
        environment.scores.reserveCapacity(questionnaire.scores.count)
        for definition in questionnaire.scores {
            let value = definition.expression.evaluate(in: environment)
            let number = value.number.flatMap { $0.isFinite ? $0 : nil }
            environment.scores[definition.id] = number.map(Value.number) ?? .null
            scores.append(ScoreSheet.Score(definition: definition, value: number))
        }
        let raised = questionnaire.flags.enumerated()
            .filter { $0.element.condition.evaluate(in: environment).isTrue }
            .sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }
            .map(\.element)
        let checklists = questionnaire.checklists.map { checklist in
            ScoreSheet.ChecklistStatus(checklist: checklist, statuses: checklist.entries.map { entry in
                switch entry.basis {
                case .reported(let condition):
                    condition.evaluate(in: environment).isTrue ? .reported : .notReported
                case .assessedBy:
                    .toBeAssessed
                }
            })
        }
        return ScoreSheet(scores: scores, flags: raised, checklists: checklists)
    }
}

/// What scoring found: every score (in file order), the flags raised (urgent first, then
/// soon, then info; file order within a severity) and each checklist entry's status.
public struct ScoreSheet: Sendable {
    public struct Score: Sendable {
        public var definition: ScoreDefinition
        /// Nil when not computable.
        public var value: Double?
        public var band: ScoreBand? { value.flatMap(definition.band(for:)) }
    }

    public struct ChecklistStatus: Sendable {
        public var checklist: Checklist
        /// One per entry, in entry order.
        public var statuses: [ChecklistEntryStatus]
    }

    public var scores: [Score]
    public var flags: [FlagDefinition]
    public var checklists: [ChecklistStatus]

    public func score(_ id: String) -> Score? { scores.first { $0.definition.id == id } }
}

/// Whether a checklist entry rests on the patient's answers and was reported.
public enum ChecklistEntryStatus: String, Codable, Hashable, Sendable {
    /// The patient's answers meet the entry's condition (to be confirmed by the clinician).
    case reported
    /// The condition is false, or cannot be told from the answers.
    case notReported = "not_reported"
    /// Needs an examination, a laboratory or pathology.
    case toBeAssessed = "to_be_assessed"
}

/// Expressions read visible answers and the scores computed so far. A class: handed to
/// each expression as `any EvaluationEnvironment`, a struct this size was boxed and copied.
final class ScoringEnvironment: EvaluationEnvironment {
    let questionnaire: Questionnaire
    let today: PartialDate
    /// Unchecked for exclusive access: one scorer fills it, on one thread (the dynamic
    /// check was a tenth of reading a score).
    @exclusivity(unchecked) var scores: [String: Value] = [:]
    /// The finished session whose visible answers count, read in place (no map of them is
    /// built); its item index finds option scores. Nil when `answers` holds them instead.
    private let wizard: Wizard?
    /// Visible answers by item id, and option scores by item and option id, without a session.
    private let answers: [String: Answer]
    private let optionScores: [String: [String: Double]]

    init(questionnaire: Questionnaire, answers: [String: Answer], today: PartialDate) {
        self.questionnaire = questionnaire
        self.today = today
        var optionScores: [String: [String: Double]] = [:]
        for item in questionnaire.items where !item.options.isEmpty {
            optionScores[item.id] = Dictionary(item.options.compactMap { option in option.score.map { (option.id, $0) } }, uniquingKeysWith: { first, _ in first })
        }
        self.wizard = nil
        self.answers = answers
        self.optionScores = optionScores
    }

    /// The answers that count in `wizard` (visible items only). Option ids are unique within
    /// an item (the loader refuses repeats), so the item's option gives the table's score.
    init(wizard: Wizard) {
        self.questionnaire = wizard.questionnaire
        self.today = wizard.today
        self.wizard = wizard
        self.answers = [:]
        self.optionScores = [:]
    }

    private func answer(_ name: String) -> Answer? {
        wizard == nil ? answers[name] : wizard?.answer(for: name)
    }

    func value(of name: String) -> Value {
        // Score and item ids never clash (YAML ids share one namespace; a FHIR calculated
        // item becomes a score, not an item): in a session, a name that is an item needs
        // one look-up, and most names are items.
        if let index = wizard?.flatIndex[name] { return wizard?.answer(at: index)?.expressionValue ?? .null }
        if let score = scores[name] { return score }
        return wizard == nil ? answers[name]?.expressionValue ?? .null : .null
    }

    /// As ``AnswerEnvironment/value(at:named:)``: the item at the loader's slot, after
    /// checking its id; otherwise (no session, or another item there) by name.
    func value(at slot: Int, named name: String) -> Value {
        guard let items = wizard?.items, slot < items.count, items[slot].id == name else { return value(of: name) }
        return wizard?.answer(at: slot)?.expressionValue ?? .null
    }

    func isAnswered(_ name: String) -> Bool { answer(name) != nil }

    func optionScore(item: String, option: String) -> Double? {
        guard let index = wizard?.flatIndex[item] else { return optionScores[item]?[option] }
        return wizard?.items[index].option(option)?.score
    }
}
