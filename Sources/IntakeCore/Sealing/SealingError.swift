/// Why sealing or opening failed. Messages never include plaintext.
public enum SealingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A key file is missing, unreadable or not in the expected format.
    case badKeyFile(path: String, reason: String)
    /// The file is not a sealed intake output.
    case notSealed
    /// The file was sealed to another clinic key.
    case wrongKey
    /// The file was sealed to this key but has been damaged or altered.
    case damaged
    /// The cryptographic library failed (should not happen).
    case cryptoFailure(String)

    public var description: String {
        switch self {
        case .badKeyFile(let path, let reason): "\(path): \(reason)"
        case .notSealed: "not a sealed intake file"
        case .wrongKey: "this file was sealed to a different key"
        case .damaged: "the sealed file is damaged or was altered; it cannot be opened"
        case .cryptoFailure(let message): "encryption failed: \(message)"
        }
    }
}
