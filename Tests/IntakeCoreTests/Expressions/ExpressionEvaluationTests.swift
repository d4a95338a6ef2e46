import Testing
@testable import IntakeCore

struct EvaluationCase: CustomTestStringConvertible, Sendable {
    var source: String
    var expected: Value
    init(_ source: String, _ expected: Value) {
        self.source = source
        self.expected = expected
    }
    var testDescription: String { "\(source)  →  \(expected)" }
}

@Suite struct ExpressionEvaluationTests {
    @Test(arguments: [
        EvaluationCase("1 + 2 * 3", .number(7)),
        EvaluationCase("(1 + 2) * 3", .number(9)),
        EvaluationCase("10 - 4 - 3", .number(3)),
        EvaluationCase("12 / 2 / 3", .number(2)),
        EvaluationCase("-2 * 3", .number(-6)),
        EvaluationCase("- -2", .number(2)),
        EvaluationCase("2 - -2", .number(4)),
        EvaluationCase("true or false and false", .bool(true)),
        EvaluationCase("(true or false) and false", .bool(false)),
        EvaluationCase("not false and false", .bool(false)),
        EvaluationCase("not 1 == 2", .bool(true)),
        EvaluationCase("not not true", .bool(true)),
        EvaluationCase("1 + 1 == 2 and 3 > 2", .bool(true)),
        EvaluationCase("2 * 3 in [6, 7]", .bool(true)),
    ])
    func precedenceAndAssociativity(_ test: EvaluationCase) {
        #expect(evaluate(test.source) == test.expected)
    }

    @Test(arguments: [
        EvaluationCase("fever", .bool(true)),
        EvaluationCase("temperature >= 38", .bool(true)),
        EvaluationCase("sex == 'female'", .bool(true)),
        EvaluationCase("'female' != sex", .bool(false)),
        EvaluationCase("sex in ['male', 'other']", .bool(false)),
        EvaluationCase("'eyelids' in rash_sites", .bool(true)),
        EvaluationCase("'scalp' in rash_sites", .bool(false)),
        EvaluationCase("other_symptoms == \"tired\"", .bool(true)),
        EvaluationCase("other_symptoms in ['tired', 'sad']", .bool(true)),
        EvaluationCase("(weight_6m_ago - weight_now) / weight_6m_ago * 100 >= 5", .bool(true)),
        EvaluationCase("breathless_rest or (breathless_exertion and breathing_course == 'worse')", .bool(true)),
        EvaluationCase("fever and not answered(temperature)", .bool(false)),
        EvaluationCase("'it\\'s' == \"it's\"", .bool(true)),
        EvaluationCase("'a\\\\b' == 'a\\\\b'", .bool(true)),
        EvaluationCase("2.5 * 2", .number(5)),
        EvaluationCase("haq_di", .number(1.25)),
    ])
    func readsAnswers(_ test: EvaluationCase) {
        #expect(evaluate(test.source) == test.expected)
    }

    /// Every null rule of docs/expressions.md. `itch` is unanswered, `muscle_weakness` is
    /// "not sure": both are null.
    @Test(arguments: [
        EvaluationCase("itch", .null),
        EvaluationCase("muscle_weakness", .null),
        EvaluationCase("itch + 1", .null),
        EvaluationCase("itch * 0", .null),
        EvaluationCase("-itch", .null),
        EvaluationCase("1 / 0", .null),
        EvaluationCase("0 / 0", .null),
        EvaluationCase("weight_now / (weight_now - 60)", .null),
        EvaluationCase("itch > 3", .null),
        EvaluationCase("itch == null", .null),
        EvaluationCase("null == null", .null),
        EvaluationCase("itch != 3", .null),
        EvaluationCase("false and muscle_weakness", .bool(false)),
        EvaluationCase("muscle_weakness and false", .bool(false)),
        EvaluationCase("true and muscle_weakness", .null),
        EvaluationCase("true or muscle_weakness", .bool(true)),
        EvaluationCase("muscle_weakness or true", .bool(true)),
        EvaluationCase("false or muscle_weakness", .null),
        EvaluationCase("not muscle_weakness", .null),
        EvaluationCase("itch in [1, 2]", .null),
        EvaluationCase("'eyelids' in null", .null),
        EvaluationCase("3 in [1, itch]", .null),
        EvaluationCase("1 in [1, itch]", .bool(true)),
        EvaluationCase("'scalp' in [swallowing, 'knees']", .null),
        EvaluationCase("answered(muscle_weakness)", .bool(true)),
        EvaluationCase("answered(itch)", .bool(false)),
        EvaluationCase("if(muscle_weakness, 1, 2)", .number(2)),
        EvaluationCase("coalesce(itch, weakness_duration, 7)", .number(7)),
        EvaluationCase("coalesce(itch, null)", .null),
        EvaluationCase("round(itch)", .null),
        EvaluationCase("abs(itch)", .null),
        EvaluationCase("count(null)", .null),
        EvaluationCase("years_between(null, today())", .null),
    ])
    func nullRules(_ test: EvaluationCase) {
        #expect(evaluate(test.source) == test.expected)
    }

    @Test(arguments: [
        EvaluationCase("count(rash_sites)", .number(2)),
        EvaluationCase("count([fever, breathless_rest, breathless_exertion, muscle_weakness])", .number(2)),
        EvaluationCase("count([answered(itch), answered(fever)])", .number(1)),
        EvaluationCase("count([temperature, itch, weight_now])", .number(2)),
        EvaluationCase("count([])", .number(0)),
        EvaluationCase("sum([1, 2, itch, 4])", .number(7)),
        EvaluationCase("sum(1, 2, 3)", .number(6)),
        EvaluationCase("sum(itch)", .number(0)),
        EvaluationCase("sum([])", .number(0)),
        EvaluationCase("max([3, itch, 9, 1])", .number(9)),
        EvaluationCase("min(3, 9, 1)", .number(1)),
        EvaluationCase("max([])", .null),
        EvaluationCase("min(itch)", .null),
        EvaluationCase("mean([2, itch, 4])", .number(3)),
        EvaluationCase("mean([itch])", .null),
        EvaluationCase("score(haq_dressing)", .number(1)),
        EvaluationCase("score(haq_walking)", .null),
        EvaluationCase("score(skin_signs)", .number(4)),
        EvaluationCase("sum([score(haq_dressing), score(haq_arising), score(haq_eating), score(haq_walking)])", .number(4)),
        EvaluationCase("if(count([answered(haq_dressing), answered(haq_arising), answered(haq_walking)]) >= 2, sum(score(haq_dressing), score(haq_arising), score(haq_walking)) / count([answered(haq_dressing), answered(haq_arising), answered(haq_walking)]), null)", .number(2)),
        EvaluationCase("if(fever, 'hot', 'cold') == 'hot'", .bool(true)),
        EvaluationCase("if(itch > 3, 1, 0)", .number(0)),
        EvaluationCase("coalesce(itch, temperature)", .number(38.5)),
        EvaluationCase("round(2.5)", .number(3)),
        EvaluationCase("round(-2.5)", .number(-3)),
        EvaluationCase("round(2.345, 2)", .number(2.35)),
        EvaluationCase("round(1234, -2)", .number(1200)),
        EvaluationCase("round(1.005, 2)", .number(1.01)),
        EvaluationCase("round(-1.005, 2)", .number(-1.01)),
        EvaluationCase("round(2.4)", .number(2)),
        EvaluationCase("round(-2.6)", .number(-3)),
        EvaluationCase("round(0.1 + 0.2, 1)", .number(0.3)),
        EvaluationCase("abs(0 - 4)", .number(4)),
    ])
    func functions(_ test: EvaluationCase) {
        #expect(evaluate(test.source) == test.expected)
    }

    @Test(arguments: [
        EvaluationCase("today()", .date(PartialDate(year: 2024, month: 5, day: 1))),
        EvaluationCase("date('2024-05')", .date(PartialDate(year: 2024, month: 5))),
        EvaluationCase("years_between(birth_date, today())", .number(43)),
        EvaluationCase("age_at(birth_date, date('2024-06-15'))", .number(44)),
        EvaluationCase("age_at(birth_date, date('2024-06-14'))", .number(43)),
        EvaluationCase("days_between(date('2023-12-31'), date('2024-01-01'))", .number(1)),
        EvaluationCase("days_between(onset_date, today())", .number(47)),
        EvaluationCase("onset_date < today()", .bool(true)),
        EvaluationCase("date('2024-05') == date('2024-05-15')", .bool(true)),
        EvaluationCase("onset_date >= date('2024-04-01')", .bool(false)),
    ])
    func dates(_ test: EvaluationCase) {
        #expect(evaluate(test.source) == test.expected)
    }

    @Test func overflowGivesNullNotInfinity() {
        let big = String(repeating: "9", count: 300)
        #expect(evaluate("\(big) * \(big)") == .null)
        #expect(evaluate("round(\(big), 15)") == .number(Double(big) ?? 0))
    }

    @Test func emptyEnvironmentNeverTraps() {
        let empty = FakeEnvironment(values: [:])
        for source in ["(weight_6m_ago - weight_now) / weight_6m_ago * 100 >= 5", "score(skin_signs)",
                       "count(rash_sites)", "years_between(birth_date, today())", "'eyelids' in rash_sites"] {
            #expect(evaluate(source, in: empty) == .null, "\(source)")
        }
    }

    @Test func referencesListEveryNameRead() throws {
        let expression = try #require(compile("fever and answered(temperature) or score(haq_eating) > itch").expression)
        #expect(expression.references == ["fever", "temperature", "haq_eating", "itch"])
        #expect(try #require(compile("1 + 2").expression).references.isEmpty)
    }
}
