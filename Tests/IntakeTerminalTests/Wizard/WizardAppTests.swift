import IntakeCore
import Testing
@testable import IntakeTerminal

/// The app loop with a scripted terminal: effects reach the closures, every way out returns.
@Suite struct WizardAppTests {
    struct WriteFailed: Error {}

    /// Records what the loop asked for.
    final class Calls {
        var drafts: [[String: Answer]] = []
        var submitted: [String] = []
    }

    func run(_ events: [TerminalEvent], failSubmit: Bool = false, size: Size = Size(width: 80, height: 24))
        throws -> (WizardApp.Outcome, WizardUI, Calls, ScriptedTerminal)
    {
        let terminal = ScriptedTerminal(size: size, events: events)
        let ui = WizardUI(engine: Wizard(questionnaire: try WizardFixtures.cjk(), today: WizardFixtures.today))
        let calls = Calls()
        let (outcome, final) = WizardApp.run(
            terminal: terminal, ui: ui,
            saveDraft: { wizard, _ in calls.drafts.append(wizard.answerMap) },
            onSubmit: { wizard, language in
                if failSubmit { throw WriteFailed() }
                calls.submitted.append("\(language) \(wizard.answers.count)")
            })
        return (outcome, final, calls, terminal)
    }

    static let answerAll: [TerminalEvent] = [
        .key(.enter),                            // welcome
        .key(.character("y")), .key(.enter),     // rash
        .key(.character("2")), .key(.enter),     // sun
        .key(.character("無")), .key(.enter),    // words
        .key(.enter), .key(.enter),              // review -> confirm -> send
    ]

    @Test func aSessionSubmitsThroughTheClosure() throws {
        let (outcome, ui, calls, terminal) = try run(Self.answerAll)
        // The script ends on the thank-you screen: end of input there counts as done.
        #expect(outcome == .submitted)
        #expect(ui.page == .thankYou)
        #expect(calls.submitted == ["ja 3"])
        #expect(calls.drafts.count == 3)
        #expect(calls.drafts.last?["words"] == .text("無"))
        #expect(terminal.lastPresented?.lines.contains { $0.contains("Thank you") } == true)
        #expect(terminal.requestedTimeouts.last == .seconds(120))
    }

    @Test func writingFailureAsksForTheFrontDesk() throws {
        let (_, ui, calls, terminal) = try run(Self.answerAll, failSubmit: true)
        #expect(ui.submissionFailed)
        #expect(calls.drafts.count == 4)
        #expect(terminal.lastPresented?.lines.joined().contains("Please ask the front desk for help.") == true)
    }

    @Test func endOfInputSavesAndReturns() throws {
        let (outcome, _, calls, terminal) = try run([.key(.enter), .key(.character("n"))])
        #expect(outcome == .inputEnded)
        #expect(calls.drafts.last?["rash"] == .yesNo(.no))
        #expect(terminal.pendingEvents.isEmpty)
    }

    @Test(arguments: TerminationSignal.allCases) func signalsSaveAndReturn(_ signal: TerminationSignal) throws {
        let (outcome, _, calls, terminal) = try run([.key(.enter), .signal(signal), .key(.enter)])
        #expect(outcome == .signalled(signal))
        #expect(calls.drafts.count == 1)
        #expect(terminal.pendingEvents == [.key(.enter)])
    }

    @Test func leaveFromTheDialog() throws {
        let (outcome, ui, calls, _) = try run([.key(.enter), .key(.character("y")), .key(.control("c")), .key(.tab), .key(.enter)])
        #expect(outcome == .left)
        #expect(ui.engine.answer(for: "rash") == .yesNo(.yes))
        #expect(calls.drafts.count == 2)
    }

    @Test func resizesRedrawAtTheNewSizeAndTooSmallKeepsState() throws {
        let (_, ui, _, terminal) = try run([
            .key(.enter), .key(.character("y")), .key(.enter), .key(.enter),
            .resize(Size(width: 30, height: 8)), .key(.character("z")),
            .resize(Size(width: 100, height: 30)),
        ])
        let sizes = terminal.presented.map(\.size)
        #expect(sizes.contains(Size(width: 30, height: 8)))
        #expect(sizes.last == Size(width: 100, height: 30))
        #expect(terminal.presented.first { $0.size.width == 30 }?.lines.contains { $0.contains("Please make") } == true)
        #expect(ui.currentItem?.id == "words")
        #expect(ui.editor(for: try #require(ui.currentItem)).fields[0].text.isEmpty)
        #expect(terminal.cursors.last == Point(x: 13, y: 6))
    }
}
