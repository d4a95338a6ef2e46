import _CryptoExtras
import Crypto
import FoundationEssentials

/// The staff PIN that lets staff leave the kiosk loop. Only a slow salted hash is stored
/// (in the kiosk configuration): `pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>`.
public enum StaffPIN {
    /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
    public static let defaultIterations = 600_000
    /// Below this a stored hash is refused by the configuration check.
    public static let minimumIterations = 100_000
    /// Above this a stored hash is refused: checking it would take minutes.
    public static let maximumIterations = 10_000_000
    static let prefix = "pbkdf2-sha256"
    static let hashBytes = 32

    public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
        case emptyPIN
        case malformed(String)
        case derivationFailed

        public var description: String {
            switch self {
            case .emptyPIN: "the PIN is empty"
            case .malformed(let why): "not a staff PIN hash (\(why)); expected pbkdf2-sha256$ITERATIONS$SALT$HASH, made by 'intake keygen --pin'"
            case .derivationFailed: "PBKDF2 failed"
            }
        }
    }

    /// A stored hash, parsed.
    public struct Stored: Hashable, Sendable {
        public var iterations: Int
        public var salt: [UInt8]
        public var hash: [UInt8]

        public init(parsing text: String) throws(Problem) {
            let parts = text.split(separator: "$", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, parts[0] == StaffPIN.prefix else { throw .malformed("it must have four parts separated by '$', starting with 'pbkdf2-sha256'") }
            guard let iterations = Int(parts[1]), iterations > 0 else { throw .malformed("the iteration count is not a number") }
            // A huge count would freeze the kiosk at every PIN entry.
            guard iterations <= StaffPIN.maximumIterations else { throw .malformed("more than \(StaffPIN.maximumIterations) iterations") }
            guard let salt = Data(base64Encoded: parts[2]), salt.count >= 16 else { throw .malformed("the salt is not base64 of at least 16 bytes") }
            guard let hash = Data(base64Encoded: parts[3]), hash.count == StaffPIN.hashBytes else { throw .malformed("the hash is not base64 of 32 bytes") }
            self.iterations = iterations
            self.salt = Array(salt)
            self.hash = Array(hash)
        }

        public var encoded: String {
            "\(StaffPIN.prefix)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
        }
    }

    /// Hashes `pin` with a fresh random salt (or the given one, for tests).
    public static func hash(pin: String, salt: [UInt8]? = nil, iterations: Int = defaultIterations) throws(Problem) -> String {
        guard !pin.isEmpty else { throw .emptyPIN }
        let salt = salt ?? randomSalt()
        let hash = try derive(pin: pin, salt: salt, iterations: iterations)
        return "\(prefix)$\(iterations)$\(Data(salt).base64EncodedString())$\(Data(hash).base64EncodedString())"
    }

    /// True when `pin` matches the stored hash. The comparison takes the same time whatever
    /// the bytes, so timing reveals nothing about how close a guess was.
    public static func verify(pin: String, against stored: String) -> Bool {
        guard !pin.isEmpty, let parsed = try? Stored(parsing: stored),
              let derived = try? derive(pin: pin, salt: parsed.salt, iterations: parsed.iterations)
        else { return false }
        return constantTimeEqual(derived, parsed.hash)
    }

    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }

    private static func derive(pin: String, salt: [UInt8], iterations: Int) throws(Problem) -> [UInt8] {
        // NFC so that a PIN typed with composed or decomposed characters hashes the same.
        // (The standard library's NFC; Foundation's precomposedStringWithCanonicalMapping would
        // link all of Foundation and ICU.)
        let bytes = pin._nfcCodeUnits
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: bytes, salt: salt, using: .sha256, outputByteCount: hashBytes, unsafeUncheckedRounds: iterations)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw .derivationFailed
        }
    }

    private static func randomSalt() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}
