import PropertyBased
import Testing
@testable import IntakeCore

/// The word-at-a-time scan must answer exactly as looking at every byte does.
@Suite struct UTF8ScanTests {
    static func byteByByte(_ text: String) -> (count: Int, printableASCII: Bool, hasControl: Bool) {
        let bytes = Array(text.utf8)
        return (bytes.count, bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F }, bytes.contains { $0 < 0x20 })
    }

    /// Mostly printable ASCII, with the edges of the range and a few others mixed in.
    static let alphabet: [UInt8] = [0x20, 0x41, 0x7E, 0x7E, 0x61, 0x1F, 0x00, 0x7F, 0x80, 0xC3, 0xA9, 0x0A, 0x09, 0xFF]
    static let texts = Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...40)
        .map { String(decoding: $0.map { Self.alphabet[$0] }, as: UTF8.self) }

    @Test func agreesWithLookingAtEveryByte() async {
        await propertyCheck(count: 3000, input: Self.texts) { text in
            let scan = UTF8Scan.summary(of: text)
            let expected = Self.byteByByte(text)
            #expect(scan.count == expected.count && scan.printableASCII == expected.printableASCII && scan.hasControl == expected.hasControl, "\(Array(text.utf8))")
        }
    }

    @Test(arguments: [
        ("abcdefgh", true), ("abcdefg\u{7F}", false), ("\u{1F}bcdefgh", false), ("abc é fg", false),
        ("        ", true), ("~~~~~~~~", true), ("abcdefgh\n", false), ("a", true), ("", true),
    ])
    func findsEveryKindOfByteInAWord(text: String, printable: Bool) {
        #expect(UTF8Scan.summary(of: text).printableASCII == printable)
        #expect(UTF8Scan.summary(of: text[...]).printableASCII == printable)
    }
}
