import Testing
@testable import IntakeCore

struct TypeCase: CustomTestStringConvertible, Sendable {
    var source: String
    var type: ValueType
    init(_ source: String, _ type: ValueType) {
        self.source = source
        self.type = type
    }
    var testDescription: String { "\(source) : \(type)" }
}

@Suite struct ExpressionTypeCheckTests {
    @Test(arguments: [
        TypeCase("fever", .bool),
        TypeCase("null", .null),
        TypeCase("'a'", .text),
        TypeCase("temperature * 2", .number),
        TypeCase("-itch", .number),
        TypeCase("not fever", .bool),
        TypeCase("fever and null", .bool),
        TypeCase("itch + null", .number),
        TypeCase("fever == true", .bool),
        TypeCase("fever != null", .bool),
        TypeCase("rash_sites == null", .bool),
        TypeCase("null != [1]", .bool),
        TypeCase("other_symptoms == 'x'", .bool),
        TypeCase("sex == breathing_course", .bool),
        TypeCase("sex == other_symptoms", .bool),
        TypeCase("birth_date == onset_date", .bool),
        TypeCase("birth_date < date('2000-01')", .bool),
        TypeCase("itch <= null", .bool),
        TypeCase("'female' == sex", .bool),
        TypeCase("'gottron' in skin_signs", .bool),
        TypeCase("sex in rash_sites", .bool),
        TypeCase("sex in ['female', 'other']", .bool),
        TypeCase("itch in [1, 2, null]", .bool),
        TypeCase("'x' in null", .bool),
        TypeCase("birth_date in [date('2000-01-01')]", .bool),
        TypeCase("[1, itch, null]", .list(.number)),
        TypeCase("[]", .list(.null)),
        TypeCase("[sex, 'x']", .list(.text)),
        TypeCase("answered(sex)", .bool),
        TypeCase("answered(haq_di)", .bool),
        TypeCase("score(haq_grip)", .number),
        TypeCase("count(skin_signs)", .number),
        TypeCase("count([fever, muscle_weakness])", .number),
        TypeCase("sum(itch)", .number),
        TypeCase("mean([itch, temperature])", .number),
        TypeCase("max(1, itch, 3)", .number),
        TypeCase("if(fever, sex, null)", .choice(options: ["female", "male", "other"])),
        TypeCase("if(fever, sex, 'unknown')", .text),
        TypeCase("if(fever, 1, null)", .number),
        TypeCase("coalesce(itch, temperature, 0)", .number),
        TypeCase("round(temperature, 1)", .number),
        TypeCase("abs(itch)", .number),
        TypeCase("today()", .date),
        TypeCase("date('2024-05-01')", .date),
        TypeCase("years_between(birth_date, today())", .number),
        TypeCase("age_at(birth_date, onset_date)", .number),
        TypeCase("days_between(onset_date, today())", .number),
        TypeCase("haq_di >= 1", .bool),
    ])
    func infersType(_ test: TypeCase) throws {
        let (expression, diagnostics) = compile(test.source)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try #require(expression).type == test.type)
    }

    @Test(arguments: [
        ("fever", ValueType.bool), ("null", .bool), ("itch > 2", .bool),
        ("itch", .number), ("null", .number), ("score(haq_eating) + 1", .number),
    ])
    func acceptsTheTypeTheContextExpects(source: String, expecting: ValueType) {
        #expect(compile(source, expecting: expecting).diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("sex", ValueType.bool, "expected a yes/no condition but this expression gives a single-choice answer"),
        ("rash_sites", .bool, "expected a yes/no condition but this expression gives a multiple-choice answer"),
        ("birth_date", .number, "expected a number but this expression gives a date"),
        ("[1, 2]", .number, "expected a number but this expression gives a list of numbers"),
        ("'yes'", .bool, "expected a yes/no condition but this expression gives text"),
    ])
    func rejectsTheWrongTypeForTheContext(source: String, expecting: ValueType, message: String) {
        #expect(compile(source, expecting: expecting).diagnostics.map(\.message) == [message])
    }

    @Test(arguments: [
        "fever + 1", "fever - 1", "'a' * 2", "sex / 2", "-fever", "fever or 1", "1 and fever",
        "sex < 'male'", "rash_sites > 1", "fever == 1", "birth_date != 'x'", "[1] == [1]",
        "count(1)", "count(fever)", "sum('a')", "mean([sex])", "round('a')", "abs(fever)",
        "round(1, 'a')", "days_between(1, 2)", "age_at(birth_date)", "today(1)", "if(1, 2, 3)",
        "score(sex)", "score(itch + 1)", "answered('fever')", "date('2024-5-1')", "date()",
        "[[1]]", "[rash_sites]", "rash_sites in [1]", "itch in rash_sites", "[1] in [1]",
        "haq_dressing == 'unabel'", "'head' in rash_sites", "breathing_course in ['worst']",
    ])
    func rejectsIllTypedExpressions(source: String) {
        let (expression, diagnostics) = compile(source)
        #expect(expression == nil)
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.severity == .error })
    }

    @Test func optionErrorsWithoutACloseMatchListTheOptions() {
        #expect(compile("breathing_course == 'bad'").diagnostics.map(\.message)
            == ["'bad' is not an option of 'breathing_course'; the options are better, same, worse"])
        #expect(compile("if(fever, sex, sex) == 'mal'").diagnostics.map(\.message)
            == ["'mal' is not one of the options; did you mean 'male'?"])
    }

    @Test func namesThatLookLikeKeywordsAreReserved() {
        #expect(ExpressionCompiler.reservedWords == ["and", "or", "not", "in", "true", "false", "null"])
        #expect(ExpressionCompiler.functionNames.contains("years_between"))
    }
}
