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

    /// Types answers the way a person would in plain mode: the number of a listed choice,
    /// a date, "3 2" for an amount and the second unit.
    static func typed(_ answer: Answer, for item: Item) -> String {
        switch (answer, item.kind) {
        case (.yesNo(let value), .yesNo(let notSure)):
            let choices: [YesNo] = notSure ? [.yes, .no, .notSure] : [.yes, .no]
            return String((choices.firstIndex(of: value) ?? 0) + 1)
        case (.choice(let id), _):
            return String((item.options.firstIndex { $0.id == id } ?? 0) + 1)
        case (.choices(let ids), _):
            return ids.compactMap { id in item.options.firstIndex { $0.id == id }.map { String($0 + 1) } }.joined(separator: " ")
        case (.regions(let ids), .bodyMap(let spec)):
            return ids.compactMap { id in spec.regions.firstIndex { $0.id == id }.map { String($0 + 1) } }.joined(separator: " ")
        case (.number(let n), _): return Value.number(n).description
        case (.date(let date), _): return date.description
        case (.duration(let duration), .duration(let spec)):
            return "\(Value.number(duration.amount)) \((spec.units.firstIndex(of: duration.unit) ?? 0) + 1)"
        case (.text(let text), _): return text
        case (.unknown, _): return "0"
        default: return ""
        }
    }

    /// The lines a person would type to give `answers`, found by running plain mode in memory.
    static func script(for answers: [String: Answer], questionnaire: Questionnaire) -> [String] {
        final class Responder: LineIO {
            var session: PlainSession?
            var typed: [String] = []
            let answers: [String: Answer]
            var submitted = false
            init(answers: [String: Answer]) { self.answers = answers }
            func write(_ text: String) {}
            func readLine() -> String? {
                guard let session, typed.count < 2000 else { return nil }
                let line: String
                if typed.isEmpty {
                    line = "1"
                } else if session.wizard.position == .review {
                    line = submitted ? "y" : "s"
                    submitted.toggle()
                } else if let item = session.wizard.currentItem, let answer = answers[item.id], session.wizard.answer(for: item.id) != answer {
                    line = PlainPipeEndToEndTests.typed(answer, for: item)
                } else {
                    line = ""
                }
                typed.append(line)
                return line
            }
        }
        let responder = Responder(answers: answers)
        let session = PlainSession(wizard: Wizard(questionnaire: questionnaire, today: .today()), io: responder)
        responder.session = session
        _ = session.run()
        return responder.typed
    }

    @Test func aWholeIntakeThroughAPipeWritesTheThreeFiles() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the package first")
        let questionnaire = try #require(QuestionnaireLoader.load(path: Self.questionnairePath).questionnaire)
        let answersFile = Self.root.appendingPathComponent("Tests/IntakeCoreTests/Fixtures/answers/classic-weakness.json")
        let (answers, problems) = AnswerSet.decode(try Data(contentsOf: answersFile), for: questionnaire)
        #expect(problems.isEmpty)
        let lines = Self.script(for: Dictionary(uniqueKeysWithValues: answers), questionnaire: questionnaire)

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
