import Foundation
import IntakeCore
import Testing
@testable import IntakeTerminal

/// Plain mode driven through a pipe, as a script or a screen-reader user's terminal would:
/// the real binary answers a whole dermatomyositis intake and writes its three files.
@Suite struct PlainPipeEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let binary = root.appendingPathComponent(".build/debug/intake").path
    static let questionnairePath = root.appendingPathComponent("Questionnaires/dermatomyositis.yaml").path

    @Test func aWholeIntakeThroughAPipeWritesTheThreeFiles() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let questionnaire = try #require(QuestionnaireLoader.load(path: Self.questionnairePath).questionnaire)
        let answersFile = Self.root.appendingPathComponent("Tests/IntakeCoreTests/Fixtures/answers/classic-weakness.json")
        let (answers, problems) = AnswerSet.decode(try Data(contentsOf: answersFile), for: questionnaire)
        #expect(problems.isEmpty)
        let lines = PlainScript.lines(for: Dictionary(uniqueKeysWithValues: answers), questionnaire: questionnaire)

        let out = FileManager.default.temporaryDirectory.appendingPathComponent("plain-e2e-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["run", Self.questionnairePath, "--out", out]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        input.fileHandleForWriting.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        try input.fileHandleForWriting.close()
        let transcript = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0, "\(transcript.suffix(2000))")
        #expect(transcript.contains("Thank you"))
        #expect(!transcript.contains("\u{1B}"), "plain mode never writes escape sequences")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.count == 3)
        #expect(files.contains { $0.hasSuffix(".summary.txt") })
        let summaryName = try #require(files.first { $0.hasSuffix(".summary.txt") })
        let summary = try String(contentsOfFile: out + "/" + summaryName, encoding: .utf8)
        #expect(summary.contains("Max Mustermann"))
        #expect(summary.contains("RED FLAGS"))
    }

    @Test func endOfInputExitsWithAnInputOutputError() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["run", Self.questionnairePath, "--out", FileManager.default.temporaryDirectory.path + "/unused-\(UUID().uuidString)"]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let started = Date()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 3)
        #expect(Date().timeIntervalSince(started) < 10, "it stops instead of spinning")
    }
}
