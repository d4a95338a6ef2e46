import Testing
@testable import IntakeCore

/// The example items of docs/expressions.md, as a scope the checker can see.
/// Keep this list and the table at the top of the document in step.
struct FakeScope: ExpressionScope {
    var symbols: [ExpressionSymbol]

    static let haqOptions = ["no_difficulty", "some_difficulty", "much_difficulty", "unable"]
    static let haqItems = ["haq_dressing", "haq_arising", "haq_eating", "haq_walking",
                           "haq_hygiene", "haq_reach", "haq_grip", "haq_activities"]

    static let example = FakeScope(symbols: [
        .init(name: "fever", kind: .item, type: .bool),
        .init(name: "temperature", kind: .item, type: .number),
        .init(name: "sex", kind: .item, type: .choice(options: ["female", "male", "other"])),
        .init(name: "rash_sites", kind: .item, type: .set(members: [
            "scalp", "eyelids", "cheeks", "upper_chest", "upper_back", "knuckles", "elbows", "knees",
        ])),
        .init(name: "skin_signs", kind: .item,
              type: .set(members: ["heliotrope", "gottron", "shawl", "mechanic_hands", "none"]),
              hasOptionScores: true),
        .init(name: "weight_now", kind: .item, type: .number),
        .init(name: "weight_6m_ago", kind: .item, type: .number),
        .init(name: "birth_date", kind: .item, type: .date),
        .init(name: "onset_date", kind: .item, type: .date),
        .init(name: "itch", kind: .item, type: .number),
        .init(name: "weakness_duration", kind: .item, type: .number),
        .init(name: "muscle_weakness", kind: .item, type: .bool),
        .init(name: "breathless_rest", kind: .item, type: .bool),
        .init(name: "breathless_exertion", kind: .item, type: .bool),
        .init(name: "breathing_course", kind: .item, type: .choice(options: ["better", "same", "worse"])),
        .init(name: "swallowing", kind: .item, type: .choice(options: ["normal", "hard_solids", "hard_liquids"])),
        .init(name: "other_symptoms", kind: .item, type: .text),
        .init(name: "haq_di", kind: .score, type: .number),
    ] + haqItems.map {
        .init(name: $0, kind: .item, type: .choice(options: haqOptions), hasOptionScores: true)
    })

    func symbol(named name: String) -> ExpressionSymbol? { symbols.first { $0.name == name } }
    var visibleNames: [String] { symbols.map(\.name) }
}

/// Answers for evaluation tests. Anything not listed is unanswered (null).
struct FakeEnvironment: EvaluationEnvironment {
    var values: [String: Value]
    /// Answered but without a value: "not sure", "don't remember".
    var unsure: Set<String> = []
    var today = PartialDate(year: 2024, month: 5, day: 1)

    static let example = FakeEnvironment(
        values: [
            "fever": .bool(true),
            "temperature": .number(38.5),
            "sex": .choice("female"),
            "rash_sites": .set(["eyelids", "knuckles"]),
            "skin_signs": .set(["heliotrope", "gottron"]),
            "weight_now": .number(60),
            "weight_6m_ago": .number(66),
            "birth_date": .date(PartialDate(year: 1980, month: 6, day: 15)),
            "onset_date": .date(PartialDate(year: 2024, month: 3)),
            "breathless_rest": .bool(false),
            "breathless_exertion": .bool(true),
            "breathing_course": .choice("worse"),
            "other_symptoms": .text("tired"),
            "haq_dressing": .choice("some_difficulty"),
            "haq_arising": .choice("unable"),
            "haq_eating": .choice("no_difficulty"),
            "haq_di": .number(1.25),
        ],
        unsure: ["muscle_weakness"])

    func value(of name: String) -> Value { values[name] ?? .null }
    func isAnswered(_ name: String) -> Bool { values[name] != nil || unsure.contains(name) }

    func optionScore(item: String, option: String) -> Double? {
        if item.hasPrefix("haq_") { return FakeScope.haqOptions.firstIndex(of: option).map(Double.init) }
        if item == "skin_signs" { return ["heliotrope": 2, "gottron": 2, "shawl": 1, "mechanic_hands": 1][option] }
        return nil
    }
}

let testLocation = SourceLocation(file: "q.yaml", line: 10, column: 7)

func compile(_ source: String, expecting: ValueType? = nil, in scope: FakeScope = .example)
    -> (expression: CompiledExpression?, diagnostics: [Diagnostic])
{
    ExpressionCompiler.compile(source, at: testLocation, expecting: expecting, in: scope)
}

/// Compiles (which must succeed) and evaluates against `environment`.
func evaluate(_ source: String, in environment: FakeEnvironment = .example) -> Value? {
    let (expression, diagnostics) = compile(source)
    #expect(diagnostics.isEmpty, "\(source): \(diagnostics)")
    return expression?.evaluate(in: environment)
}

/// `line:column: message` of each diagnostic, the way the tests state them.
func rendered(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
}
