import IntakeCore

/// The widget state of one item: focus, scroll and typed-but-not-committed text.
///
/// Kept per item id for the whole session, so a resize, a trip to the help overlay or a
/// step back never loses what the patient typed.
public struct ItemEditor: Hashable, Sendable {
    /// Focused option, region or field (meaning depends on the item type).
    public var focus: Int = 0
    /// Whether the patient moved the focus themselves; only then does Enter pick the
    /// focused option (an untouched optional question is skipped by Enter, not answered).
    public var touched = false
    /// First visible row of a scrolling list (kept in step with the focus by the view).
    public var scroll = 0
    /// Entry fields: one for numbers and text, day/month/year for dates, amount for durations.
    public var fields: [TextField] = []
    /// The chosen duration unit, by index into the item's units.
    public var unitIndex: Int?
    /// The value under the marker on a rating scale before it is committed.
    public var ratingValue: Int?
    /// The last digit typed on a rating scale, to read "1" then "0" as 10.
    public var lastDigit: Int?
    /// A typed-input problem to show under the widget.
    public var problem: InputProblem?

    public init() {}

    /// A fresh editor showing `answer` (the item's stored answer, if any).
    public init(item: Item, answer: Answer?) {
        switch item.kind {
        case .yesNo(let notSure):
            let choices: [YesNo] = notSure ? [.yes, .no, .notSure] : [.yes, .no]
            if case .yesNo(let value)? = answer, let index = choices.firstIndex(of: value) { focus = index }
        case .singleChoice(let options):
            if case .choice(let id)? = answer, let index = options.firstIndex(where: { $0.id == id }) { focus = index }
        case .integer, .decimal:
            if case .number(let value)? = answer { fields = [TextField(Value.number(value).description)] } else { fields = [TextField()] }
        case .rating:
            if case .number(let value)? = answer { ratingValue = Int(value) }
        case .date(let spec):
            var parts = spec.precision == .day ? ["", "", ""] : ["", ""]
            if case .date(let date)? = answer {
                parts = spec.precision == .day
                    ? [date.day.map(Self.twoDigits) ?? "", Self.twoDigits(date.month), String(date.year)]
                    : [Self.twoDigits(date.month), String(date.year)]
            }
            fields = parts.map { TextField($0) }
            if case .unknown? = answer { focus = fields.count }
        case .duration(let spec):
            fields = [TextField()]
            if case .duration(let duration)? = answer {
                fields = [TextField(Value.number(duration.amount).description)]
                unitIndex = spec.units.firstIndex(of: duration.unit)
            }
            if case .unknown? = answer { focus = 2 }
        case .shortText, .longText:
            if case .text(let text)? = answer { fields = [TextField(text)] } else { fields = [TextField()] }
        case .multipleChoice, .bodyMap, .note:
            break
        }
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// The focused entry field, if the focus is on one.
    public var focusedField: TextField? {
        fields.indices.contains(focus) ? fields[focus] : nil
    }
}
