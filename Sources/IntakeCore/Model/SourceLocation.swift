/// A place in a source file, 1-based like a compiler's, so editors can jump to it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A location for things that come from no file (built-in defaults, generated tests).
    public static let unknown = SourceLocation(file: "<built-in>", line: 0, column: 0)

    public var description: String { "\(file):\(line):\(column)" }

    /// The location `offset` characters further on in `text`, which starts at `self`.
    /// Used to point into an expression written inside a YAML scalar.
    public func advanced(by offset: Int, in text: String) -> SourceLocation {
        var result = self
        for character in text.prefix(offset) {
            if character == "\n" {
                result.line += 1
                result.column = 1
            } else {
                result.column += 1
            }
        }
        return result
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
