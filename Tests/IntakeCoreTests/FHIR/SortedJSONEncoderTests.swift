import FoundationEssentials
import PropertyBased
import Testing
@testable import IntakeCore

/// Drafts and result files are written by ``SortedJSONEncoder`` instead of Foundation's
/// `JSONEncoder`; files written before and after must not differ by a byte, so every test
/// here compares with `JSONEncoder` itself (`.sortedKeys`, `.withoutEscapingSlashes`, and
/// `.prettyPrinted` for results).
@Suite struct SortedJSONEncoderTests {
    static func foundation(_ value: some Encodable, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value))
    }

    func expectSameBytes(_ value: some Encodable, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for pretty in [false, true] {
            let ours = try SortedJSONEncoder(prettyPrinted: pretty).encode(value)
            let theirs = try Self.foundation(value, pretty: pretty)
            #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self), "pretty: \(pretty)", sourceLocation: sourceLocation)
        }
    }

    /// Awkward strings: escapes, every kind of control character, slashes, non-ASCII,
    /// combining marks, line and paragraph separators, a byte-order mark.
    static let strings = [
        "", "a", "a/b//c", "say \"no\"", "back\\slash", "\u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1A}\u{1F} \u{7F}",
        "Жжение кожи", "肌肉👍🏽", "e\u{301}", "\u{2028}\u{2029}", "\u{FEFF}x", "\u{85}", "{1}",
    ]
    /// Keys whose order differs between byte, UTF-16, numeric and case-blind sorting.
    static let keys = ["a", "B", "_", "10", "9", "é", "\u{E000}", "😀", "aB", "ab", "a10", "a9", "with space", ""]
    static let numbers: [Double] = [
        0, -0.0, 1, -1, 0.1, 0.5, 1e20, 1e-7, 123456789.123, 1_733_480_000.123456, 2.5e15, 1e15, 999_999_999_999_999,
        -3.75, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 37.2, 1.0 / 3,
    ]

    /// A JSON value built from a list of choices: nested arrays and objects up to four
    /// levels, with the strings, keys and numbers above.
    static func value(_ choices: inout ArraySlice<Int>, depth: Int = 0) -> JSONValue {
        guard let choice = choices.popFirst() else { return .null }
        let pick = choice / 6
        switch choice % 6 {
        case 0: return pick % 3 == 0 ? .null : .bool(pick % 2 == 0)
        case 1: return .number(numbers[pick % numbers.count])
        case 2: return .string(strings[pick % strings.count])
        case 3 where depth < 4: return .array((0..<(pick % 4)).map { _ in value(&choices, depth: depth + 1) })
        case 4 where depth < 4:
            var object: [String: JSONValue] = [:]
            for index in 0..<(pick % 5) { object[keys[(pick + index * 7) % keys.count]] = value(&choices, depth: depth + 1) }
            return .object(object)
        default: return .string(keys[pick % keys.count])
        }
    }

    @Test func anyJSONValueIsWrittenAsJSONEncoderWritesIt() async {
        let choices = Gen.int(in: 0...600).array(of: 1...40)
        await propertyCheck(count: 1500, input: choices) { list in
            var rest = ArraySlice(list)
            let value = Self.value(&rest)
            try expectSameBytes(value)
            try expectSameBytes(["root": value])
        }
    }

    @Test func draftRecordsOfEveryKindAreWrittenAsBefore() throws {
        let at = DraftTimestamp(wallSeconds: 1_795_617_005.125, monotonicNanoseconds: 18_446_744_073_709_551_615, bootID: "b0a7-1d")
        let questionnaire = try #require(IntakeFixtures.questionnaire)
        let changes: [DraftChange] = [
            .begin(header: DraftHeader(questionnaire: questionnaire, today: PartialDate(year: 2026, month: 12, day: 6), started: at)),
            .answer(item: "rash_sites", value: .array([.string("face"), .string("hands/knuckles")])),
            .answer(item: "weight_kg", value: .number(71.5)),
            .answer(item: "med_other", value: .string("Ein \"neues\" Mittel\n2× täglich")),
            .answer(item: "dysphagia", value: nil),
            .position(at: .step(index: 12), returnsToReview: true),
            .position(at: .review, returnsToReview: false),
            .position(at: .complete, returnsToReview: false),
            .language(code: "ru"),
            .snapshot(state: DraftSnapshot(answers: ["a": .bool(true), "b": .object(["unit": .string("weeks"), "value": .number(3)])],
                                           position: .step(index: 0), returnsToReview: false, language: nil)),
        ]
        for change in changes {
            try expectSameBytes(DraftRecord(at: at, change: change))
        }
    }

    @Test func everyFixturesResultFileIsWrittenAsBefore() throws {
        for name in IntakeFixtures.answerSets {
            let result = IntakeFixtures.result(try IntakeFixtures.fixture(name), language: IntakeFixtures.language(of: name))
            try expectSameBytes(result)
            #expect(IntakeOutputs.resultJSON(result) == (try Self.foundation(result, pretty: true)) + [0x0A], "\(name)")
        }
    }

    @Test func nonFiniteNumbersAreRefusedAsJSONEncoderRefusesThem() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(throws: EncodingError.self) { try SortedJSONEncoder().encode(["x": number]) }
            #expect(throws: EncodingError.self) { try Self.foundation(["x": number], pretty: false) }
        }
    }

    /// Integers of every width at their limits, and floats.
    @Test func integersAndFloatsAtTheirLimits() throws {
        struct Widths: Codable {
            var i8 = Int8.min, i16 = Int16.max, i32 = Int32.min, i64 = Int64.min, int = Int.max
            var u8 = UInt8.max, u16 = UInt16.max, u32 = UInt32.max, u64 = UInt64.max, uint = UInt.max
            var float: Float = 0.1, floats: [Float] = [1, -0.0, 3.4e38, 1e-45], optional: Int? = nil, present: Int? = 0
        }
        try expectSameBytes(Widths())
        try expectSameBytes([Widths(), Widths()])
    }
}
