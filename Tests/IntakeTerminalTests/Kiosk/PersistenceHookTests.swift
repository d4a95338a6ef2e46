import Foundation
import IntakeCore
import Testing
@testable import IntakeTerminal

/// The durability hooks: `WizardApp.run(persist:)` after every event, a failed save ends
/// the session; the kiosk loop asks for the front desk when the draft or the outputs
/// cannot be written, and keeps the draft.
struct PersistenceHookTests {
    struct Full: Error {}

    static let eightKeys: [TerminalEvent] = [.key(.enter)] + "ans-1".map { .key(.character($0)) } + [.key(.enter), .key(.enter)]

    @Test func persistRunsAfterEveryEventIncludingMovesWithoutAnswers() throws {
        let questionnaire = try KioskControllerTests.eight()
        let terminal = ScriptedTerminal(events: Self.eightKeys)
        var positions: [Position] = []
        let (outcome, _) = WizardApp.run(
            terminal: terminal, ui: WizardUI(engine: Wizard(questionnaire: questionnaire, today: WizardFixtures.today)),
            saveDraft: { _, _ in }, onSubmit: { _, _ in },
            persist: { ui in positions.append(ui.engine.position); return true })
        #expect(outcome == .inputEnded)
        #expect(positions.count == Self.eightKeys.count)
        // The last Enter moved on from question 2 without an answer: persisted too.
        #expect(positions.last == .step(2))
    }

    @Test func aFailedSaveEndsTheSession() throws {
        let questionnaire = try KioskControllerTests.eight()
        let terminal = ScriptedTerminal(events: Self.eightKeys)
        var calls = 0
        let (outcome, _) = WizardApp.run(
            terminal: terminal, ui: WizardUI(engine: Wizard(questionnaire: questionnaire, today: WizardFixtures.today)),
            saveDraft: { _, _ in }, onSubmit: { _, _ in },
            persist: { _ in calls += 1; return calls < 3 })
        #expect(outcome == .saveFailed)
        #expect(calls == 3)
    }

    @Test func kioskSubmitFailureKeepsTheDraftAndAsksForTheFrontDesk() throws {
        let folder = NSTemporaryDirectory() + "/kiosk-fail-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try OutputFolder.prepare(folder)
        let store = DraftStore(folder: folder)
        var events: [TerminalEvent] = [.key(.enter)]
        for _ in 0..<8 { events.append(.key(.enter)) }   // skip all eight questions
        events += [.key(.enter), .key(.enter)]           // review → confirm → send
        // Neither keys nor time end a failed session: the draft waits for staff.
        events += [.key(.enter), .key(.character("x")), .timeout]
        let terminal = ScriptedTerminal(events: events)
        let (outcome, final) = KioskLoop.run(
            terminal: terminal, controller: try KioskControllerTests.controller(), drafts: DraftSession(store: store),
            onSubmit: { _, _ in throw Full() },
            now: { KioskControllerTests.t0 + UInt64(events.count - terminal.pendingEvents.count) * 100 * KioskControllerTests.second })
        #expect(outcome == .inputEnded)
        #expect(final.ui.page == .thankYou)
        #expect(final.ui.submissionFailed)
        #expect(terminal.lastPresented?.lines.joined().contains("Please ask the front desk for help.") == true)
        #expect(FileManager.default.fileExists(atPath: store.journalPath))
        #expect(try store.load() != nil)
    }
}
