/// One journal entry: what changed and when.
public struct DraftRecord: Codable, Hashable, Sendable {
    public var at: DraftTimestamp
    public var change: DraftChange

    public init(at: DraftTimestamp, change: DraftChange) {
        self.at = at
        self.change = change
    }
}

/// A change to a session, as the journal stores it. Answers are kept as the JSON values
/// of ``AnswerSet`` so a journal reads like an answers file.
public enum DraftChange: Codable, Hashable, Sendable {
    /// First record of every journal: what the session is about.
    case begin(header: DraftHeader)
    /// An answer was given (or, with nil, cleared).
    case answer(item: String, value: JSONValue?)
    /// The patient moved.
    case position(at: DraftPosition, returnsToReview: Bool)
    /// The patient chose another language.
    case language(code: String)
    /// The whole state at once (written when a journal starts or is compacted).
    case snapshot(state: DraftSnapshot)
}

/// Which questionnaire a draft belongs to and when it started.
public struct DraftHeader: Codable, Hashable, Sendable {
    /// Bumped when the record format changes incompatibly; older readers refuse newer drafts.
    public static let currentFormat = 1

    public var format: Int
    public var questionnaireID: String
    public var questionnaireVersion: String
    /// SHA-256 of the questionnaire file; a resume is refused when it differs.
    public var questionnaireSHA256: String
    /// The wizard's "today", so date rules give the same results after a resume.
    public var today: String
    public var started: DraftTimestamp

    public init(questionnaire: Questionnaire, today: PartialDate, started: DraftTimestamp) {
        self.format = Self.currentFormat
        self.questionnaireID = questionnaire.metadata.id
        self.questionnaireVersion = questionnaire.metadata.version
        self.questionnaireSHA256 = questionnaire.metadata.sourceDigest
        self.today = today.description
        self.started = started
    }
}

/// Where the patient is; the wizard's ``Position`` in a form that survives a restart.
public enum DraftPosition: Codable, Hashable, Sendable {
    /// A step, by index in the flow (stable because the questionnaire's digest is checked).
    case step(index: Int)
    case review
    case complete

    init(_ position: Position) {
        switch position {
        case .step(let index): self = .step(index: index)
        case .review: self = .review
        case .complete: self = .complete
        }
    }
}

/// The whole state of a session.
public struct DraftSnapshot: Codable, Hashable, Sendable {
    public var answers: [String: JSONValue]
    public var position: DraftPosition
    public var returnsToReview: Bool
    public var language: String?
}
