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
final class SignalMonitor {
    private var pending: [TerminationSignal] = []
    private var active = true

    static func number(of signal: TerminationSignal) -> Int32 {
        switch signal {
        case .terminate: return SIGTERM
        case .hangup: return SIGHUP
        case .interrupt: return SIGINT
        }
    }

    init() {
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
    }
}
