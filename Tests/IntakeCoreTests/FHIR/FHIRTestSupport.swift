import Foundation
import Testing
@testable import IntakeCore

/// Real FHIR R4 Questionnaires from LHC-Forms' test data (`Tests/fhir/fixtures`, with their
/// licence), kept in the repository so that a fresh clone's `make test` needs nothing beside it.
let fhirFixtures: URL = repositoryRoot.appendingPathComponent("Tests/fhir/fixtures")

func fhirFixture(_ name: String) -> String { fhirFixtures.appendingPathComponent(name).path }

/// Loads a fixture that must import without errors.
func loadFHIRFixture(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Questionnaire {
    let result = QuestionnaireLoader.load(path: fhirFixture(name))
    #expect(result.errors.isEmpty, "\(result.errors)", sourceLocation: sourceLocation)
    return try #require(result.questionnaire, sourceLocation: sourceLocation)
}

/// Loads FHIR JSON from memory.
func loadFHIR(_ json: String) -> LoadResult {
    QuestionnaireLoader.load(yaml: json, file: "test.json")
}

extension Questionnaire {
    /// The model item imported from a linkId.
    func item(linkID: String) -> Item? {
        items.first { item in
            guard let binding = item.fhir, binding.linkID == linkID else { return false }
            if case .openChoiceOther = binding.role { return false }
            return true
        }
    }

    /// The option id of a choice item whose original value has this code (or text).
    func optionID(linkID: String, code: String) -> String? {
        guard let item = item(linkID: linkID) else { return nil }
        return item.fhir?.optionValues.first { _, value in
            switch value {
            case .coding(_, let c, _): c == code
            default: value.displayText == code
            }
        }?.key
    }

    func score(_ linkID: String) -> ScoreDefinition? {
        let id = metadata.fhir.flatMap { Self.find(linkID, in: $0.outline) }
        return scores.first { $0.id == id }
    }

    private static func find(_ linkID: String, in nodes: [FHIROutlineNode]) -> String? {
        for node in nodes {
            if node.linkID == linkID { return node.modelID }
            if let found = find(linkID, in: node.children) { return found }
        }
        return nil
    }
}

/// Fills by linkId through the same engine as `intake fill`; returns the wizard and problems.
func fill(_ questionnaire: Questionnaire, _ answers: [(String, Answer)]) throws -> (Wizard, [AnswerSet.Problem]) {
    let mapped = try answers.map { linkID, answer in
        (try #require(questionnaire.item(linkID: linkID), "no item \(linkID)").id, answer)
    }
    return NonInteractiveFill.run(questionnaire, answers: mapped, today: fixedToday)
}

func scoreValue(_ questionnaire: Questionnaire, _ linkID: String, in wizard: Wizard) throws -> Value {
    let score = try #require(questionnaire.score(linkID))
    return score.expression.evaluate(in: AnswerEnvironment(wizard: wizard))
}
