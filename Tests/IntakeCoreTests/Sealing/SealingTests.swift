import Foundation
import Testing
@testable import IntakeCore

@Suite struct SealingTests {
    let plaintext = Array("Summary: fever since 2026-11-01 — Фиброз — 皮疹\n".utf8)

    @Test func roundTrip() throws {
        let key = ClinicPrivateKey.generate()
        let sealed = try key.publicKey.seal(plaintext)
        #expect(sealed.starts(with: Array("INTKSEAL".utf8)))
        #expect(Data(sealed).range(of: Data("fever".utf8)) == nil)
        #expect(try key.open(sealed) == plaintext)
        #expect(try key.publicKey.seal(plaintext) != sealed, "every seal uses a fresh ephemeral key")
        #expect(try key.open(key.publicKey.seal([])) == [])
    }

    @Test func wrongKeyFailsCleanly() throws {
        let sealed = try ClinicPrivateKey.generate().publicKey.seal(plaintext)
        #expect(throws: SealingError.wrongKey) { try ClinicPrivateKey.generate().open(sealed) }
    }

    @Test func anyChangedByteIsDetected() throws {
        let key = ClinicPrivateKey.generate()
        let sealed = try key.publicKey.seal(plaintext)
        for offset in sealed.indices {
            var damaged = sealed
            damaged[offset] ^= 0x01
            #expect(throws: SealingError.self, "byte \(offset)") { try key.open(damaged) }
        }
        #expect(throws: SealingError.damaged) { try key.open(Array(sealed.dropLast())) }
        #expect(throws: SealingError.notSealed) { try key.open(plaintext) }
        #expect(throws: SealingError.notSealed) { try key.open([]) }
    }

    @Test func keyFilesAreWrittenPrivateAndNeverOverwritten() throws {
        let folder = try TemporaryFolder()
        let keys = folder.file("keys")
        let paths = try ClinicPrivateKey.writeNewKeyPair(to: keys)
        for path in [paths.privateKey, paths.publicKey, keys] {
            var info = stat()
            #expect(stat(path, &info) == 0)
            #expect(info.st_mode & 0o077 == 0, "\(path) is private")
        }
        let privateKey = try ClinicPrivateKey(contentsOfFile: paths.privateKey)
        let publicKey = try ClinicPublicKey(contentsOfFile: paths.publicKey)
        #expect(try privateKey.open(publicKey.seal(plaintext)) == plaintext)
        #expect(throws: SealingKeyWriteError.exists(paths.privateKey)) { try ClinicPrivateKey.writeNewKeyPair(to: keys) }
        #expect(throws: SealingError.badKeyFile(path: paths.publicKey, reason: "this is a public key, not a private key")) {
            try ClinicPrivateKey(contentsOfFile: paths.publicKey)
        }
        #expect(throws: SealingError.badKeyFile(path: paths.privateKey, reason: "this is a private key, not a public key")) {
            try ClinicPublicKey(contentsOfFile: paths.privateKey)
        }
    }

    /// `intake keygen` and `intake open` end to end.
    @Test func openCommandPrintsThePlaintextAndRefusesTheWrongKey() throws {
        let intake = try intakeExecutable()
        let folder = try TemporaryFolder()
        #expect(try runProgram(intake, ["keygen", "--out", folder.file("right")]).status == 0)
        #expect(try runProgram(intake, ["keygen", "--out", folder.file("other")]).status == 0)
        #expect(try runProgram(intake, ["keygen", "--out", folder.file("right")]).status == 3, "never overwrites a key")
        let sealedPath = folder.file("20261125T143005Z-ab12cd34.summary.txt.sealed")
        let publicKey = try ClinicPublicKey(contentsOfFile: folder.file("right/clinic.pub"))
        try DurableWrite.replace(sealedPath, with: try publicKey.seal(plaintext))

        let opened = try runProgram(intake, ["open", sealedPath, "--key", folder.file("right/clinic.key")])
        #expect(opened.status == 0)
        #expect(Array(opened.output.utf8) == plaintext)
        let refused = try runProgram(intake, ["open", sealedPath, "--key", folder.file("other/clinic.key")])
        #expect(refused.status == 1)
        #expect(refused.output.isEmpty)
        #expect(refused.errors == "\(sealedPath): this file was sealed to a different key\n")
    }

    @Test func keygenPINPrintsAHashForTheConfiguration() throws {
        let run = try runProgram(try intakeExecutable(), ["keygen", "--pin"], input: "271828\n")
        #expect(run.status == 0, "\(run.errors)")
        let line = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("staff_pin_hash: \"pbkdf2-sha256$600000$"))
        let hash = String(line.dropFirst("staff_pin_hash: \"".count).dropLast())
        #expect(StaffPIN.verify(pin: "271828", against: hash))
        #expect(!run.output.contains("271828"))
    }
}
