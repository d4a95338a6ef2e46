import CNCursesW
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Turns SIGTERM, SIGHUP and SIGINT into values the terminal's owner polls for.
///
/// Curses must never be called from a C signal handler, so the handler (in the shim,
/// `cnw_catch_signal`) only sets a bit atomically; ``CursesTerminal`` calls ``take()``
/// between short input waits and reports `.signal(...)`. A signal also interrupts the
/// current wait (no `SA_RESTART`), so it is noticed at once.
///
/// Why not `DispatchSource.makeSignalSource`: it needs the signal ignored first and
/// registers asynchronously; the end-to-end tests caught a SIGHUP sent right after
/// start-up being dropped in that window. `sigaction` is in place before `init` returns.
/// The signals are also unblocked in the calling thread (a launcher's blocked mask is
/// inherited), together with SIGWINCH, which ncurses needs for resizes.
///
/// Every caught signal, and SIGWINCH after ncurses' own handler has run, also writes a byte
/// to a pipe whose read end (``wakeFD``) the input loop polls beside the terminal: it sleeps
/// until a key, a signal or its deadline, with no periodic wake-ups while a kiosk stands idle.
final class SignalMonitor {
    private var pending: [TerminationSignal] = []
    private var active = true
    /// The pipe's read end, or -1 if no pipe could be made (the loop then waits in slices).
    let wakeFD: Int32
    private let wakeWriteFD: Int32

    static func number(of signal: TerminationSignal) -> Int32 {
        switch signal {
        case .terminate: return SIGTERM
        case .hangup: return SIGHUP
        case .interrupt: return SIGINT
        }
    }

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends {
                _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            }
        }
        (wakeFD, wakeWriteFD) = (ends[0], ends[1])
        cnw_set_signal_wake_fd(wakeWriteFD)
        _ = cnw_chain_winch()
        var winch = sigset_t()
        sigemptyset(&winch)
        sigaddset(&winch, SIGWINCH)
        pthread_sigmask(SIG_UNBLOCK, &winch, nil)
        _ = cnw_take_pending_signals()
        for kind in TerminationSignal.allCases {
            _ = cnw_catch_signal(Self.number(of: kind))
        }
    }

    /// The oldest signal not yet reported, if any.
    func take() -> TerminationSignal? {
        drainWakeUps()
        let bits = cnw_take_pending_signals()
        for kind in TerminationSignal.allCases where bits & (1 << Self.number(of: kind)) != 0 {
            pending.append(kind)
        }
        return pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Restores the default signal actions.
    func cancel() {
        guard active else { return }
        active = false
        for kind in TerminationSignal.allCases {
            cnw_default_signal(Self.number(of: kind))
        }
        cnw_unchain_winch()
        cnw_set_signal_wake_fd(-1)
        if wakeFD >= 0 { close(wakeFD) }
        if wakeWriteFD >= 0 { close(wakeWriteFD) }
    }

    /// Empties the pipe: the bits say which signals came, the bytes only woke the loop.
    private func drainWakeUps() {
        guard wakeFD >= 0, active else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while buffer.withUnsafeMutableBytes({ read(wakeFD, $0.baseAddress, $0.count) }) > 0 {}
    }
}
