import Testing
@testable import IntakeCore

/// The FHIRPath evaluator on small JSON trees, for what the differential tests cannot cover.
@Suite struct FHIRPathTests {
    static func evaluate(_ text: String, _ json: String = "{\"resourceType\": \"QuestionnaireResponse\"}") throws -> [FPValue]? {
        let root = try JSONReader.parse(json).get()
        let expression = try FHIRPathExpression.compile(text, known: [], rootPathsAllowed: true)
        return FHIRPathEvaluator(variables: ["resource": [.object(root)], "questionnaire": []], optionScore: { _, _ in 2 })
            .evaluate(expression, root: [.object(root)])
    }

    static func number(_ text: String, _ json: String = "{\"resourceType\": \"QuestionnaireResponse\"}") throws -> Double? {
        guard let result = try evaluate(text, json), result.count == 1, case .number(let n, _) = result[0] else { return nil }
        return n
    }

    @Test func sumRoundAndArithmetic() throws {
        let json = #"{"resourceType": "QuestionnaireResponse", "item": [{"answer": [{"valueDecimal": 1.5}, {"valueInteger": 2}]}]}"#
        #expect(try Self.number("item.answer.value.sum()", json) == 3.5)
        #expect(try Self.number("(2.45).round(1)") == 2.5)
        #expect(try Self.number("(-2.5).round()") == -3)
        #expect(try Self.number("7 / 2 * 2 - 1") == 6)
        #expect(try Self.evaluate("1 / 0")?.isEmpty == true)
    }

    @Test func runtimeErrorsGiveNoValue() throws {
        #expect(try Self.evaluate("'a' + 1") == nil)
        let json = #"{"resourceType": "QuestionnaireResponse", "item": [{"linkId": "a"}, {"linkId": "b"}]}"#
        #expect(try Self.evaluate("item.linkId = 'a' and true", json) != nil)
        #expect(try Self.evaluate("iif(item.linkId, 1, 2)", json) == nil) // two items where one boolean is needed
    }

    @Test func weightOfChosenCodings() throws {
        let coding = JSONNode.object([("code", .string("x"))], origin: JSONNode.Origin(item: "q", option: "x"))
        let response = JSONNode.object([("resourceType", .string("QuestionnaireResponse")), ("item", .array([
            .object([("linkId", .string("q")), ("answer", .array([.object([("valueCoding", coding)])]))]),
        ]))])
        let expression = try FHIRPathExpression.compile("item.answer.value.weight() + item.answer.valueCoding.ordinal()", known: [], rootPathsAllowed: true)
        let result = FHIRPathEvaluator(variables: [:], optionScore: { item, option in item == "q" && option == "x" ? 2 : nil })
            .evaluate(expression, root: [.object(response)])
        guard let result, result.count == 1, case .number(let n, _) = result[0] else { Issue.record("\(String(describing: result))"); return }
        #expect(n == 4)
    }
}
