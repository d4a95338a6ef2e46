import Foundation
import Testing
@testable import IntakeCore

/// Loads YAML that must be valid, failing the test with its diagnostics otherwise.
func loadValid(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Questionnaire {
    let result = QuestionnaireLoader.load(yaml: yaml, file: "test.yaml")
    #expect(result.errors.isEmpty, "\(result.errors)", sourceLocation: sourceLocation)
    return try #require(result.questionnaire, sourceLocation: sourceLocation)
}

/// The repository root, found from this file's path.
let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let fixedToday = PartialDate(year: 2026, month: 11, day: 25)
