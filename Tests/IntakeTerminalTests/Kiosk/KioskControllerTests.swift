import Foundation
import IntakeCore
import Testing
@testable import IntakeTerminal

/// The kiosk's state machine with an injected monotonic clock (nanoseconds): idle →
/// "Are you still there?" → discard, kiosk keys, the staff PIN, the thank-you screen,
/// and the loop's draft handling on a real folder with a scripted terminal.
struct KioskControllerTests {
    static let second: UInt64 = 1_000_000_000
    static let t0: UInt64 = 5_000 * second
    static let size = Size(width: 80, height: 24)

    static func eight() throws -> Questionnaire { try WizardFixtures.load("Tests/IntakeTerminalTests/Fixtures/eight.yaml") }

    static func controller(pinHash: String = "") throws -> KioskController {
        let questionnaire = try eight()
        return KioskController(
            settings: .init(idleTimeoutSeconds: 120, countdownSeconds: 30, staffPINHash: pinHash),
            glyphs: .unicode, now: t0,
            makeWizard: { Wizard(questionnaire: questionnaire, today: WizardFixtures.today) })
    }

    static func key(_ key: Key) -> TerminalEvent { .key(key) }

    static func type(_ text: String, _ controller: inout KioskController, at now: UInt64) {
        for character in text { _ = controller.handle(.key(.character(character)), size: size, now: now) }
    }

    @Test func idleWarnsThenDiscards() throws {
        var kiosk = try Self.controller()
        #expect(kiosk.handle(Self.key(.enter), size: Self.size, now: Self.t0) == [.sync])
        #expect(kiosk.ui.page == .step)
        #expect(kiosk.tick(now: Self.t0 + 119 * Self.second) == [])
        #expect(kiosk.mode == .wizard)
        #expect(kiosk.tick(now: Self.t0 + 120 * Self.second) == [])
        #expect(kiosk.mode == .idleWarning(secondsLeft: 30))
        _ = kiosk.tick(now: Self.t0 + 149 * Self.second + Self.second / 2)
        #expect(kiosk.mode == .idleWarning(secondsLeft: 1))
        #expect(kiosk.tick(now: Self.t0 + 150 * Self.second) == [.endSession])
        kiosk.reset(now: Self.t0 + 150 * Self.second)
        #expect(kiosk.ui.page == .welcome)
        #expect(kiosk.ui.engine.allGivenAnswers.isEmpty)
        #expect(kiosk.mode == .wizard)
    }

    @Test func anyKeyOnlyDismissesTheWarning() throws {
        var kiosk = try Self.controller()
        _ = kiosk.handle(Self.key(.enter), size: Self.size, now: Self.t0)
        Self.type("Ada", &kiosk, at: Self.t0)
        _ = kiosk.tick(now: Self.t0 + 125 * Self.second)
        #expect(kiosk.mode == .idleWarning(secondsLeft: 25))
        #expect(kiosk.handle(Self.key(.character("x")), size: Self.size, now: Self.t0 + 126 * Self.second) == [])
        #expect(kiosk.mode == .wizard)
        let field = try #require(kiosk.ui.currentItem.map { kiosk.ui.editor(for: $0) })
        #expect(field.fields.first?.text == "Ada")
        // The timer starts again from the dismissing key.
        #expect(kiosk.tick(now: Self.t0 + 245 * Self.second) == [])
        #expect(kiosk.mode == .wizard)
        _ = kiosk.tick(now: Self.t0 + 246 * Self.second)
        #expect(kiosk.mode == .idleWarning(secondsLeft: 30))
    }

    @Test func anUntouchedWelcomeScreenNeverTimesOut() throws {
        var kiosk = try Self.controller()
        for minute in 1...30 {
            #expect(kiosk.tick(now: Self.t0 + UInt64(minute) * 60 * Self.second) == [])
        }
        #expect(kiosk.mode == .wizard)
        #expect(kiosk.ui.page == .welcome)
    }

    @Test func aLanguageLeftOnTheWelcomeScreenGoesBackToTheDefault() throws {
        let questionnaire = try WizardFixtures.dermatomyositis()
        var kiosk = KioskController(
            settings: .init(idleTimeoutSeconds: 120, countdownSeconds: 30), glyphs: .unicode, now: Self.t0,
            makeWizard: { Wizard(questionnaire: questionnaire, today: WizardFixtures.today) })
        _ = kiosk.handle(Self.key(.down), size: Self.size, now: Self.t0)
        #expect(kiosk.ui.language == "de")
        #expect(kiosk.tick(now: Self.t0 + 119 * Self.second) == [])
        #expect(kiosk.ui.language == "de")
        #expect(kiosk.tick(now: Self.t0 + 120 * Self.second) == [])
        #expect(kiosk.ui.language == "en")
        #expect(kiosk.mode == .wizard)
    }

    @Test func controlKeysDoNothingAndCtrlCOffersNoLeave() throws {
        var kiosk = try Self.controller()
        _ = kiosk.handle(Self.key(.enter), size: Self.size, now: Self.t0)
        for character: Character in ["c", "z", "\\", "d"] {
            #expect(kiosk.handle(Self.key(.control(character)), size: Self.size, now: Self.t0) == [])
        }
        #expect(kiosk.ui.overlay == nil)
        #expect(kiosk.ui.page == .step)
        #expect(kiosk.mode == .wizard)
    }

    @Test func staffExitNeedsTheRightPIN() throws {
        let hash = try StaffPIN.hash(pin: "2468", iterations: StaffPIN.minimumIterations)
        var kiosk = try Self.controller(pinHash: hash)
        _ = kiosk.handle(Self.key(.function(10)), size: Self.size, now: Self.t0)
        #expect(kiosk.mode == .staffPIN(typed: "", wrong: false))
        Self.type("1111", &kiosk, at: Self.t0)
        #expect(kiosk.handle(Self.key(.enter), size: Self.size, now: Self.t0) == [])
        #expect(kiosk.mode == .staffPIN(typed: "", wrong: true))
        Self.type("2468", &kiosk, at: Self.t0)
        // The PIN is never drawn.
        let screen = KioskViews.render(kiosk, size: Self.size, glyphs: .unicode).buffer.lines.joined(separator: "\n")
        #expect(!screen.contains("2468"))
        #expect(screen.contains("****"))
        #expect(kiosk.handle(Self.key(.enter), size: Self.size, now: Self.t0) == [.staffExit])
    }

    @Test func staffExitIsRefusedWithoutAHash() throws {
        var kiosk = try Self.controller(pinHash: "")
        _ = kiosk.handle(Self.key(.function(10)), size: Self.size, now: Self.t0)
        #expect(kiosk.handle(Self.key(.enter), size: Self.size, now: Self.t0) == [])
        #expect(kiosk.mode == .staffPIN(typed: "", wrong: true))
        _ = kiosk.handle(Self.key(.escape), size: Self.size, now: Self.t0)
        #expect(kiosk.mode == .wizard)
    }

    /// Drives the loop over a real draft store; `now` advances 20 s per event delivered.
    @Test func theLoopSavesEveryAnswerAndDiscardsAnAbandonedSession() throws {
        let folder = NSTemporaryDirectory() + "/kiosk-loop-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try OutputFolder.prepare(folder)
        let store = DraftStore(folder: folder)
        let drafts = DraftSession(store: store)
        var events: [TerminalEvent] = [.key(.enter)]
        events += "ans-1".map { .key(.character($0)) }
        events += [.key(.enter), .key(.character("y"))]
        let answered = events.count
        events += Array(repeating: TerminalEvent.timeout, count: 9)  // 180 s > 120 + 30
        let terminal = ScriptedTerminal(events: events)
        let total = events.count
        var journalSeen = false
        var answersSeen: [String: JSONValue] = [:]
        let (outcome, final) = KioskLoop.run(
            terminal: terminal, controller: try Self.controller(), drafts: drafts,
            onSubmit: { _, _ in },
            now: {
                let delivered = total - terminal.pendingEvents.count
                if delivered == answered + 1, let draft = try? store.load() {
                    journalSeen = true
                    answersSeen = draft.answers
                }
                return Self.t0 + UInt64(delivered) * 20 * Self.second
            })
        #expect(outcome == .inputEnded)
        #expect(journalSeen)
        #expect(answersSeen["q1"] == .string("ans-1"))
        #expect(answersSeen["q2"] == .bool(true))
        #expect(!FileManager.default.fileExists(atPath: store.journalPath))
        #expect(final.ui.page == .welcome)
        #expect(final.ui.engine.allGivenAnswers.isEmpty)
        // Somewhere in between the warning was on screen.
        #expect(terminal.presented.contains { $0.lines.joined().contains("ARE YOU STILL THERE?") })
    }

    @Test func resumeWindowDecisions() throws {
        let folder = NSTemporaryDirectory() + "/kiosk-resume-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try OutputFolder.prepare(folder)
        let questionnaire = try Self.eight()
        let store = DraftStore(folder: folder)
        var wizard = Wizard(questionnaire: questionnaire, today: WizardFixtures.today)
        let writer = try store.begin(wizard: wizard, language: "en")
        try wizard.setAnswer(.text("ans-1"), for: "q1")
        try writer.sync(with: wizard, language: "en")
        writer.close()
        let draft = try #require(try store.load())
        let last = draft.lastChange
        func at(_ seconds: Double) -> DraftTimestamp {
            DraftTimestamp(wallSeconds: last.wallSeconds + seconds,
                           monotonicNanoseconds: last.monotonicNanoseconds + UInt64(seconds * 1e9), bootID: last.bootID)
        }
        let window: Duration = .seconds(15 * 60)
        #expect(draft.resumeDecision(for: questionnaire, window: window, now: at(60)) == .resume)
        #expect(draft.resumeDecision(for: questionnaire, window: window, now: at(14 * 60)) == .resume)
        if case .expired = draft.resumeDecision(for: questionnaire, window: window, now: at(16 * 60)) {} else {
            Issue.record("a draft older than the window must not be resumed")
        }
        let other = try WizardFixtures.cjk()
        #expect(draft.resumeDecision(for: other, window: window, now: at(60)) == .questionnaireChanged)
        let restored = draft.makeWizard(questionnaire: questionnaire).wizard
        #expect(restored.answer(for: "q1") == .text("ans-1"))
    }
}
