import IntakeCore

/// The kiosk's state on top of the wizard: the idle warning, the staff PIN dialog and the
/// "ask the front desk" notice, driven by terminal events and monotonic clock readings
/// (nanoseconds, injected, so tests need no waiting).
///
/// Kiosk rules: Ctrl-anything does nothing (no "leave" dialog, no signals: raw mode
/// delivers them as keys); Esc stays "Back" (answers are kept); F10 opens the staff PIN dialog; the idle timer runs on every
/// page except an untouched welcome screen; the thank-you screen closes itself after the
/// idle timeout and the session is wiped.
public struct KioskController: Sendable {
    public struct Settings: Hashable, Sendable {
        public var idleTimeoutSeconds: Int
        public var countdownSeconds: Int
        /// `pbkdf2-sha256$...`; the staff exit is refused when empty.
        public var staffPINHash: String
        public init(idleTimeoutSeconds: Int = 120, countdownSeconds: Int = 30, staffPINHash: String = "") {
            self.idleTimeoutSeconds = idleTimeoutSeconds
            self.countdownSeconds = countdownSeconds
            self.staffPINHash = staffPINHash
        }
    }

    public enum Mode: Hashable, Sendable {
        case wizard
        /// "Are you still there?" with whole seconds left.
        case idleWarning(secondsLeft: Int)
        /// Staff exit: the PIN typed so far (drawn as dots) and whether the last try was wrong.
        case staffPIN(typed: String, wrong: Bool)
        /// The draft could not be saved: "please ask the front desk" until staff come.
        case frontDesk
    }

    /// What the loop must do.
    public enum Effect: Hashable, Sendable {
        /// Persist the draft (writes only what changed).
        case sync
        /// Write the outputs (then discard the draft).
        case submit
        /// Discard the session and draft, wipe the screen and scrollback, back to welcome.
        case endSession
        /// The staff PIN was right: leave the kiosk loop.
        case staffExit
    }

    /// Keys pressed this soon after the thank-you screen appears are ignored.
    public static let thankYouGraceNanoseconds: UInt64 = 1_500_000_000

    public private(set) var ui: WizardUI
    public private(set) var mode: Mode = .wizard
    public private(set) var idle: IdleTimer
    public let settings: Settings
    private var thankYouSince: UInt64?
    private let glyphs: Glyphs
    private let makeWizard: @Sendable () -> Wizard

    /// - Parameters:
    ///   - makeWizard: a fresh engine for each new session.
    ///   - resumed: a session restored from a draft (started at its question, not the welcome).
    public init(settings: Settings, glyphs: Glyphs, now: UInt64, makeWizard: @escaping @Sendable () -> Wizard,
                resumed: (wizard: Wizard, language: String?)? = nil) {
        self.settings = settings
        self.glyphs = glyphs
        self.makeWizard = makeWizard
        if let resumed {
            ui = WizardUI(engine: resumed.wizard, language: resumed.language, glyphs: glyphs, showWelcome: false)
        } else {
            ui = WizardUI(engine: makeWizard(), glyphs: glyphs, showWelcome: true)
        }
        idle = IdleTimer(timeout: settings.idleTimeoutSeconds, countdown: settings.countdownSeconds, mode: .kiosk, start: now)
    }

    /// A new session on the welcome screen; the old one's state is dropped.
    public mutating func reset(now: UInt64) {
        ui = WizardUI(engine: makeWizard(), glyphs: glyphs, showWelcome: true)
        mode = .wizard
        thankYouSince = nil
        idle.reset(at: now)
    }

    /// Whether the idle timer applies now (not on an untouched welcome screen).
    var sessionInProgress: Bool {
        ui.page != .welcome || !ui.engine.allGivenAnswers.isEmpty
    }

    public mutating func markSubmissionFailed() { ui.markSubmissionFailed() }

    /// The draft could not be saved.
    public mutating func showFrontDesk() { mode = .frontDesk }

    /// One terminal event (keys, mouse, resize; the loop handles the rest).
    public mutating func handle(_ event: TerminalEvent, size: Size, now: UInt64) -> [Effect] {
        switch event {
        case .key, .mouse, .resize:
            break
        case .timeout:
            return tick(now: now)
        case .endOfInput, .signal:
            return []
        }
        let wasWarning = idle.isWarning
        _ = idle.input(at: now)
        if wasWarning, case .idleWarning = mode {
            // Any key (or tap) only dismisses the warning.
            mode = .wizard
            return []
        }
        switch mode {
        case .idleWarning:
            mode = .wizard
            return []
        case .frontDesk:
            if case .key(.function(10)) = event { mode = .staffPIN(typed: "", wrong: false) }
            return []
        case .staffPIN(let typed, _):
            return staffKey(event, typed: typed)
        case .wizard:
            break
        }
        if case .key(let key) = event {
            switch key {
            case .control:
                // Ctrl-C (no "leave" dialog), Ctrl-Z, Ctrl-\, Ctrl-D: nothing.
                return []
            case .function(10):
                mode = .staffPIN(typed: "", wrong: false)
                return []
            default:
                break
            }
        }
        if ui.page == .thankYou {
            // Outputs not written: the screen asks for the front desk and stays (with the
            // draft) until staff come; only F10 (above) does anything.
            if ui.submissionFailed { return [] }
            if case .resize = event { return [] }
            if let since = thankYouSince, now &- since < Self.thankYouGraceNanoseconds { return [] }
            if case .mouse(let mouse) = event, mouse.kind != .press { return [] }
            return [.endSession]
        }
        var effects: [Effect] = []
        for effect in ui.handle(event, size: size) {
            switch effect {
            case .saveDraft: break
            case .submitted: effects.append(.submit)
            case .quitRequested: break
            case .finished: effects.append(.endSession)
            }
        }
        if ui.page == .thankYou, thankYouSince == nil { thankYouSince = now }
        if ui.page != .thankYou { effects.insert(.sync, at: 0) }
        return effects
    }

    /// Time passed (the loop calls this at least once a second).
    public mutating func tick(now: UInt64) -> [Effect] {
        if mode == .frontDesk { return [] }
        if ui.page == .thankYou {
            if ui.submissionFailed { return [] }
            if thankYouSince == nil { thankYouSince = now }
            let limit = UInt64(max(settings.idleTimeoutSeconds, 1)) * 1_000_000_000
            return now &- (thankYouSince ?? now) >= limit ? [.endSession] : []
        }
        guard sessionInProgress else {
            // Nothing personal on screen: no warning. A language chosen and left behind
            // goes back to the default after the idle timeout, for the next person.
            let languageChanged = ui.language != ui.engine.questionnaire.metadata.defaultLanguage
            if languageChanged, case .warn = idle.tick(at: now) {
                reset(now: now)
            } else if !languageChanged {
                idle.reset(at: now)
            }
            if case .idleWarning = mode { mode = .wizard }
            return []
        }
        switch idle.tick(at: now) {
        case .warn(let secondsLeft):
            mode = .idleWarning(secondsLeft: secondsLeft)
            return []
        case .discardSession:
            return [.endSession]
        case .dismissWarning, .none, .keepDraftAndWait:
            return []
        }
    }

    private mutating func staffKey(_ event: TerminalEvent, typed: String) -> [Effect] {
        guard case .key(let key) = event else { return [] }
        switch key {
        case .character(let character) where typed.count < 64:
            mode = .staffPIN(typed: typed + String(character), wrong: false)
        case .backspace:
            mode = .staffPIN(typed: String(typed.dropLast()), wrong: false)
        case .escape:
            mode = .wizard
        case .enter:
            if !settings.staffPINHash.isEmpty, StaffPIN.verify(pin: typed, against: settings.staffPINHash) {
                return [.staffExit]
            }
            mode = .staffPIN(typed: "", wrong: true)
        default:
            break
        }
        return []
    }
}
