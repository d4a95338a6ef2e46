import FoundationEssentials
import IntakeCore

/// Turning picks, taps and typed text into answers for the engine.
extension WizardUI {
    /// A direct pick on the current widget (tap, digit, letter, Y/N, Space): commits at once.
    mutating func tapWidget(_ action: WizardAction, item: Item) -> [UIEffect] {
        var editor = editor(for: item)
        var effects: [UIEffect] = []
        switch (item.kind, action) {
        case (.yesNo(let notSure), .option(let index)):
            let choices: [YesNo] = notSure ? [.yes, .no, .notSure] : [.yes, .no]
            guard choices.indices.contains(index) else { return [] }
            editor.focus = index
            editor.touched = true
            effects = setAnswer(.yesNo(choices[index]), for: item)
        case (.singleChoice(let options), .option(let index)):
            guard options.indices.contains(index) else { return [] }
            editor.focus = index
            editor.touched = true
            effects = setAnswer(.choice(options[index].id), for: item)
        case (.multipleChoice(let options), .option(let index)):
            guard options.indices.contains(index) else { return [] }
            editor.focus = index
            editor.touched = true
            var chosen: [String] = if case .choices(let ids)? = engine.answer(for: item.id) { ids } else { [] }
            let option = options[index]
            if chosen.contains(option.id) {
                chosen.removeAll { $0 == option.id }
            } else if option.exclusive {
                chosen = [option.id]
            } else {
                let exclusive = Set(options.filter(\.exclusive).map(\.id))
                chosen.removeAll { exclusive.contains($0) }
                chosen.append(option.id)
            }
            effects = setAnswer(chosen.isEmpty ? nil : .choices(chosen), for: item)
        case (.bodyMap(let spec), .region(let id)):
            guard let index = spec.regions.firstIndex(where: { $0.id == id }) else { return [] }
            editor.focus = index
            editor.touched = true
            var chosen: [String] = if case .regions(let ids)? = engine.answer(for: item.id) { ids } else { [] }
            if chosen.contains(id) { chosen.removeAll { $0 == id } } else { chosen.append(id) }
            effects = setAnswer(chosen.isEmpty ? nil : .regions(chosen), for: item)
        case (.rating(let spec), .rating(let value)):
            guard value >= spec.minimum, value <= spec.maximum else { return [] }
            editor.ratingValue = value
            editor.lastDigit = nil
            effects = setAnswer(.number(Double(value)), for: item)
        case (.date, .field(let index)), (.duration, .field(let index)), (.integer, .field(let index)),
             (.decimal, .field(let index)), (.shortText, .field(let index)), (.longText, .field(let index)):
            editor.focus = max(0, min(index, editor.fields.count - 1))
        case (.duration(let spec), .unit(let index)):
            guard spec.units.indices.contains(index) else { return [] }
            editor.unitIndex = index
            editor.focus = 1
            editor.problem = nil
            // With an amount already typed, the pick completes the answer.
            editors[item.id] = editor
            if !(editor.fields.first?.isEmpty ?? true) {
                effects = commitTyped(item: item, silently: true)
            }
            return effects
        case (.date(let spec), .dontRemember) where spec.allowsUnknown:
            editor.fields = editor.fields.map { _ in TextField() }
            editor.focus = editor.fields.count
            editor.problem = nil
            effects = setAnswer(engine.answer(for: item.id) == .unknown ? nil : .unknown, for: item)
        case (.duration(let spec), .dontRemember) where spec.allowsUnknown:
            editor.fields = [TextField()]
            editor.unitIndex = nil
            editor.focus = 2
            editor.problem = nil
            effects = setAnswer(engine.answer(for: item.id) == .unknown ? nil : .unknown, for: item)
        default:
            return []
        }
        editors[item.id] = editor
        return effects
    }

    func hasTypedFields(_ item: Item) -> Bool {
        switch item.kind {
        case .integer, .decimal, .date, .duration, .shortText, .longText: true
        default: false
        }
    }

    /// Commits the typed fields of `item`. A problem is shown under the widget, unless
    /// `silently` (leaving by Back keeps the typed text as a draft instead).
    mutating func commitTyped(item: Item, silently: Bool) -> [UIEffect] {
        var editor = editor(for: item)
        let current = engine.answer(for: item.id)
        let outcome = Self.parseTyped(editor, item: item, current: current)
        switch outcome {
        case .keep:
            return []
        case .answer(let answer):
            editor.problem = nil
            editors[item.id] = editor
            return setAnswer(answer, for: item)
        case .problem(let problem):
            if !silently {
                editor.problem = problem
                editors[item.id] = editor
            }
            return []
        }
    }

    enum TypedOutcome: Equatable {
        /// Nothing typed and nothing to change.
        case keep
        /// Store this (nil clears a previous answer whose text was deleted).
        case answer(Answer?)
        case problem(InputProblem)
    }

    static func parseTyped(_ editor: ItemEditor, item: Item, current: Answer?) -> TypedOutcome {
        let texts = editor.fields.map { $0.text.trimmingWhitespace() }
        switch item.kind {
        case .integer(let spec), .decimal(let spec):
            let text = texts.first ?? ""
            if text.isEmpty { return current == nil ? .keep : .answer(nil) }
            guard let value = Double(text.replacingEvery(",", with: ".")), value.isFinite else {
                return .problem(.notANumber(minimum: spec.minimum, maximum: spec.maximum))
            }
            if case .integer = item.kind, value.rounded() != value { return .problem(.wholeNumber) }
            guard spec.contains(value) else { return .problem(.outOfRange(minimum: spec.minimum, maximum: spec.maximum)) }
            return .answer(.number(value))
        case .date(let spec):
            if texts.allSatisfy(\.isEmpty) {
                if current == .unknown || current == nil { return .keep }
                return .answer(nil)
            }
            let numbers = texts.map { Int($0) }
            func padded(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
            let date: PartialDate?
            if spec.precision == .day, numbers.count == 3, let day = numbers[0], let month = numbers[1], let year = numbers[2], texts[2].count == 4 {
                date = PartialDate(iso: "\(year)-\(padded(month))-\(padded(day))")
            } else if spec.precision == .month, numbers.count == 2, let month = numbers[0], let year = numbers[1], texts[1].count == 4 {
                date = PartialDate(iso: "\(year)-\(padded(month))")
            } else {
                date = nil
            }
            guard let date else { return .problem(.invalidDate) }
            return .answer(.date(date))
        case .duration(let spec):
            let text = texts.first ?? ""
            if text.isEmpty {
                if current == .unknown || current == nil { return .keep }
                return .answer(nil)
            }
            guard let amount = Double(text.replacingEvery(",", with: ".")), amount.isFinite, amount >= 0 else {
                return .problem(.amountMissing)
            }
            let unit = editor.unitIndex.flatMap { spec.units.indices.contains($0) ? spec.units[$0] : nil }
                ?? (spec.units.count == 1 ? spec.units.first : nil)
            guard let unit else { return .problem(.unitMissing) }
            return .answer(.duration(DurationAnswer(amount: amount, unit: unit)))
        case .shortText(let spec), .longText(let spec):
            let text = editor.fields.first?.text ?? ""
            if text.trimmingWhitespace().isEmpty { return current == nil ? .keep : .answer(nil) }
            guard text.count <= spec.maxLength else { return .problem(.tooLong(maximum: spec.maxLength)) }
            return .answer(.text(text))
        default:
            return .keep
        }
    }
}
