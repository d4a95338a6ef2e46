import Crypto
import FoundationEssentials

/// The layout of a `*.sealed` file:
/// ```
/// "INTKSEAL"  8 bytes  magic
/// 0x01        1 byte   version
/// key id      8 bytes  first bytes of SHA-256 of the recipient public key
/// enc length  2 bytes  big-endian (32 for X25519)
/// enc                  HPKE encapsulated key
/// ciphertext           HPKE seal of the plaintext (ChaCha20-Poly1305, 16-byte tag)
/// ```
/// Everything before the ciphertext is authenticated as associated data, so no header
/// byte can be changed without the open failing.
public enum SealedFormat {
    public static let suffix = ".sealed"
    static let magic: [UInt8] = Array("INTKSEAL".utf8)
    static let version: UInt8 = 1
    static let ciphersuite = HPKE.Ciphersuite.Curve25519_SHA256_ChachaPoly
    static let info = Data("SymptomIntake sealed output v1".utf8)

    static func header(keyID: [UInt8], encapsulatedKey: [UInt8]) -> [UInt8] {
        let length = UInt16(encapsulatedKey.count)
        return magic + [version] + keyID + [UInt8(length >> 8), UInt8(length & 0xFF)] + encapsulatedKey
    }

    static func parse(_ bytes: [UInt8]) throws(SealingError) -> (header: [UInt8], keyID: [UInt8], encapsulatedKey: [UInt8], ciphertext: [UInt8]) {
        let fixed = magic.count + 1 + 8 + 2
        guard bytes.count >= fixed, bytes.starts(with: magic), bytes[magic.count] == version else { throw .notSealed }
        let keyID = Array(bytes[(magic.count + 1)..<(magic.count + 9)])
        let length = Int(bytes[fixed - 2]) << 8 | Int(bytes[fixed - 1])
        guard length > 0, bytes.count >= fixed + length + 16 else { throw .damaged }
        let encapsulatedKey = Array(bytes[fixed..<(fixed + length)])
        return (Array(bytes[..<(fixed + length)]), keyID, encapsulatedKey, Array(bytes[(fixed + length)...]))
    }
}

/// Key files: a comment line and `TAG BASE64`, so a person can tell them apart.
enum KeyFile {
    static func text(tag: String, raw: Data, comment: String) -> String {
        "# \(comment)\n\(tag) \(raw.base64EncodedString())\n"
    }

    static func read(_ path: String, tag: String) throws(SealingError) -> Data {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw .badKeyFile(path: path, reason: "cannot read the key file")
        }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, parts[0] == tag, let raw = Data(base64Encoded: String(parts[1])), raw.count == 32 else {
                let other = tag.contains("public") ? "a private key" : "a public key"
                if parts.first.map(String.init) != tag, parts.first?.hasPrefix("intake-") == true {
                    throw .badKeyFile(path: path, reason: "this is \(other), not \(tag.contains("public") ? "a public key" : "a private key")")
                }
                throw .badKeyFile(path: path, reason: "expected a line '\(tag) <base64 key>'")
            }
            return raw
        }
        throw .badKeyFile(path: path, reason: "the key file is empty")
    }
}
