import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

/// `intake print`: hands a summary to CUPS, or retries every summary left unprinted.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print a summary through CUPS, or retry the summaries left unprinted.",
        discussion: """
        A file that cannot be printed (unknown or stopped printer, CUPS not running) is marked \
        with a sibling FILE.unprinted; 'intake print --pending --out DIR' retries those.
        Exit 0 when everything printed, 3 when something is still pending.
        """
    )

    @Argument(help: "The summary file to print.")
    var file: String?

    @Option(name: .long, help: "CUPS queue (default: the CUPS default destination).")
    var printer: String?

    @Flag(name: .long, help: "Retry every file marked unprinted in the output folder.")
    var pending = false

    @Option(name: .long, help: "The output folder (with --pending).")
    var out = "."

    @Option(name: .customLong("option"), help: "An lp -o option for every job, e.g. cpi=17 (repeatable).")
    var options: [String] = []

    func validate() throws {
        if pending == (file != nil) {
            throw ValidationError("give either a FILE or --pending")
        }
    }

    func run() throws {
        let spooler = PrintSpooler(options: options)
        if pending {
            let results = spooler.printPending(in: out, printer: printer)
            if results.isEmpty { print("nothing pending in \(out)") }
            var left = 0
            for (file, result) in results {
                switch result {
                case .success(.printed(let id)): print("\(file): printed (\(id))")
                case .success(.pending(let failure)): left += 1; printError("\(file): still pending: \(failure)")
                case .failure(let error): left += 1; printError("\(file): \(error)")
                }
            }
            if left > 0 { throw ExitStatus.inputOutput }
            return
        }
        guard let file else { throw ExitStatus.usage }
        guard FileManager.default.isReadableFile(atPath: file) else {
            printError("\(file): cannot read the file")
            throw ExitStatus.inputOutput
        }
        do {
            switch try spooler.printOrMark(file, printer: printer) {
            case .printed(let id):
                print("\(file): printed (\(id))")
            case .pending(let failure):
                printError("\(file): not printed: \(failure); marked for 'intake print --pending'")
                throw ExitStatus.inputOutput
            }
        } catch let error as DurabilityError {
            printError("\(file): not printed, and the unprinted mark could not be written: \(error)")
            throw ExitStatus.inputOutput
        }
    }
}
