import Foundation
import Testing
@testable import IntakeCore

/// The shipped dermatomyositis questionnaire and its invented answer sets, for scoring,
/// summary and output tests.
enum IntakeFixtures {
    static let questionnairePath = repositoryRoot.appendingPathComponent("Questionnaires/dermatomyositis.yaml").path

    /// Loaded once: the file is large.
    static let questionnaire: Questionnaire? = QuestionnaireLoader.load(path: questionnairePath).questionnaire

    static let answerSets = [
        "all-no", "amyopathic-rash-only", "classic-weakness", "classic-russian",
        "urgent-breathing", "choking", "weight-loss-after-40", "most-severe",
    ]

    static let submitted = UTCTimestamp(secondsSince1970: 1_795_617_005) // 2026-11-25T14:30:05Z

    /// The patient's language of each fixture.
    static func language(of name: String) -> String { name == "classic-russian" ? "ru" : "en" }

    static func answerObject(_ name: String) throws -> [String: JSONValue] {
        let url = repositoryRoot.appendingPathComponent("Tests/IntakeCoreTests/Fixtures/answers/\(name).json")
        let root = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: url))
        guard case .object(let object) = root, case .object(let answers)? = object["answers"] else {
            throw FixtureError("\(name).json has no answers object")
        }
        return answers
    }

    /// Fills the questionnaire with `answers` through the engine; fails the test on any problem.
    static func fill(_ answers: [String: JSONValue], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Wizard {
        let questionnaire = try #require(questionnaire, sourceLocation: sourceLocation)
        let data = try JSONEncoder().encode(JSONValue.object(["answers": .object(answers)]))
        let (decoded, problems) = AnswerSet.decode(data, for: questionnaire)
        let (wizard, fillProblems) = NonInteractiveFill.run(questionnaire, answers: decoded, today: fixedToday)
        #expect(problems + fillProblems == [], sourceLocation: sourceLocation)
        return wizard
    }

    static func fixture(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Wizard {
        try fill(try answerObject(name), sourceLocation: sourceLocation)
    }

    /// `all-no.json` with some answers changed (`.null` removes one).
    static func allNo(changing changes: [String: JSONValue], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Wizard {
        var answers = try answerObject("all-no")
        for (key, value) in changes { answers[key] = value == .null ? nil : value }
        return try fill(answers, sourceLocation: sourceLocation)
    }

    static func result(_ wizard: Wizard, language: String = "en", clinic: String = "en") -> IntakeResult {
        IntakeResult(wizard: wizard, language: language, textLanguage: clinic, submitted: submitted)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
