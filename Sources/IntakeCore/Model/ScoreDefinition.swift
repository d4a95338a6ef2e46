/// A named number computed from the answers, with bands that say what it means.
public struct ScoreDefinition: Sendable {
    public var id: String
    public var label: LocalizedText
    /// Computes the score; `null` means "not computable" (too few answers).
    public var expression: CompiledExpression
    public var unit: LocalizedText?
    /// Checked in order; the first band containing the value names it.
    public var bands: [ScoreBand]
    /// Shown when the expression gives no value, e.g. "fewer than 6 of 8 categories answered".
    public var whenNotComputable: LocalizedText?
    public var location: SourceLocation

    public init(
        id: String, label: LocalizedText, expression: CompiledExpression, unit: LocalizedText? = nil,
        bands: [ScoreBand] = [], whenNotComputable: LocalizedText? = nil, location: SourceLocation = .unknown
    ) {
        self.id = id
        self.label = label
        self.expression = expression
        self.unit = unit
        self.bands = bands
        self.whenNotComputable = whenNotComputable
        self.location = location
    }

    public func band(for value: Double) -> ScoreBand? { bands.first { $0.contains(value) } }
}

/// A range of a score with a label and what it means: `from` inclusive, `below` exclusive.
public struct ScoreBand: Hashable, Sendable {
    public var from: Double?
    public var below: Double?
    public var label: LocalizedText
    public var meaning: LocalizedText?

    public init(from: Double? = nil, below: Double? = nil, label: LocalizedText, meaning: LocalizedText? = nil) {
        self.from = from
        self.below = below
        self.label = label
        self.meaning = meaning
    }

    public func contains(_ value: Double) -> Bool {
        (from.map { value >= $0 } ?? true) && (below.map { value < $0 } ?? true)
    }
}

/// Something staff must notice, raised when its condition holds.
public struct FlagDefinition: Sendable {
    public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable {
        /// Staff should act today.
        case urgent
        /// This consultation must address it.
        case soon
        /// Worth knowing.
        case info

        private var rank: Int {
            switch self {
            case .urgent: 0
            case .soon: 1
            case .info: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var id: String
    public var severity: Severity
    public var condition: CompiledExpression
    /// For staff, in clinical words.
    public var staffMessage: LocalizedText
    /// For the patient, calm and without alarm.
    public var patientMessage: LocalizedText
    public var location: SourceLocation

    public init(
        id: String, severity: Severity, condition: CompiledExpression, staffMessage: LocalizedText,
        patientMessage: LocalizedText, location: SourceLocation = .unknown
    ) {
        self.id = id
        self.severity = severity
        self.condition = condition
        self.staffMessage = staffMessage
        self.patientMessage = patientMessage
        self.location = location
    }
}
