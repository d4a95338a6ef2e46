/// How an answer reads in the clinician's summary: options by their labels, yes/no and
/// "not sure" in the clinic's language, numbers with units, durations with unit words.
/// Free text is shown as written (sanitised), in the language the patient wrote it.
public enum AnswerText {
    public static func format(_ answer: Answer, of item: Item, language: String) -> String {
        switch answer {
        case .yesNo(.yes): return BuiltInText.yes.text(language)
        case .yesNo(.no): return BuiltInText.no.text(language)
        case .yesNo(.notSure): return BuiltInText.notSure.text(language)
        case .choice(let id):
            return item.option(id)?.label.resolved(language) ?? id
        case .choices(let ids):
            return ids.map { item.option($0)?.label.resolved(language) ?? $0 }.joined(separator: "; ")
        case .number(let value):
            switch item.kind {
            case .integer(let spec), .decimal(let spec):
                return NumberText.format(value) + (spec.unit.map { " " + $0.resolved(language) } ?? "")
            case .rating(let spec):
                return "\(NumberText.format(value)) / \(spec.maximum)"
            default:
                return NumberText.format(value)
            }
        case .date(let date): return date.description
        case .duration(let duration): return BuiltInPlural.duration(duration.amount, duration.unit, language: language)
        case .text(let text): return SummaryText.sanitized(text)
        case .regions(let ids):
            return ids.map { BodyRegion.named($0)?.label.resolved(language) ?? $0 }.joined(separator: "; ")
        case .unknown: return BuiltInText.dontRemember.text(language)
        }
    }

    /// The label of an item in the summary: its `summary` text, else its question.
    static func label(of item: Item, language: String) -> String {
        SummaryText.sanitized((item.summaryLabel ?? item.text).resolved(language))
    }

    /// An answer as the patient reads it back (review page, plain mode); nil reads "Not answered".
    public static func display(_ answer: Answer?, for item: Item, language: String) -> String {
        guard let answer else { return InterfaceText.notAnswered.text(language) }
        switch answer {
        case .choices([]), .regions([]): return InterfaceText.noneSelected.text(language)
        case .text(let text): return TextSanitizer.sanitizeLine(text)
        case .unknown: return InterfaceText.dontRemember.text(language)
        case .yesNo(.yes): return InterfaceText.yes.text(language)
        case .yesNo(.no): return InterfaceText.no.text(language)
        case .yesNo(.notSure): return InterfaceText.notSure.text(language)
        default: return format(answer, of: item, language: language)
        }
    }

    /// A duration unit's plural name, for menus ("months").
    public static func unitName(_ unit: DurationUnit, language: String) -> String {
        switch unit {
        case .days: InterfaceText.days.text(language)
        case .weeks: InterfaceText.weeks.text(language)
        case .months: InterfaceText.months.text(language)
        case .years: InterfaceText.years.text(language)
        }
    }
}
