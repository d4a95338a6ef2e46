import Foundation
import Testing
@testable import IntakeCore

@Suite struct StaffPINTests {
    @Test func hashAndVerify() throws {
        let stored = try StaffPIN.hash(pin: "482916", iterations: 1_000)
        #expect(stored.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(StaffPIN.verify(pin: "482916", against: stored))
        #expect(!StaffPIN.verify(pin: "482917", against: stored))
        #expect(!StaffPIN.verify(pin: "", against: stored))
        #expect(!StaffPIN.verify(pin: "482916", against: "482916"), "a stored plain PIN never matches")
        #expect(!StaffPIN.verify(pin: "482916", against: stored.replacingOccurrences(of: "$1000$", with: "$1001$")))
    }

    @Test func saltsDifferAndFixedSaltIsDeterministic() throws {
        #expect(try StaffPIN.hash(pin: "1234", iterations: 1_000) != StaffPIN.hash(pin: "1234", iterations: 1_000))
        let salt = [UInt8](repeating: 1, count: 16)
        #expect(try StaffPIN.hash(pin: "1234", salt: salt, iterations: 1_000) == StaffPIN.hash(pin: "1234", salt: salt, iterations: 1_000))
    }

    /// RFC 7914 section 11 test vector for PBKDF2-HMAC-SHA256 ("passwd", "salt", c = 1), first 32 bytes.
    @Test func matchesTheKnownVector() throws {
        let stored = try StaffPIN.hash(pin: "passwd", salt: Array("salt".utf8), iterations: 1)
        let hash = try #require(Data(base64Encoded: String(stored.split(separator: "$")[3])))
        #expect(hash.map { String(format: "%02x", $0) }.joined() == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
    }

    @Test func defaultStrengthAndNormalisation() throws {
        let stored = try StaffPIN.hash(pin: "Café")
        #expect(stored.hasPrefix("pbkdf2-sha256$600000$"))
        #expect(StaffPIN.verify(pin: "Cafe\u{301}", against: stored), "composed and decomposed é are the same PIN")
        #expect(try StaffPIN.Stored(parsing: stored).encoded == stored)
    }

    @Test func constantTimeCompare() {
        #expect(StaffPIN.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!StaffPIN.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!StaffPIN.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(throws: StaffPIN.Problem.emptyPIN) { try StaffPIN.hash(pin: "") }
    }
}
