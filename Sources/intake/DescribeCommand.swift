import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

struct DescribeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "describe",
        abstract: "Show the compiled questionnaire: sections, items, options, scores and flags."
    )

    @Argument(help: "A questionnaire file.")
    var file: String

    @Flag(help: "Print JSON (shape documented in docs/cli.md).")
    var json = false

    @Option(help: "Language code for texts (default: the questionnaire's default language).")
    var lang: String?

    func run() throws {
        let questionnaire = try loadQuestionnaire(file, showWarnings: false)
        let description = QuestionnaireDescription(questionnaire, language: try chooseLanguage(lang, for: questionnaire))
        if json {
            StandardStream.output(try description.jsonData())
            print()
        } else {
            print(description.text, terminator: "")
        }
    }
}
