/// What the type checker needs to know about the names an expression may use.
public protocol ExpressionScope {
    /// The symbol an identifier refers to, or nil if there is none of that name
    /// (visible at this point of the flow).
    func symbol(named name: String) -> ExpressionSymbol?
    /// Every name visible here, for "did you mean" suggestions.
    var visibleNames: [String] { get }
}

/// A name an expression can refer to: an item's answer or a score.
public struct ExpressionSymbol: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case item
        case score
    }

    public var name: String
    public var kind: Kind
    public var type: ValueType
    /// Whether `score(name)` is allowed: a choice item whose options carry scores.
    public var hasOptionScores: Bool
    /// For an item: its flat index in the questionnaire (sections in order, notes
    /// included: the wizard's order), when known; compiled names carry it (``ExpressionNode/name(_:slot:)``).
    public var slot: Int?

    public init(name: String, kind: Kind, type: ValueType, hasOptionScores: Bool = false, slot: Int? = nil) {
        self.name = name
        self.kind = kind
        self.type = type
        self.hasOptionScores = hasOptionScores
        self.slot = slot
    }
}

/// What evaluation needs at run time: current values of items and scores.
public protocol EvaluationEnvironment {
    /// The value of an item or score; `.null` when unanswered, hidden or not computable.
    func value(of name: String) -> Value
    /// ``value(of:)`` of the item `name`, which the loader found at flat index `slot` of
    /// the questionnaire: an environment over the wizard reads it there without a look-up
    /// (after checking that the item there is `name`).
    func value(at slot: Int, named name: String) -> Value
    /// Whether the item has any answer, including "not sure" and "don't remember".
    func isAnswered(_ name: String) -> Bool
    /// The score of an option of a choice item, if it has one.
    func optionScore(item: String, option: String) -> Double?
    /// "Today" for date helpers; injected so results are reproducible.
    var today: PartialDate { get }
}

extension EvaluationEnvironment {
    /// Environments without the wizard's item order look the name up.
    public func value(at slot: Int, named name: String) -> Value { value(of: name) }
}
