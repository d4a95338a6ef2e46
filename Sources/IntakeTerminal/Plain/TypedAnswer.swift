import FoundationEssentials
import IntakeCore

/// Turns what a person typed into an answer for an item: numbers of listed choices,
/// numbers with a comma or a point, dates as 2024-05-31 or 31.05.2024, durations as
/// "3 months" or "3 3" (amount and unit number).
enum TypedAnswer {
    enum Outcome: Equatable {
        case answer(Answer)
        case invalid(String)
    }

    static func parse(_ line: String, for item: Item, language: String) -> Outcome {
        let text = line.trimmingWhitespace()
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
        switch item.kind {
        case .yesNo(let notSure):
            let choices: [YesNo] = notSure ? [.yes, .no, .notSure] : [.yes, .no]
            if let number = Int(text), (1...choices.count).contains(number) { return .answer(.yesNo(choices[number - 1])) }
            let lowered = text.lowercased()
            for choice in choices where lowered == label(choice, language).lowercased() || lowered == String(label(choice, language).lowercased().prefix(1)) && choice != .notSure {
                return .answer(.yesNo(choice))
            }
            return .invalid(pick(1, choices.count, language))
        case .singleChoice(let options):
            guard let number = Int(text), (1...options.count).contains(number) else { return .invalid(pick(1, options.count, language)) }
            return .answer(.choice(options[number - 1].id))
        case .multipleChoice(let options):
            guard let numbers = numbers(words, upTo: options.count) else { return .invalid(pick(1, options.count, language)) }
            var chosen = numbers.map { options[$0 - 1] }
            if let exclusive = chosen.last(where: \.exclusive) { chosen = [exclusive] }
            return .answer(.choices(chosen.map(\.id)))
        case .bodyMap(let spec):
            guard let numbers = numbers(words, upTo: spec.regions.count) else { return .invalid(pick(1, spec.regions.count, language)) }
            return .answer(.regions(numbers.map { spec.regions[$0 - 1].id }))
        case .integer(let spec), .decimal(let spec):
            guard let number = Double(text.replacingEvery(",", with: ".")), number.isFinite else {
                return .invalid(range(spec.minimum, spec.maximum, language))
            }
            return .answer(.number(number))
        case .rating(let spec):
            guard let number = Int(text) else { return .invalid(range(Double(spec.minimum), Double(spec.maximum), language)) }
            return .answer(.number(Double(number)))
        case .date(let spec):
            if spec.allowsUnknown && text == "0" { return .answer(.unknown) }
            guard let date = parseDate(text, precision: spec.precision) else { return .invalid(InterfaceText.invalidDate.text(language)) }
            return .answer(.date(date))
        case .duration(let spec):
            if spec.allowsUnknown && text == "0" { return .answer(.unknown) }
            guard words.count == 2, let amount = Double(String(words[0]).replacingEvery(",", with: ".")) else {
                return .invalid(InterfaceText.amount.text(language))
            }
            let unit: DurationUnit?
            if let number = Int(words[1]), (1...spec.units.count).contains(number) {
                unit = spec.units[number - 1]
            } else {
                unit = spec.units.first { words[1].lowercased() == AnswerText.unitName($0, language: language).lowercased() || words[1].lowercased() == $0.rawValue }
            }
            guard let unit else { return .invalid(InterfaceText.unit.text(language)) }
            return .answer(.duration(DurationAnswer(amount: amount, unit: unit)))
        case .shortText, .longText:
            return .answer(.text(line))
        case .note:
            return .invalid("")
        }
    }

    static func label(_ choice: YesNo, _ language: String) -> String {
        switch choice {
        case .yes: InterfaceText.yes.text(language)
        case .no: InterfaceText.no.text(language)
        case .notSure: InterfaceText.notSure.text(language)
        }
    }

    private static func numbers(_ words: [String], upTo count: Int) -> [Int]? {
        let numbers = words.compactMap(Int.init)
        guard numbers.count == words.count, numbers.allSatisfy({ (1...count).contains($0) }) else { return nil }
        return Array(Set(numbers)).sorted()
    }

    private static func pick(_ low: Int, _ high: Int, _ language: String) -> String {
        InterfaceText.outOfRange.text(language, low, high)
    }

    private static func range(_ low: Double?, _ high: Double?, _ language: String) -> String {
        InterfaceText.outOfRange.text(language, low.map { Value.number($0).description } ?? "…", high.map { Value.number($0).description } ?? "…")
    }

    /// `2024-05-31`, `31.05.2024`, `31/05/2024`; month precision: `2024-05`, `05.2024`, `05/2024`.
    static func parseDate(_ text: String, precision: DateSpec.Precision) -> PartialDate? {
        if let iso = PartialDate(iso: text) {
            return (precision == .month) == (iso.day == nil) ? iso : nil
        }
        let parts = text.split(whereSeparator: { $0 == "." || $0 == "/" }).map(String.init)
        let numbers = parts.compactMap(Int.init)
        guard numbers.count == parts.count else { return nil }
        func padded(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch (precision, numbers.count) {
        case (.day, 3): return PartialDate(iso: "\(numbers[2])-\(padded(numbers[1]))-\(padded(numbers[0]))")
        case (.month, 2): return PartialDate(iso: "\(numbers[1])-\(padded(numbers[0]))")
        default: return nil
        }
    }
}
