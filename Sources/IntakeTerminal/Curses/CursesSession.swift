import CNCursesW
import Foundation

/// Process-wide record of the active curses screen, for the `atexit` safety net.
///
/// If anything calls `exit()` while curses is active (argument parser errors, a library
/// exiting), `deinit`/`close()` never run; the hook then calls `endwin` so the shell is
/// not left in raw mode without echo. All state is behind a lock.
enum CursesSession {
    private final class State: @unchecked Sendable {
        // @unchecked: every field is only accessed while holding `lock`.
        let lock = NSLock()
        var claimed = false
        var screenAddress: UInt?
        var hookInstalled = false
    }

    private static let state = State()

    /// Reserves the terminal for one `CursesTerminal`; false if one is already open.
    static func claim() -> Bool {
        state.lock.lock()
        defer { state.lock.unlock() }
        if state.claimed { return false }
        state.claimed = true
        if !state.hookInstalled {
            state.hookInstalled = true
            atexit { CursesSession.restoreAtExit() }
        }
        return true
    }

    static func release() {
        state.lock.lock()
        defer { state.lock.unlock() }
        state.claimed = false
        state.screenAddress = nil
    }

    static func activate(_ screen: OpaquePointer) {
        state.lock.lock()
        defer { state.lock.unlock() }
        state.screenAddress = UInt(bitPattern: Int(bitPattern: UnsafeRawPointer(screen)))
    }

    static func deactivate() {
        state.lock.lock()
        defer { state.lock.unlock() }
        state.screenAddress = nil
    }

    private static func restoreAtExit() {
        state.lock.lock()
        let address = state.screenAddress
        state.screenAddress = nil
        state.lock.unlock()
        guard let address, let screen = OpaquePointer(bitPattern: address) else { return }
        set_term(screen)
        endwin()
    }
}
