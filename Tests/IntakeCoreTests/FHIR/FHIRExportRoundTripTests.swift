import Foundation
import Testing
@testable import IntakeCore

/// `intake export-fhir`, then import: the same `describe --json` except the documented
/// differences (docs/fhir.md, "Export").
@Suite struct FHIRExportRoundTripTests {
    @Test func shippedQuestionnaireSurvivesTheRoundTrip() throws {
        let original = try #require(QuestionnaireLoader.load(path: repositoryRoot.appendingPathComponent("Questionnaires/dermatomyositis.yaml").path).questionnaire)
        let json = try FHIRExporter.export(original)
        let result = FHIRImporter.load(json: json, file: "exported.json")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(5))")
        let imported = try #require(result.questionnaire)
        let language = original.metadata.defaultLanguage
        var a = QuestionnaireDescription(original, language: language)
        var b = QuestionnaireDescription(imported, language: language)
        // Documented differences: only the default language; no estimated minutes or review
        // status; the digest is of a different file.
        for d in [\QuestionnaireDescription.sha256] { a[keyPath: d] = ""; b[keyPath: d] = "" }
        a.languages = [language]
        a.estimatedMinutes = nil
        a.reviewStatus = nil
        // duration → decimal days, rating → integer, body_map → multiple_choice of the regions.
        let changed: [String: String] = ["duration": "decimal", "rating": "integer", "body_map": "multiple_choice"]
        for s in a.sections.indices {
            for i in a.sections[s].items.indices {
                let type = a.sections[s].items[i].type
                if let newType = changed[type] {
                    a.sections[s].items[i] = Self.core(a.sections[s].items[i], type: newType)
                    b.sections[s].items[i] = Self.core(b.sections[s].items[i], type: newType)
                }
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        let left = String(decoding: try encoder.encode(a), as: UTF8.self)
        let right = String(decoding: try encoder.encode(b), as: UTF8.self)
        #expect(left == right)
        #expect(imported.items.count == original.items.count)
        #expect(imported.flags.count == original.flags.count)
        #expect(imported.scores.count == original.scores.count)
    }

    static func core(_ item: QuestionnaireDescription.ItemDescription, type: String) -> QuestionnaireDescription.ItemDescription {
        var copy = item
        copy.type = type
        copy.options = nil
        copy.regions = nil
        copy.min = nil
        copy.max = nil
        copy.unit = nil
        return copy
    }

    @Test func importedFHIRIsNotExportedAgain() throws {
        let q = try loadFHIRFixture("phq9.json")
        #expect(throws: FHIRExporter.Refusal.self) { try FHIRExporter.export(q) }
    }
}
