import PropertyBased
import Testing
@testable import IntakeCore

/// Skipping a value (``JSONReader/skipValue()``: keys a reader does not know, the parts of
/// a result a summary does not use) accepts exactly what reading it accepts, and refuses
/// the rest with the same message at the same place, path included.
@Suite struct JSONReaderSkipTests {
    /// What reading the text's one value as a tree gives: "ok" or the failure.
    static func parsed(_ text: String) -> String {
        switch JSONReader.parse(utf8: Array(text.utf8)) {
        case .success: "ok"
        case .failure(let failure): failure.description
        }
    }

    /// What skipping the text's one value gives, and where the reader then is.
    static func skipped(_ text: String) -> String {
        var reader = JSONReader(pulling: Array(text.utf8))
        do {
            try reader.skipValue()
            try reader.finish()
            return "ok"
        } catch let failure as JSONReader.Failure {
            return failure.description
        } catch {
            return "\(error)"
        }
    }

    @Test func anyTextIsSkippedAsItIsRead() async {
        let pieces = JSONReaderDifferentialTests.pieces
        let text = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...24).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 4000, input: text) { text in
            #expect(Self.skipped(text) == Self.parsed(text), "\(text.debugDescription)")
        }
    }

    /// Well-formed documents, and each with one piece spoiled: the failure inside nested
    /// objects and arrays names its path (`key3[2].k`), as reading it would.
    @Test func documentsAndSpoiledDocumentsAreSkippedAsTheyAreRead() async {
        let values = JSONReaderDifferentialTests.values
        let spoilers = ["tru", "01", "\"\\x\"", "{\"k\": 1, \"k\": 2}", "[1,]", "\"\u{7}\"", "{\"k\" 1}", "[1 2]", "\"\\ud83d\""]
        let documents = Gen.int(in: 0...(values.count * 5 - 1)).array(of: 1...8).map { choices -> String in
            let members = choices.enumerated().map { offset, choice in "\"key\(choice % 5)\(offset)\": " + values[choice / 5] }
            return "{\n  " + members.joined(separator: ",\n  ") + "\n}"
        }
        await propertyCheck(count: 1000, input: documents, Gen.int(in: 0...(spoilers.count - 1))) { text, spoiler in
            #expect(Self.skipped(text) == "ok", "\(text)")
            let spoiled = text.replacingEvery("null", with: "[{\"k\": " + spoilers[spoiler] + "}]")
            #expect(Self.skipped(spoiled) == Self.parsed(spoiled), "\(spoiled)")
        }
    }

    @Test func nestingDeeperThanTheCapIsRefusedWhenSkipped() {
        let deep = String(repeating: "[", count: SourceLimits.maximumNesting + 1) + String(repeating: "]", count: SourceLimits.maximumNesting + 1)
        #expect(Self.skipped(deep).contains("nested deeper than"))
        #expect(Self.skipped(deep) == Self.parsed(deep))
        let deepest = String(repeating: "[", count: SourceLimits.maximumNesting) + String(repeating: "]", count: SourceLimits.maximumNesting)
        #expect(Self.skipped(deepest) == "ok")
    }

    /// A large object (the linear search gives way to sorted or hashed keys) reused for the
    /// next object at the same depth still finds repeats, and forgets the last one's keys.
    @Test func keyLogsReusedFromObjectToObjectForgetTheirKeys() {
        let keys = (0..<40).map { "\"k\($0)\": 0" }.joined(separator: ", ")
        #expect(Self.skipped("[{\(keys)}, {\(keys)}]") == "ok")
        #expect(Self.skipped("[{\(keys)}, {\(keys), \"k7\": 1}]").contains("duplicate key 'k7' in [1]"))
    }

    /// The fast path (``PlainJSONScan``) never accepts what the reader refuses, and ends
    /// where the reader's value ends.
    @Test func thePlainScanAcceptsOnlyWhatTheReaderAccepts() async {
        let pieces = JSONReaderDifferentialTests.pieces
        let text = Gen.int(in: 0...(pieces.count - 1)).array(of: 0...24).map { $0.map { pieces[$0] }.joined() }
        await propertyCheck(count: 6000, input: text) { text in
            let bytes = Array(text.utf8)
            let start = bytes.firstIndex { ![0x20, 0x0A, 0x09, 0x0D].contains($0) } ?? bytes.count
            guard let end = bytes.withUnsafeBufferPointer({ PlainJSONScan.valueEnd(in: $0, from: start, levels: 64) }) else { return }
            let value = Array(bytes[start..<end])
            #expect(Self.parsed(String(decoding: value, as: UTF8.self)) == "ok", "\(text.debugDescription)")
            #expect((try? JSONReader.parse(utf8: value).get()) != nil, "\(text.debugDescription)")
        }
    }

    /// What a summary skips in every fixture's result, in each clinic language, is written
    /// plainly: the fast path takes all of it.
    @Test(arguments: ["en", "de", "ru"])
    func theRecordedScoresFlagsAndChecklistsTakeTheFastPath(clinic: String) throws {
        for fixture in IntakeFixtures.answerSets {
            let wizard = try IntakeFixtures.fixture(fixture)
            let result = IntakeFixtures.result(wizard, language: IntakeFixtures.language(of: fixture), clinic: clinic)
            let encoder = SortedJSONEncoder(prettyPrinted: true)
            for part in [try encoder.encode(result.scores), try encoder.encode(result.flags), try encoder.encode(result.checklists)] {
                let end = part.withUnsafeBufferPointer { PlainJSONScan.valueEnd(in: $0, from: 0, levels: 63) }
                #expect(end == part.count, "\(fixture) \(clinic)")
            }
        }
    }

    /// The scan stops at the nesting cap it is given, leaving the message to the reader.
    @Test func thePlainScanStopsAtTheNestingCap() {
        let nested = Array("[[[1]]]".utf8)
        #expect(nested.withUnsafeBufferPointer { PlainJSONScan.valueEnd(in: $0, from: 0, levels: 3) } == nested.count)
        #expect(nested.withUnsafeBufferPointer { PlainJSONScan.valueEnd(in: $0, from: 0, levels: 2) } == nil)
    }

    /// The scan's UTF-8 check (``UTF8Scan/firstInvalidOffset(in:)``, the loader's too) is the
    /// standard library's, on bytes around every edge of the encoding (overlong forms,
    /// surrogates, beyond U+10FFFF, cut-off sequences), also inside a slice.
    @Test func thePlainScanChecksUTF8AsTheStandardLibraryDoes() async {
        let edges: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        let bytes = Gen.int(in: 0...(edges.count - 1)).array(of: 0...6).map { $0.map { edges[$0] } }
        await propertyCheck(count: 6000, input: bytes) { bytes in
            // After one byte of padding, so the slice does not start at 0 (as a string's text in a file).
            let checked = ([0x41] + bytes).withUnsafeBufferPointer { UTF8Scan.firstInvalidOffset(in: $0[1...]) == nil }
            #expect(checked == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        }
    }

    /// Strings and indentation are scanned eight bytes at a time: an escape, a quote, a
    /// control character or a non-ASCII character at any offset ends the run where it is.
    @Test(arguments: ["\\n", "\\\"", "é", "\u{1F}", "\\u00e9", "\\b", "\u{7F}", "\u{FFFF}"])
    func anyByteThatEndsAPlainRunIsSeenAtEveryOffset(special: String) {
        for offset in 0..<20 {
            let indent = String(repeating: " ", count: offset)
            let text = "[\n" + indent + "\"" + String(repeating: "a", count: offset) + special + "bcdefghijklmnop\",\n" + indent + "1]"
            #expect(Self.skipped(text) == Self.parsed(text), "\(text.debugDescription)")
            let bytes = Array(text.utf8)
            if let end = bytes.withUnsafeBufferPointer({ PlainJSONScan.valueEnd(in: $0, from: 0, levels: 64) }) {
                #expect(end == bytes.count && Self.parsed(text) == "ok", "\(text.debugDescription)")
            }
        }
    }
}
