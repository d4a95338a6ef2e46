/// The external expressions an imported FHIR questionnaire uses (see ``ExternalExpression``).

/// A value `enableWhen` compares.
enum FHIRComparand: Hashable, Sendable, CustomStringConvertible {
    case bool(Bool)
    case number(Double)
    case text(String)
    case coding(system: String?, code: String)

    var kindName: String {
        switch self {
        case .bool: "a boolean"
        case .number: "a number"
        case .text: "text"
        case .coding: "a coding"
        }
    }

    var description: String {
        switch self {
        case .bool(let b): b ? "true" : "false"
        case .number(let n): Value.number(n).description
        case .text(let t): "'\(t)'"
        case .coding(let system, let code): (system.map { $0 + "#" } ?? "") + code
        }
    }

    init?(_ value: FHIRValue, dateTimeAsDate: Bool = false) {
        switch value {
        case .boolean(let b): self = .bool(b)
        case .decimal(let d): self = .number(d)
        case .integer(let i): self = .number(Double(i))
        case .quantity(let v, _, _, _): self = .number(v)
        case .date(let s), .time(let s), .string(let s): self = .text(s)
        case .dateTime(let s): self = .text(dateTimeAsDate ? String(s.prefix(10)) : s)
        case .coding(let system, let code, let display):
            guard let code = code ?? display else { return nil }
            self = .coding(system: system, code: code)
        }
    }

    static func equal(_ a: FHIRComparand, _ b: FHIRComparand) -> Bool {
        switch (a, b) {
        case (.coding(let s1, let c1), .coding(let s2, let c2)): return c1 == c2 && (s1 == nil || s2 == nil || s1 == s2)
        default: return a == b
        }
    }

    /// -1, 0, 1 for numbers and text (by Unicode code points); nil when they do not order.
    static func order(_ a: FHIRComparand, _ b: FHIRComparand) -> Int? {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.text(let x), .text(let y)):
            if x == y { return 0 }
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars) ? -1 : 1
        default: return nil
        }
    }
}

/// FHIR `enableWhen` with `enableBehavior`, evaluated natively over the answers.
///
/// An item that is hidden or unanswered has no answers: `exists false` holds, `!=` holds
/// (no answer equals the value), every other operator fails. With several answers
/// (repeating choice) `=` and the orderings hold when any answer satisfies them.
struct FHIREnableWhen: ExternalExpression {
    enum Test: Sendable {
        case exists(Bool)
        case compare(String, FHIRComparand)
    }

    struct Condition: Sendable {
        var itemID: String
        var test: Test
        /// Option id → comparable value, for choice items.
        var options: [String: FHIRComparand]
    }

    var conditions: [Condition]
    var requiresAll: Bool

    func evaluate(in environment: any EvaluationEnvironment) -> Value {
        let results = conditions.map { holds($0, environment) }
        return .bool(requiresAll ? !results.contains(false) : results.contains(true))
    }

    private func holds(_ condition: Condition, _ environment: any EvaluationEnvironment) -> Bool {
        let answers = Self.comparands(environment.value(of: condition.itemID), options: condition.options)
        switch condition.test {
        case .exists(let expected):
            let answered = environment.isAnswered(condition.itemID) || !answers.isEmpty
            return answered == expected
        case .compare(let op, let expected):
            switch op {
            case "=": return answers.contains { FHIRComparand.equal($0, expected) }
            case "!=": return !answers.contains { FHIRComparand.equal($0, expected) }
            default:
                return answers.contains { answer in
                    guard let order = FHIRComparand.order(answer, expected) else { return false }
                    switch op {
                    case "<": return order < 0
                    case "<=": return order <= 0
                    case ">": return order > 0
                    default: return order >= 0
                    }
                }
            }
        }
    }

    static func comparands(_ value: Value, options: [String: FHIRComparand]) -> [FHIRComparand] {
        switch value {
        case .null, .list: return []
        case .bool(let b): return [.bool(b)]
        case .number(let n): return [.number(n)]
        case .text(let t): return [.text(t)]
        case .date(let d): return [.text(d.description)]
        case .choice(let id): return options[id].map { [$0] } ?? []
        case .set(let ids): return ids.compactMap { options[$0] }
        }
    }
}

/// True when all parts are true (an item inside groups with conditions of their own).
struct FHIRAllOf: ExternalExpression {
    var parts: [CompiledExpression]

    func evaluate(in environment: any EvaluationEnvironment) -> Value {
        .bool(parts.allSatisfy { $0.evaluate(in: environment).isTrue })
    }
}

/// True when the given option of a choice item is chosen (the "Other" text of open-choice).
struct FHIROptionChosen: ExternalExpression {
    var itemID: String
    var optionID: String

    func evaluate(in environment: any EvaluationEnvironment) -> Value {
        switch environment.value(of: itemID) {
        case .choice(let id): .bool(id == optionID)
        case .set(let ids): .bool(ids.contains(optionID))
        default: .bool(false)
        }
    }
}

/// A FHIR `time` answer (kept as text): `HH:MM` or `HH:MM:SS`.
struct FHIRTimeFormat: ExternalExpression {
    var itemID: String

    func evaluate(in environment: any EvaluationEnvironment) -> Value {
        guard case .text(let text) = environment.value(of: itemID) else { return .null }
        return .bool(Self.isTime(text))
    }

    static func isTime(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
              let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else { return false }
        if parts.count == 3 {
            guard let s = Int(parts[2]), (0...59).contains(s) else { return false }
        }
        return true
    }
}

/// A FHIRPath expression over the response built from the current answers.
struct FHIRPathComputation: ExternalExpression {
    enum Result: Sendable {
        /// `enableWhenExpression`: true only for a single `true` (or a single non-boolean item).
        case condition
        /// `calculatedExpression`: a single number, else no value.
        case number
    }

    var binding: FHIRQuestionnaireBinding
    var questionnaire: JSONNode
    /// The variables it needs, in definition order.
    var variables: [(name: String, expression: FHIRPathExpression)]
    var expression: FHIRPathExpression
    var result: Result
    var optionScores: [String: [String: Double]]

    func evaluate(in environment: any EvaluationEnvironment) -> Value {
        guard let items = evaluateCollection(in: { environment.value(of: $0) }) else { return .null }
        switch result {
        case .condition:
            guard items.count == 1 else { return items.isEmpty ? .null : .null }
            if case .bool(let b) = items[0] { return .bool(b) }
            return .bool(true)
        case .number:
            guard items.count == 1, case .number(let n, _) = items[0] else { return .null }
            return .finite(n)
        }
    }

    /// The raw collection (nil when evaluation failed); also used by differential tests.
    func evaluateCollection(in value: (String) -> Value) -> [FPValue]? {
        let response = FHIRResponseBuilder.response(binding, value: value)
        let root: [FPValue] = [.object(response)]
        var scope: [String: [FPValue]] = ["resource": root, "questionnaire": [.object(questionnaire)]]
        let scores = optionScores
        let lookup: @Sendable (String, String) -> Double? = { item, option in scores[item]?[option] }
        for (name, variable) in variables {
            guard let value = FHIRPathEvaluator(variables: scope, optionScore: lookup).evaluate(variable, root: root) else { return nil }
            scope[name] = value
        }
        return FHIRPathEvaluator(variables: scope, optionScore: lookup).evaluate(expression, root: root)
    }
}
