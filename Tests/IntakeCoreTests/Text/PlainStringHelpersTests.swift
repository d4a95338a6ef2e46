import Foundation
import PropertyBased
import Testing
@testable import IntakeCore

/// The string and path helpers that replace Foundation in the executable must mean what
/// Foundation means (Foundation is linked into the tests only).
@Suite struct PlainStringHelpersTests {
    /// Path characters; the slash last (components are drawn from the others).
    static let pathAlphabet = Array("ab./")
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
}
