/// One problem found in a file, printed the way compilers print them:
/// `Questionnaires/x.yaml:12:5: error: unknown item 'fever'; did you mean 'fevers'?`
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Hashable, Sendable, Comparable {
        /// The file cannot be used until this is fixed.
        case error
        /// The file works, but something is probably not what the author meant.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file position so the output reads top to bottom like the file.
    public var sortedByLocation: [Diagnostic] {
        sorted { ($0.location, $0.severity, $0.message) < ($1.location, $1.severity, $1.message) }
    }
}
