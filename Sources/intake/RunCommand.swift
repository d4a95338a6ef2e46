import ArgumentParser
import Foundation
import IntakeCore
import IntakeTerminal

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Ask the questionnaire interactively: full screen in a terminal, numbered prompts otherwise.",
        discussion: """
        The full-screen wizard is used when standard input and output are terminals, TERM is not \
        'dumb', --plain is not given and curses starts. After the answers are sent, a thank-you screen \
        stays until Enter is pressed (or for 2 minutes), then the program exits with status 0.
        Plain mode (numbered line prompts, no cursor movement or colour) is used otherwise. \
        It suits screen readers, serial consoles and scripts.
        """
    )

    /// The colour scheme, as typed on the command line.
    enum ThemeOption: String, ExpressibleByArgument, CaseIterable {
        case `default`
        case highContrast = "high-contrast"
        case monochrome

        var theme: Theme {
            switch self {
            case .default: .default
            case .highContrast: .highContrast
            case .monochrome: .monochrome
            }
        }
    }

    @Argument(help: "A questionnaire file.")
    var file: String

    @Option(help: "Output folder (created 0700).")
    var out = "intake-output"

    @Option(help: "Language code (default: ask the patient).")
    var lang: String?

    @Flag(help: "Use numbered line prompts instead of the full-screen wizard.")
    var plain = false

    @Option(help: "Colours of the full-screen wizard: default, high-contrast or monochrome (automatic without colours).")
    var theme: ThemeOption = .default

    func run() throws {
        let questionnaire = try loadQuestionnaire(file, showWarnings: false)
        let language = try lang.map { try chooseLanguage($0, for: questionnaire) }
        let wizard = Wizard(questionnaire: questionnaire, today: .today())
        if wantsFullScreen, let terminal = try? CursesTerminal(options: CursesTerminal.Options(theme: theme.theme)) {
            try runFullScreen(wizard: wizard, language: language, terminal: terminal)
            return
        }
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

    /// Terminals on both ends, a TERM that can address the screen, and no --plain.
    private var wantsFullScreen: Bool {
        let term = ProcessInfo.processInfo.environment["TERM"] ?? ""
        return !plain && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && !term.isEmpty && term != "dumb"
    }

    private func runFullScreen(wizard: Wizard, language: String?, terminal: CursesTerminal) throws {
        let ui = WizardUI(engine: wizard, language: language, glyphs: terminal.capabilities.glyphs, showWelcome: true)
        let (outcome, _) = WizardApp.run(
            terminal: terminal, ui: ui,
            saveDraft: { _, _ in
                // The durable draft store plugs in here (it persists after every answer).
            },
            onSubmit: { _, _ in
                // The outputs writer plugs in here (summary, result JSON, FHIR).
            })
        terminal.close()
        switch outcome {
        case .submitted:
            return
        case .left:
            printError("left before submitting; the answers so far are kept")
        case .inputEnded:
            printError("the terminal went away before the questionnaire was submitted")
            throw ExitStatus.inputOutput
        case .signalled(let signal):
            Foundation.exit(signal.conventionalExitStatus)
        }
    }
}
