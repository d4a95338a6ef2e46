import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Why a durable operation (draft journal, lock, output folder) failed. Messages name the
/// file and the system's reason, never anything the patient typed.
public enum DurabilityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The device is full: the change was not recorded and the journal is as it was before.
    case noSpace(path: String)
    /// A system call failed; `errno` keeps the reason for the message.
    case io(operation: String, path: String, errno: Int32)
    /// The path exists but is not a folder.
    case notADirectory(path: String)
    /// Another process holds the folder's lock (its pid when it could be read).
    case lockHeld(path: String, pid: Int32?)
    /// A record could not be encoded (should not happen: records are plain values).
    case encoding(String)

    public var description: String {
        switch self {
        case .noSpace(let path):
            return "\(path): no space left on the device; the last change was not saved"
        case .io(let operation, let path, let code):
            return "\(path): \(operation) failed: \(String(cString: strerror(code)))"
        case .notADirectory(let path):
            return "\(path): not a folder"
        case .lockHeld(_, let pid):
            return "another intake is running on this folder" + (pid.map { " (pid \($0))" } ?? "")
        case .encoding(let message):
            return "cannot encode a draft record: \(message)"
        }
    }

    /// The error for a failed call, turning ENOSPC/EDQUOT into ``noSpace(path:)``.
    static func from(errno code: Int32, operation: String, path: String) -> DurabilityError {
        if code == ENOSPC || code == EDQUOT { return .noSpace(path: path) }
        return .io(operation: operation, path: path, errno: code)
    }
}
