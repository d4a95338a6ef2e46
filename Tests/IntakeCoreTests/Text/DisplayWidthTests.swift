import Testing
@testable import IntakeCore

@Suite struct DisplayWidthTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var width: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "empty", text: "", width: 0),
        Case(name: "ASCII", text: "Fever?", width: 6),
        Case(name: "Cyrillic", text: "Привет, мир", width: 11),
        Case(name: "German precomposed", text: "Grüße", width: 5),
        Case(name: "German decomposed", text: "Gru\u{308}ße", width: 5),
        Case(name: "Chinese", text: "你好，世界", width: 10),
        Case(name: "Japanese kana", text: "ひらがなカタカナ", width: 16),
        Case(name: "halfwidth katakana", text: "ｶﾀｶﾅ", width: 4),
        Case(name: "Hangul syllables", text: "안녕하세요", width: 10),
        Case(name: "Hangul conjoining jamo", text: "\u{1100}\u{1161}\u{11A8}", width: 2),
        Case(name: "fullwidth Latin", text: "ＡＢＣ", width: 6),
        Case(name: "ideographic space", text: "\u{3000}", width: 2),
        Case(name: "emoji presentation", text: "😀", width: 2),
        Case(name: "emoji with skin tone", text: "👍🏽", width: 2),
        Case(name: "emoji ZWJ family is its base", text: "👨‍👩‍👧", width: 2),
        Case(name: "flag", text: "🇩🇪", width: 2),
        Case(name: "text-presentation symbol", text: "☺", width: 1),
        Case(name: "combining acute", text: "e\u{301}", width: 1),
        Case(name: "stacked combining marks", text: "a\u{301}\u{302}\u{303}", width: 1),
        Case(name: "variation selector", text: "\u{2764}\u{FE0E}", width: 1),
        Case(name: "zero width joiner alone", text: "\u{200D}", width: 0),
        Case(name: "zero width space", text: "a\u{200B}b", width: 2),
        Case(name: "control characters", text: "a\u{1B}b\u{7}", width: 2),
        Case(name: "C1 control", text: "\u{9B}", width: 0),
        Case(name: "bidi override", text: "\u{202E}ab", width: 2),
        Case(name: "box drawing", text: "┌─┐", width: 3),
        Case(name: "mixed", text: "Boli 痛 Schmerz", width: 15),
    ]

    @Test(arguments: cases)
    func measures(_ testCase: Case) {
        #expect(DisplayWidth.of(testCase.text) == testCase.width)
        #expect(testCase.text.displayWidth == testCase.width)
    }

    @Test func characterWidthIsItsBase() {
        #expect(Character("e\u{301}").displayWidth == 1)
        #expect(Character("中").displayWidth == 2)
        #expect(Character("\u{1F1E9}\u{1F1EA}").displayWidth == 2)
        #expect(Character("\t").displayWidth == 0)
    }

    @Test func scalarWidths() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0xFE0F)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x4E00)!) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x20000)!) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x303F)!) == 1)
        #expect(DisplayWidth.of(Unicode.Scalar(0x00AD)!) == 1)
    }

    @Test func megabyteIsFast() {
        let mixed = String(repeating: "Grüße 你好 Привет e\u{301} ", count: 40_000)  // ~1 MB of UTF-8
        #expect(mixed.utf8.count > 1_000_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(DisplayWidth.of(mixed) == 40_000 * 20)
        }
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    /// The ranges taken as one column without looking up properties are one column by
    /// their properties too, every scalar of them (but the soft hyphen, a format character
    /// that is one column by an earlier rule).
    @Test func theRangesWithoutLookUpAreOneColumnByTheirProperties() {
        for range in DisplayWidth.oneColumnRanges {
            for value in range {
                guard let scalar = Unicode.Scalar(value), value != 0xAD else { continue }
                #expect(DisplayWidth.byProperties(scalar) == 1, "U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        // The comparisons are the ranges: every scalar up to U+2FFF is in one exactly when
        // the comparisons take it.
        for value in UInt32(0)...0x2FFF {
            let inRanges = DisplayWidth.oneColumnRanges.contains { $0.contains(value) }
            #expect(DisplayWidth.isOneColumnWithoutLookUp(value) == inRanges, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    /// The wide table's edges: the first and last scalar of a range are wide, the ones just
    /// outside are not (for ranges that touch no other).
    @Test(arguments: [(0x1100, 0x115F), (0x2329, 0x232A), (0xA960, 0xA97F), (0xAC00, 0xD7A3), (0xFF00, 0xFF60), (0x30000, 0x3FFFD)] as [(UInt32, UInt32)])
    func wideRangesIncludeTheirEdgesOnly(first: UInt32, last: UInt32) {
        #expect(DisplayWidth.isWide(first) && DisplayWidth.isWide(last) && DisplayWidth.isWide((first + last) / 2))
        #expect(!DisplayWidth.isWide(first - 1) && !DisplayWidth.isWide(last + 1))
    }
}
