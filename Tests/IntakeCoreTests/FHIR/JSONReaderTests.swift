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
