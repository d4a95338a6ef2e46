import Testing
@testable import IntakeCore

struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    var source: String
    var expecting: ValueType?
    /// `line:column: message`, in the order reported.
    var expected: [String]

    init(_ source: String, expecting: ValueType? = nil, _ expected: [String]) {
        self.source = source
        self.expecting = expecting
        self.expected = expected
    }

    var testDescription: String { source.isEmpty ? "(empty)" : source }
}

/// Every message the compiler can give, with its exact position. The expression starts at
/// q.yaml:10:7, as if written after `when: ` in the file.
@Suite struct ExpressionDiagnosticTests {
    @Test(arguments: [
        DiagnosticCase("fevr", ["10:7: unknown item or score 'fevr'; did you mean 'fever'?"]),
        DiagnosticCase("fever and sex == 'femal'", ["10:24: 'femal' is not an option of 'sex'; did you mean 'female'?"]),
        DiagnosticCase("'eyelid' in rash_sites", ["10:7: 'eyelid' is not an option of 'rash_sites'; did you mean 'eyelids'?"]),
        DiagnosticCase("sex in ['male', 'femal', 'xyz']", ["10:23: 'femal' is not an option of 'sex'; did you mean 'female'?", "10:32: 'xyz' is not an option of 'sex'; the options are female, male, other"]),
        DiagnosticCase("temperature + 1", expecting: .bool, ["10:7: expected a yes/no condition but this expression gives a number"]),
        DiagnosticCase("  fever", expecting: .number, ["10:9: expected a number but this expression gives a yes/no value"]),
        DiagnosticCase("fever + sex", ["10:7: '+' works only on numbers, but this is a yes/no value", "10:15: '+' works only on numbers, but this is a single-choice answer"]),
        DiagnosticCase("1 < 2 < 3", ["10:13: comparisons cannot be chained; write two comparisons joined by 'and', like 'a < b and b < c'"]),
        DiagnosticCase("cout(rash_sites)", ["10:7: unknown function 'cout'; did you mean 'count'?"]),
        DiagnosticCase("count(rash_sites, 1)", ["10:7: count(...) takes 1 argument, but 2 were given"]),
        DiagnosticCase("round()", ["10:7: round(...) takes 1 or 2 arguments, but 0 were given"]),
        DiagnosticCase("answered(1)", ["10:16: answered(...) needs the id of an item, like answered(fever)"]),
        DiagnosticCase("answered(fevr)", ["10:16: unknown item or score 'fevr'; did you mean 'fever'?"]),
        DiagnosticCase("score(fever)", ["10:13: score(fever) needs a choice item whose options have scores, and 'fever' has none"]),
        DiagnosticCase("date('2024-02-30')", ["10:12: '2024-02-30' is not a valid date; write it as 'YYYY-MM-DD' or 'YYYY-MM', like '2024-05-01'"]),
        DiagnosticCase("date(birth_date)", ["10:12: date(...) needs a date written in quotes, like date('2024-05-01') or date('2024-05')"]),
        DiagnosticCase("fever = true", ["10:13: use '==' to compare two values ('=' alone is not an operator)"]),
        DiagnosticCase("fever && fever", ["10:13: use 'and' instead of '&&'"]),
        DiagnosticCase("!fever", ["10:7: use 'not' instead of '!'"]),
        DiagnosticCase("(fever", ["10:13: the expression ends too early; expected ')' to close the '('"]),
        DiagnosticCase("fever)", ["10:12: unexpected ')'; expected an operator such as 'and' or '+' or the end of the expression"]),
        DiagnosticCase("", ["10:7: the expression is empty"]),
        DiagnosticCase("fever and", ["10:16: the expression ends too early; expected a value, a name or '('"]),
        DiagnosticCase("count(rash_sites", ["10:23: the expression ends too early; expected ',' or ')' to close the call of count("]),
        DiagnosticCase("'abc", ["10:7: this text has no closing '"]),
        DiagnosticCase("'it\\n'", ["10:10: unknown escape '\\n' in text; only \\' \\\" and \\\\ are allowed"]),
        DiagnosticCase("1. + 2", ["10:7: a number needs digits after the decimal point, like 2.5"]),
        DiagnosticCase("'scalp' not in rash_sites", ["10:15: write 'not (a in b)' instead of 'a not in b'"]),
        DiagnosticCase("fever == not fever", ["10:16: unexpected 'not'; expected a value, a name or '('"]),
        DiagnosticCase("fever ? 1 : 2", ["10:13: unexpected character '?'"]),
        DiagnosticCase("temperature == 'high'", ["10:19: cannot compare a number with text"]),
        DiagnosticCase("rash_sites == 'eyelids'", ["10:18: '==' cannot compare a multiple-choice answer; to check whether an option was chosen write 'option' in rash_sites"]),
        DiagnosticCase("if(fever, 1, 'x')", ["10:20: both results of if(...) must be of the same kind, but the first is a number and this is text"]),
        DiagnosticCase("if(temperature, 1, 2)", ["10:10: the first part of if(...) must be a yes/no condition, but this is a number"]),
        DiagnosticCase("not temperature", ["10:11: 'not' needs a yes/no value, but this is a number"]),
        DiagnosticCase("fever(1)", ["10:7: 'fever' is an item or score, not a function; remove the brackets after it"]),
        DiagnosticCase("count", ["10:7: 'count' is a function; write it with brackets, like count(...)"]),
        DiagnosticCase("sum(fever, 2, sex)", ["10:11: sum(...) needs numbers, but this is a yes/no value", "10:21: sum(...) needs numbers, but this is a single-choice answer"]),
        DiagnosticCase("sum([fever])", ["10:11: sum(...) needs numbers, but this is a list of yes/no values"]),
        DiagnosticCase("[1, 'a']", ["10:11: all values in a list must be of one kind, but this is text and the ones before are numbers"]),
        DiagnosticCase("'x' in temperature", ["10:14: 'in' needs a list like [1, 2] or a multiple-choice answer on its right, but this is a number"]),
        DiagnosticCase("3 in rash_sites", ["10:7: 'in' looks for an option in a multiple-choice answer, so the left side must be an option like 'eyelids', but this is a number"]),
        DiagnosticCase("temperature in ['a']", ["10:19: cannot look for a number in a list of texts"]),
        DiagnosticCase("birth_date < 3", ["10:18: cannot compare a date with a number"]),
        DiagnosticCase("fever < 3", ["10:7: '<' compares numbers or dates, but this is a yes/no value"]),
        DiagnosticCase("fevr or sex == 'mael' or itch > 'x'", ["10:7: unknown item or score 'fevr'; did you mean 'fever'?", "10:22: 'mael' is not an option of 'sex'; did you mean 'male'?", "10:39: '>' compares numbers or dates, but this is text"]),
        DiagnosticCase("coalesce(1, 'a')", ["10:19: all values in coalesce(...) must be of the same kind, but this is text and the ones before are numbers"]),
        DiagnosticCase("years_between(birth_date, 2024)", ["10:33: years_between(...) needs two dates, but this is a number"]),
        DiagnosticCase("fever and sex", expecting: .bool, ["10:17: 'and' needs yes/no values on both sides, but this is a single-choice answer"]),
    ])
    func reportsErrorAtTheOffendingToken(_ test: DiagnosticCase) {
        let (expression, diagnostics) = compile(test.source, expecting: test.expecting)
        #expect(expression == nil)
        #expect(rendered(diagnostics) == test.expected)
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.location.file == "q.yaml" })
    }

    @Test func pointsIntoTheRightLineOfAMultiLineExpression() {
        let source = "fever\n  and sex == 'mal'\n  or cout([itch]) > 2"
        let (expression, diagnostics) = compile(source)
        #expect(expression == nil)
        #expect(rendered(diagnostics) == [
            "11:14: 'mal' is not an option of 'sex'; did you mean 'male'?",
            "12:6: unknown function 'cout'; did you mean 'count'?",
        ])
    }

    @Test func syntaxErrorOnALaterLineHasThatLinesColumn() {
        let (_, diagnostics) = compile("fever and\n\n   (itch > 2")
        #expect(rendered(diagnostics) == ["12:13: the expression ends too early; expected ')' to close the '('"])
    }

    @Test func validExpressionsGiveNoDiagnostics() {
        for source in ["fever", "sex == 'female'", "'eyelids' in rash_sites", "itch == null"] {
            let (expression, diagnostics) = compile(source, expecting: .bool)
            #expect(expression != nil, "\(source)")
            #expect(diagnostics.isEmpty, "\(source): \(diagnostics)")
        }
    }
}
