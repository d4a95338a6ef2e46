import Testing
@testable import IntakeCore

/// Compiled names carry their item's flat index ("slot") so that evaluation reads the
/// answer without hashing the name; the slot must be the wizard's index of that very item,
/// and a slot that points elsewhere must never read another item's answer.
@Suite struct ExpressionSlotTests {
    /// Every `name` node of an expression tree, with its slot.
    static func names(in node: ExpressionNode) -> [(String, Int?)] {
        switch node {
        case .name(let name, let slot): return [(name, slot)]
        case .negate(let operand), .not(let operand): return names(in: operand)
        case .and(let lhs, let rhs), .or(let lhs, let rhs), .arithmetic(_, let lhs, let rhs), .comparison(_, let lhs, let rhs), .membership(let lhs, let rhs):
            return names(in: lhs) + names(in: rhs)
        case .list(let elements), .call(_, let elements): return elements.flatMap(names(in:))
        case .literal, .answered, .optionScore, .today, .external: return []
        }
    }

    @Test func everyItemNameInTheQuestionnaireCarriesTheWizardsIndexOfThatItem() throws {
        let questionnaire = try #require(IntakeFixtures.questionnaire)
        let wizard = Wizard(questionnaire: questionnaire, today: fixedToday)
        var expressions = questionnaire.sections.compactMap(\.when) + questionnaire.items.compactMap(\.when)
        expressions += questionnaire.scores.map(\.expression) + questionnaire.flags.map(\.condition)
        var checked = 0
        for expression in expressions {
            for (name, slot) in Self.names(in: expression.root) {
                if let index = wizard.flatIndex[name] {
                    #expect(slot == index, "\(name)")
                    checked += 1
                } else {
                    #expect(slot == nil, "\(name) is a score")
                }
            }
        }
        #expect(checked > 100)
    }

    @Test func aSlotThatPointsAtAnotherItemReadsTheNamedItem() throws {
        let questionnaire = try #require(IntakeFixtures.questionnaire)
        var wizard = Wizard(questionnaire: questionnaire, today: fixedToday)
        let first = try #require(wizard.items.firstIndex { if case .yesNo = $0.kind { return wizard.visible[wizard.flatIndex[$0.id]!] } else { return false } })
        let id = wizard.items[first].id
        try wizard.setAnswer(.yesNo(.yes), for: id)
        let environment = AnswerEnvironment(wizard: wizard)
        #expect(environment.value(at: first, named: id) == .bool(true))
        #expect(environment.value(at: first + 1, named: id) == .bool(true))
        #expect(environment.value(at: wizard.items.count + 5, named: id) == .bool(true))
        let scoring = ScoringEnvironment(wizard: wizard)
        #expect(scoring.value(at: first + 1, named: id) == .bool(true))
    }
}
