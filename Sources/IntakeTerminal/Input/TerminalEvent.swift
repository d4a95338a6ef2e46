/// Everything the terminal can tell the application, as one stream of values.
///
/// The app loop handles each: draw after `.key`/`.mouse`/`.resize`; on `.timeout` run
/// the inactivity timer; on `.endOfInput` or `.signal` save what is needed and leave the
/// loop (the terminal is restored by `close()`).
public enum TerminalEvent: Hashable, Sendable {
    case key(Key)
    case mouse(MouseEvent)
    /// The terminal now has this many columns and rows; draw a buffer of this size.
    case resize(Size)
    /// The input is gone (terminal closed, EOF, read error). Nothing more will come.
    case endOfInput
    /// `nextEvent(timeout:)` waited the full timeout without input.
    case timeout
    /// The process was asked to stop (SIGTERM, SIGHUP, or SIGINT sent from outside;
    /// Ctrl-C typed at the keyboard is `.key(.control("c"))` instead).
    case signal(TerminationSignal)
}

/// A request to end the program that arrived as a POSIX signal.
public enum TerminationSignal: Hashable, Sendable, CaseIterable {
    /// SIGTERM: e.g. the kiosk supervisor is shutting down.
    case terminate
    /// SIGHUP: the terminal went away; treat like ``TerminalEvent/endOfInput``.
    case hangup
    /// SIGINT sent by another process.
    case interrupt

    /// The exit status a shell expects after this signal (128 + signal number).
    public var conventionalExitStatus: Int32 {
        switch self {
        case .hangup: return 129
        case .interrupt: return 130
        case .terminate: return 143
        }
    }
}
