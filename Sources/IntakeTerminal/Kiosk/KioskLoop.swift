import IntakeCore

/// The unattended kiosk: welcome → questions → submit → thank-you → wipe → welcome, for
/// ever, until staff leave with F10 and the PIN, the terminal goes away or a signal comes.
///
/// Every event's draft changes are written before the next screen is drawn (a failed write
/// shows the front-desk message instead) and fsynced after drawing, before the next event
/// is read; a failed fsync also shows the front-desk message. A
/// timed-out or finished session is discarded (draft removed), the screen and scrollback
/// are wiped (``Terminal/wipe()``) and a fresh engine replaces the old one.
public enum KioskLoop {
    public enum Outcome: Hashable, Sendable {
        /// Staff typed the right PIN.
        case staffExit
        /// The terminal went away; an unfinished draft stays for a resume within the window.
        case inputEnded
        case signalled(TerminationSignal)
    }

    /// How often the idle timer is checked while waiting for input.
    public static let tickInterval: Duration = .milliseconds(250)

    /// - Parameters:
    ///   - drafts: the durable draft of the session.
    ///   - onSubmit: writes the outputs (and starts printing); if it throws, the thank-you
    ///     screen asks the patient to go to the front desk and the draft is kept.
    ///   - now: the monotonic clock in nanoseconds.
    public static func run(
        terminal: Terminal,
        controller initial: KioskController,
        drafts: DraftSession,
        onSubmit: (Wizard, String) throws -> Void,
        now: () -> UInt64 = SystemClock.monotonicNanoseconds
    ) -> (outcome: Outcome, controller: KioskController) {
        var controller = initial
        while true {
            let frame = KioskViews.render(controller, size: terminal.size, glyphs: terminal.capabilities.glyphs)
            terminal.present(frame.buffer, cursor: frame.cursor)
            do {
                try drafts.completeSync()
            } catch {
                // The journal is back at its last durable state; draw the message at once.
                controller.showFrontDesk()
                continue
            }
            let event = terminal.nextEvent(timeout: tickInterval)
            var effects: [KioskController.Effect]
            switch event {
            case .endOfInput:
                drafts.close()
                return (.inputEnded, controller)
            case .signal(let signal):
                drafts.close()
                return (.signalled(signal), controller)
            case .timeout:
                effects = controller.tick(now: now())
            case .key, .mouse, .resize:
                effects = controller.handle(event, size: terminal.size, now: now())
                effects += controller.tick(now: now())
            }
            for effect in effects {
                switch effect {
                case .sync:
                    do {
                        try drafts.write(controller.ui)
                    } catch {
                        controller.showFrontDesk()
                    }
                case .submit:
                    do {
                        try onSubmit(controller.ui.engine, controller.ui.language)
                        try drafts.discard()
                    } catch {
                        controller.markSubmissionFailed()
                    }
                case .endSession:
                    // A draft that cannot be removed is truncated by the next begin.
                    try? drafts.discard()
                    terminal.wipe()
                    controller.reset(now: now())
                case .staffExit:
                    drafts.close()
                    terminal.wipe()
                    return (.staffExit, controller)
                }
            }
        }
    }
}
