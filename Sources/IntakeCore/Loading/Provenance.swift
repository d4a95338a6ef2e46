import Crypto

/// The SHA-256 of a questionnaire file's bytes: every output names the exact file it came from.
enum SourceDigest {
    static func sha256Hex(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
