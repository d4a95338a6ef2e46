import Foundation
import Testing
@testable import IntakeCore

/// The worked example in docs/questionnaire-format.md must load without a warning, so the
/// documentation can never drift from what the loader accepts.
@Suite struct DocumentationExampleTests {
    @Test func workedExampleLoadsCleanly() throws {
        let doc = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/questionnaire-format.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```yaml\nquestionnaire:"))
        let body = doc[doc.index(start.lowerBound, offsetBy: "```yaml\n".count)...]
        let end = try #require(body.range(of: "\n```"))
        let result = QuestionnaireLoader.load(yaml: String(body[..<end.lowerBound]), file: "docs/questionnaire-format.md")
        #expect(result.diagnostics.map(\.description) == [])
        let questionnaire = try #require(result.questionnaire)
        let types = Set(questionnaire.items.map(\.kind.typeName))
        #expect(types == Set(ItemKind.typeNames), "the example shows every item type")
    }
}
