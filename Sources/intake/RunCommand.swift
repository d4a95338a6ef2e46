import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore
import IntakeTerminal

struct RunCommand: ParsableCommand {
    /// `_superCommandName` only matters when this command is parsed on its own
    /// (``Intake/parseHotCommand(_:)``): it spares the two extra parsers that look for
    /// `--generate-completion-script` (which the full parser still handles).
    static let configuration = CommandConfiguration(
        commandName: "run",
        _superCommandName: "intake",
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

    /// The output folder when `--out` is not given (``QuickCommandLine`` uses it too).
    static let defaultOut = "intake-output"

    @Option(help: "Output folder (created 0700).")
    var out = RunCommand.defaultOut

    @Option(help: "Language code (default: ask the patient).")
    var lang: String?

    @Flag(help: "Use numbered line prompts instead of the full-screen wizard.")
    var plain = false

    @Option(help: "Colours of the full-screen wizard: default, high-contrast or monochrome (automatic without colours).")
    var theme: ThemeOption = .default

    /// For `make bench` only: its 100,000-item generated questionnaire is over the 4 MiB cap.
    @Option(help: .hidden)
    var maxBytes: Int = SourceLimits.maximumFileBytes

    @OptionGroup var cache: CacheOptions

    /// The settings the options give (the session itself runs without the argument parser:
    /// ``RunSettings``).
    var settings: RunSettings {
        RunSettings(file: file, out: out, lang: lang, plain: plain, theme: theme, maxBytes: maxBytes, cache: cache.settings)
    }

    func run() throws {
        try settings.run()
    }
}
