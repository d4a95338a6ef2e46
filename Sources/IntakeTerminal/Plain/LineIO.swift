import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Where plain mode reads lines and writes text: the real stdin/stdout, or a script in tests.
public protocol LineIO: AnyObject {
    /// The next line without its newline, or nil at end of input (the terminal went away).
    func readLine() -> String?
    func write(_ text: String)
}

/// Standard input and output. Output is flushed at once so a screen reader speaks each prompt.
public final class StandardLineIO: LineIO {
    /// When input comes from a pipe nothing echoes it; echoing keeps a transcript readable.
    private let echoes = isatty(STDIN_FILENO) == 0

    public init() {}

    public func readLine() -> String? {
        let line = Swift.readLine(strippingNewline: true)
        if echoes, let line { write(line + "\n") }
        return line
    }

    public func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            // A vanished terminal: nothing more can be shown; the caller sees end of input next.
            if written <= 0 { return }
            offset += written
        }
    }
}

/// A scripted conversation for tests: given lines in, everything written kept.
public final class ScriptedLineIO: LineIO {
    public private(set) var output = ""
    private var lines: [String]

    public init(_ lines: [String]) {
        self.lines = lines
    }

    public func readLine() -> String? { lines.isEmpty ? nil : lines.removeFirst() }

    public func write(_ text: String) { output += text }
}
