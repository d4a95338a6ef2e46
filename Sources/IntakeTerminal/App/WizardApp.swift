import FoundationEssentials
import IntakeCore

/// Connects a ``Terminal`` to ``WizardUI``: draws, reads events, and carries out effects
/// through the caller's closures. It never starts or closes the terminal itself: the
/// caller owns it and restores it (`defer { terminal.close() }`) on every path out.
public enum WizardApp {
    /// How a session ended.
    public enum Outcome: Hashable, Sendable {
        /// Submitted, and the thank-you screen was dismissed (or timed out).
        case submitted
        /// The patient chose Leave; the answers so far were passed to `saveDraft`.
        case left
        /// The terminal went away (EOF, closed pane); the draft was saved.
        case inputEnded
        /// SIGTERM / SIGHUP / SIGINT from outside; the draft was saved.
        case signalled(TerminationSignal)
        /// `persist` reported that the draft could not be saved (disk full, read-only):
        /// the caller tells the patient to ask the front desk; the last saved draft is intact.
        case saveFailed
    }

    /// Keys pressed this soon after the thank-you screen appears are ignored, so a
    /// double-pressed Enter on "Submit" cannot hide an urgent message unread.
    public static let thankYouGrace: Duration = .milliseconds(1500)

    /// Runs a session until it ends; returns how it ended and the final state.
    ///
    /// - Parameters:
    ///   - saveDraft: called with the engine and language after every committed answer,
    ///     and before returning for any reason other than submission.
    ///   - onSubmit: writes the outputs when the patient confirms. If it throws, the draft
    ///     is saved once more and the thank-you screen asks the patient to go to the
    ///     front desk instead.
    ///   - thankYouTimeout: the thank-you screen closes by itself after this long.
    ///   - persist: when given, called after every handled event before the next screen is
    ///     drawn (the durable draft writes only what changed); returning false ends the
    ///     session with ``Outcome/saveFailed``.
    ///   - completePersist: when given, called after every screen is drawn and before the
    ///     next event is read, to make what `persist` wrote durable (fsync) while the screen
    ///     is already up; returning false ends the session with ``Outcome/saveFailed``.
    public static func run(
        terminal: Terminal,
        ui initial: WizardUI,
        saveDraft: (Wizard, String) -> Void,
        onSubmit: (Wizard, String) throws -> Void,
        thankYouTimeout: Duration = .seconds(120),
        persist: ((WizardUI) -> Bool)? = nil,
        completePersist: (() -> Bool)? = nil
    ) -> (outcome: Outcome, ui: WizardUI) {
        var ui = initial
        var thankYouSince: UInt64?  // SystemClock.monotonicNanoseconds()
        while true {
            let frame = WizardView.render(ui, size: terminal.size)
            terminal.present(frame.buffer, cursor: frame.cursor)
            if let completePersist, !completePersist() { return (.saveFailed, ui) }
            if ui.page == .thankYou, thankYouSince == nil { thankYouSince = SystemClock.monotonicNanoseconds() }
            let event = terminal.nextEvent(timeout: ui.page == .thankYou ? thankYouTimeout : nil)
            switch event {
            case .endOfInput:
                if ui.page != .thankYou { saveDraft(ui.engine, ui.language) }
                return (ui.page == .thankYou ? .submitted : .inputEnded, ui)
            case .signal(let signal):
                if ui.page != .thankYou { saveDraft(ui.engine, ui.language) }
                return (.signalled(signal), ui)
            case .timeout:
                if ui.page == .thankYou { return (.submitted, ui) }
                continue
            case .key, .mouse:
                if let since = thankYouSince, ui.page == .thankYou, SystemClock.monotonicNanoseconds() - since < thankYouGrace.wholeNanoseconds { continue }
            case .resize:
                break
            }
            for effect in ui.handle(event, size: terminal.size) {
                switch effect {
                case .saveDraft:
                    saveDraft(ui.engine, ui.language)
                case .submitted:
                    do {
                        try onSubmit(ui.engine, ui.language)
                    } catch {
                        // The answers stay safe in the draft; staff can write the outputs later.
                        saveDraft(ui.engine, ui.language)
                        ui.markSubmissionFailed()
                    }
                case .quitRequested:
                    return (.left, ui)
                case .finished:
                    return (.submitted, ui)
                }
            }
            if let persist, ui.page != .thankYou, !persist(ui) { return (.saveFailed, ui) }
        }
    }
}
