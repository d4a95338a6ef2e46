extension ValueType {
    /// How the type reads in an error message for questionnaire authors, who are not
    /// programmers: "a yes/no value" rather than "bool".
    public var readableName: String {
        switch self {
        case .bool: "a yes/no value"
        case .number: "a number"
        case .text: "text"
        case .date: "a date"
        case .choice: "a single-choice answer"
        case .set: "a multiple-choice answer"
        case .list(.null): "a list"
        case .list(let element): "a list of \(element.pluralName)"
        case .null: "null"
        }
    }

    /// "numbers", "yes/no values": for messages about several values of this type.
    var pluralName: String {
        switch self {
        case .bool: "yes/no values"
        case .number: "numbers"
        case .text, .choice: "texts"
        case .date: "dates"
        case .set: "multiple-choice answers"
        case .list: "lists"
        case .null: "null"
        }
    }

    var isBoolLike: Bool { self == .bool || self == .null }
    var isNumberLike: Bool { self == .number || self == .null }
    var isDateLike: Bool { self == .date || self == .null }

    /// Text or a single choice: values compared as strings.
    var isTextual: Bool {
        switch self {
        case .text, .choice: true
        default: false
        }
    }

    /// The type that both values fit in (e.g. the two branches of `if`, the items of a
    /// list), or nil when they cannot mix. `null` fits anywhere; two choices with
    /// different options, or a choice and text, mix as text.
    static func unify(_ a: ValueType, _ b: ValueType) -> ValueType? {
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case (.bool, .bool), (.number, .number), (.date, .date), (.text, .text): return a
        case (.choice(let x), .choice(let y)): return x == y ? a : .text
        case (.choice, .text), (.text, .choice): return .text
        case (.set(let x), .set(let y)): return .set(members: x + y.filter { !x.contains($0) })
        case (.list(let x), .list(let y)): return unify(x, y).map(ValueType.list)
        default: return nil
        }
    }
}
