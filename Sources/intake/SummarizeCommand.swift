import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
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

    @Argument(help: "Result files (*.result.json), or folders holding them. More than one needs --out.")
    var results: [String]

    @Option(help: "Summary width in columns: 80, or 40 for receipt printers.")
    var width: Int = 80

    @Option(help: "An earlier result of the same patient (*.result.json); only with one result.")
    var previous: String?

    @Option(help: "Language code of the clinic: headings, labels and staff messages (default en).")
    var lang: String = "en"

    @Option(help: "The questionnaire file, when it is not at the path recorded in the result.")
    var questionnaire: String?

    @Option(help: "Write each summary to DIR/<name>.summary.txt (created 0700) instead of printing it.")
    var out: String?

    @Flag(help: "Show a progress bar on standard error.")
    var progress = false

    func validate() throws {
        guard width == 80 || width == 40 else { throw ValidationError("--width must be 80 or 40") }
        guard !results.isEmpty else { throw ValidationError("give at least one result file") }
    }

    func run() throws {
        let files = try expandedResults()
        guard files.count == 1 || out != nil else {
            printError("error: \(files.count) results: pass --out DIR to write one summary file each")
            throw ExitStatus.usage
        }
        guard files.count == 1 || previous == nil else {
            printError("error: --previous needs exactly one result")
            throw ExitStatus.usage
        }
        let earlier = try previous.map(readResult)
        var batches: [String: SummaryBatch] = [:]
        var worst: ExitStatus = .ok
        let bar = progress ? ProgressBar(total: files.count) : nil
        for (index, file) in files.enumerated() {
            do {
                let text = try summary(of: file, earlier: earlier, batches: &batches)
                if let out {
                    try write(text, for: file, into: out, sync: files.count == 1)
                } else {
                    print(String(decoding: text, as: UTF8.self), terminator: "")
                }
            } catch let status as ExitStatus {
                if status.rawValue > worst.rawValue { worst = status }
            }
            bar?.update(index + 1)
        }
        bar?.finish()
        if let out, files.count > 1, worst != .inputOutput {
            do {
                try OutputWriter.syncEverything(folder: out)
            } catch {
                printError("error: \(error)")
                throw ExitStatus.inputOutput
            }
        }
        if worst != .ok { throw worst }
    }

    /// Result files in the order given; a folder stands for its `*.result.json` files, sorted.
    func expandedResults() throws -> [String] {
        var files: [String] = []
        for path in results {
            var info = stat()
            if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                    printError("error: cannot read the folder '\(path)'")
                    throw ExitStatus.inputOutput
                }
                files += names.filter { $0.hasSuffix(".result.json") }.sorted().map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// One summary; the questionnaire of each path is loaded once per run, and its
    /// ``SummaryBatch`` reuses what depends only on the questionnaire.
    func summary(of file: String, earlier: IntakeResult?, batches: inout [String: SummaryBatch]) throws -> [UInt8] {
        let current = try read(file) { bytes throws(IntakeResult.ReadProblem) in try RecordedAnswers(resultJSON: bytes) }
        let path = questionnaire ?? current.provenance.sourceFile
        let batch: SummaryBatch
        if let cached = batches[path] {
            batch = cached
        } else {
            guard FileManager.default.isReadableFile(atPath: path) else {
                printError("error: cannot read the questionnaire '\(path)' recorded in the result; pass --questionnaire FILE")
                throw ExitStatus.inputOutput
            }
            let loaded = try loadQuestionnaire(path, showWarnings: false)
            batch = SummaryBatch(questionnaire: loaded, options: SummaryOptions(width: width, clinicLanguage: lang, previous: earlier))
            batches[path] = batch
        }
        let wizard: Wizard
        do {
            wizard = try batch.replay(current)
        } catch {
            printError("error: \(file): \(error)")
            throw ExitStatus.invalidInput
        }
        if let earlier, let nameItem = batch.questionnaire.summaryLayout.nameItem, earlier.answers[nameItem] != current.answer(nameItem) {
            printError("warning: the previous result names another patient; check that it belongs to this one")
        }
        return batch.renderUTF8(wizard, provenance: current.provenance)
    }

    /// One summary file; a batch syncs once at the end instead of per file.
    func write(_ text: [UInt8], for file: String, into folder: String, sync: Bool) throws {
        var name = PathText.lastComponent(of: file)
        if name.hasSuffix(".result.json") { name.removeLast(".result.json".count) }
        do {
            try OutputWriter.write([(name + ".summary.txt", text)], into: folder, sync: sync)
        } catch {
            printError("error: \(error)")
            throw ExitStatus.inputOutput
        }
    }

    /// A whole result (the earlier one of `--previous`: its scores are shown).
    func readResult(_ path: String) throws -> IntakeResult {
        try read(path) { bytes throws(IntakeResult.ReadProblem) in try IntakeResult(resultJSON: bytes) }
    }

    /// What `parse` reads from the result file at `path`; a file that cannot be read or is
    /// not a result is reported.
    func read<Value>(_ path: String, _ parse: (Data) throws(IntakeResult.ReadProblem) -> Value) throws -> Value {
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("error: cannot read the result file '\(path)'")
            throw ExitStatus.inputOutput
        }
        do {
            return try parse(data)
        } catch {
            printError("error: '\(path)' is not a result file: \(error)")
            throw ExitStatus.invalidInput
        }
    }
}

/// A one-line progress bar on standard error, redrawn at most about 20 times a second.
final class ProgressBar {
    let total: Int
    private var lastDrawn = ContinuousClock.now - .seconds(1)
    private let interactive = isatty(2) == 1

    init(total: Int) { self.total = total }

    func update(_ done: Int) {
        let now = ContinuousClock.now
        guard done == total || now - lastDrawn >= .milliseconds(50) else { return }
        lastDrawn = now
        let width = 30
        let filled = total == 0 ? width : width * done / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line = "[\(bar)] \(done)/\(total)"
        StandardStream.error(interactive ? "\r" + line : line + "\n")
    }

    func finish() {
        if interactive { StandardStream.error("\n") }
    }
}
