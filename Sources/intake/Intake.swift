import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

/// `intake`: the thin executable. It parses arguments and wires the libraries together;
/// all logic lives in IntakeCore and IntakeTerminal.
@main
struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "A symptom questionnaire for the terminal, with a clinician's summary.",
        discussion: """
        Exit codes: 0 ok, 1 invalid input (questionnaire or answers), 2 usage, 3 input/output error.
        """,
        subcommands: [
            RunCommand.self, ValidateCommand.self, DescribeCommand.self, FillCommand.self, SummarizeCommand.self,
            ExportFHIRCommand.self, KioskCommand.self, KioskCheckCommand.self, PrintCommand.self, KeygenCommand.self, OpenCommand.self,
            TerminalDemoCommand.self, JournalDemoCommand.self, BenchEngineCommand.self,
        ]
    )

    /// Runs the command and maps failures to the documented exit codes.
    static func main() {
        let code: Int32
        do {
            if let quick = QuickCommandLine.parse(Array(CommandLine.arguments.dropFirst())) {
                try quick.run()
            } else {
                var command = try parseHotCommand() ?? parseAsRoot()
                try command.run()
            }
            code = 0
        } catch let exit as ExitStatus {
            code = exit.rawValue
        } catch let exit as ExitCode {
            // A subcommand that chose its own status (e.g. 143 after SIGTERM).
            code = exit.rawValue
        } catch {
            let status = exitCode(for: error)
            if status == .success {
                print(fullMessage(for: error))
                code = 0
            } else {
                printError(fullMessage(for: error))
                code = status == .validationFailure ? ExitStatus.usage.rawValue : ExitStatus.invalidInput.rawValue
            }
        }
        Glibc.exit(code)
    }
}

extension Intake {
    /// The commands a patient waits for: parsed on their own when their arguments are
    /// well-formed.
    static let hotCommands: [String: ParsableCommand.Type] = ["run": RunCommand.self, "kiosk": KioskCommand.self]

    /// `intake run ...` or `intake kiosk ...` parsed without building the whole command
    /// tree and without the completion-script parsers (see the commands' `_superCommandName`):
    /// `parseAsRoot()` reflects the properties of the subcommands and of two completion
    /// pseudo-commands, millions of instructions before the first screen.
    /// nil for anything else, and for anything the short way does not accept (help,
    /// errors, completion requests): the full parser then handles it, so every message,
    /// usage line and exit code stays exactly what `parseAsRoot()` gives.
    /// The plainest command lines do not come here: they do not reach the argument parser
    /// at all (``QuickCommandLine``, tried first by ``main()``).
    static func parseHotCommand(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> ParsableCommand? {
        guard let name = arguments.first, let type = hotCommands[name],
              let command = try? type.parseAsRoot(Array(arguments.dropFirst())),
              Swift.type(of: command) == type else { return nil }
        return command
    }
}

/// The exit codes every subcommand uses (documented in docs/cli.md).
enum ExitStatus: Int32, Error {
    case ok = 0
    case invalidInput = 1
    case usage = 2
    case inputOutput = 3
}


/// Loads a questionnaire, printing its diagnostics; throws `invalidInput` when it has errors.
///
/// With a `cache`, a questionnaire compiled by this build from the same bytes is decoded
/// instead of parsed (no diagnostics to print: it had no errors, and callers that pass a
/// cache do not show warnings), and a freshly parsed one is stored for next time.
func loadQuestionnaire(
    _ path: String,
    showWarnings: Bool = true,
    maximumBytes: Int = SourceLimits.maximumFileBytes,
    cache: CompiledQuestionnaireStore? = nil
) throws -> Questionnaire {
    try StartingQuestionnaire.load(path, showWarnings: showWarnings, maximumBytes: maximumBytes, cache: cache, staging: false)
        .whole(path: path, maximumBytes: maximumBytes)
}

/// A loaded questionnaire, or (with `staging`, from the cache, vouched for by the file's
/// identity) one whose metadata is decoded and whose items are not yet: `intake run` draws
/// its welcome screen from the metadata and decodes the rest while the patient reads it.
enum StartingQuestionnaire {
    case whole(Questionnaire)
    /// From the cache in `store`, which holds the staged file.
    case staged(CompiledQuestionnaireCache.Staged, store: CompiledQuestionnaireStore)

    static func load(
        _ path: String, showWarnings: Bool, maximumBytes: Int, cache: CompiledQuestionnaireStore?, staging: Bool
    ) throws -> StartingQuestionnaire {
        var key: CompiledQuestionnaireCache.Key?
        var result: LoadResult?
        if let cache {
            switch cache.lookUp(path: path, limit: maximumBytes, staging: staging) {
            case .hit(let questionnaire):
                return .whole(questionnaire)
            case .staged(let staged):
                return .staged(staged, store: cache)
            case .miss(let missed, let source):
                key = missed
                result = QuestionnaireLoader.load(bytes: source, path: path, digest: missed.sourceDigest, maximumBytes: maximumBytes)
            case .unreadable:
                break
            }
        }
        let loaded = result ?? QuestionnaireLoader.load(path: path, maximumBytes: maximumBytes)
        for diagnostic in loaded.diagnostics where showWarnings || diagnostic.severity == .error {
            printError(diagnostic.description)
        }
        guard let questionnaire = loaded.questionnaire else {
            let readable = FileManager.default.isReadableFile(atPath: path)
            throw readable ? ExitStatus.invalidInput : ExitStatus.inputOutput
        }
        // The cache refuses a questionnaire whose recorded digest is not the key's.
        if let cache, let key { cache.save(questionnaire, key: key) }
        return .whole(questionnaire)
    }

    /// The whole questionnaire, or its metadata with no sections while staged.
    var preview: Questionnaire {
        switch self {
        case .whole(let questionnaire): questionnaire
        case .staged(let staged, _): staged.preview
        }
    }

    var isStaged: Bool {
        if case .staged = self { return true }
        return false
    }

    /// The whole questionnaire: checked and decoded now when staged, or (should the rest of
    /// the cache file be damaged) parsed from the file at `path`, and the cache file written
    /// again.
    func whole(path: String, maximumBytes: Int) throws -> Questionnaire {
        switch self {
        case .whole(let questionnaire):
            return questionnaire
        case .staged(let staged, let store):
            if let questionnaire = staged.finish() { return questionnaire }
            return try loadQuestionnaire(path, showWarnings: false, maximumBytes: maximumBytes, cache: store)
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    StandardStream.error(message + "\n")
}

/// Checks a `--lang` value against the questionnaire's languages.
func chooseLanguage(_ requested: String?, for questionnaire: Questionnaire) throws -> String {
    guard let requested else { return questionnaire.metadata.defaultLanguage }
    guard questionnaire.metadata.languages.contains(requested) else {
        printError("error: language '\(requested)' is not offered; choose one of: \(questionnaire.metadata.languages.joined(separator: ", "))")
        throw ExitStatus.usage
    }
    return requested
}
