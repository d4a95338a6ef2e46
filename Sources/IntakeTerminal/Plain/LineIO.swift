import FoundationEssentials
import IntakeCore
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
        // A vanished terminal drops the rest; the caller sees end of input next.
        StandardStream.output(text)
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
