/// One question (or a display-only note) on its own screen.
///
/// Its fields live in one shared, copy-on-write box: items are passed around and read from
/// arrays everywhere (engine, renderer, summaries), and a copy of the plain struct retained
/// about a dozen references; now a copy is one retain, and a change copies the box first
/// when someone else holds it.
public struct Item: Sendable {
    /// The fields themselves; ``Item`` reads them in place and changes them through ``fields``.
    struct Fields: Sendable {
        var id: String
        var kind: ItemKind
        var text: LocalizedText
        var help: LocalizedText?
        var summaryLabel: LocalizedText?
        var required: Bool
        var when: CompiledExpression?
        var validations: [Validation]
        var location: SourceLocation
        var fhir: FHIRItemBinding?
    }

    /// Unchecked: the box is changed only while uniquely referenced (``fields``), so no two
    /// items ever share a box that changes.
    final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The fields for changing: copies the box first if another item shares it.
    private var fields: Fields {
        get { box.fields }
        _modify {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            yield &box.fields
        }
    }

    public var id: String {
        get { box.fields.id }
        set { fields.id = newValue }
    }
    public var kind: ItemKind {
        get { box.fields.kind }
        set { fields.kind = newValue }
    }
    /// The question as the patient reads it.
    public var text: LocalizedText {
        get { box.fields.text }
        set { fields.text = newValue }
    }
    /// Plain-language help shown on F1 / `?`.
    public var help: LocalizedText? {
        get { box.fields.help }
        set { fields.help = newValue }
    }
    /// How the answer is labelled in the clinician's summary, e.g. "Fever". Falls back to `text`.
    public var summaryLabel: LocalizedText? {
        get { box.fields.summaryLabel }
        set { fields.summaryLabel = newValue }
    }
    public var required: Bool {
        get { box.fields.required }
        set { fields.required = newValue }
    }
    /// Skip logic: the item is asked only when this is true.
    public var when: CompiledExpression? {
        get { box.fields.when }
        set { fields.when = newValue }
    }
    /// Checks on the answer; each must hold before the patient can move on.
    public var validations: [Validation] {
        get { box.fields.validations }
        set { fields.validations = newValue }
    }
    public var location: SourceLocation {
        get { box.fields.location }
        set { fields.location = newValue }
    }
    /// Where the item came from when imported from a FHIR Questionnaire (original linkId,
    /// FHIR type, option codings, group nesting); nil for YAML questionnaires. See docs/fhir.md.
    public var fhir: FHIRItemBinding? {
        get { box.fields.fhir }
        set { fields.fhir = newValue }
    }

    public init(
        id: String, kind: ItemKind, text: LocalizedText, help: LocalizedText? = nil,
        summaryLabel: LocalizedText? = nil, required: Bool = false, when: CompiledExpression? = nil,
        validations: [Validation] = [], location: SourceLocation = .unknown
    ) {
        box = Box(Fields(
            id: id, kind: kind, text: text, help: help, summaryLabel: summaryLabel, required: required,
            when: when, validations: validations, location: location, fhir: nil))
    }

    /// Options of a choice item, empty for every other kind.
    public var options: [ChoiceOption] {
        switch kind {
        case .singleChoice(let options), .multipleChoice(let options): options
        default: []
        }
    }

    public func option(_ id: String) -> ChoiceOption? { options.first { $0.id == id } }

    /// Notes only show text; they never take an answer.
    public var takesAnswer: Bool {
        if case .note = kind { return false }
        return true
    }
}

/// What kind of answer an item takes, with the settings of that kind.
public enum ItemKind: Sendable {
    /// Yes or no, optionally with "not sure".
    case yesNo(allowsNotSure: Bool)
    /// Exactly one of the options.
    case singleChoice([ChoiceOption])
    /// Any number of the options; an `exclusive` option ("none of these") clears the others.
    case multipleChoice([ChoiceOption])
    case integer(NumberSpec)
    case decimal(NumberSpec)
    /// A 0-10 style scale with words at its two ends.
    case rating(RatingSpec)
    /// A calendar date, or only month and year; optionally "don't remember".
    case date(DateSpec)
    /// "How long ago": an amount and a unit (days, weeks, months, years).
    case duration(DurationSpec)
    /// One line of text.
    case shortText(TextSpec)
    /// Several lines of text, with a length cap.
    case longText(TextSpec)
    /// Regions of the body from the built-in vocabulary (``BodyRegion``).
    case bodyMap(BodyMapSpec)
    /// Display-only text, no answer.
    case note

    /// The name used for this kind in questionnaire files.
    public var typeName: String {
        switch self {
        case .yesNo: "yes_no"
        case .singleChoice: "single_choice"
        case .multipleChoice: "multiple_choice"
        case .integer: "integer"
        case .decimal: "decimal"
        case .rating: "rating"
        case .date: "date"
        case .duration: "duration"
        case .shortText: "text"
        case .longText: "long_text"
        case .bodyMap: "body_map"
        case .note: "note"
        }
    }

    /// Every type name a file may use, for "did you mean" suggestions.
    public static let typeNames = [
        "yes_no", "single_choice", "multiple_choice", "integer", "decimal", "rating",
        "date", "duration", "text", "long_text", "body_map", "note",
    ]
}

/// One answer option of a choice item.
public struct ChoiceOption: Hashable, Sendable {
    public var id: String
    public var label: LocalizedText
    /// A numeric value used by `score(item)` in expressions and exported to FHIR as ordinalValue.
    public var score: Double?
    /// Choosing it clears every other choice ("none of these").
    public var exclusive: Bool
    public var location: SourceLocation

    public init(id: String, label: LocalizedText, score: Double? = nil, exclusive: Bool = false, location: SourceLocation = .unknown) {
        self.id = id
        self.label = label
        self.score = score
        self.exclusive = exclusive
        self.location = location
    }
}

/// Range and unit of a number item.
public struct NumberSpec: Hashable, Sendable {
    public var minimum: Double?
    public var maximum: Double?
    /// Shown after the entry field, e.g. "kg".
    public var unit: LocalizedText?

    public init(minimum: Double? = nil, maximum: Double? = nil, unit: LocalizedText? = nil) {
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
    }

    public func contains(_ value: Double) -> Bool {
        (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true)
    }
}

public struct RatingSpec: Hashable, Sendable {
    public var minimum: Int
    public var maximum: Int
    public var minimumLabel: LocalizedText?
    public var maximumLabel: LocalizedText?

    public init(minimum: Int = 0, maximum: Int = 10, minimumLabel: LocalizedText? = nil, maximumLabel: LocalizedText? = nil) {
        self.minimum = minimum
        self.maximum = maximum
        self.minimumLabel = minimumLabel
        self.maximumLabel = maximumLabel
    }
}

public struct DateSpec: Hashable, Sendable {
    public enum Precision: String, Hashable, Sendable {
        case day
        case month
    }

    public var precision: Precision
    /// Offers "I don't remember", recorded as ``Answer/unknown``.
    public var allowsUnknown: Bool

    public init(precision: Precision = .day, allowsUnknown: Bool = false) {
        self.precision = precision
        self.allowsUnknown = allowsUnknown
    }
}

public struct DurationSpec: Hashable, Sendable {
    public var units: [DurationUnit]
    public var allowsUnknown: Bool

    public init(units: [DurationUnit] = DurationUnit.allCases, allowsUnknown: Bool = false) {
        self.units = units
        self.allowsUnknown = allowsUnknown
    }
}

public struct TextSpec: Hashable, Sendable {
    /// Maximum length in characters (grapheme clusters).
    public var maxLength: Int

    public init(maxLength: Int) {
        self.maxLength = maxLength
    }
}

public struct BodyMapSpec: Hashable, Sendable {
    /// The regions offered; by default the whole built-in vocabulary.
    public var regions: [BodyRegion]

    public init(regions: [BodyRegion] = BodyRegion.all) {
        self.regions = regions
    }
}

/// A rule the answer must satisfy, with the message shown when it does not.
public struct Validation: Sendable {
    public var rule: CompiledExpression
    public var message: LocalizedText

    public init(rule: CompiledExpression, message: LocalizedText) {
        self.rule = rule
        self.message = message
    }
}
