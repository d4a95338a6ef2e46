import Testing
@testable import IntakeCore

/// Complexity, not time: an answer re-evaluates only the items that read it.
@Suite struct WizardScalingTests {
    /// Groups of ten: a gate question and nine follow-ups that read only their gate.
    static func generated(items: Int) -> String {
        var lines = [minimalHead, "sections:", "  - id: s", "    title: S", "    items:"]
        for i in 0..<items {
            let gate = i / 10 * 10
            lines.append(i == gate
                ? "      - {id: q\(i), type: yes_no, text: Q\(i)?}"
                : "      - {id: q\(i), type: yes_no, text: Q\(i)?, when: q\(gate)}")
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [100, 10_000])
    func oneAnswerReevaluatesOnlyItsDependents(items: Int) throws {
        var wizard = Wizard(questionnaire: try loadValid(Self.generated(items: items)), today: fixedToday)
        for gate in [0, items / 2 / 10 * 10, items - 10] {
            try wizard.setAnswer(.yesNo(.yes), for: "q\(gate)")
            #expect(wizard.lastReevaluationCount == 9)
            #expect(wizard.isVisible("q\(gate + 9)"))
        }
        try wizard.setAnswer(.yesNo(.yes), for: "q5")
        #expect(wizard.lastReevaluationCount == 0, "nothing reads a follow-up")
    }

    @Test func hidingAChainReevaluatesTheChainOnly() throws {
        // q1 reads q0, q2 reads q1, ...: hiding q1 hides the whole answered chain after it.
        var lines = [minimalHead, "sections:", "  - id: s", "    title: S", "    items:", "      - {id: q0, type: yes_no, text: Q?}"]
        for i in 1..<50 { lines.append("      - {id: q\(i), type: yes_no, text: Q?, when: q\(i - 1)}") }
        lines.append("      - {id: other, type: yes_no, text: Other?}")
        var wizard = Wizard(questionnaire: try loadValid(lines.joined(separator: "\n")), today: fixedToday)
        for i in 0..<50 { try wizard.setAnswer(.yesNo(.yes), for: "q\(i)") }
        try wizard.setAnswer(.yesNo(.no), for: "q0")
        #expect(wizard.lastReevaluationCount == 49)
        #expect(!wizard.isVisible("q49"))
        #expect(wizard.isVisible("other"))
    }
}
