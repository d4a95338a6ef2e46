/// An answer as the patient reads it back (review page, plain mode), in their language.
public enum AnswerText {
    public static func display(_ answer: Answer?, for item: Item, language: String) -> String {
        guard let answer else { return InterfaceText.notAnswered.text(language) }
        switch answer {
        case .yesNo(.yes): return InterfaceText.yes.text(language)
        case .yesNo(.no): return InterfaceText.no.text(language)
        case .yesNo(.notSure): return InterfaceText.notSure.text(language)
        case .choice(let id): return item.option(id)?.label.resolved(language) ?? id
        case .choices(let ids):
            if ids.isEmpty { return InterfaceText.noneSelected.text(language) }
            return ids.map { item.option($0)?.label.resolved(language) ?? $0 }.joined(separator: "; ")
        case .regions(let ids):
            if ids.isEmpty { return InterfaceText.noneSelected.text(language) }
            return ids.map { BodyRegion.named($0)?.label.resolved(language) ?? $0 }.joined(separator: "; ")
        case .number(let number):
            let shown = Value.number(number).description
            switch item.kind {
            case .integer(let spec), .decimal(let spec):
                return spec.unit.map { "\(shown) \($0.resolved(language))" } ?? shown
            case .rating(let spec):
                return "\(shown) / \(spec.maximum)"
            default:
                return shown
            }
        case .date(let date):
            return date.description
        case .duration(let duration):
            return "\(Value.number(duration.amount)) \(unitName(duration.unit, language: language))"
        case .text(let text):
            return TextSanitizer.sanitizeLine(text)
        case .unknown:
            return InterfaceText.dontRemember.text(language)
        }
    }

    public static func unitName(_ unit: DurationUnit, language: String) -> String {
        switch unit {
        case .days: InterfaceText.days.text(language)
        case .weeks: InterfaceText.weeks.text(language)
        case .months: InterfaceText.months.text(language)
        case .years: InterfaceText.years.text(language)
        }
    }
}
