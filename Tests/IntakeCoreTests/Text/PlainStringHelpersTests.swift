import Foundation
import PropertyBased
import Testing
@testable import IntakeCore

/// The string and path helpers that replace Foundation in the executable must mean what
/// Foundation means (Foundation is linked into the tests only).
@Suite struct PlainStringHelpersTests {
    /// Path characters; the slash last (components are drawn from the others).
    static let pathAlphabet = Array("ab.é/")
    static let textAlphabet = Array("ab \t\n\r\u{A0}\u{3000}é")

    /// NSString's answers (swift-corelibs-foundation 6.3 traps on a bare relative name such as
    /// "a" or "a/", and on "///a//", so it cannot be the reference of a property test here).
    @Test(arguments: [
        ("/var/lib/intake/x.summary.txt", "x.summary.txt", "/var/lib/intake"),
        ("/x.json", "x.json", "/"),
        ("x.json", "x.json", ""),
        ("a/", "a", ""),
        ("out/x.json", "x.json", "out"),
        ("out//x.json", "x.json", "out"),
        ("/a/b/", "b", "/a"),
        ("//a//", "a", "/"),
        ("/", "/", "/"),
        ("//", "/", "/"),
        ("", "", ""),
        ("./x", "x", "."),
    ])
    func pathParts(path: String, last: String, parent: String) {
        #expect(PathText.lastComponent(of: path) == last)
        #expect(PathText.deletingLastComponent(of: path) == parent)
    }

    /// A path of two or more components is its parent, a slash and its last component.
    @Test func parentAndLastComponentMakeThePath() async {
        let component = Gen.int(in: 0...(Self.pathAlphabet.count - 2)).array(of: 1...3).map { String($0.map { Self.pathAlphabet[$0] }) }
        let paths = zip(component.array(of: 2...5), Gen.bool).map { ($1 ? "/" : "") + $0.joined(separator: "/") }
        await propertyCheck(count: 2000, input: paths) { path in
            let last = PathText.lastComponent(of: path)
            #expect(!last.contains("/"))
            #expect(PathText.deletingLastComponent(of: path) + "/" + last == path, "\(path.debugDescription)")
        }
    }

    @Test func trimmingIsFoundationsWhitespaceAndNewlines() async {
        let texts = Gen.int(in: 0...(Self.textAlphabet.count - 1)).array(of: 0...10).map { String($0.map { Self.textAlphabet[$0] }) }
        await propertyCheck(count: 3000, input: texts) { text in
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
        }
    }

    @Test func hexIsTwoLowercaseDigitsPerByte() {
        let bytes: [UInt8] = [0, 1, 0x0f, 0x10, 0xab, 0xff]
        #expect(bytes.lowercaseHex == bytes.map { String(format: "%02x", $0) }.joined())
        #expect([UInt8]().lowercaseHex == "")
    }

    /// Pieces with placeholders, decimal commas, several-byte characters and a combining mark.
    static let replacePieces = ["{1}", "{2}", "{", "1", "}", ",", ",,", "a", "é", "Ж", "👍🏽", "e\u{301}", "\u{301}", " "]

    /// The reference: the same search over arrays of Unicode scalars.
    static func replacedByScalars(_ text: String, _ target: String, _ replacement: String) -> String {
        let haystack = Array(text.unicodeScalars), needle = Array(target.unicodeScalars)
        var result = String.UnicodeScalarView(), index = 0
        while index < haystack.count {
            if !needle.isEmpty, index + needle.count <= haystack.count, Array(haystack[index..<index + needle.count]) == needle {
                result.append(contentsOf: replacement.unicodeScalars)
                index += needle.count
            } else {
                result.append(haystack[index])
                index += 1
            }
        }
        return String(result)
    }

    @Test func replacingEveryMatchesAScalarByScalarSearch() async {
        let piece = Gen.int(in: 0...(Self.replacePieces.count - 1))
        let text = piece.array(of: 0...12).map { $0.map { Self.replacePieces[$0] }.joined() }
        await propertyCheck(count: 2000, input: text, piece, piece) { text, target, replacement in
            let (target, replacement) = (Self.replacePieces[target], Self.replacePieces[replacement])
            #expect(text.replacingEvery(target, with: replacement) == Self.replacedByScalars(text, target, replacement),
                    "\(text.debugDescription) \(target.debugDescription) → \(replacement.debugDescription)")
            let range = text.firstByteRange(of: target)
            #expect(range.map { String(text.unicodeScalars[$0]) } == (range == nil ? nil : target))
            #expect((range == nil) == !Self.replacedByScalars(text, target, "\u{0}").unicodeScalars.contains("\u{0}"))
        }
    }

    @Test func placeholdersAndDecimalCommas() {
        #expect("From {1} to {2}".replacingEvery("{1}", with: "0").replacingEvery("{2}", with: "10") == "From 0 to 10")
        #expect("71,5".replacingEvery(",", with: ".") == "71.5")
        #expect("e\u{301}".replacingEvery("e", with: "a") == "a\u{301}", "by scalars, not by Characters")
        #expect("abc".replacingEvery("", with: "x") == "abc")
        #expect("abc".firstByteRange(of: "") == nil)
    }

    @Test func durationsInWholeNanoseconds() {
        #expect(Duration.milliseconds(1500).wholeNanoseconds == 1_500_000_000)
        #expect(Duration.nanoseconds(7).wholeNanoseconds == 7)
        #expect(Duration.seconds(-1).wholeNanoseconds == 0)
        #expect(SystemClock.nanoseconds(until: 0) == 0)
        #expect(SystemClock.nanoseconds(until: SystemClock.monotonicNanoseconds() + 60_000_000_000) > 59_000_000_000)
    }
}
