/// A value an expression computes. `null` stands for "no value": an unanswered or hidden
/// item, a "not sure" answer, a division by zero, a score that cannot be computed.
public enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case text(String)
    case date(PartialDate)
    /// The chosen option id of a single-choice item.
    case choice(String)
    /// Chosen option ids (multiple choice) or region ids (body map).
    case set([String])
    case list([Value])

    public var isNull: Bool { self == .null }

    /// Conditions (`when`, flags, validations) hold only for `true`; `null` counts as false.
    public var isTrue: Bool { self == .bool(true) }

    public var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    public var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): n.rounded() == n && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .text(let t): "'\(t)'"
        case .date(let d): d.description
        case .choice(let c): "'\(c)'"
        case .set(let s): "[" + s.map { "'\($0)'" }.joined(separator: ", ") + "]"
        case .list(let l): "[" + l.map(\.description).joined(separator: ", ") + "]"
        }
    }
}

/// The static type of an expression, checked when the questionnaire is loaded.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case bool
    case number
    case text
    case date
    /// A single-choice answer; comparing it with a string checks the string is one of these option ids.
    case choice(options: [String])
    /// A multiple-choice or body-map answer; `'x' in it` checks `'x'` is one of these ids.
    case set(members: [String])
    case list(ValueType)
    /// The type of the `null` literal: fits anywhere.
    case null

    public var description: String {
        switch self {
        case .bool: "bool"
        case .number: "number"
        case .text: "text"
        case .date: "date"
        case .choice: "choice"
        case .set: "set"
        case .list(let element): "list of \(element)"
        case .null: "null"
        }
    }
}
