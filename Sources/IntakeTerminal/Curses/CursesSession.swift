import CNCursesW
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Process-wide record of the active curses screen, for the `atexit` safety net.
///
/// If anything calls `exit()` while curses is active (argument parser errors, a library
/// exiting), `deinit`/`close()` never run; the hook then calls `endwin` so the shell is
/// not left in raw mode without echo. All state is behind a mutex.
enum CursesSession {
    private struct State {
        var claimed = false
        var screenAddress: UInt?
        var hookInstalled = false
    }

    private static let state = Mutex(State())

    /// Reserves the terminal for one `CursesTerminal`; false if one is already open.
    static func claim() -> Bool {
        state.withLock { state in
            if state.claimed { return false }
            state.claimed = true
            if !state.hookInstalled {
                state.hookInstalled = true
                atexit { CursesSession.restoreAtExit() }
            }
            return true
        }
    }

    static func release() {
        state.withLock { state in
            state.claimed = false
            state.screenAddress = nil
        }
    }

    static func activate(_ screen: OpaquePointer) {
        state.withLock { $0.screenAddress = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(screen))) }
    }

    static func deactivate() {
        state.withLock { $0.screenAddress = nil }
    }

    private static func restoreAtExit() {
        let address = state.withLock { state in
            defer { state.screenAddress = nil }
            return state.screenAddress
        }
        guard let address, let screen = OpaquePointer(bitPattern: address) else { return }
        set_term(screen)
        endwin()
    }
}
