/// A compiled questionnaire: everything in the file, checked, with expressions parsed
/// and type-checked. Immutable; the wizard engine and the scoring read it.
public struct Questionnaire: Sendable {
    public var metadata: Metadata
    public var sections: [Section]
    public var scores: [ScoreDefinition]
    public var flags: [FlagDefinition]
    public var checklists: [Checklist]
    public var summaryLayout: SummaryLayout

    public init(
        metadata: Metadata, sections: [Section], scores: [ScoreDefinition] = [], flags: [FlagDefinition] = [],
        checklists: [Checklist] = [], summaryLayout: SummaryLayout = SummaryLayout()
    ) {
        self.metadata = metadata
        self.sections = sections
        self.scores = scores
        self.flags = flags
        self.checklists = checklists
        self.summaryLayout = summaryLayout
    }

    /// Every item in flow order (section by section).
    public var items: [Item] { sections.flatMap(\.items) }

    /// The item with this id. Searches section by section: going through ``items`` would
    /// copy every item of the file on each lookup.
    public func item(_ id: String) -> Item? {
        for section in sections {
            if let item = section.items.first(where: { $0.id == id }) { return item }
        }
        return nil
    }

    public func section(_ id: String) -> Section? { sections.first { $0.id == id } }
}

/// What a questionnaire says about itself.
public struct Metadata: Sendable {
    public var id: String
    public var version: String
    public var title: LocalizedText
    public var description: LocalizedText?
    /// Language codes the file provides, the default one first.
    public var languages: [String]
    public var defaultLanguage: String
    public var estimatedMinutes: Int?
    public var sources: [Citation]
    /// For example "wording awaiting clinical review".
    public var reviewStatus: String?
    /// The file it came from, for provenance in every output.
    public var sourceFile: String
    /// SHA-256 of the file's bytes (lowercase hex), for provenance; empty for in-memory questionnaires.
    public var sourceDigest: String
    /// The FHIR Questionnaire it was imported from (canonical URL, item tree with linkIds);
    /// nil for YAML questionnaires. See docs/fhir.md.
    public var fhir: FHIRQuestionnaireBinding? = nil

    public init(
        id: String, version: String, title: LocalizedText, description: LocalizedText? = nil,
        languages: [String], defaultLanguage: String, estimatedMinutes: Int? = nil,
        sources: [Citation] = [], reviewStatus: String? = nil, sourceFile: String = "<memory>", sourceDigest: String = ""
    ) {
        self.sourceDigest = sourceDigest
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.languages = languages
        self.defaultLanguage = defaultLanguage
        self.estimatedMinutes = estimatedMinutes
        self.sources = sources
        self.reviewStatus = reviewStatus
        self.sourceFile = sourceFile
    }
}

/// A published source the questionnaire relies on.
public struct Citation: Hashable, Sendable {
    public var id: String
    public var text: String
    public var url: String?

    public init(id: String, text: String, url: String? = nil) {
        self.id = id
        self.text = text
        self.url = url
    }
}

/// A group of items shown under one heading, with an optional intro screen.
public struct Section: Sendable {
    public var id: String
    public var title: LocalizedText
    public var intro: LocalizedText?
    /// Shown only when this is true; hides every item inside too.
    public var when: CompiledExpression?
    /// Said in the summary when the whole section was skipped, e.g. "No skin symptoms reported".
    public var summaryWhenSkipped: LocalizedText?
    public var items: [Item]
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText, intro: LocalizedText? = nil, when: CompiledExpression? = nil,
        summaryWhenSkipped: LocalizedText? = nil, items: [Item], location: SourceLocation = .unknown
    ) {
        self.id = id
        self.title = title
        self.intro = intro
        self.when = when
        self.summaryWhenSkipped = summaryWhenSkipped
        self.items = items
        self.location = location
    }
}
