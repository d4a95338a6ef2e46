import PropertyBased
import Testing
@testable import IntakeCore

/// Properties that must hold for any questionnaire and any sequence of events.
/// Questionnaires are generated from lists of small numbers, so failures shrink to small cases.
@Suite struct WizardPropertyTests {
    /// Item i: required when its code is even; unless code % 3 == 0 (or i == 0) it has a
    /// `when` on an earlier item, negated when code % 5 == 0.
    static func questionnaire(codes: [Int]) -> Questionnaire? {
        var lines = [minimalHead, "sections:", "  - id: s", "    title: S", "    items:"]
        for (i, code) in codes.enumerated() {
            var line = "      - {id: q\(i), type: yes_no, text: Q\(i)?, required: \(code % 2 == 0)"
            if i > 0 && code % 3 != 0 {
                let target = (code / 3) % i
                line += ", when: \"\(code % 5 == 0 ? "not " : "")q\(target)\""
            }
            lines.append(line + "}")
        }
        return QuestionnaireLoader.load(yaml: lines.joined(separator: "\n"), file: "generated.yaml").questionnaire
    }

    /// Event codes: 0 yes to the current item, 1 no, 2 next, 3 back, 4 review, 5 submit,
    /// otherwise an answer to some item (which may be hidden: the engine keeps it aside).
    static func apply(_ code: Int, to wizard: inout Wizard) {
        let count = wizard.items.count
        switch code % 8 {
        case 0: if let id = wizard.currentItem?.id { _ = wizard.handle(.answer(item: id, .yesNo(.yes))) }
        case 1: if let id = wizard.currentItem?.id { _ = wizard.handle(.answer(item: id, .yesNo(.no))) }
        case 2: _ = wizard.handle(.next)
        case 3: _ = wizard.handle(.back)
        case 4: _ = wizard.handle(.review)
        case 5: _ = wizard.handle(.submit)
        default: _ = wizard.handle(.answer(item: "q\((code / 8) % count)", .yesNo(code % 2 == 0 ? .yes : .no)))
        }
    }

    static let structure = Gen.int(in: 0...99).array(of: 1...12)
    static let events = Gen.int(in: 0...199).array(of: 0...60)

    @Test func aHiddenItemIsNeverCurrent() async {
        await propertyCheck(count: 300, input: Self.structure, Self.events) { codes, events in
            guard var wizard = Self.questionnaire(codes: codes).map({ Wizard(questionnaire: $0, today: fixedToday) }) else { return }
            for event in events {
                Self.apply(event, to: &wizard)
                if let item = wizard.currentItem { #expect(wizard.isVisible(item.id)) }
            }
        }
    }

    @Test func completionNeverLeavesAVisibleRequiredItemUnanswered() async {
        await propertyCheck(count: 300, input: Self.structure, Self.events) { codes, events in
            guard var wizard = Self.questionnaire(codes: codes).map({ Wizard(questionnaire: $0, today: fixedToday) }) else { return }
            for event in events {
                Self.apply(event, to: &wizard)
                if wizard.position == .complete {
                    let missing = wizard.items.filter { $0.required && wizard.isVisible($0.id) && wizard.answer(for: $0.id) == nil }
                    #expect(missing.isEmpty)
                }
            }
        }
    }

    @Test func backThenNextReturnsToTheSameStep() async {
        await propertyCheck(count: 300, input: Self.structure, Self.events) { codes, events in
            guard var wizard = Self.questionnaire(codes: codes).map({ Wizard(questionnaire: $0, today: fixedToday) }) else { return }
            for event in events {
                Self.apply(event, to: &wizard)
                guard case .step = wizard.position, !wizard.returnsToReview else { continue }
                let before = wizard.position
                var probe = wizard
                guard probe.back() else { continue }
                if let item = probe.currentItem, let index = probe.flatIndex[item.id], probe.gateProblem(for: index) != nil { continue }
                probe.next()
                #expect(probe.position == before)
            }
        }
    }

    @Test func finalAnswersDoNotDependOnTheOrderTheyWereGiven() async {
        await propertyCheck(count: 300, input: Self.structure, Gen.int(in: 0...199).array(of: 0...30)) { codes, picks in
            guard let questionnaire = Self.questionnaire(codes: codes) else { return }
            // The same answers (one per item: the last pick wins), given forwards and backwards.
            var chosen: [String: Answer] = [:]
            for pick in picks { chosen["q\(pick % codes.count)"] = .yesNo(pick % 3 == 0 ? .no : .yes) }
            let ordered = chosen.sorted { $0.key < $1.key }
            var forwards = Wizard(questionnaire: questionnaire, today: fixedToday)
            var backwards = forwards
            for (id, answer) in ordered { try? forwards.setAnswer(answer, for: id) }
            for (id, answer) in ordered.reversed() { try? backwards.setAnswer(answer, for: id) }
            #expect(forwards.answerMap == backwards.answerMap)
        }
    }
}
