/// A session as replayed from its journal: the state after the last intact record.
public struct SessionDraft: Hashable, Sendable {
    public var header: DraftHeader
    /// Every answer given (hidden items included), as JSON values by item id.
    public var answers: [String: JSONValue] = [:]
    public var position: DraftPosition = .step(index: 0)
    public var returnsToReview = false
    public var language: String?
    /// When the last intact record was written: a resume window counts from here.
    public var lastChange: DraftTimestamp
    /// How many intact records were replayed.
    public var recordCount = 0
    /// Bytes after the intact prefix that were ignored (a torn or damaged tail); 0 normally.
    public var ignoredTailBytes = 0

    public init(header: DraftHeader) {
        self.header = header
        self.lastChange = header.started
    }

    /// The full state, as a snapshot record stores it.
    public var snapshot: DraftSnapshot {
        DraftSnapshot(answers: answers, position: position, returnsToReview: returnsToReview, language: language)
    }

    /// Applies one record (a second `begin` is ignored: a journal has one).
    public mutating func apply(_ record: DraftRecord) {
        switch record.change {
        case .begin:
            break
        case .answer(let item, let value):
            answers[item] = value
        case .position(let position, let returns):
            self.position = position
            returnsToReview = returns
        case .language(let language):
            self.language = language
        case .snapshot(let snapshot):
            answers = snapshot.answers
            position = snapshot.position
            returnsToReview = snapshot.returnsToReview
            language = snapshot.language
        }
        lastChange = record.at
        recordCount += 1
    }

    /// Whether this draft may be resumed with `questionnaire` at `now`.
    /// - Parameter window: how long after the last change a resume is allowed.
    public func resumeDecision(for questionnaire: Questionnaire, window: Duration, now: DraftTimestamp) -> ResumeDecision {
        guard header.format == DraftHeader.currentFormat else { return .questionnaireChanged }
        guard header.questionnaireID == questionnaire.metadata.id,
              header.questionnaireSHA256 == questionnaire.metadata.sourceDigest
        else { return .questionnaireChanged }
        if position == .complete { return .alreadyCompleted }
        guard let age = now.seconds(since: lastChange) else { return .ageUnknown }
        let limit = Double(window.components.seconds) + Double(window.components.attoseconds) / 1e18
        if age > limit { return .expired(secondsSinceLastChange: Int(age)) }
        return .resume
    }

    /// A wizard in the draft's state: same "today", answers, position.
    /// - Returns: the wizard and the items whose recorded answers it refused (normally none,
    ///   since the questionnaire's digest matched).
    public func makeWizard(questionnaire: Questionnaire) -> (wizard: Wizard, skippedItems: [String]) {
        let today = PartialDate(iso: header.today) ?? PartialDate(year: 2000, month: 1, day: 1)
        var wizard = Wizard(questionnaire: questionnaire, today: today)
        let skipped = restore(into: &wizard)
        return (wizard, skipped)
    }

    /// Replays the answers into `wizard` with `setAnswer` (in flow order, so visibility
    /// settles exactly as it did) and puts the patient back where they were.
    /// - Returns: the items whose answers were refused (unknown item or wrong shape).
    @discardableResult
    public func restore(into wizard: inout Wizard) -> [String] {
        var skipped: [String] = []
        var remaining = answers
        for item in wizard.items {
            guard let raw = remaining.removeValue(forKey: item.id) else { continue }
            guard let answer = AnswerSet.answer(from: raw, for: item) else {
                skipped.append(item.id)
                continue
            }
            do {
                try wizard.setAnswer(answer, for: item.id)
            } catch {
                skipped.append(item.id)
            }
        }
        skipped += remaining.keys.sorted()
        switch position {
        case .step(let index) where index >= 0 && index < wizard.steps.count:
            if wizard.isStepVisible(index) {
                wizard.position = .step(index)
            } else if let next = wizard.firstVisibleStep(from: index, direction: 1) {
                wizard.position = .step(next)
            } else {
                wizard.position = .review
            }
        case .step:
            break
        case .review, .complete:
            // A completed draft is never resumed into "complete": the patient reviews again.
            wizard.position = .review
        }
        wizard.returnsToReview = returnsToReview
        return skipped
    }
}

/// What to do with a draft found at start-up.
public enum ResumeDecision: Hashable, Sendable {
    /// Offer to continue.
    case resume
    /// The questionnaire (or the journal format) changed since: discard.
    case questionnaireChanged
    /// Last change longer ago than the resume window: discard (someone else may be at the kiosk).
    case expired(secondsSinceLastChange: Int)
    /// Another boot and a wall clock that went backwards: the age is unknown, discard.
    case ageUnknown
    /// The session was submitted; its outputs exist, the draft is left over: discard.
    case alreadyCompleted
}
