import Foundation
import Testing
@testable import IntakeCore

/// Every shared FHIR fixture loads (or is refused as documented), fills through the engine
/// and gives the scores a person computes by hand.
@Suite struct FHIRFixtureTests {
    static let phq9Items = ["/44250-9", "/44255-8", "/44259-0", "/44254-1", "/44251-7", "/44258-2", "/44252-5", "/44253-3", "/44260-8"]
    static let phq9Codes = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"] // ordinalValue 0, 1, 2, 3

    @Test func phq9TotalFromOrdinalValues() throws {
        let q = try loadFHIRFixture("phq9.json")
        #expect(q.items.count == 10)
        #expect(q.scores.count == 1)
        // Scores 1 2 3 0 1 2 3 0 1: total 13.
        let chosen = [1, 2, 3, 0, 1, 2, 3, 0, 1]
        let answers = try zip(Self.phq9Items, chosen).map { linkID, score in
            (linkID, Answer.choice(try #require(q.optionID(linkID: linkID, code: Self.phq9Codes[score]))))
        }
        let (wizard, problems) = try fill(q, answers)
        #expect(problems.isEmpty, "\(problems)")
        #expect(try scoreValue(q, "/44261-6", in: wizard) == .number(13))
        #expect(q.item(linkID: "/44250-9")?.option(try #require(q.optionID(linkID: "/44250-9", code: "LA6571-9")))?.score == 3)
    }

    @Test func phq9RefusesMissingRequiredAnswersAndScoresPartialAnswers() throws {
        let q = try loadFHIRFixture("phq9.json")
        let first = try #require(q.optionID(linkID: "/44250-9", code: "LA6571-9"))
        let (wizard, problems) = try fill(q, [("/44250-9", .choice(first))])
        // minOccurs/required on eight items: seven are missing.
        #expect(problems.count == 7)
        // The expression itself counts unanswered items as 0 once any is answered.
        #expect(try scoreValue(q, "/44261-6", in: wizard) == .number(3))
        let (empty, _) = try fill(q, [])
        #expect(try scoreValue(q, "/44261-6", in: empty) == .null)
    }

    static let apgarItems = ["32406-1", "32407-9", "32409-5", "32408-7", "32410-3"]

    @Test func apgarTotalFromItemWeights() throws {
        let q = try loadFHIRFixture("apgar-with-itemWeight-variable.json")
        // Options are in weight order 0, 1, 2 for every item; choose 2 1 2 0 1: total 6.
        let weights = [2, 1, 2, 0, 1]
        let answers = zip(Self.apgarItems, weights).map { linkID, weight in
            (linkID, Answer.choice(q.item(linkID: linkID)!.options[weight].id))
        }
        for (linkID, weight) in zip(Self.apgarItems, weights) {
            #expect(q.item(linkID: linkID)?.options[weight].score == Double(weight))
        }
        let (wizard, problems) = try fill(q, answers)
        #expect(problems.isEmpty, "\(problems)")
        #expect(try scoreValue(q, "9272-6", in: wizard) == .number(6))
        // Only when all five are answered.
        let (partial, _) = try fill(q, Array(answers.prefix(4)))
        #expect(try scoreValue(q, "9272-6", in: partial) == .null)
        let (maximum, _) = try fill(q, Self.apgarItems.map { ($0, Answer.choice(q.item(linkID: $0)!.options[2].id)) })
        #expect(try scoreValue(q, "9272-6", in: maximum) == .number(10))
    }

    @Test func bmiFromWeightAndHeight() throws {
        let q = try loadFHIRFixture("weightHeightQuestionnaire.json")
        let weight = try #require(q.item(linkID: "/29463-7"))
        guard case .decimal(let spec) = weight.kind else { Issue.record("weight is not decimal"); return }
        #expect(spec.unit?.resolved("en") == "kg")
        // 70 kg, 70 in = 1.778 m: 70 / 1.778² = 22.143..., rounded to one decimal.
        let (wizard, problems) = try fill(q, [("/29463-7", .number(70)), ("/8302-2", .number(70))])
        #expect(problems.isEmpty, "\(problems)")
        #expect(try scoreValue(q, "/39156-5", in: wizard) == .number(22.1))
        let (heavier, _) = try fill(q, [("/29463-7", .number(95.5)), ("/8302-2", .number(65))])
        // 65 in = 1.651 m; 95.5 / 2.725801 = 35.036...
        #expect(try scoreValue(q, "/39156-5", in: heavier) == .number(35.0))
        let (noHeight, _) = try fill(q, [("/29463-7", .number(70))])
        #expect(try scoreValue(q, "/39156-5", in: noHeight) == .null)
        #expect(q.score("/39156-5")?.unit?.resolved("en") == "kg/m2")
    }

    @Test func loopFixtureIsRefusedNamingTheLoop() {
        let result = QuestionnaireLoader.load(path: fhirFixture("q-enableWhen-with-reference-loop.json"))
        #expect(result.questionnaire == nil)
        let messages = result.errors.map(\.description)
        #expect(messages.count == 1)
        #expect(messages.first?.contains("enableWhen loop: item1 → item3 → item1") == true, "\(messages)")
        #expect(messages.first?.hasSuffix("q-enableWhen-with-reference-loop.json:10:21: error: enableWhen loop: item1 → item3 → item1; an item cannot depend on itself") == true, "\(messages)")
    }

    @Test func enableWhenFixtureLoadsWithDocumentedWarnings() throws {
        let result = QuestionnaireLoader.load(path: fhirFixture("enableWhen-test.R4.json"))
        #expect(result.errors.isEmpty, "\(result.errors)")
        // "repeats": "true" (a string) and answerInteger holding date and time strings.
        #expect(result.warnings.count == 5)
        let q = try #require(result.questionnaire)
        #expect(q.sections.count == 14)
        #expect(q.items.count == 71)
        #expect(q.metadata.fhir?.outline.count == 14)
    }

    @Test func everyFixtureKeepsLinkIDsAndNesting() throws {
        let q = try loadFHIRFixture("enableWhen-test.R4.json")
        let section = try #require(q.sections.first)
        #expect(section.id == "g1")
        #expect(section.items.first?.fhir?.linkID == "Q1")
        #expect(section.items.first?.fhir?.groupPath == ["g1"])
        #expect(q.item(linkID: "Q1-exists")?.id == "Q1_exists")
        let phq = try loadFHIRFixture("phq9.json")
        #expect(phq.item(linkID: "/44250-9")?.id == "q44250_9")
        #expect(phq.item(linkID: "/44250-9")?.fhir?.controlHints == ["drop-down"])
    }
}
