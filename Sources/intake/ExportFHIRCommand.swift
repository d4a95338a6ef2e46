import ArgumentParser
import Foundation
import IntakeCore

/// `intake export-fhir FILE.yaml`: the questionnaire as a FHIR R4 Questionnaire (docs/fhir.md).
struct ExportFHIRCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-fhir",
        abstract: "Write a questionnaire as a FHIR R4 Questionnaire (JSON) on standard output.",
        discussion: "Importing the output gives the same 'describe --json' except for the differences in docs/fhir.md."
    )

    @Argument(help: "A questionnaire file.")
    var file: String

    func run() throws {
        let questionnaire = try loadQuestionnaire(file, showWarnings: false)
        do {
            FileHandle.standardOutput.write(Data(try FHIRExporter.export(questionnaire).utf8))
        } catch {
            printError("error: \(error)")
            throw ExitStatus.invalidInput
        }
    }
}
