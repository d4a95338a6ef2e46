/// Published criteria that partly rest on what a patient can report (e.g. the 2017
/// EULAR/ACR items). The summary shows each entry with its weights; no probability is
/// ever computed from self-reported answers.
public struct Checklist: Sendable {
    public var id: String
    public var title: LocalizedText
    /// The `id` of a ``Citation`` in the questionnaire's sources.
    public var sourceID: String?
    public var weightColumns: [LocalizedText]
    public var entries: [ChecklistEntry]
    public var location: SourceLocation

    public init(id: String, title: LocalizedText, sourceID: String? = nil, weightColumns: [LocalizedText] = [], entries: [ChecklistEntry], location: SourceLocation = .unknown) {
        self.id = id
        self.title = title
        self.sourceID = sourceID
        self.weightColumns = weightColumns
        self.entries = entries
        self.location = location
    }
}

public struct ChecklistEntry: Sendable {
    public enum Basis: Sendable {
        /// The patient can report it: true when the condition holds.
        case reported(CompiledExpression)
        /// Needs an examination, a laboratory or pathology: listed as "to be assessed".
        case assessedBy(LocalizedText)
    }

    public var id: String
    public var label: LocalizedText
    public var weights: [Double]
    public var basis: Basis
    public var location: SourceLocation

    public init(id: String, label: LocalizedText, weights: [Double], basis: Basis, location: SourceLocation = .unknown) {
        self.id = id
        self.label = label
        self.weights = weights
        self.basis = basis
        self.location = location
    }
}

/// Which answers make the summary's header and first page.
public struct SummaryLayout: Sendable {
    public var nameItem: String?
    public var birthDateItem: String?
    /// Scores shown on page 1, in order.
    public var keyScores: [String]
    /// Items shown as one line each on page 1 (e.g. current treatment).
    public var keyItems: [String]

    public init(nameItem: String? = nil, birthDateItem: String? = nil, keyScores: [String] = [], keyItems: [String] = []) {
        self.nameItem = nameItem
        self.birthDateItem = birthDateItem
        self.keyScores = keyScores
        self.keyItems = keyItems
    }
}
