import Crypto
import FoundationEssentials

/// The clinic's private key: made once with `intake keygen`, kept by staff (never on the
/// kiosk), used by `intake open` to read sealed outputs.
public struct ClinicPrivateKey: Sendable {
    static let fileTag = "intake-private-key-v1"

    let key: Curve25519.KeyAgreement.PrivateKey

    public static func generate() -> ClinicPrivateKey {
        ClinicPrivateKey(key: Curve25519.KeyAgreement.PrivateKey())
    }

    init(key: Curve25519.KeyAgreement.PrivateKey) {
        self.key = key
    }

    public init(contentsOfFile path: String) throws(SealingError) {
        let raw = try KeyFile.read(path, tag: Self.fileTag)
        do {
            key = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: raw)
        } catch {
            throw .badKeyFile(path: path, reason: "not an X25519 private key")
        }
    }

    public var publicKey: ClinicPublicKey { ClinicPublicKey(key: key.publicKey) }

    public var fileText: String { KeyFile.text(tag: Self.fileTag, raw: key.rawRepresentation, comment: "SymptomIntake clinic PRIVATE key: keep it off the kiosk, readable only by staff") }

    /// Opens a sealed file's bytes.
    /// - Throws: ``SealingError/notSealed``, ``SealingError/wrongKey`` or ``SealingError/damaged``.
    public func open(_ sealed: [UInt8]) throws(SealingError) -> [UInt8] {
        let parts = try SealedFormat.parse(sealed)
        guard parts.keyID == publicKey.keyID else { throw .wrongKey }
        do {
            var recipient = try HPKE.Recipient(
                privateKey: key, ciphersuite: SealedFormat.ciphersuite, info: SealedFormat.info,
                encapsulatedKey: Data(parts.encapsulatedKey))
            return Array(try recipient.open(parts.ciphertext, authenticating: parts.header))
        } catch {
            throw .damaged
        }
    }

    /// Writes `clinic.key` (0600) and `clinic.pub` (0600; it is not secret, but nothing
    /// here is world-readable) into `folder`, refusing to overwrite an existing key.
    /// - Returns: the two paths (public, private).
    public static func writeNewKeyPair(to folder: String) throws(SealingKeyWriteError) -> (publicKey: String, privateKey: String) {
        let privatePath = folder + "/clinic.key"
        let publicPath = folder + "/clinic.pub"
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw .exists(path)
        }
        do {
            try OutputFolder.prepare(folder)
            let key = generate()
            try DurableWrite.replace(privatePath, with: Array(key.fileText.utf8), mode: 0o600)
            try DurableWrite.replace(publicPath, with: Array(key.publicKey.fileText.utf8), mode: 0o600)
        } catch {
            throw .io(error)
        }
        return (publicPath, privatePath)
    }
}

/// Why `intake keygen` could not write a key pair.
public enum SealingKeyWriteError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A key file is already there: overwriting it would make every output sealed to it unreadable.
    case exists(String)
    case io(DurabilityError)

    public var description: String {
        switch self {
        case .exists(let path): "\(path) exists; refusing to overwrite a key (outputs sealed to it would become unreadable)"
        case .io(let error): error.description
        }
    }
}
