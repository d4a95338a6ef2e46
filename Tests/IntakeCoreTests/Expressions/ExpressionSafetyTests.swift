import Testing
import Foundation
@testable import IntakeCore

/// Hostile or broken files must give a clean error quickly, never a crash or a hang.
@Suite struct ExpressionSafetyTests {
    private func compileTimed(_ source: String) -> (diagnostics: [Diagnostic], seconds: Double) {
        let start = Date()
        let (_, diagnostics) = compile(source)
        return (diagnostics, Date().timeIntervalSince(start))
    }

    @Test func tenThousandOpenBracketsAreRefusedQuickly() {
        let (diagnostics, seconds) = compileTimed(String(repeating: "(", count: 10_000) + "1")
        #expect(diagnostics.map(\.message).first?.hasPrefix("this expression is too long (10001 characters") == true)
        #expect(seconds < 1)
    }

    @Test func aHundredKilobyteExpressionIsRefusedQuickly() {
        let source = Array(repeating: "fever", count: 20_000).joined(separator: " or ")
        let (diagnostics, seconds) = compileTimed(source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.location == testLocation)
        #expect(seconds < 1)
    }

    @Test(arguments: [
        String(repeating: "(", count: 65) + "1" + String(repeating: ")", count: 65),
        String(repeating: "[", count: 65) + String(repeating: "]", count: 65),
        String(repeating: "abs(", count: 65) + "1" + String(repeating: ")", count: 65),
        String(repeating: "not ", count: 65) + "fever",
        String(repeating: "-", count: 65) + "1",
    ])
    func nestingDeeperThanTheCapIsAnError(source: String) {
        let (expression, diagnostics) = compile(source)
        #expect(expression == nil)
        #expect(diagnostics.map(\.message).first?.hasPrefix("this expression is nested too deeply") == true)
    }

    @Test func nestingUpToTheCapIsFine() {
        let source = String(repeating: "(", count: 64) + "1" + String(repeating: ")", count: 64)
        #expect(evaluate(source) == .number(1))
    }

    @Test func longOperatorChainsAreCappedButTypicalOnesWork() {
        let long = Array(repeating: "1", count: 300).joined(separator: " + ")
        #expect(compile(long).diagnostics.first?.message.hasPrefix("this expression has too many operators in a row") == true)
        let typical = Array(repeating: "1", count: 100).joined(separator: " + ")
        #expect(evaluate(typical) == .number(100))
    }

    @Test func theLargestAllowedTreeCompilesEvaluatesAndAnalysesQuickly() throws {
        let start = Date()
        let conjuncts = (0..<200).map { $0 % 2 == 0 ? "sex == 'male'" : "fever" }
        let chain = conjuncts.joined(separator: " and ") + " and sex == 'female'"
        #expect(chain.count <= ExpressionCompiler.maximumLength)
        let expression = try #require(compile(chain, expecting: .bool).expression)
        #expect(expression.canNeverBeTrue)
        #expect(expression.evaluate(in: FakeEnvironment.example) == .bool(false))
        let sum = "abs(" + Array(repeating: "itch", count: 250).joined(separator: " - ") + ")"
        #expect(evaluate(sum) == .null)
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test func unterminatedTextAtTheCapIsFast() {
        let (diagnostics, seconds) = compileTimed("'" + String(repeating: "a", count: 3_999))
        #expect(diagnostics.map(\.message) == ["this text has no closing '"])
        #expect(seconds < 1)
    }

    @Test func manyUnknownLongNamesAreFast() {
        let name = String(repeating: "x", count: 60)
        let source = Array(repeating: name, count: 60).joined(separator: " or ")
        let (diagnostics, seconds) = compileTimed(source)
        #expect(diagnostics.count == 60)
        #expect(seconds < 1)
    }
}
