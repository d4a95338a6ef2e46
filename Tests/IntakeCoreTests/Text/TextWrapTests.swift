import PropertyBased
import Testing
@testable import IntakeCore

@Suite struct TextWrapTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var width: Int
        var lines: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty", text: "", width: 10, lines: []),
        Case(name: "fits", text: "Fever", width: 10, lines: ["Fever"]),
        Case(name: "exact fit", text: "one two", width: 7, lines: ["one two"]),
        Case(name: "break at space", text: "one two three", width: 8, lines: ["one two", "three"]),
        Case(name: "spaces at break dropped", text: "one    two", width: 4, lines: ["one", "two"]),
        Case(name: "inner spaces kept", text: "a  b", width: 10, lines: ["a  b"]),
        Case(name: "indentation kept", text: "  - item", width: 10, lines: ["  - item"]),
        Case(name: "trailing spaces trimmed", text: "abc   ", width: 10, lines: ["abc"]),
        Case(name: "hard break long word", text: "Muskelschwäche", width: 5, lines: ["Muske", "lschw", "äche"]),
        Case(name: "long word after short", text: "a Donaudampfschiff", width: 6,
             lines: ["a", "Donaud", "ampfsc", "hiff"]),
        Case(name: "newlines respected", text: "a\nb c\n\nd", width: 10, lines: ["a", "b c", "", "d"]),
        Case(name: "CRLF respected", text: "a\r\nb", width: 10, lines: ["a", "b"]),
        Case(name: "Cyrillic", text: "Слабость в мышцах плеч", width: 10,
             lines: ["Слабость в", "мышцах", "плеч"]),
        Case(name: "decomposed umlaut counts once", text: "Mu\u{308}de Mu\u{308}de", width: 5,
             lines: ["Mu\u{308}de", "Mu\u{308}de"]),
        Case(name: "CJK breaks between ideographs", text: "肌肉无力和皮疹", width: 6,
             lines: ["肌肉无", "力和皮", "疹"]),
        Case(name: "CJK never split in half", text: "肌肉无力", width: 5, lines: ["肌肉", "无力"]),
        Case(name: "CJK punctuation not at line start", text: "你好。世界", width: 4,
             lines: ["你", "好。", "世界"]),
        Case(name: "CJK mixed with Latin", text: "Fieber 发烧 ja", width: 9, lines: ["Fieber 发", "烧 ja"]),
        Case(name: "wide char in width 1", text: "发", width: 1, lines: ["发"]),
        Case(name: "emoji", text: "ok 👍🏽 👍🏽", width: 5, lines: ["ok 👍🏽", "👍🏽"]),
        Case(name: "tab is a space", text: "a\tb", width: 10, lines: ["a b"]),
        Case(name: "zero width", text: "abc", width: 0, lines: []),
        Case(name: "only spaces", text: "   ", width: 10, lines: [""]),
        Case(name: "fitting Cyrillic loses trailing spaces", text: "  Слабость  ", width: 10, lines: ["  Слабость"]),
        Case(name: "wide text of few bytes that does not fit", text: "肌肉无力", width: 7, lines: ["肌肉无", "力"]),
    ]

    @Test(arguments: cases)
    func wraps(_ testCase: Case) {
        let lines = TextWrap.wrap(testCase.text, width: testCase.width)
        #expect(lines == testCase.lines)
        if testCase.width > 1 {
            for line in lines { #expect(line.displayWidth <= testCase.width, "\(line)") }
        }
    }

    @Test(arguments: [
        ("Fever", 10, "Fever"),
        ("Fever and chills", 10, "Fever and…"),
        ("Температура", 6, "Темпе…"),
        ("你好世界", 5, "你好…"),
        ("你好世界", 4, "你…"),
        ("abc", 1, "…"),
        ("abc", 0, ""),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
    ])
    func truncates(text: String, width: Int, expected: String) {
        #expect(text.truncated(toWidth: width) == expected)
        #expect(text.truncated(toWidth: width).displayWidth <= width)
    }

    /// Paragraphs are found in the UTF-8 bytes; for any text that is what cutting at the
    /// line-break characters (`\n`, `\r\n`, `\r`) and wrapping each part gives.
    @Test func paragraphsSplitAtLineBreaksInAnyText() async {
        let pieces = ["a", "word", " ", "\n", "\r", "\r\n", "\n\r", "é", "e\u{301}", "Слабость", "肌肉", "👍🏽", "。", "\t"]
        let texts = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...16).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 2000, input: texts, Gen.int(in: 1...12)) { text, width in
            var paragraphs: [Substring] = []
            var start = text.startIndex
            for index in text.indices where text[index] == "\n" || text[index] == "\r\n" || text[index] == "\r" {
                paragraphs.append(text[start..<index])
                start = text.index(after: index)
            }
            paragraphs.append(text[start...])
            let expected = text.isEmpty ? [] : paragraphs.flatMap { $0.isEmpty ? [""] : TextWrap.wrap(String($0), width: width) }
            #expect(TextWrap.wrap(text, width: width) == expected, "\(text.debugDescription) at \(width)")
        }
    }

    @Test func truncatesWithCustomEllipsis() {
        #expect(TextWrap.truncate("abcdef", toWidth: 5, ellipsis: "...") == "ab...")
        #expect(TextWrap.truncate("abcdef", toWidth: 2, ellipsis: "...") == "ab")
    }

    @Test func pads() {
        #expect("ab".padded(toWidth: 4) == "ab  ")
        #expect("ab".padded(toWidth: 4, alignment: .right) == "  ab")
        #expect("ab".padded(toWidth: 5, alignment: .center) == " ab  ")
        #expect("你".padded(toWidth: 3) == "你 ")
        #expect("abcdef".padded(toWidth: 3) == "abcdef")
    }

    @Test func fitsToExactWidth() {
        #expect(TextWrap.fit("你好世界", toWidth: 4) == "你… ")
        #expect(TextWrap.fit("你好世界", toWidth: 4).displayWidth == 4)
        #expect(TextWrap.fit("ab", toWidth: 4, alignment: .right) == "  ab")
    }

    @Test func megabyteWrapsFastEnough() {
        let text = String(repeating: "Muskelschwäche beim Treppensteigen 肌肉无力 ", count: 25_000)
        #expect(text.utf8.count > 1_000_000)
        let clock = ContinuousClock()
        var count = 0
        let elapsed = clock.measure { count = TextWrap.wrap(text, width: 40).count }
        #expect(count > 20_000)
        #expect(elapsed < .seconds(10), "took \(elapsed)")
    }
}
