import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore
import IntakeTerminal

/// `intake kiosk`: the unattended clinic kiosk loop (see docs/kiosk.md).
struct KioskCommand: ParsableCommand {
    /// `_superCommandName` only matters when this command is parsed on its own
    /// (``Intake/parseHotCommand(_:)``): it spares the two extra parsers that look for
    /// `--generate-completion-script` (which the full parser still handles).
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        _superCommandName: "intake",
        abstract: "Run the unattended kiosk: welcome, questions, thank-you, wipe, next patient.",
        discussion: """
        Reads the kiosk configuration (questionnaire, output folder, idle timeout, staff PIN hash, \
        printer, public key). Ctrl-C, Ctrl-Z, Ctrl-\\, Ctrl-D do nothing (Esc is Back). Staff leave with \
        F10, then the PIN and Enter (exit 0). A session left alone for the idle timeout shows \
        "Are you still there?"; without an answer it is discarded and the screen and scrollback wiped.
        An unfinished session is resumed after a crash only within the resume window.
        --check runs the same checks as 'intake kiosk-check'.
        """
    )

    /// The configuration file when `--config` is not given (``QuickCommandLine`` uses it too).
    static let defaultConfig = "/etc/intake/kiosk.yaml"

    @Option(name: .long, help: "The kiosk configuration file.")
    var config = KioskCommand.defaultConfig

    @Flag(name: .long, help: "Only check the configuration and environment (like 'intake kiosk-check').")
    var check = false

    @Option(name: .long, help: .hidden)
    var idleTimeout: Int?

    @Option(name: .long, help: .hidden)
    var countdown: Int?

    /// Resume window in seconds (tests); the configuration gives minutes.
    @Option(name: .long, help: .hidden)
    var resumeWindowSeconds: Int?

    @OptionGroup var cache: CacheOptions

    func run() throws {
        if check {
            var checker = KioskCheckCommand()
            checker.config = config
            try checker.run()
            return
        }
        let (loaded, diagnostics) = KioskConfigurationLoader.load(path: config)
        for diagnostic in diagnostics where diagnostic.severity == .error { printError(diagnostic.description) }
        guard let configuration = loaded, !diagnostics.hasErrors else {
            printError("\(config): the configuration has errors; run 'intake kiosk --check --config \(config)'")
            throw ExitStatus.invalidInput
        }
        let questionnaire = try loadQuestionnaire(configuration.questionnaire, showWarnings: false, cache: cache.store)
        let out = configuration.output
        let (store, lock) = try RunSettings.openFolder(out)
        defer { lock.release() }

        var sealer: ClinicPublicKey?
        if let key = configuration.encryptTo {
            do {
                sealer = try ClinicPublicKey(contentsOfFile: key)
            } catch {
                printError("error: \(key): \(error)")
                throw ExitStatus.invalidInput
            }
        }

        // A crashed session is resumed only within the resume window; anything else is discarded.
        let window: Duration = resumeWindowSeconds.map { .seconds($0) } ?? configuration.resumeWindow
        var resumed: (wizard: Wizard, language: String?)?
        var writer: DraftWriter?
        do {
            if let draft = try store.load() {
                if draft.resumeDecision(for: questionnaire, window: window, now: store.clock.now()) == .resume {
                    resumed = (draft.makeWizard(questionnaire: questionnaire).wizard, draft.language)
                    writer = try store.resume(draft)
                } else {
                    try store.discard()
                }
            }
        } catch {
            printError("error: \(error)")
            throw ExitStatus.inputOutput
        }

        guard let terminal = try? CursesTerminal() else {
            printError("error: the kiosk needs a terminal (standard input and output) that curses can drive")
            throw ExitStatus.inputOutput
        }
        if let draftLanguage = resumed?.language ?? resumed.map({ _ in questionnaire.metadata.defaultLanguage }) {
            // Someone else may be at the kiosk now: ask, and discard unless "Continue" is chosen in time.
            let limit = (idleTimeout ?? configuration.idleTimeoutSeconds) + (countdown ?? configuration.countdownSeconds)
            let choice = ResumePrompt.ask(terminal: terminal, language: draftLanguage, timeout: .seconds(limit))
            if choice != .resume {
                writer?.close()
                writer = nil
                resumed = nil
                try RunSettings.durably(closing: terminal) { try store.discard() }
                if choice == .cancelled {
                    terminal.close()
                    throw ExitStatus.inputOutput
                }
            }
        }
        let settings = KioskController.Settings(
            idleTimeoutSeconds: idleTimeout ?? configuration.idleTimeoutSeconds,
            countdownSeconds: countdown ?? configuration.countdownSeconds,
            staffPINHash: configuration.staffPINHash)
        let controller = KioskController(
            settings: settings, glyphs: terminal.capabilities.glyphs, now: SystemClock.monotonicNanoseconds(),
            makeWizard: { Wizard(questionnaire: questionnaire, today: .today()) }, resumed: resumed)
        let drafts = DraftSession(store: store, writer: writer)
        let clinicLanguage = configuration.headingLanguage ?? questionnaire.metadata.defaultLanguage
        let (outcome, _) = KioskLoop.run(
            terminal: terminal, controller: controller, drafts: drafts,
            onSubmit: { wizard, language in
                let outputs = IntakeOutputs(wizard: wizard, language: language, clinicLanguage: clinicLanguage,
                                            width: configuration.summaryWidth, submitted: .now())
                try Self.write(outputs, into: out, sealer: sealer, configuration: configuration)
            })
        terminal.close()
        switch outcome {
        case .staffExit:
            return
        case .inputEnded:
            printError("the terminal went away")
            throw ExitStatus.inputOutput
        case .signalled(let signal):
            Glibc.exit(signal.conventionalExitStatus)
        }
    }

    /// Writes the three files (sealed with `encrypt_to`), then prints the summary in the
    /// background when auto_print is on: the patient never waits for CUPS, and a failure
    /// leaves `NAME.unprinted` for `intake print --pending`.
    static func write(_ outputs: IntakeOutputs, into out: String, sealer: ClinicPublicKey?, configuration: KioskConfiguration) throws {
        let summaryName = outputs.baseName + ".summary.txt"
        var files = outputs.files
        if let sealer {
            files = try files.map { (name: $0.name + SealedFormat.suffix, contents: try sealer.seal($0.contents)) }
        }
        let paths = try OutputWriter.write(files, into: out)
        guard configuration.autoPrint else { return }
        let printer = configuration.printer
        let summaryPath = paths.first { $0.hasSuffix(summaryName) || $0.hasSuffix(summaryName + SealedFormat.suffix) } ?? paths[0]
        let plaintext: [UInt8]? = sealer == nil ? nil : Array(outputs.summary.utf8)
        DetachedThread.start {
            let spooler = PrintSpooler()
            if let plaintext {
                _ = try? spooler.printOrMark(bytes: plaintext, of: summaryPath, printer: printer)
            } else {
                _ = try? spooler.printOrMark(summaryPath, printer: printer)
            }
        }
    }
}
