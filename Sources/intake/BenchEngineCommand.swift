import ArgumentParser
import Foundation
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
            for line in Self.script(for: Dictionary(given, uniquingKeysWith: { $1 }), questionnaire: questionnaire) { print(line) }
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
            return String(format: "{\"p50_us\": %.2f, \"p99_us\": %.2f, \"max_us\": %.2f, \"mean_us\": %.2f}",
                          at(0.5), at(0.99), sorted.last ?? 0, sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count))
        }
        let itemCount = questionnaire.sections.reduce(0) { $0 + $1.items.count }
        print("""
        {"items": \(itemCount), "answered": \(update.count), "load_ms": \(String(format: "%.3f", Self.microseconds(loadTime) / 1000)), \
        "update": \(stats(update)), "next_and_progress": \(stats(screen)), \
        "max_reevaluated": \(reevaluated.max() ?? 0)}
        """)
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

    /// Types answers the way a person would in plain mode: the number of a listed choice,
    /// a date, "3 2" for an amount and the second unit (as the plain-mode end-to-end test does).
    static func typed(_ answer: Answer, for item: Item) -> String {
        switch (answer, item.kind) {
        case (.yesNo(let value), .yesNo(let notSure)):
            let choices: [YesNo] = notSure ? [.yes, .no, .notSure] : [.yes, .no]
            return String((choices.firstIndex(of: value) ?? 0) + 1)
        case (.choice(let id), _):
            return String((item.options.firstIndex { $0.id == id } ?? 0) + 1)
        case (.choices(let ids), _):
            return ids.compactMap { id in item.options.firstIndex { $0.id == id }.map { String($0 + 1) } }.joined(separator: " ")
        case (.regions(let ids), .bodyMap(let spec)):
            return ids.compactMap { id in spec.regions.firstIndex { $0.id == id }.map { String($0 + 1) } }.joined(separator: " ")
        case (.number(let n), _): return Value.number(n).description
        case (.date(let date), _): return date.description
        case (.duration(let duration), .duration(let spec)):
            return "\(Value.number(duration.amount)) \((spec.units.firstIndex(of: duration.unit) ?? 0) + 1)"
        case (.text(let text), _): return text
        case (.unknown, _): return "0"
        default: return ""
        }
    }

    /// The lines a person would type to give `answers`, found by running plain mode in memory.
    static func script(for answers: [String: Answer], questionnaire: Questionnaire) -> [String] {
        final class Responder: LineIO {
            var session: PlainSession?
            var typed: [String] = []
            let answers: [String: Answer]
            var submitted = false
            init(answers: [String: Answer]) { self.answers = answers }
            func write(_ text: String) {}
            func readLine() -> String? {
                guard let session, typed.count < 2000 else { return nil }
                let line: String
                if typed.isEmpty {
                    line = "1"
                } else if session.wizard.position == .review {
                    line = submitted ? "y" : "s"
                    submitted.toggle()
                } else if let item = session.wizard.currentItem, let answer = answers[item.id], session.wizard.answer(for: item.id) != answer {
                    line = BenchEngineCommand.typed(answer, for: item)
                } else {
                    line = ""
                }
                typed.append(line)
                return line
            }
        }
        let responder = Responder(answers: answers)
        let session = PlainSession(wizard: Wizard(questionnaire: questionnaire, today: .today()), io: responder)
        responder.session = session
        _ = session.run()
        return responder.typed
    }
}
