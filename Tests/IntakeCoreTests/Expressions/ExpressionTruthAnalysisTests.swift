import Testing
@testable import IntakeCore

@Suite struct ExpressionTruthAnalysisTests {
    @Test(arguments: [
        "false", "null", "1 > 2", "fever and false", "false and fever", "not true",
        "not (fever or true)", "itch == null", "itch + null > 3", "fever and 1 / 0 > 2",
        "sex == 'male' and sex == 'female'", "sex == 'male' and fever and 'female' == sex",
        "(sex == 'male' and fever) and (itch > 2 and sex == 'other')", "itch == 1 and itch == 2",
        "if(true, false, fever)", "if(fever, false, null)", "count([]) > 0", "not null",
        "'x' in []", "fever and not (1 < 2)", "coalesce(null, false)",
    ])
    func provesAConditionCanNeverBeTrue(source: String) throws {
        let expression = try #require(compile(source, expecting: .bool).expression)
        #expect(expression.canNeverBeTrue)
    }

    @Test(arguments: [
        "true", "fever", "fever and true", "fever or false", "not fever", "itch > 2",
        "sex == 'male' or sex == 'female'", "sex == 'male' and breathing_course == 'worse'",
        "sex == 'male' and sex == 'male'", "sex == 'male' and not (sex == 'female')",
        "if(fever, true, false)", "coalesce(fever, false)", "not (fever and false)", "1 < 2",
        "today() > date('2000-01')", "answered(itch)",
    ])
    func staysConservativeWhenAConditionMightHold(source: String) throws {
        let expression = try #require(compile(source, expecting: .bool).expression)
        #expect(!expression.canNeverBeTrue)
    }
}
