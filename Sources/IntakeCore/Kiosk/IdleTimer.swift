/// Decides when an unattended session has been left: after `timeout` without input it
/// asks "Are you still there?" for `countdown` more, then times out.
///
/// Pure: the caller feeds it readings of a monotonic clock (`SystemClock.monotonicNanoseconds()`,
/// nanoseconds), so setting the wall clock, or NTP stepping it, can neither end a session
/// early nor keep one open. State machine in the swift-nio style: events in, one action out.
public struct IdleTimer: Hashable, Sendable {
    /// What a timeout means.
    public enum Mode: Hashable, Sendable {
        /// Unattended kiosk: the next person must not see this patient's answers.
        case kiosk
        /// A patient's own machine: keep the draft and wait.
        case personal
    }

    /// What the front end must do now.
    public enum Action: Hashable, Sendable {
        case none
        /// Show (or update) "Are you still there?" with this many whole seconds left.
        case warn(secondsLeft: Int)
        /// Input arrived while the warning showed: remove it.
        case dismissWarning
        /// Kiosk: discard the draft and return to the welcome screen.
        case discardSession
        /// Personal mode: the draft is saved already; keep waiting for input.
        case keepDraftAndWait
    }

    private enum State: Hashable, Sendable {
        case active
        case warning
        case timedOut
    }

    public let timeoutNanoseconds: UInt64
    public let countdownNanoseconds: UInt64
    public let mode: Mode
    private var state: State = .active
    private var lastInput: UInt64

    /// - Parameters:
    ///   - timeout: seconds without input before the warning.
    ///   - countdown: seconds the warning shows before the session times out.
    ///   - start: the monotonic reading when the session began.
    public init(timeout: Int, countdown: Int, mode: Mode, start: UInt64) {
        self.timeoutNanoseconds = UInt64(max(timeout, 1)) * 1_000_000_000
        self.countdownNanoseconds = UInt64(max(countdown, 0)) * 1_000_000_000
        self.mode = mode
        self.lastInput = start
    }

    /// True once the session has timed out (until ``reset(at:)``).
    public var hasTimedOut: Bool { state == .timedOut }
    public var isWarning: Bool { state == .warning }

    /// A key press, mouse event or resize happened.
    public mutating func input(at now: UInt64) -> Action {
        lastInput = max(lastInput, now)
        switch state {
        case .active:
            return .none
        case .warning:
            state = .active
            return .dismissWarning
        case .timedOut:
            // Personal mode: coming back resumes. Kiosk: the session is gone already.
            state = .active
            return .none
        }
    }

    /// Time passed (call at least once a second while waiting for input).
    public mutating func tick(at now: UInt64) -> Action {
        // A reading older than the last input (never from a monotonic clock) counts as no time.
        let idle = now >= lastInput ? now - lastInput : 0
        switch state {
        case .timedOut:
            return .none
        case .active, .warning:
            if idle >= timeoutNanoseconds + countdownNanoseconds {
                state = .timedOut
                return mode == .kiosk ? .discardSession : .keepDraftAndWait
            }
            if idle >= timeoutNanoseconds {
                state = .warning
                let left = timeoutNanoseconds + countdownNanoseconds - idle
                // Round up: "1 second left" until it is really over.
                return .warn(secondsLeft: Int((left + 999_999_999) / 1_000_000_000))
            }
            return .none
        }
    }

    /// Starts afresh for the next session.
    public mutating func reset(at now: UInt64) {
        state = .active
        lastInput = now
    }
}
