import PropertyBased
import Testing
@testable import IntakeCore

/// `setAnswers` (all answers at once, visibility settled in one pass) must leave the wizard
/// exactly as `setAnswer` called once per answer does (answers and visibility; the step the
/// patient is on depends on the path, as answers hide the step one after another): `intake
/// fill` and `intake summarize` use the first, the interactive wizard the second, and a
/// summary must not depend on which.
@Suite struct BulkAnswerTests {
    /// One answer per picked item (the last pick wins), latest pick first: not flow order.
    static func answers(_ picks: [Int], count: Int) -> [(String, Answer)] {
        var answers: [(String, Answer)] = []
        for pick in picks.reversed() where !answers.contains(where: { $0.0 == "q\(pick % count)" }) {
            answers.append(("q\(pick % count)", .yesNo(pick % 3 == 0 ? .no : .yes)))
        }
        return answers
    }

    static func expectSameState(_ bulk: Wizard, _ oneByOne: Wizard, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(bulk.visible == oneByOne.visible, sourceLocation: sourceLocation)
        #expect(bulk.allGivenAnswers == oneByOne.allGivenAnswers, sourceLocation: sourceLocation)
        #expect(bulk.hasGiven == oneByOne.hasGiven, sourceLocation: sourceLocation)
    }

    /// Our YAML: every `when` looks back (WizardPropertyTests' generator).
    @Test func atOnceSettlesAsOneByOneWhenConditionsLookBack() async {
        await propertyCheck(count: 300, input: WizardPropertyTests.structure, Gen.int(in: 0...199).array(of: 0...30)) { codes, picks in
            guard let questionnaire = WizardPropertyTests.questionnaire(codes: codes) else { return }
            let answers = Self.answers(picks, count: codes.count)
            var oneByOne = Wizard(questionnaire: questionnaire, today: fixedToday)
            for (id, answer) in answers { try? oneByOne.setAnswer(answer, for: id) }
            var bulk = Wizard(questionnaire: questionnaire, today: fixedToday)
            #expect(bulk.setAnswers(answers).isEmpty)
            #expect(bulk.looksOnlyBack)
            Self.expectSameState(bulk, oneByOne)
        }
    }

    /// FHIR: an `enableWhen` may look forward. Item i depends on an item of lower rank (a
    /// random order unrelated to flow order), so there are no loops but many forward looks.
    static func forwardLookingQuestionnaire(codes: [Int]) -> Questionnaire? {
        let count = codes.count
        let rank = codes.enumerated().sorted { ($0.element, $0.offset) < ($1.element, $1.offset) }.map(\.offset)
        var position = Array(repeating: 0, count: count)
        for (r, item) in rank.enumerated() { position[item] = r }
        var items: [String] = []
        for (i, code) in codes.enumerated() {
            var item = #"{"linkId": "q\#(i)", "type": "boolean", "text": "Q\#(i)?""#
            if position[i] > 0 && code % 4 != 0 {
                let target = rank[code % position[i]]
                item += #", "enableWhen": [{"question": "q\#(target)", "operator": "\#(code % 3 == 0 ? "!=" : "=")", "answerBoolean": true}]"#
            }
            items.append(item + "}")
        }
        let json = #"{"resourceType": "Questionnaire", "status": "draft", "item": [\#(items.joined(separator: ", "))]}"#
        let loaded = QuestionnaireLoader.load(yaml: json, file: "generated.json")
        if loaded.questionnaire == nil { Issue.record("\(loaded.errors) in \(json)") }
        return loaded.questionnaire
    }

    @Test func atOnceSettlesAsOneByOneWhenConditionsLookForward() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...99).array(of: 1...12), Gen.int(in: 0...199).array(of: 0...30)) { codes, picks in
            guard let questionnaire = Self.forwardLookingQuestionnaire(codes: codes) else { return }
            let wizard = Wizard(questionnaire: questionnaire, today: fixedToday)
            let answers = Self.answers(picks, count: codes.count).map { id, answer in
                (wizard.items.first { $0.fhir?.linkID == id }!.id, answer)
            }
            var oneByOne = wizard
            for (id, answer) in answers { try? oneByOne.setAnswer(answer, for: id) }
            var bulk = wizard
            #expect(bulk.setAnswers(answers).isEmpty)
            Self.expectSameState(bulk, oneByOne)
        }
    }

    @Test func aForwardLookInTheQuestionnaireIsNoticed() throws {
        let questionnaire = try #require(Self.forwardLookingQuestionnaire(codes: [5, 1]))
        #expect(!Wizard(questionnaire: questionnaire, today: fixedToday).looksOnlyBack)
    }

    @Test func refusedAnswersAreNamedAndTheOthersKept() throws {
        let questionnaire = try #require(WizardPropertyTests.questionnaire(codes: [1, 3]))
        var wizard = Wizard(questionnaire: questionnaire, today: fixedToday)
        let refused = wizard.setAnswers([("q0", .yesNo(.yes)), ("nope", .yesNo(.no)), ("q1", .number(2))])
        #expect(refused.map(\.item) == ["nope", "q1"])
        #expect(refused.first?.problem == .unknownItem("nope"))
        #expect(wizard.answer(for: "q0") == .yesNo(.yes))
        #expect(wizard.answer(for: "q1") == nil)
    }

    @Test func aSubmittedWizardRefusesThemAll() throws {
        let questionnaire = try #require(WizardPropertyTests.questionnaire(codes: [1]))
        var wizard = Wizard(questionnaire: questionnaire, today: fixedToday)
        #expect(wizard.setAnswers([("q0", .yesNo(.no))]).isEmpty)
        #expect(wizard.submit() == nil)
        #expect(wizard.setAnswers([("q0", .yesNo(.yes))]).map(\.problem) == [.alreadySubmitted])
        #expect(wizard.answer(for: "q0") == .yesNo(.no))
    }
}
