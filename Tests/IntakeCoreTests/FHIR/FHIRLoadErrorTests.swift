import Testing
@testable import IntakeCore

/// Load errors carry the JSON line:column and the JSON path.
@Suite struct FHIRLoadErrorTests {
    static func errors(_ json: String) -> [String] {
        let result = loadFHIR(json)
        #expect(result.questionnaire == nil)
        return result.errors.map(\.description)
    }

    static func wrap(_ items: String) -> String {
        "{\"resourceType\": \"Questionnaire\", \"status\": \"draft\",\n \"item\": [\n\(items)\n]}"
    }

    @Test(arguments: [
        ("{\"resourceType\": \"Questionnaire\",\n  \"item\": [1 2]}", "test.json:2:14: error: JSON syntax: expected ',' or ']' but found '2'"),
        ("{\"resourceType\": \"Questionnaire\", \"a\": 1, \"a\": 2}", "test.json:1:43: error: JSON syntax: duplicate key 'a', first written at line 1"),
        ("{\"resourceType\": \"Questionnaire\", \"title\": \"x\\u001b[31m\"}", "test.json:1:52: error: JSON syntax: string contains a control character (U+001B); remove it"),
        ("{\"resourceType\": \"Questionnaire\", \"title\": \"abc", "test.json:1:48: error: JSON syntax: unterminated string"),
        ("{\"resourceType\": \"Questionnaire\", \"n\": 012}", "test.json:1:41: error: JSON syntax: numbers may not have leading zeros"),
        ("{\"resourceType\": \"Questionnaire\"} x", "test.json:1:35: error: JSON syntax: unexpected text after the end of the JSON document"),
        ("{\"resourceType\": \"Patient\"}", "test.json:1:18: error: resourceType: resourceType is 'Patient'; only a FHIR Questionnaire can be imported"),
    ])
    func malformedJSON(_ json: String, _ expected: String) {
        #expect(Self.errors(json) == [expected])
    }

    @Test func nestingIsCapped() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        let errors = Self.errors("{\"resourceType\": \"Questionnaire\", \"x\": \(deep)}")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("nested deeper than 64 levels") == true)
    }

    @Test func neverCrashesOnTruncatedInput() throws {
        let text = try String(contentsOfFile: fhirFixture("phq9.json"), encoding: .utf8)
        for cut in stride(from: 1, to: text.count, by: 997) {
            let result = loadFHIR(String(text.prefix(cut)))
            #expect(result.questionnaire == nil)
            #expect(!result.errors.isEmpty)
        }
    }

    @Test(arguments: ["attachment", "reference", "url"])
    func unsupportedTypesAreRefused(_ type: String) {
        let errors = Self.errors(Self.wrap("  {\"linkId\": \"a\", \"type\": \"boolean\"},\n  {\"linkId\": \"b\", \"type\": \"\(type)\", \"text\": \"B\"}"))
        #expect(errors == ["test.json:4:27: error: item[1].type: item 'b' has type '\(type)', which cannot be answered in a terminal questionnaire; it is not supported"])
    }

    @Test func unknownTypeSuggests() {
        let errors = Self.errors(Self.wrap("  {\"linkId\": \"a\", \"type\": \"bolean\"}"))
        #expect(errors == ["test.json:3:27: error: item[0].type: unknown item type 'bolean'; did you mean 'boolean'?"])
    }

    @Test func enableWhenErrorsNameThePath() {
        let json = Self.wrap("""
          {"linkId": "g", "type": "group", "text": "G", "item": [
            {"linkId": "a", "type": "choice", "answerOption": [{"valueCoding": {"code": "x"}}]},
            {"linkId": "b", "type": "string", "enableWhen": [
              {"question": "a", "operator": "exists", "answerBoolean": true},
              {"question": "a", "operator": "=", "answerString": "x"}], "enableBehavior": "all"},
            {"linkId": "c", "type": "string", "enableWhen": [{"question": "zz", "operator": "=", "answerString": "x"}]},
            {"linkId": "d", "type": "string", "enableWhen": [{"question": "a", "operator": "<", "answerCoding": {"code": "x"}}]}
          ]}
        """)
        #expect(Self.errors(json) == [
            "test.json:7:58: error: item[0].item[1].enableWhen[1].answerString: answerString (text) cannot be compared with 'a', whose answers are a coding",
            "test.json:8:67: error: item[0].item[2].enableWhen[0].question: enableWhen refers to unknown linkId 'zz'",
            "test.json:9:84: error: item[0].item[3].enableWhen[0].operator: codings can only be compared with = or !=",
        ])
    }

    @Test(arguments: [
        ("%resource.item.where(linkId='a').answer.value.matches('x')", 47, "the function 'matches()' is not supported"),
        ("%resource.item | %resource.item", 16, "the operator '|' is not supported"),
        ("%resource.item.answer.value is Coding", 29, "the operator 'is' is not supported"),
        ("%nope.exists()", 1, "unknown variable '%nope'"),
        ("@2020-01-01 > today()", 1, "date and time literals (@...) are not supported"),
        ("%context.item.exists()", 1, "'%context' is not supported"),
        ("item.where(linkId='a').exists()", 1, "'item' starts a path at the item context, which is not supported here; start from %resource, %questionnaire or a %variable"),
        ("1 + 2 mod 3", 7, "the operator 'mod' is not supported"),
        ("5 'mg' > 1", 3, "quantity literals (a number with a unit) are not supported"),
    ])
    func unsupportedFHIRPathIsALoadError(_ expression: String, _ offset: Int, _ message: String) {
        let json = Self.wrap("""
          {"linkId": "a", "type": "string"},
          {"linkId": "b", "type": "string", "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression",
            "valueExpression": {"language": "text/fhirpath", "expression": "\(expression)"}}]}
        """)
        // The expression string's quote is at column 68 of line 5; its first character is column 69.
        #expect(Self.errors(json) == ["test.json:5:\(68 + offset): error: item[1].extension[0].valueExpression.expression: unsupported FHIRPath in '\(expression)': \(message)"])
    }

    @Test func unsupportedLanguageAndValueSetsAreRefused() {
        let json = Self.wrap("""
          {"linkId": "a", "type": "choice", "answerValueSet": "http://example.org/vs"},
          {"linkId": "b", "type": "decimal", "extension": [{"url": "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-calculatedExpression",
            "valueExpression": {"language": "text/cql", "expression": "1"}}]}
        """)
        #expect(Self.errors(json) == [
            "test.json:3:55: error: item[0].answerValueSet: answerValueSet is not supported; list the answers in answerOption",
            "test.json:5:37: error: item[1].extension[0].valueExpression.language: expression language 'text/cql' is not supported (only text/fhirpath)",
        ])
    }
}
