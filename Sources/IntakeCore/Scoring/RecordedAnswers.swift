/// A result file as a summary reads it: where it came from and the patient's answers.
///
/// A summary is made again from the answers (``replay(on:freshWizard:)``), and its scores,
/// flags and checklists are computed again from them with the same questionnaire (its
/// SHA-256 is checked), by the same rules. So `intake summarize` does not make the recorded
/// scores, flags and checklists into values only to throw them away: it checks that they
/// are there as arrays and that the whole file is strict JSON, as ``IntakeResult`` does,
/// and reads no further into them. Over a year of results this is about a fifth of a
/// batch summary's work (docs/performance.md).
public struct RecordedAnswers: Sendable {
    public var provenance: IntakeResult.Provenance
    /// Item id (`key`) and the JSON value of `intake fill`'s answers files, in file order (by id, in
    /// files `intake` writes); no id appears twice.
    public var answers: [(key: String, value: JSONValue)]

    public init(provenance: IntakeResult.Provenance, answers: [(key: String, value: JSONValue)]) {
        self.provenance = provenance
        self.answers = answers
    }

    /// The provenance and answers of a whole result, its answers ordered by id.
    public init(_ result: IntakeResult) {
        self.init(provenance: result.provenance, answers: result.answers.sorted { $0.key < $1.key })
    }

    /// The recorded answer to item `id`, if any.
    public func answer(_ id: String) -> JSONValue? {
        answers.first { $0.key == id }?.value
    }
}

extension RecordedAnswers {
    /// Rebuilds the finished session from the recorded answers and session date, after
    /// checking that `questionnaire` is byte for byte the file the result was made with.
    public func replay(on questionnaire: Questionnaire) throws(IntakeResult.ReplayProblem) -> Wizard {
        try replay(on: questionnaire) { Wizard(questionnaire: questionnaire, today: $0) }
    }

    /// ``replay(on:)`` starting from `freshWizard(sessionDate)`, which must be a new wizard
    /// of `questionnaire` (no answers given) for that date: a batch builds one per date and
    /// questionnaire instead of one per result. The answers are checked exactly as before.
    public func replay(on questionnaire: Questionnaire, freshWizard: (PartialDate) -> Wizard) throws(IntakeResult.ReplayProblem) -> Wizard {
        guard questionnaire.metadata.id == provenance.questionnaireID else {
            throw .otherQuestionnaire(recorded: provenance.questionnaireID, found: questionnaire.metadata.id)
        }
        guard questionnaire.metadata.sourceDigest == provenance.sha256 else {
            throw .questionnaireChanged(recorded: provenance.sha256, found: questionnaire.metadata.sourceDigest)
        }
        guard let today = PartialDate(iso: provenance.sessionDate), today.day != nil else { throw .badSessionDate(provenance.sessionDate) }
        let fresh = freshWizard(today)
        // Each recorded answer finds its item by id (one look-up each, not one per item of
        // the questionnaire) and goes to the engine by flat index, in flow order. Problems
        // are named as always: answers of the wrong shape in flow order, then unknown items by id.
        var byIndex = [Answer?](repeating: nil, count: fresh.items.count)
        var wrongShape: [Int] = []
        var unknown: [String] = []
        for (id, raw) in answers {
            guard let index = fresh.flatIndex[id] else {
                unknown.append(id)
                continue
            }
            guard let answer = AnswerSet.answer(from: raw, for: fresh.items[index]) else {
                wrongShape.append(index)
                continue
            }
            byIndex[index] = answer
        }
        var problems = wrongShape.sorted().map { index in
            AnswerSet.Problem(item: fresh.items[index].id, message: "expected \(fresh.items[index].kind.answerDescription)")
        }
        problems += unknown.sorted().map { AnswerSet.Problem(item: $0, message: "no such item") }
        guard problems.isEmpty else { throw .answers(problems) }
        var decoded: [(index: Int, answer: Answer)] = []
        decoded.reserveCapacity(answers.count)
        for (index, answer) in byIndex.enumerated() {
            if let answer { decoded.append((index, answer)) }
        }
        let (wizard, fillProblems) = NonInteractiveFill.run(from: fresh, answersAtIndexes: decoded)
        guard fillProblems.isEmpty else { throw .answers(fillProblems) }
        return wizard
    }
}
