import Foundation
import Testing

/// `intake summarize` with several results: one summary file each, the same text as the
/// single-result form prints, and the usage error without --out.
@Suite struct SummarizeBatchEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/intake").path
    static let questionnaire = root.appendingPathComponent("Questionnaires/dermatomyositis.yaml").path

    @discardableResult
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func severalResultsGiveOneSummaryFileEach() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("summarize-batch-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: work) }
        let fixtures = Self.root.appendingPathComponent("Tests/IntakeCoreTests/Fixtures/answers").path
        for name in ["all-no", "choking"] {
            try #require(try Self.run(["fill", Self.questionnaire, "--answers", "\(fixtures)/\(name).json", "--out", work + "/results"]).status == 0)
        }
        let results = try FileManager.default.contentsOfDirectory(atPath: work + "/results").filter { $0.hasSuffix(".result.json") }.sorted()
        try #require(results.count == 2)

        #expect(try Self.run(["summarize"] + results.map { work + "/results/" + $0 }).status == 2, "more than one result needs --out")

        let batch = try Self.run(["summarize", work + "/results", "--out", work + "/summaries", "--progress"])
        #expect(batch.status == 0)
        for result in results {
            let name = String(result.dropLast(".result.json".count)) + ".summary.txt"
            let written = try String(contentsOfFile: work + "/summaries/" + name, encoding: .utf8)
            let printed = try Self.run(["summarize", work + "/results/" + result]).output
            #expect(written == printed)
        }
    }
}
