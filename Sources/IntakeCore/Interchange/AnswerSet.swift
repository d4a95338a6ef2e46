import FoundationEssentials

/// Answers given as JSON, `{"answers": {"<item id>": <value>}}`, as `intake fill` takes them.
///
/// Values by item type: `true`/`false` or `"not_sure"` (yes/no), a number, an option id,
/// a list of option ids, `"YYYY-MM-DD"` / `"YYYY-MM"` / `"unknown"` (dates),
/// `{"amount": 3, "unit": "months"}` or `"unknown"` (durations), text, a list of region ids.
public enum AnswerSet {
    public struct Problem: Error, Hashable, CustomStringConvertible {
        public var item: String?
        public var message: String
        public var description: String { item.map { "'\($0)': \(message)" } ?? message }
    }

    /// Decodes the JSON and converts each value for its item; every problem is collected.
    public static func decode(_ data: Data, for questionnaire: Questionnaire) -> (answers: [(String, Answer)], problems: [Problem]) {
        guard let root = try? JSONDecoder().decode(JSONValue.self, from: data) else {
            return ([], [Problem(item: nil, message: "the answers file is not valid JSON")])
        }
        guard case .object(let object) = root, case .object(let answers)? = object["answers"] else {
            return ([], [Problem(item: nil, message: "the answers file must be {\"answers\": {\"<item id>\": <value>, ...}}")])
        }
        var result: [(String, Answer)] = []
        var problems: [Problem] = []
        let ids = questionnaire.items.map(\.id)
        for (id, raw) in answers.sorted(by: { $0.key < $1.key }) {
            guard let item = questionnaire.item(id) else {
                let hint = Suggestion.closest(to: id, among: ids).map { "; did you mean '\($0)'?" } ?? ""
                problems.append(Problem(item: id, message: "no such item\(hint)"))
                continue
            }
            if raw == .null { continue }
            guard let answer = answer(from: raw, for: item) else {
                problems.append(Problem(item: id, message: "expected \(item.kind.answerDescription)"))
                continue
            }
            do {
                result.append((id, try item.check(answer)))
            } catch {
                problems.append(Problem(item: id, message: error.description))
            }
        }
        return (result, problems)
    }

    /// Converts one JSON value into an answer of the item's kind, or nil when it cannot be one.
    public static func answer(from raw: JSONValue, for item: Item) -> Answer? {
        switch (item.kind, raw) {
        case (.yesNo, .bool(let value)): return .yesNo(value ? .yes : .no)
        case (.yesNo, .string(let text)): return YesNo(rawValue: text).map(Answer.yesNo)
        case (.singleChoice, .string(let id)): return .choice(id)
        case (.multipleChoice, _): return raw.strings.map(Answer.choices)
        case (.bodyMap, _): return raw.strings.map(Answer.regions)
        case (.integer, .number(let n)), (.decimal, .number(let n)), (.rating, .number(let n)): return .number(n)
        case (.date, .string("unknown")), (.duration, .string("unknown")): return .unknown
        case (.date, .string(let text)): return PartialDate(iso: text).map(Answer.date)
        case (.duration, .object(let object)):
            guard object.count == 2, case .number(let amount)? = object["amount"],
                  let unit = object["unit"]?.string.flatMap(DurationUnit.init(rawValue:)) else { return nil }
            return .duration(DurationAnswer(amount: amount, unit: unit))
        case (.shortText, .string(let text)), (.longText, .string(let text)): return .text(text)
        default: return nil
        }
    }

    /// The JSON value of an answer, the inverse of decoding.
    public static func jsonValue(of answer: Answer) -> JSONValue {
        switch answer {
        case .yesNo(.yes): .bool(true)
        case .yesNo(.no): .bool(false)
        case .yesNo(.notSure): .string("not_sure")
        case .choice(let id): .string(id)
        case .choices(let ids), .regions(let ids): .array(ids.map(JSONValue.string))
        case .number(let number): .number(number)
        case .date(let date): .string(date.description)
        case .duration(let duration): .object(["amount": .number(duration.amount), "unit": .string(duration.unit.rawValue)])
        case .text(let text): .string(text)
        case .unknown: .string("unknown")
        }
    }
}
