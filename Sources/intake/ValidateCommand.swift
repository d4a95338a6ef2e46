import ArgumentParser
import IntakeCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaire files and report every problem as file:line:column.",
        discussion: "Diagnostics go to standard error. Exit 1 if any file has an error; warnings alone exit 0."
    )

    @Argument(help: "Questionnaire files (YAML).")
    var files: [String]

    func run() throws {
        var worst = ExitStatus.ok
        for file in files {
            let result = QuestionnaireLoader.load(path: file)
            for diagnostic in result.diagnostics { printError(diagnostic.description) }
            let errors = result.errors.count
            let warnings = result.warnings.count
            if result.questionnaire == nil && errors > 0 {
                worst = worst == .inputOutput ? worst : .invalidInput
            }
            printError("\(file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        }
        if worst != .ok { throw worst }
    }
}
