/// One screen of the flow: a section's intro or one item.
public enum Step: Hashable, Sendable {
    case intro(section: Int)
    /// `section` and `index` locate the item in ``Questionnaire/sections``; `flat` is its place in flow order.
    case item(section: Int, index: Int, flat: Int)

    public var sectionIndex: Int {
        switch self {
        case .intro(let section), .item(let section, _, _): section
        }
    }
}

/// Where the patient is.
public enum Position: Hashable, Sendable {
    case step(Int)
    /// Every answer listed, each one selectable to go back and change it.
    case review
    /// Submitted: answers are final.
    case complete
}

/// Why the wizard will not move on, for the front end to show in the patient's language.
public enum GateProblem: Hashable, Sendable {
    /// A required item has no answer.
    case answerRequired(item: String)
    /// A `validate` rule does not hold; the message comes from the file.
    case ruleFailed(item: String, message: LocalizedText)
}

/// Why an answer was refused before it was stored.
public enum AnswerProblem: Error, Hashable, Sendable {
    case wrongKind(item: String, expected: String)
    case unknownOption(item: String, option: String)
    case outOfRange(item: String, minimum: Double?, maximum: Double?)
    case notWholeNumber(item: String)
    case tooLong(item: String, maximum: Int)
    case unknownNotAllowed(item: String)
    case precision(item: String, expected: DateSpec.Precision)
    case unknownItem(String)
    case noAnswerTaken(item: String)
    case invalidText(item: String)
    /// The questionnaire was submitted; answers are final.
    case alreadySubmitted
}

extension AnswerProblem: CustomStringConvertible {
    public var description: String {
        switch self {
        case .wrongKind(let item, let expected): "'\(item)' needs \(expected)"
        case .unknownOption(let item, let option): "'\(option)' is not an option of '\(item)'"
        case .outOfRange(let item, let minimum, let maximum):
            "the answer to '\(item)' must be between \(minimum.map { Value.number($0).description } ?? "any") and \(maximum.map { Value.number($0).description } ?? "any")"
        case .notWholeNumber(let item): "the answer to '\(item)' must be a whole number"
        case .tooLong(let item, let maximum): "the answer to '\(item)' is longer than \(maximum) characters"
        case .unknownNotAllowed(let item): "'\(item)' does not offer \"don't remember\""
        case .precision(let item, let expected): expected == .day ? "'\(item)' needs a full date (YYYY-MM-DD)" : "'\(item)' needs a month and year (YYYY-MM)"
        case .unknownItem(let item): "unknown item '\(item)'"
        case .noAnswerTaken(let item): "'\(item)' is a note and takes no answer"
        case .invalidText(let item): "the answer to '\(item)' contains control characters"
        case .alreadySubmitted: "the questionnaire was already submitted"
        }
    }
}
