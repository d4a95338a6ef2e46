/// Checks an answer's shape against its item before the wizard stores it, and turns
/// answers into the values expressions see.
extension Item {
    public func check(_ answer: Answer) throws(AnswerProblem) -> Answer {
        // A switch over the kind, then the answer's case: switching over the pair copied
        // both into a tuple and destroyed it again for every answer a batch summary replays.
        let kind = kind
        var wrongKind: AnswerProblem { .wrongKind(item: id, expected: kind.answerDescription) }
        switch kind {
        case .note:
            throw .noAnswerTaken(item: id)
        case .yesNo(let allowsNotSure):
            guard case .yesNo(let value) = answer else { throw wrongKind }
            if value == .notSure && !allowsNotSure { throw .wrongKind(item: id, expected: "yes or no") }
            return answer
        case .singleChoice(let options):
            guard case .choice(let option) = answer else { throw wrongKind }
            guard options.contains(where: { $0.id == option }) else { throw .unknownOption(item: id, option: option) }
            return answer
        case .multipleChoice(let options):
            guard case .choices(let chosen) = answer else { throw wrongKind }
            for option in chosen where !options.contains(where: { $0.id == option }) {
                throw .unknownOption(item: id, option: option)
            }
            // Stored in option order, without repeats, so equal choices compare equal.
            return .choices(options.map(\.id).filter(chosen.contains))
        case .integer(let spec):
            guard case .number(let value) = answer else { throw wrongKind }
            guard value.rounded() == value else { throw .notWholeNumber(item: id) }
            guard spec.contains(value) else { throw .outOfRange(item: id, minimum: spec.minimum, maximum: spec.maximum) }
            return answer
        case .decimal(let spec):
            guard case .number(let value) = answer else { throw wrongKind }
            guard value.isFinite, spec.contains(value) else { throw .outOfRange(item: id, minimum: spec.minimum, maximum: spec.maximum) }
            return answer
        case .rating(let spec):
            guard case .number(let value) = answer else { throw wrongKind }
            guard value.rounded() == value else { throw .notWholeNumber(item: id) }
            guard value >= Double(spec.minimum), value <= Double(spec.maximum) else {
                throw .outOfRange(item: id, minimum: Double(spec.minimum), maximum: Double(spec.maximum))
            }
            return answer
        case .date(let spec):
            switch answer {
            case .date(let date):
                if spec.precision == .day && date.day == nil { throw .precision(item: id, expected: .day) }
                if spec.precision == .month && date.day != nil { return .date(PartialDate(year: date.year, month: date.month)) }
                return answer
            case .unknown:
                guard spec.allowsUnknown else { throw .unknownNotAllowed(item: id) }
                return answer
            default: throw wrongKind
            }
        case .duration(let spec):
            switch answer {
            case .duration(let duration):
                guard spec.units.contains(duration.unit) else { throw .wrongKind(item: id, expected: "one of the units \(spec.units.map(\.rawValue).joined(separator: ", "))") }
                guard duration.amount >= 0, duration.amount <= 200 * 365, duration.amount.isFinite else {
                    throw .outOfRange(item: id, minimum: 0, maximum: nil)
                }
                return answer
            case .unknown:
                guard spec.allowsUnknown else { throw .unknownNotAllowed(item: id) }
                return answer
            default: throw wrongKind
            }
        case .shortText(let spec), .longText(let spec):
            guard case .text(let text) = answer else { throw wrongKind }
            // Characters are never more than UTF-8 bytes: most texts are checked without counting them.
            guard text.utf8.count <= spec.maxLength || text.count <= spec.maxLength else { throw .tooLong(item: id, maximum: spec.maxLength) }
            guard !TextSafety.containsForbidden(text) else { throw .invalidText(item: id) }
            return answer
        case .bodyMap(let spec):
            guard case .regions(let regions) = answer else { throw wrongKind }
            for region in regions where !spec.regions.contains(where: { $0.id == region }) {
                throw .unknownOption(item: id, option: region)
            }
            return .regions(spec.regions.map(\.id).filter(regions.contains))
        }
    }
}

extension ItemKind {
    /// What an answer of this kind looks like, for messages.
    public var answerDescription: String {
        switch self {
        case .yesNo(let notSure): notSure ? "yes, no or not sure" : "yes or no"
        case .singleChoice: "one option id"
        case .multipleChoice: "a list of option ids"
        case .integer: "a whole number"
        case .decimal: "a number"
        case .rating(let spec): "a whole number from \(spec.minimum) to \(spec.maximum)"
        case .date(let spec): spec.precision == .day ? "a date YYYY-MM-DD" : "a month YYYY-MM"
        case .duration: "an amount and a unit"
        case .shortText, .longText: "text"
        case .bodyMap: "a list of body region ids"
        case .note: "no answer"
        }
    }
}

extension Answer {
    /// What expressions see: "not sure" and "don't remember" are no value.
    public var expressionValue: Value {
        switch self {
        case .yesNo(.yes): .bool(true)
        case .yesNo(.no): .bool(false)
        case .yesNo(.notSure): .null
        case .choice(let option): .choice(option)
        case .choices(let options): .set(options)
        case .number(let number): .number(number)
        case .date(let date): .date(date)
        case .duration(let duration): .number(duration.days)
        case .text(let text): .text(text)
        case .regions(let regions): .set(regions)
        case .unknown: .null
        }
    }
}
