import Testing
@testable import IntakeCore

/// The idle timer on an injected monotonic clock (whole seconds, as nanoseconds).
@Suite struct IdleTimerTests {
    let second: UInt64 = 1_000_000_000
    let start: UInt64 = 10_000_000_000

    func at(_ seconds: Double) -> UInt64 { start + UInt64(seconds * 1e9) }

    @Test func warnsThenTimesOutInKioskMode() {
        var timer = IdleTimer(timeout: 120, countdown: 30, mode: .kiosk, start: start)
        #expect(timer.tick(at: at(119.9)) == .none)
        #expect(timer.tick(at: at(120)) == .warn(secondsLeft: 30))
        #expect(timer.isWarning)
        #expect(timer.tick(at: at(135.5)) == .warn(secondsLeft: 15))
        #expect(timer.tick(at: at(149.1)) == .warn(secondsLeft: 1))
        #expect(timer.tick(at: at(150)) == .discardSession)
        #expect(timer.hasTimedOut)
        #expect(timer.tick(at: at(151)) == .none, "timing out is reported once")
    }

    @Test func inputDismissesTheWarningAndRestartsTheWait() {
        var timer = IdleTimer(timeout: 120, countdown: 30, mode: .kiosk, start: start)
        #expect(timer.tick(at: at(125)) == .warn(secondsLeft: 25))
        #expect(timer.input(at: at(126)) == .dismissWarning)
        #expect(timer.tick(at: at(150)) == .none)
        #expect(timer.tick(at: at(245)) == .none)
        #expect(timer.tick(at: at(246)) == .warn(secondsLeft: 30))
        #expect(timer.input(at: at(100)) == .dismissWarning, "an old reading never moves the last input back")
        #expect(timer.tick(at: at(270)) == .warn(secondsLeft: 6), "still counted from the input at 126")
    }

    @Test func personalModeKeepsTheDraftAndWaits() {
        var timer = IdleTimer(timeout: 60, countdown: 10, mode: .personal, start: start)
        #expect(timer.tick(at: at(70)) == .keepDraftAndWait)
        #expect(timer.input(at: at(4000)) == .none)
        #expect(!timer.hasTimedOut)
        #expect(timer.tick(at: at(4059)) == .none)
        #expect(timer.tick(at: at(4060)) == .warn(secondsLeft: 10))
    }

    @Test func aLongPauseBetweenTicksTimesOutAtOnce() {
        var timer = IdleTimer(timeout: 120, countdown: 30, mode: .kiosk, start: start)
        #expect(timer.tick(at: at(600)) == .discardSession)
        timer.reset(at: at(601))
        #expect(!timer.hasTimedOut)
        #expect(timer.tick(at: at(700)) == .none)
    }

    /// Setting the wall clock (or NTP stepping it) changes nothing: the timer only ever sees
    /// monotonic readings.
    @Test func wallClockChangesHaveNoEffect() {
        let clock = TestClock()
        var timer = IdleTimer(timeout: 120, countdown: 30, mode: .kiosk, start: clock.now().monotonicNanoseconds)
        clock.advance(60)
        clock.setWall(by: 86_400) // a day forward
        #expect(timer.tick(at: clock.now().monotonicNanoseconds) == .none)
        clock.setWall(by: -2 * 86_400) // two days back
        clock.advance(59)
        #expect(timer.tick(at: clock.now().monotonicNanoseconds) == .none)
        clock.advance(1)
        #expect(timer.tick(at: clock.now().monotonicNanoseconds) == .warn(secondsLeft: 30))
    }

    @Test func systemMonotonicClockNeverGoesBack() {
        var previous = SystemClock.monotonicNanoseconds()
        for _ in 0..<1000 {
            let now = SystemClock.monotonicNanoseconds()
            #expect(now >= previous)
            previous = now
        }
    }
}
