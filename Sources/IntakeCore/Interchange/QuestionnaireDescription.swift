import FoundationEssentials

/// The compiled questionnaire in one language, as `intake describe` shows it.
/// The JSON shape is documented in docs/cli.md and kept stable.
public struct QuestionnaireDescription: Codable, Sendable {
    public struct OptionDescription: Codable, Sendable {
        public var id: String
        public var label: String
        public var score: Double?
        public var exclusive: Bool?
    }

    public struct ItemDescription: Codable, Sendable {
        public var id: String
        public var type: String
        public var text: String
        public var required: Bool
        public var when: String?
        public var options: [OptionDescription]?
        public var min: Double?
        public var max: Double?
        public var unit: String?
        public var maxLength: Int?
        public var regions: [String]?
        public var validate: [String]?
    }

    public struct SectionDescription: Codable, Sendable {
        public var id: String
        public var title: String
        public var when: String?
        public var items: [ItemDescription]
    }

    public struct BandDescription: Codable, Sendable {
        public var from: Double?
        public var below: Double?
        public var label: String
    }

    public struct ScoreDescription: Codable, Sendable {
        public var id: String
        public var label: String
        public var value: String
        public var bands: [BandDescription]
    }

    public struct FlagDescription: Codable, Sendable {
        public var id: String
        public var severity: String
        public var when: String
        public var staff: String
    }

    public var id: String
    public var version: String
    public var title: String
    public var language: String
    public var languages: [String]
    public var estimatedMinutes: Int?
    public var reviewStatus: String?
    public var sha256: String
    public var sections: [SectionDescription]
    public var scores: [ScoreDescription]
    public var flags: [FlagDescription]

    public init(_ questionnaire: Questionnaire, language: String) {
        let meta = questionnaire.metadata
        id = meta.id
        version = meta.version
        title = meta.title.resolved(language)
        self.language = language
        languages = meta.languages
        estimatedMinutes = meta.estimatedMinutes
        reviewStatus = meta.reviewStatus
        sha256 = meta.sourceDigest
        sections = questionnaire.sections.map { section in
            SectionDescription(
                id: section.id, title: section.title.resolved(language), when: section.when?.source,
                items: section.items.map { Self.describe($0, language: language) }
            )
        }
        scores = questionnaire.scores.map { score in
            ScoreDescription(
                id: score.id, label: score.label.resolved(language), value: score.expression.source,
                bands: score.bands.map { BandDescription(from: $0.from, below: $0.below, label: $0.label.resolved(language)) }
            )
        }
        flags = questionnaire.flags.map {
            FlagDescription(id: $0.id, severity: $0.severity.rawValue, when: $0.condition.source, staff: $0.staffMessage.resolved(language))
        }
    }

    static func describe(_ item: Item, language: String) -> ItemDescription {
        var description = ItemDescription(
            id: item.id, type: item.kind.typeName, text: item.text.resolved(language), required: item.required,
            when: item.when?.source, validate: item.validations.isEmpty ? nil : item.validations.map(\.rule.source)
        )
        if !item.options.isEmpty {
            description.options = item.options.map {
                OptionDescription(id: $0.id, label: $0.label.resolved(language), score: $0.score, exclusive: $0.exclusive ? true : nil)
            }
        }
        switch item.kind {
        case .integer(let spec), .decimal(let spec):
            description.min = spec.minimum
            description.max = spec.maximum
            description.unit = spec.unit?.resolved(language)
        case .rating(let spec):
            description.min = Double(spec.minimum)
            description.max = Double(spec.maximum)
        case .shortText(let spec), .longText(let spec):
            description.maxLength = spec.maxLength
        case .bodyMap(let spec):
            description.regions = spec.regions.map(\.id)
        default:
            break
        }
        return description
    }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// A readable outline for people.
    public var text: String {
        var lines = ["\(title) (\(id) \(version), language \(language))"]
        for section in sections {
            lines.append("")
            lines.append("[\(section.id)] \(section.title)" + (section.when.map { "  when: \($0)" } ?? ""))
            for item in section.items {
                var line = "  \(item.id) (\(item.type)\(item.required ? ", required" : "")): \(item.text)"
                if let when = item.when { line += "  when: \(when)" }
                lines.append(line)
                for option in item.options ?? [] {
                    lines.append("      - \(option.id): \(option.label)" + (option.score.map { "  score \(Value.number($0))" } ?? ""))
                }
            }
        }
        if !scores.isEmpty {
            lines.append("")
            lines.append("Scores:")
            for score in scores { lines.append("  \(score.id): \(score.label) = \(score.value)") }
        }
        if !flags.isEmpty {
            lines.append("")
            lines.append("Flags:")
            for flag in flags { lines.append("  \(flag.id) [\(flag.severity)] when \(flag.when)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
