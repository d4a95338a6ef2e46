import ArgumentParser
import Foundation
import IntakeCore
import IntakeTerminal

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ask the questionnaire interactively: full screen in a terminal, numbered prompts otherwise.",
        discussion: """
        Plain mode (numbered line prompts, no cursor movement or colour) is used with --plain, with TERM=dumb, \
        when standard input or output is not a terminal, or when the terminal cannot be started. \
        It suits screen readers, serial consoles and scripts.
        """
    )

    @Argument(help: "A questionnaire file.")
    var file: String

    @Option(help: "Output folder (created 0700).")
    var out = "intake-output"

    @Option(help: "Language code (default: ask the patient).")
    var lang: String?

    @Flag(help: "Use numbered line prompts instead of the full-screen wizard.")
    var plain = false

    func run() throws {
        let questionnaire = try loadQuestionnaire(file, showWarnings: false)
        let language = try lang.map { try chooseLanguage($0, for: questionnaire) }
        let wizard = Wizard(questionnaire: questionnaire, today: .today())
        let session = PlainSession(wizard: wizard, language: language, io: StandardLineIO())
        switch session.run(askLanguage: language == nil) {
        case .completed:
            do {
                _ = try SubmittedIntake.write(session.wizard, language: session.language, to: out)
            } catch {
                print(InterfaceText.frontDesk.text(session.language))
                printError("error: the answers could not be saved: \(error)")
                throw ExitStatus.inputOutput
            }
            print(InterfaceText.thankYouTitle.text(session.language))
            print(InterfaceText.thankYouText.text(session.language))
        case .endOfInput:
            printError("input ended before the questionnaire was submitted")
            throw ExitStatus.inputOutput
        }
    }
}
