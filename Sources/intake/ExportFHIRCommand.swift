import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
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
            StandardStream.output(try FHIRExporter.export(questionnaire))
        } catch {
            printError("error: \(error)")
            throw ExitStatus.invalidInput
        }
    }
}
