import Foundation
import Testing

/// `intake run` and `intake kiosk` are parsed the short way (without the whole command
/// tree); help, usage errors and their exit codes must stay what the full parser gives.
@Suite struct HotCommandParsingTests {
    @Test(arguments: [["run", "--bogus"], ["run"], ["kiosk", "--idle-timeout", "soon"], ["run", "a.yaml", "--theme", "pink"]])
    func aUsageErrorNamesTheWholeCommandAndExits2(_ arguments: [String]) throws {
        let result = try runProgram(try intakeExecutable(), arguments)
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.errors.contains("Usage: intake \(arguments[0])"), "\(result.errors)")
    }

    @Test(arguments: ["run", "kiosk"])
    func helpIsTheFullParsersHelp(_ command: String) throws {
        let executable = try intakeExecutable()
        let short = try runProgram(executable, [command, "--help"])
        let full = try runProgram(executable, ["help", command])
        #expect(short.status == 0)
        #expect(short.output == full.output)
        #expect(short.output.contains("USAGE: intake \(command)"))
    }

    @Test func aWellFormedRunIsRun() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("hot-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let path = repositoryRoot.appendingPathComponent("Questionnaires/dermatomyositis.yaml").path
        let result = try runProgram(try intakeExecutable(), ["run", path, "--plain", "--lang", "de", "--out", out, "--no-cache"], input: "")
        #expect(result.status == 3, "input ended before the end: \(result.errors)")
        #expect(result.output.contains("> "), "the first question was asked")
        #expect(FileManager.default.fileExists(atPath: out))
    }
}
