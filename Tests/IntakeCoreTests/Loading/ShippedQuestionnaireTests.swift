import Foundation
import Testing
@testable import IntakeCore

/// Every questionnaire shipped in Questionnaires/ loads without an error or a warning.
@Suite struct ShippedQuestionnaireTests {
    static var files: [String] {
        let folder = repositoryRoot.appendingPathComponent("Questionnaires")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    @Test func thereAreQuestionnaires() {
        #expect(Self.files.contains { $0.hasSuffix("dermatomyositis.yaml") })
    }

    @Test(arguments: files)
    func loadsWithoutDiagnostics(path: String) {
        let result = QuestionnaireLoader.load(path: path)
        #expect(result.diagnostics.map(\.description) == [])
        #expect(result.questionnaire?.metadata.sourceDigest.count == 64)
    }
}
