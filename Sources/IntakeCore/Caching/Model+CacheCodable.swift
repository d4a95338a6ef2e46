/// Cache encodings of the questionnaire model (see ``CacheCodable``): each `write` lists
/// the stored properties, each `read` takes them back in the same order.

extension Questionnaire: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        try metadata.write(to: &writer)
        try sections.write(to: &writer)
        try scores.write(to: &writer)
        try flags.write(to: &writer)
        try checklists.write(to: &writer)
        try summaryLayout.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> Questionnaire {
        try read(after: try .read(from: &reader), from: &reader)
    }

    /// Everything that follows the metadata (see ``CompiledQuestionnaireCache/Staged``).
    static func read(after metadata: Metadata, from reader: inout CacheReader) throws -> Questionnaire {
        Questionnaire(
            metadata: metadata, sections: try .read(from: &reader), scores: try .read(from: &reader),
            flags: try .read(from: &reader), checklists: try .read(from: &reader), summaryLayout: try .read(from: &reader))
    }
}

extension Metadata: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        guard fhir == nil else { throw CacheEncodingError.notCacheable }
        writer.write(id)
        writer.write(version)
        try title.write(to: &writer)
        try description.write(to: &writer)
        try languages.write(to: &writer)
        writer.write(defaultLanguage)
        try estimatedMinutes.write(to: &writer)
        try sources.write(to: &writer)
        try reviewStatus.write(to: &writer)
        writer.write(sourceFile)
        writer.write(sourceDigest)
    }

    static func read(from reader: inout CacheReader) throws -> Metadata {
        Metadata(
            id: try .read(from: &reader), version: try .read(from: &reader), title: try .read(from: &reader),
            description: try .read(from: &reader), languages: try .read(from: &reader), defaultLanguage: try .read(from: &reader),
            estimatedMinutes: try .read(from: &reader), sources: try .read(from: &reader), reviewStatus: try .read(from: &reader),
            sourceFile: try .read(from: &reader), sourceDigest: try .read(from: &reader))
    }
}

extension Citation: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(id)
        writer.write(text)
        try url.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> Citation {
        Citation(id: try .read(from: &reader), text: try .read(from: &reader), url: try .read(from: &reader))
    }
}

extension LocalizedText: CacheCodable {
    /// The same bytes a `[String: String]` sorted by key gives: count, then language and text.
    func write(to writer: inout CacheWriter) throws {
        writer.write(UInt64(entries.count))
        for entry in entries {
            writer.write(entry.language)
            writer.write(entry.text)
        }
        writer.write(fallbackLanguage)
    }

    static func read(from reader: inout CacheReader) throws -> LocalizedText {
        let count = try reader.readCount()
        var entries: [Translation] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            entries.append(Translation(language: try reader.readString(), text: try reader.readString()))
        }
        return LocalizedText(sortedEntries: entries, fallback: try reader.readString())
    }
}

extension SourceLocation: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(fileName: file)
        writer.write(line)
        writer.write(column)
    }

    static func read(from reader: inout CacheReader) throws -> SourceLocation {
        SourceLocation(file: try reader.readFileName(), line: try reader.readInt(), column: try reader.readInt())
    }
}

extension Section: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(id)
        try title.write(to: &writer)
        try intro.write(to: &writer)
        try when.write(to: &writer)
        try summaryWhenSkipped.write(to: &writer)
        try items.write(to: &writer)
        location.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> Section {
        Section(
            id: try .read(from: &reader), title: try .read(from: &reader), intro: try .read(from: &reader),
            when: try .read(from: &reader), summaryWhenSkipped: try .read(from: &reader), items: try .read(from: &reader),
            location: try .read(from: &reader))
    }
}

extension Item: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        guard fhir == nil else { throw CacheEncodingError.notCacheable }
        writer.write(id)
        try kind.write(to: &writer)
        try text.write(to: &writer)
        try help.write(to: &writer)
        try summaryLabel.write(to: &writer)
        writer.write(required)
        try when.write(to: &writer)
        try validations.write(to: &writer)
        location.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> Item {
        Item(
            id: try .read(from: &reader), kind: try .read(from: &reader), text: try .read(from: &reader),
            help: try .read(from: &reader), summaryLabel: try .read(from: &reader), required: try .read(from: &reader),
            when: try .read(from: &reader), validations: try .read(from: &reader), location: try .read(from: &reader))
    }
}

extension ItemKind: CacheCodable {
    /// Case numbers are part of the format: append new cases, never renumber.
    func write(to writer: inout CacheWriter) throws {
        switch self {
        case .yesNo(let allowsNotSure):
            writer.write(tag: 0)
            writer.write(allowsNotSure)
        case .singleChoice(let options):
            writer.write(tag: 1)
            try options.write(to: &writer)
        case .multipleChoice(let options):
            writer.write(tag: 2)
            try options.write(to: &writer)
        case .integer(let spec):
            writer.write(tag: 3)
            try spec.write(to: &writer)
        case .decimal(let spec):
            writer.write(tag: 4)
            try spec.write(to: &writer)
        case .rating(let spec):
            writer.write(tag: 5)
            try spec.write(to: &writer)
        case .date(let spec):
            writer.write(tag: 6)
            spec.write(to: &writer)
        case .duration(let spec):
            writer.write(tag: 7)
            try spec.write(to: &writer)
        case .shortText(let spec):
            writer.write(tag: 8)
            spec.write(to: &writer)
        case .longText(let spec):
            writer.write(tag: 9)
            spec.write(to: &writer)
        case .bodyMap(let spec):
            writer.write(tag: 10)
            try spec.write(to: &writer)
        case .note:
            writer.write(tag: 11)
        }
    }

    static func read(from reader: inout CacheReader) throws -> ItemKind {
        switch try reader.readTag() {
        case 0: return .yesNo(allowsNotSure: try reader.readBool())
        case 1: return .singleChoice(try .read(from: &reader))
        case 2: return .multipleChoice(try .read(from: &reader))
        case 3: return .integer(try .read(from: &reader))
        case 4: return .decimal(try .read(from: &reader))
        case 5: return .rating(try .read(from: &reader))
        case 6: return .date(try .read(from: &reader))
        case 7: return .duration(try .read(from: &reader))
        case 8: return .shortText(try .read(from: &reader))
        case 9: return .longText(try .read(from: &reader))
        case 10: return .bodyMap(try .read(from: &reader))
        case 11: return .note
        default: throw CacheDecodingError.malformed
        }
    }
}

extension ChoiceOption: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(id)
        try label.write(to: &writer)
        try score.write(to: &writer)
        writer.write(exclusive)
        location.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> ChoiceOption {
        ChoiceOption(
            id: try .read(from: &reader), label: try .read(from: &reader), score: try .read(from: &reader),
            exclusive: try .read(from: &reader), location: try .read(from: &reader))
    }
}

extension NumberSpec: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        try minimum.write(to: &writer)
        try maximum.write(to: &writer)
        try unit.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> NumberSpec {
        NumberSpec(minimum: try .read(from: &reader), maximum: try .read(from: &reader), unit: try .read(from: &reader))
    }
}

extension RatingSpec: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(minimum)
        writer.write(maximum)
        try minimumLabel.write(to: &writer)
        try maximumLabel.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> RatingSpec {
        RatingSpec(
            minimum: try .read(from: &reader), maximum: try .read(from: &reader),
            minimumLabel: try .read(from: &reader), maximumLabel: try .read(from: &reader))
    }
}

extension DateSpec.Precision: RawStringCacheCodable {}

extension DateSpec: CacheCodable {
    func write(to writer: inout CacheWriter) {
        precision.write(to: &writer)
        writer.write(allowsUnknown)
    }

    static func read(from reader: inout CacheReader) throws -> DateSpec {
        DateSpec(precision: try .read(from: &reader), allowsUnknown: try .read(from: &reader))
    }
}

extension DurationUnit: RawStringCacheCodable {}

extension DurationSpec: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        try units.write(to: &writer)
        writer.write(allowsUnknown)
    }

    static func read(from reader: inout CacheReader) throws -> DurationSpec {
        DurationSpec(units: try .read(from: &reader), allowsUnknown: try .read(from: &reader))
    }
}

extension TextSpec: CacheCodable {
    func write(to writer: inout CacheWriter) {
        writer.write(maxLength)
    }

    static func read(from reader: inout CacheReader) throws -> TextSpec {
        TextSpec(maxLength: try .read(from: &reader))
    }
}

extension BodyMapSpec: CacheCodable {
    /// Regions come from the built-in vocabulary, so only their ids are stored.
    func write(to writer: inout CacheWriter) throws {
        try regions.map(\.id).write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> BodyMapSpec {
        let regions = try [String].read(from: &reader).map { id in
            guard let region = BodyRegion.named(id) else { throw CacheDecodingError.malformed }
            return region
        }
        return BodyMapSpec(regions: regions)
    }
}

extension Validation: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        try rule.write(to: &writer)
        try message.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> Validation {
        Validation(rule: try .read(from: &reader), message: try .read(from: &reader))
    }
}

extension ScoreDefinition: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(id)
        try label.write(to: &writer)
        try expression.write(to: &writer)
        try unit.write(to: &writer)
        try bands.write(to: &writer)
        try whenNotComputable.write(to: &writer)
        location.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> ScoreDefinition {
        ScoreDefinition(
            id: try .read(from: &reader), label: try .read(from: &reader), expression: try .read(from: &reader),
            unit: try .read(from: &reader), bands: try .read(from: &reader), whenNotComputable: try .read(from: &reader),
            location: try .read(from: &reader))
    }
}

extension ScoreBand: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        try from.write(to: &writer)
        try below.write(to: &writer)
        try label.write(to: &writer)
        try meaning.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> ScoreBand {
        ScoreBand(from: try .read(from: &reader), below: try .read(from: &reader), label: try .read(from: &reader), meaning: try .read(from: &reader))
    }
}

extension FlagDefinition.Severity: RawStringCacheCodable {}

extension FlagDefinition: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(id)
        severity.write(to: &writer)
        try condition.write(to: &writer)
        try staffMessage.write(to: &writer)
        try patientMessage.write(to: &writer)
        location.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> FlagDefinition {
        FlagDefinition(
            id: try .read(from: &reader), severity: try .read(from: &reader), condition: try .read(from: &reader),
            staffMessage: try .read(from: &reader), patientMessage: try .read(from: &reader), location: try .read(from: &reader))
    }
}

extension Checklist: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(id)
        try title.write(to: &writer)
        try sourceID.write(to: &writer)
        try weightColumns.write(to: &writer)
        try entries.write(to: &writer)
        location.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> Checklist {
        Checklist(
            id: try .read(from: &reader), title: try .read(from: &reader), sourceID: try .read(from: &reader),
            weightColumns: try .read(from: &reader), entries: try .read(from: &reader), location: try .read(from: &reader))
    }
}

extension ChecklistEntry: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(id)
        try label.write(to: &writer)
        try weights.write(to: &writer)
        switch basis {
        case .reported(let condition):
            writer.write(tag: 0)
            try condition.write(to: &writer)
        case .assessedBy(let assessor):
            writer.write(tag: 1)
            try assessor.write(to: &writer)
        }
        location.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> ChecklistEntry {
        let id = try String.read(from: &reader)
        let label = try LocalizedText.read(from: &reader)
        let weights = try [Double].read(from: &reader)
        let basis: Basis
        switch try reader.readTag() {
        case 0: basis = .reported(try .read(from: &reader))
        case 1: basis = .assessedBy(try .read(from: &reader))
        default: throw CacheDecodingError.malformed
        }
        return ChecklistEntry(id: id, label: label, weights: weights, basis: basis, location: try .read(from: &reader))
    }
}

extension SummaryLayout: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        try nameItem.write(to: &writer)
        try birthDateItem.write(to: &writer)
        try keyScores.write(to: &writer)
        try keyItems.write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> SummaryLayout {
        SummaryLayout(
            nameItem: try .read(from: &reader), birthDateItem: try .read(from: &reader),
            keyScores: try .read(from: &reader), keyItems: try .read(from: &reader))
    }
}
