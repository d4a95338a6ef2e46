import ArgumentParser
import Foundation
import IntakeCore

struct SummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Print the clinician's summary of a saved result again.",
        discussion: """
        The questionnaire is found at the path recorded in the result, or given with --questionnaire; \
        it must be byte for byte the file the result was made with (its SHA-256 is checked). \
        With --previous, the key scores get a "change since last visit" column that marks changes of 20% or more.
        """
    )

    @Argument(help: "A result file (*.result.json).")
    var result: String

    @Option(help: "Summary width in columns: 80, or 40 for receipt printers.")
    var width: Int = 80

    @Option(help: "An earlier result of the same patient (*.result.json).")
    var previous: String?

    @Option(help: "Language code of the clinic: headings, labels and staff messages (default en).")
    var lang: String = "en"

    @Option(help: "The questionnaire file, when it is not at the path recorded in the result.")
    var questionnaire: String?

    func validate() throws {
        guard width == 80 || width == 40 else { throw ValidationError("--width must be 80 or 40") }
    }

    func run() throws {
        let current = try readResult(result)
        let earlier = try previous.map(readResult)
        let path = questionnaire ?? current.provenance.sourceFile
        guard FileManager.default.isReadableFile(atPath: path) else {
            printError("error: cannot read the questionnaire '\(path)' recorded in the result; pass --questionnaire FILE")
            throw ExitStatus.inputOutput
        }
        let loaded = try loadQuestionnaire(path, showWarnings: false)
        let wizard: Wizard
        do {
            wizard = try current.replay(on: loaded)
        } catch {
            printError("error: \(result): \(error)")
            throw ExitStatus.invalidInput
        }
        if let earlier, let nameItem = loaded.summaryLayout.nameItem, earlier.answers[nameItem] != current.answers[nameItem] {
            printError("warning: the previous result names another patient; check that it belongs to this one")
        }
        let options = SummaryOptions(width: width, clinicLanguage: lang, previous: earlier)
        print(SummaryRenderer.render(wizard: wizard, result: current, options: options), terminator: "")
    }

    func readResult(_ path: String) throws -> IntakeResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("error: cannot read the result file '\(path)'")
            throw ExitStatus.inputOutput
        }
        do {
            return try IntakeOutputs.decodeResult(data)
        } catch {
            printError("error: '\(path)' is not a result file: \(error)")
            throw ExitStatus.invalidInput
        }
    }
}
