/// Everything a finished session produced, in a form that can be saved as JSON
/// (`*.result.json`, documented in docs/outputs.md) and rendered again later.
///
/// Texts (labels, band names, staff messages) are in `provenance.textLanguage`; ids and
/// numbers are what programs should rely on.
public struct IntakeResult: Codable, Hashable, Sendable {
    /// The format name and version of this JSON.
    public static let formatName = "symptomintake-result/1"

    public var format: String
    public var provenance: Provenance
    public var scores: [ScoreResult]
    /// Raised flags only: urgent first, then soon, then info.
    public var flags: [FlagResult]
    public var checklists: [ChecklistResult]
    /// The answers that count (visible items only), item id to the JSON value of
    /// `intake fill`'s answers files.
    public var answers: [String: JSONValue]

    /// Where the result came from.
    public struct Provenance: Codable, Hashable, Sendable {
        public var questionnaireID: String
        public var questionnaireVersion: String
        /// SHA-256 of the questionnaire file (lowercase hex).
        public var sha256: String
        /// The questionnaire file as it was named when loaded.
        public var sourceFile: String
        public var reviewStatus: String?
        /// The language the patient answered in.
        public var language: String
        /// The language of the texts in this result (the clinic's).
        public var textLanguage: String
        /// When the patient submitted, UTC.
        public var submitted: UTCTimestamp
        /// "Today" of the session (expressions use it), `YYYY-MM-DD`.
        public var sessionDate: String
    }

    public struct ScoreResult: Codable, Hashable, Sendable {
        public var id: String
        public var label: String
        /// Nil (JSON `null`) when not computable.
        public var value: Double?
        public var unit: String?
        public var band: String?
        public var bandMeaning: String?
        /// Why there is no value, when there is none.
        public var notComputable: String?

        enum CodingKeys: String, CodingKey { case id, label, value, unit, band, bandMeaning, notComputable }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(label, forKey: .label)
            try container.encode(value.map(JSONValue.number) ?? .null, forKey: .value)
            try container.encodeIfPresent(unit, forKey: .unit)
            try container.encodeIfPresent(band, forKey: .band)
            try container.encodeIfPresent(bandMeaning, forKey: .bandMeaning)
            try container.encodeIfPresent(notComputable, forKey: .notComputable)
        }
    }

    public struct FlagResult: Codable, Hashable, Sendable {
        public var id: String
        /// `urgent`, `soon` or `info`.
        public var severity: String
        public var staff: String
        public var patient: String
    }

    public struct ChecklistResult: Codable, Hashable, Sendable {
        public var id: String
        public var title: String
        public var source: String?
        public var weightColumns: [String]
        public var entries: [Entry]

        public struct Entry: Codable, Hashable, Sendable {
            public var id: String
            public var label: String
            public var weights: [Double]
            public var status: ChecklistEntryStatus
            /// Who assesses an entry the patient cannot report.
            public var assessedBy: String?
        }
    }

    public func score(_ id: String) -> ScoreResult? { scores.first { $0.id == id } }
}

extension IntakeResult {
    /// The result of a submitted session.
    /// - Parameters:
    ///   - language: the language the patient answered in.
    ///   - textLanguage: the language of labels and staff messages (the clinic's).
    ///   - submitted: when the patient submitted (injected for reproducible tests).
    public init(wizard: Wizard, language: String, textLanguage: String = "en", submitted: UTCTimestamp) {
        let questionnaire = wizard.questionnaire
        let sheet = Scorer.evaluate(wizard)
        let metadata = questionnaire.metadata
        self.format = Self.formatName
        self.provenance = Provenance(
            questionnaireID: metadata.id, questionnaireVersion: metadata.version, sha256: metadata.sourceDigest,
            sourceFile: metadata.sourceFile, reviewStatus: metadata.reviewStatus, language: language,
            textLanguage: textLanguage, submitted: submitted, sessionDate: wizard.today.description
        )
        let t = textLanguage
        self.scores = sheet.scores.map { score in
            ScoreResult(
                id: score.definition.id, label: score.definition.label.resolved(t), value: score.value,
                unit: score.definition.unit?.resolved(t), band: score.band?.label.resolved(t),
                bandMeaning: score.band?.meaning?.resolved(t),
                notComputable: score.value == nil ? score.definition.whenNotComputable?.resolved(t) : nil
            )
        }
        self.flags = sheet.flags.map { flag in
            FlagResult(id: flag.id, severity: flag.severity.rawValue, staff: flag.staffMessage.resolved(t), patient: flag.patientMessage.resolved(language))
        }
        self.checklists = sheet.checklists.map { status in
            let checklist = status.checklist
            return ChecklistResult(
                id: checklist.id, title: checklist.title.resolved(t), source: checklist.sourceID,
                weightColumns: checklist.weightColumns.map { $0.resolved(t) },
                entries: zip(checklist.entries, status.statuses).map { entry, status in
                    var assessedBy: String?
                    if case .assessedBy(let who) = entry.basis { assessedBy = who.resolved(t) }
                    return ChecklistResult.Entry(id: entry.id, label: entry.label.resolved(t), weights: entry.weights, status: status, assessedBy: assessedBy)
                }
            )
        }
        self.answers = wizard.answerMap.mapValues(AnswerSet.jsonValue(of:))
    }

    /// Why a saved result cannot be rendered with a questionnaire.
    public enum ReplayProblem: Error, Hashable, Sendable, CustomStringConvertible {
        /// The questionnaire file is not the one the result was made with.
        case questionnaireChanged(recorded: String, found: String)
        /// The result names a different questionnaire.
        case otherQuestionnaire(recorded: String, found: String)
        /// The recorded session date is not a date.
        case badSessionDate(String)
        /// The recorded answers no longer fit the questionnaire.
        case answers([AnswerSet.Problem])

        public var description: String {
            switch self {
            case .questionnaireChanged(let recorded, let found):
                "the questionnaire file differs from the one this result was made with (sha256 \(found.prefix(12)), recorded \(recorded.prefix(12))); pass --questionnaire with the file that was used"
            case .otherQuestionnaire(let recorded, let found):
                "this result belongs to questionnaire '\(recorded)', not '\(found)'"
            case .badSessionDate(let text):
                "the recorded session date '\(text)' is not a date"
            case .answers(let problems):
                "the recorded answers do not fit the questionnaire: " + problems.map(\.description).joined(separator: "; ")
            }
        }
    }

    /// Rebuilds the finished session from the recorded answers and session date, after
    /// checking that `questionnaire` is byte for byte the file the result was made with
    /// (``RecordedAnswers/replay(on:)``).
    public func replay(on questionnaire: Questionnaire) throws(ReplayProblem) -> Wizard {
        try RecordedAnswers(self).replay(on: questionnaire)
    }
}
