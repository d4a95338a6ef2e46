/// Runs the wizard engine without a terminal on a complete set of answers, as `intake fill`
/// does: the same rules as the interactive wizard, every problem named by item.
public enum NonInteractiveFill {
    /// Applies the answers in flow order and submits. Answers to items hidden by their
    /// `when`, missing required answers and failed rules are problems.
    public static func run(_ questionnaire: Questionnaire, answers: [(String, Answer)], today: PartialDate) -> (wizard: Wizard, problems: [AnswerSet.Problem]) {
        run(from: Wizard(questionnaire: questionnaire, today: today), answers: answers)
    }

    /// The same, starting from `fresh`, a wizard with no answers given yet (a batch reuses
    /// one built per questionnaire and date: building it reads the whole questionnaire).
    public static func run(from fresh: Wizard, answers: [(String, Answer)]) -> (wizard: Wizard, problems: [AnswerSet.Problem]) {
        var wizard = fresh
        let refused = wizard.setAnswers(answers)
        let hidden = answers.filter { !wizard.isVisible($0.0) }.map(\.0)
        return finish(wizard, refused: refused, hidden: hidden)
    }

    /// ``run(from:answers:)`` of answers that know their item's flat index, in flow order
    /// (a replay): no look-up by id.
    static func run(from fresh: Wizard, answersAtIndexes answers: [(index: Int, answer: Answer)]) -> (wizard: Wizard, problems: [AnswerSet.Problem]) {
        var wizard = fresh
        let refused = wizard.setAnswers(atIndexes: answers)
        let hidden = answers.filter { !wizard.visible[$0.index] }.map { wizard.items[$0.index].id }
        return finish(wizard, refused: refused, hidden: hidden)
    }

    /// Names the refused answers and those to hidden items; with none, checks every visible
    /// item and submits.
    private static func finish(_ filled: Wizard, refused: [(item: String, problem: AnswerProblem)], hidden: [String]) -> (wizard: Wizard, problems: [AnswerSet.Problem]) {
        var problems = refused.map { AnswerSet.Problem(item: $0.item, message: $0.problem.description) }
        for id in hidden {
            problems.append(AnswerSet.Problem(item: id, message: "answered, but this item is not asked with these answers (its 'when' is false)"))
        }
        guard problems.isEmpty else { return (filled, problems) }
        // Every visible item is checked, not just the first that blocks, so all problems show
        // at once (on the filled wizard as it is: a `var` copy was copied again per item).
        for problem in filled.blockingProblems {
            switch problem {
            case .answerRequired(let item):
                problems.append(AnswerSet.Problem(item: item, message: "required, but not answered"))
            case .ruleFailed(let item, let message):
                problems.append(AnswerSet.Problem(item: item, message: message.resolved(filled.questionnaire.metadata.defaultLanguage)))
            }
        }
        guard problems.isEmpty else { return (filled, problems) }
        var wizard = filled
        wizard.submitChecked()
        return (wizard, problems)
    }
}

extension PartialDate {
    /// Today's date in UTC, for sessions started now.
    public static func today() -> PartialDate {
        let seconds = Int(clock_seconds())
        let days = seconds / 86_400
        return PartialDate(civilDaysSince1970: days)
    }

    /// Converts days since 1970-01-01 to a calendar date (Howard Hinnant's algorithm).
    public init(civilDaysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func clock_seconds() -> Int { time(nil) }
