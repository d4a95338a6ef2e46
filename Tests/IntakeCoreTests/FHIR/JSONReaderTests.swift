import Testing
@testable import IntakeCore

/// The JSON reader's strings, positions and duplicate-key messages (it reads FHIR files and
/// result files).
@Suite struct JSONReaderTests {
    func parse(_ text: String) -> Result<JSONNode, JSONReader.Failure> { JSONReader.parse(text) }

    @Test(arguments: [
        ("\"plain ascii\"", "plain ascii"),
        ("\"Слабость — ja ü 肌肉 👍🏽\"", "Слабость — ja ü 肌肉 👍🏽"),
        ("\"a\\nb\\t\\\"q\\\" \\\\ \\/\"", "a\nb\t\"q\" \\ /"),
        ("\"\\u00e9\\u4e2d\\ud83d\\udc4d\"", "é中👍"),
        ("\"\"", ""),
    ])
    func readsStrings(json: String, expected: String) throws {
        let node = try parse(json).get()
        #expect(node.string == expected)
    }

    /// Short integers are made from their digits, the rest parsed from their text: both
    /// give the number written, and whether it was written as an integer.
    @Test(arguments: [
        ("0", 0.0, true), ("-0", -0.0, true), ("-42", -42, true), ("123456789012345", 123_456_789_012_345, true),
        ("-123456789012345", -123_456_789_012_345, true), ("12345678901234567", 12_345_678_901_234_567, true),
        ("1.5", 1.5, false), ("-0.25", -0.25, false), ("1e3", 1000, false), ("2E-2", 0.02, false),
    ])
    func readsNumbers(json: String, value: Double, isInteger: Bool) throws {
        let node = try parse(json).get()
        guard case .number(let read, let integer) = node.kind else {
            Issue.record("not a number: \(node.kind)")
            return
        }
        #expect(read == value && read.sign == value.sign)
        #expect(integer == isInteger)
    }

    @Test func positionsCountCharactersNotBytes() throws {
        let node = try parse("{\"a\": \"ЖЖЖ\", \"b\": [1, true]}").get()
        let b = try #require(node["b"])
        #expect(b.line == 1 && b.column == 19)
        let last = try #require(b.elements?.last)
        #expect(last.line == 1 && last.column == 23)
    }

    @Test func aDuplicateKeyNamesThePathOfItsObject() {
        guard case .failure(let failure) = parse("{\"item\": [{}, {\"answerOption\": {\"x\": 1, \"x\": 2}}]}") else {
            Issue.record("a duplicate key must be refused")
            return
        }
        #expect(failure.message == "duplicate key 'x' in item[1].answerOption, first written at line 1")
    }

    @Test func aDuplicateKeyAtTheTopNamesNoPath() {
        guard case .failure(let failure) = parse("{\"a\": 1, \"a\": 2}") else {
            Issue.record("a duplicate key must be refused")
            return
        }
        #expect(failure.message == "duplicate key 'a', first written at line 1")
    }

    @Test func aRawLineBreakInAStringIsRefusedWhereItStands() {
        guard case .failure(let failure) = parse("\"ab\ncd\"") else {
            Issue.record("a raw line break must be refused")
            return
        }
        #expect(failure.line == 1 && failure.column == 4)
    }
}
