import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore
import IntakeTerminal

/// `intake bench-engine FILE`: load timing and per-answer engine cost, for `make bench` (hidden).
///
/// Loads FILE, then answers up to `--answers` items in flow order (yes to yes/no items, the
/// first option of choice items), timing each `setAnswer` (the engine update: visibility of
/// dependents) and the per-keystroke screen state (`next`, `progress`). Prints one JSON object.
/// With `--plain-script ANSWERS.json` it instead prints the lines a person would type in
/// plain mode to give those answers (so the bench can drive a whole intake on a terminal).
struct BenchEngineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-engine",
        abstract: "Time loading and per-answer updates of a questionnaire (for make bench).",
        shouldDisplay: false
    )

    @Argument(help: "A questionnaire file.")
    var file: String

    @Option(help: "How many items to answer (default: all).")
    var answers: Int?

    @Option(help: "Size cap in bytes, for generated files larger than the 4 MiB a clinic file may be.")
    var maxBytes: Int = SourceLimits.maximumFileBytes

    @Option(help: "Print the plain-mode lines that give the answers in this answers file, and stop.")
    var plainScript: String?

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let result = QuestionnaireLoader.load(path: file, maximumBytes: maxBytes)
        let loadTime = clock.now - started
        guard let questionnaire = result.questionnaire else {
            for diagnostic in result.diagnostics.prefix(5) { printError(diagnostic.description) }
            throw ExitStatus.invalidInput
        }
        if let plainScript {
            guard let data = FileManager.default.contents(atPath: plainScript) else { throw ExitStatus.inputOutput }
            let (given, _) = AnswerSet.decode(data, for: questionnaire)
            for line in PlainScript.lines(for: Dictionary(given, uniquingKeysWith: { $1 }), questionnaire: questionnaire) { print(line) }
            return
        }

        var wizard = Wizard(questionnaire: questionnaire, today: .today())
        let items = questionnaire.sections.flatMap(\.items).filter(\.takesAnswer)
        var update: [Double] = []
        var screen: [Double] = []
        var reevaluated: [Int] = []
        for item in items.prefix(answers ?? items.count) {
            guard let answer = Self.sampleAnswer(for: item) else { continue }
            let before = clock.now
            try? wizard.setAnswer(answer, for: item.id)
            let between = clock.now
            wizard.next()
            _ = wizard.progress
            let after = clock.now
            update.append(Self.microseconds(between - before))
            screen.append(Self.microseconds(after - between))
            reevaluated.append(wizard.lastReevaluationCount)
        }
        func stats(_ values: [Double]) -> String {
            let sorted = values.sorted()
            func at(_ q: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] }
            let mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
            return "{\"p50_us\": \(Self.fixed(at(0.5), 2)), \"p99_us\": \(Self.fixed(at(0.99), 2)), "
                + "\"max_us\": \(Self.fixed(sorted.last ?? 0, 2)), \"mean_us\": \(Self.fixed(mean, 2))}"
        }
        let itemCount = questionnaire.sections.reduce(0) { $0 + $1.items.count }
        print("""
        {"items": \(itemCount), "answered": \(update.count), "load_ms": \(Self.fixed(Self.microseconds(loadTime) / 1000, 3)), \
        "update": \(stats(update)), "next_and_progress": \(stats(screen)), \
        "max_reevaluated": \(reevaluated.max() ?? 0)}
        """)
    }

    /// `value` with exactly `digits` decimals (as `%.Nf`), for a value that is not negative.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let fraction = String(scaled % Int(scale))
        return "\(scaled / Int(scale))." + String(repeating: "0", count: digits - fraction.count) + fraction
    }

    static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }

    static func sampleAnswer(for item: Item) -> Answer? {
        switch item.kind {
        case .yesNo: return .yesNo(.yes)
        default:
            if let first = item.options.first { return .choice(first.id) }
            return nil
        }
    }
}
