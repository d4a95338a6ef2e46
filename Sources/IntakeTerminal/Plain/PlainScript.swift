import IntakeCore

/// The lines a person would type in plain mode to give a set of answers: the number of a
/// listed choice, a date, "3 2" for an amount and the second unit. Used to drive the real
/// binary through a pipe (end-to-end tests, `make bench`) with exactly what a user types.
public enum PlainScript {
    /// One answer as typed at its prompt.
    public static func typed(_ answer: Answer, for item: Item) -> String {
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

    /// The whole session's lines, found by running plain mode in memory: language 1, each
    /// answer at its item's prompt (Enter elsewhere), then submit and confirm on the review.
    public static func lines(for answers: [String: Answer], questionnaire: Questionnaire, today: PartialDate = .today()) -> [String] {
        let responder = Responder(answers: answers)
        let session = PlainSession(wizard: Wizard(questionnaire: questionnaire, today: today), io: responder)
        responder.session = session
        _ = session.run()
        return responder.typed
    }

    private final class Responder: LineIO {
        var session: PlainSession?
        var typed: [String] = []
        let answers: [String: Answer]
        var submitted = false

        init(answers: [String: Answer]) { self.answers = answers }

        func write(_ text: String) {}

        func readLine() -> String? {
            guard let session, typed.count < 10_000 else { return nil }
            let line: String
            if typed.isEmpty {
                line = "1"
            } else if session.wizard.position == .review {
                line = submitted ? "y" : "s"
                submitted.toggle()
            } else if let item = session.wizard.currentItem, let answer = answers[item.id], session.wizard.answer(for: item.id) != answer {
                line = PlainScript.typed(answer, for: item)
            } else {
                line = ""
            }
            typed.append(line)
            return line
        }
    }
}
