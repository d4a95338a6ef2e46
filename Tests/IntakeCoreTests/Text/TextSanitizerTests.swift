import Testing
@testable import IntakeCore

@Suite struct TextSanitizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var input: String
        var output: String
        var forbidden: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain ASCII", input: "Fever", output: "Fever", forbidden: false),
        Case(name: "Cyrillic", input: "Боль в мышцах", output: "Боль в мышцах", forbidden: false),
        Case(name: "umlauts decomposed", input: "Mu\u{308}de", output: "Mu\u{308}de", forbidden: false),
        Case(name: "CJK", input: "发烧", output: "发烧", forbidden: false),
        Case(name: "emoji", input: "👍🏽", output: "👍🏽", forbidden: false),
        Case(name: "newline and tab kept", input: "a\nb\tc", output: "a\nb\tc", forbidden: false),
        Case(name: "ESC sequence", input: "x\u{1B}[2Jy", output: "x\u{FFFD}[2Jy", forbidden: true),
        Case(name: "OSC title", input: "\u{1B}]0;pwned\u{7}", output: "\u{FFFD}]0;pwned\u{FFFD}", forbidden: true),
        Case(name: "NUL", input: "a\u{0}b", output: "a\u{FFFD}b", forbidden: true),
        Case(name: "DEL", input: "a\u{7F}b", output: "a\u{FFFD}b", forbidden: true),
        Case(name: "C1 CSI", input: "a\u{9B}31mb", output: "a\u{FFFD}31mb", forbidden: true),
        Case(name: "C1 range ends", input: "\u{80}\u{9F}", output: "\u{FFFD}\u{FFFD}", forbidden: true),
        Case(name: "NBSP is fine", input: "a\u{A0}b", output: "a\u{A0}b", forbidden: false),
        Case(name: "CRLF becomes LF", input: "a\r\nb", output: "a\nb", forbidden: true),
        Case(name: "lone CR becomes LF", input: "a\rb", output: "a\nb", forbidden: true),
        Case(name: "RLO removed", input: "abc\u{202E}fed", output: "abcfed", forbidden: true),
        Case(name: "all embeddings removed", input: "\u{202A}\u{202B}\u{202C}\u{202D}x", output: "x", forbidden: true),
        Case(name: "isolates removed", input: "\u{2066}\u{2067}\u{2068}x\u{2069}", output: "x", forbidden: true),
        Case(name: "LRM kept", input: "a\u{200E}b", output: "a\u{200E}b", forbidden: false),
    ]

    @Test(arguments: cases)
    func sanitizes(_ testCase: Case) {
        let result = TextSanitizer.sanitize(testCase.input)
        #expect(result == testCase.output)
        #expect(TextSanitizer.containsForbiddenControl(testCase.input) == testCase.forbidden)
        #expect(!TextSanitizer.containsForbiddenControl(result))
        #expect(!result.unicodeScalars.contains("\u{1B}"))
    }

    @Test func singleLineReplacesBreaksWithSpaces() {
        #expect(TextSanitizer.sanitizeLine("a\nb\tc\r\nd") == "a b c d")
    }

    @Test func reportsPositionOfFirstForbiddenScalar() throws {
        let found = try #require(TextSanitizer.firstForbiddenControl(in: "ok\nab\u{202E}c\u{1B}"))
        #expect(found.scalar == "\u{202E}")
        #expect(found.reason == .bidiControl)
        #expect(found.scalarOffset == 5)
        #expect(found.line == 2)
        #expect(found.column == 3)
        #expect(found.description == "U+202E (bidi control)")
        #expect(TextSanitizer.firstForbiddenControl(in: "clean\ttext\n") == nil)
    }

    @Test func everyScalarBelowA0IsSafeAfterwards() {
        var text = ""
        for value in UInt32(0)..<0xA0 {
            if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
        }
        let result = TextSanitizer.sanitize(text)
        for scalar in result.unicodeScalars {
            #expect(scalar.value >= 0x20 && scalar.value != 0x7F || scalar == "\n" || scalar == "\t")
            #expect(!(0x80...0x9F).contains(scalar.value))
        }
    }

    @Test func megabyteIsFast() {
        let text = String(repeating: "Привет\u{1B}[31m 你好 \u{202E}x\n", count: 40_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(!TextSanitizer.sanitize(text).unicodeScalars.contains("\u{1B}"))
        }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}
