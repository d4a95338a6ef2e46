import Crypto
import FoundationEssentials

/// The clinic's public key: a kiosk with `encrypt_to` seals every output to it, so a stolen
/// kiosk disk reveals nothing; only the holder of the private key (kept off the kiosk)
/// can read the outputs.
///
/// HPKE (RFC 9180) base mode, DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, ChaCha20-Poly1305:
/// a standard construction rather than a home-made one.
public struct ClinicPublicKey: Sendable {
    static let fileTag = "intake-public-key-v1"

    let key: Curve25519.KeyAgreement.PublicKey

    init(key: Curve25519.KeyAgreement.PublicKey) {
        self.key = key
    }

    public init(contentsOfFile path: String) throws(SealingError) {
        let raw = try KeyFile.read(path, tag: Self.fileTag)
        do {
            key = try Curve25519.KeyAgreement.PublicKey(rawRepresentation: raw)
        } catch {
            throw .badKeyFile(path: path, reason: "not an X25519 public key")
        }
    }

    /// 8 bytes that name the key in every sealed file, so opening with the wrong private
    /// key is reported as such instead of as damage.
    public var keyID: [UInt8] { Array(SHA256.hash(data: key.rawRepresentation).prefix(8)) }

    /// The key file's text (`intake-public-key-v1 <base64>`).
    public var fileText: String { KeyFile.text(tag: Self.fileTag, raw: key.rawRepresentation, comment: "SymptomIntake clinic public key (X25519, HPKE): copy to each kiosk, set encrypt_to") }

    /// Seals `plaintext` into the ``SealedFormat`` layout.
    public func seal(_ plaintext: [UInt8]) throws(SealingError) -> [UInt8] {
        do {
            var sender = try HPKE.Sender(recipientKey: key, ciphersuite: SealedFormat.ciphersuite, info: SealedFormat.info)
            let header = SealedFormat.header(keyID: keyID, encapsulatedKey: Array(sender.encapsulatedKey))
            let ciphertext = try sender.seal(plaintext, authenticating: header)
            return header + Array(ciphertext)
        } catch {
            throw .cryptoFailure(String(describing: error))
        }
    }
}
