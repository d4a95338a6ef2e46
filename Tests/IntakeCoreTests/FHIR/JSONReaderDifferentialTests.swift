import PropertyBased
import Testing
@testable import IntakeCore

/// The JSON reader reads UTF-8 bytes; it must give exactly what the reader over Unicode
/// scalars gave (``ReferenceJSONReader``): the same tree with the same line and column on
/// every node, or the same failure at the same place, for any text.
@Suite struct JSONReaderDifferentialTests {
    /// A node as text with its position, children in order.
    static func dump(_ node: JSONNode) -> String {
        let place = "@\(node.line):\(node.column)"
        switch node.kind {
        case .null: return "null" + place
        case .bool(let value): return "\(value)" + place
        case .number(let value, let isInteger): return "\(value)\(isInteger ? "i" : "d")" + place
        case .string(let text): return text.debugDescription + (node.hadEscapes ? "e" : "") + place
        case .array(let elements): return "[" + elements.map(dump).joined(separator: ",") + "]" + place
        case .object(let members): return "{" + members.map { $0.key.debugDescription + ":" + dump($0.value) }.joined(separator: ",") + "}" + place
        }
    }

    static func outcome(_ result: Result<JSONNode, JSONReader.Failure>) -> String {
        switch result {
        case .success(let node): dump(node)
        case .failure(let failure): "error \(failure.line):\(failure.column): \(failure.message)"
        }
    }

    /// Pieces JSON is made of, right and wrong, ASCII and not.
    static let pieces = [
        "{", "}", "[", "]", ":", ",", " ", "\n", "\t", "\r\n", "\"", "\"a\"", "\"key\"", "\"Жж\"", "\"肌肉👍🏽\"", "\"é\"",
        "\\", "\\n", "\\\"", "\\u00e9", "\\ud83d\\udc4d", "\\ud83d", "\\u12", "\\b", "\\x", "\\/", "0", "-1", "12.5", "1e3",
        "2E-2", "01", "1.", "-", "true", "false", "null", "nul", "x", "Ж", "\u{7}", "\u{85}", "\u{202E}",
    ]

    @Test func bytesAndScalarsGiveTheSameTreeOrTheSameFailureForAnyText() async {
        let text = Gen.int(in: 0...(Self.pieces.count - 1)).array(of: 0...24).map { $0.map { Self.pieces[$0] }.joined() }
        await propertyCheck(count: 4000, input: text) { text in
            #expect(Self.outcome(JSONReader.parse(text)) == Self.outcome(ReferenceJSONReader.parse(text)), "\(text.debugDescription)")
        }
    }

    /// Well-formed documents (most random texts above fail early): objects of keys and
    /// values nested a few levels, pretty-printed, with ASCII and other text.
    static let values = [
        "\"a\"", "\"Жж\"", "\"肌肉👍🏽\"", "0", "-1", "12.5", "1e3", "true", "null", "\"x\\ny\"", "\"\\u00e9\"",
        "[1, \"Ж\", {\"k\": null}]", "{\"n\": {\"m\": [true, false]}}", "\"肌 \\\"q\\\"\"", "[]", "{}",
    ]

    @Test func documentsAreReadTheSame() async {
        let documents = Gen.int(in: 0...(Self.values.count * 5 - 1)).array(of: 0...8).map { choices -> String in
            let members = choices.enumerated().map { offset, choice in
                "\"key\(choice % 5)\(offset)\": " + Self.values[choice / 5]
            }
            return "{\n  " + members.joined(separator: ",\n  ") + "\n}"
        }
        await propertyCheck(count: 1000, input: documents) { text in
            #expect(Self.outcome(JSONReader.parse(text)) == Self.outcome(ReferenceJSONReader.parse(text)), "\(text)")
        }
    }

    /// An object of one member per line, `keys` in order: both readers must refuse it, and
    /// this one with `message`.
    func expectRefused(keys: [String], message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let text = "{" + keys.enumerated().map { "\"\($1)\": \($0)" }.joined(separator: ",\n") + "}"
        #expect(Self.outcome(JSONReader.parse(text)) == Self.outcome(ReferenceJSONReader.parse(text)), sourceLocation: sourceLocation)
        guard case .failure(let failure) = JSONReader.parse(text) else {
            Issue.record("a duplicate key must be refused", sourceLocation: sourceLocation)
            return
        }
        #expect(failure.message == message, sourceLocation: sourceLocation)
    }

    @Test func aLargeObjectFindsItsDuplicateKey() {
        expectRefused(keys: (0..<40).map { "k\($0)" } + ["k7"], message: "duplicate key 'k7', first written at line 8")
    }

    /// Plain runs are skipped eight bytes at a time: an escape, a quote, a control character
    /// or a non-ASCII character at any offset in or after a word ends the run where it is.
    @Test(arguments: ["\\n", "\\\"", "é", "Ж", "\u{1F}", "\\u00e9", "中"])
    func anyByteThatEndsAPlainRunIsSeenAtEveryOffset(special: String) {
        for offset in 0..<20 {
            let text = "[\"" + String(repeating: "a", count: offset) + special + "bcdefghijklmnop\", 1]"
            #expect(Self.outcome(JSONReader.parse(text)) == Self.outcome(ReferenceJSONReader.parse(text)), "\(text)")
        }
    }

    /// Two-digit keys k00...k39: in ascending order.
    static let sortedKeys = (0..<40).map { "k" + ($0 < 10 ? "0" : "") + String($0) }

    /// Objects written with sorted keys (result files) are checked by comparing each key with
    /// the one before; a repeat of any earlier key, the last one included, is still found.
    @Test(arguments: ["k07", "k39", "k00"])
    func aLargeObjectWithSortedKeysFindsItsDuplicateKey(repeated: String) {
        expectRefused(keys: Self.sortedKeys + [repeated], message: "duplicate key '\(repeated)', first written at line \(Int(repeated.dropFirst())! + 1)")
    }

    /// The first sixteen keys out of order, the rest ascending: not taken for a sorted object.
    @Test func keysThatAscendOnlyAfterTheSixteenthAreStillChecked() {
        expectRefused(keys: ["z"] + Self.sortedKeys + ["z"], message: "duplicate key 'z', first written at line 1")
    }

    /// Numbers of up to 15 digits are made from their digits (a fraction with one division
    /// by a power of ten); longer ones and exponents are parsed from their text. Either
    /// way the value is the one the text denotes, as the standard library parses it.
    @Test func decimalsReadAsTheStandardLibraryParsesThem() async {
        let digits = Gen.int(in: 0...9).array(of: 0...12)
        await propertyCheck(count: 3000, input: digits, digits, Gen.int(in: 0...1)) { whole, fraction, negative in
            let wholeText = whole.isEmpty || whole[0] == 0 ? "0" : whole.map(String.init).joined()
            let fractionText = fraction.map(String.init).joined()
            let text = (negative == 1 ? "-" : "") + wholeText + (fraction.isEmpty ? "" : "." + fractionText)
            guard case .success(let node) = JSONReader.parse(text), case .number(let value, let isInteger) = node.kind else {
                Issue.record("not read as a number: \(text)")
                return
            }
            let expected = Double(text)!
            #expect(value.bitPattern == expected.bitPattern, "\(text)")
            #expect(isInteger == fraction.isEmpty)
        }
    }
}
