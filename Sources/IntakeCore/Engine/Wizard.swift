/// The questionnaire engine: a value type that the front end feeds events to and reads
/// state from. It owns position, answers and visibility; it never touches a terminal
/// or a file, so a whole session is a list of events that a test can replay.
public struct Wizard: Sendable {
    public let questionnaire: Questionnaire
    /// "Today" for date rules, fixed at the start so a session is reproducible.
    public let today: PartialDate

    /// Every answer given, by flat index, including those of items hidden since; only
    /// visible ones count. An array, not a dictionary by id: expressions and summaries read
    /// answers thousands of times, and an index costs no hashing.
    var given: [Answer?]
    /// Whether `given` holds an answer, by flat index (kept with `given`, for the progress line).
    var hasGiven: [Bool]
    /// Visibility of each item, by flat index.
    var visible: [Bool]
    public internal(set) var position: Position
    /// The problem that stopped the last attempt to move on, until the answer changes.
    public internal(set) var problem: GateProblem?
    /// Set when the patient jumped from the review page: Next then returns there.
    public internal(set) var returnsToReview = false
    /// How many `when` conditions the last answer change evaluated (for scaling tests).
    public internal(set) var lastReevaluationCount = 0

    let items: [Item]
    let steps: [Step]
    let flatIndex: [String: Int]
    let stepOfItem: [Int]
    /// Per flat index: the item's section, and whether it takes an answer (not a note).
    let sectionOfItem: [Int]
    let takesAnswer: [Bool]
    /// Per flat index: whether the item or its section has a `when` (others are always shown).
    let hasCondition: [Bool]
    let graph: DependencyGraph
    /// Whether every condition reads only items before its own: then one pass in flow order
    /// settles all visibility (always so in our YAML; a FHIR `enableWhen` may look forward).
    let looksOnlyBack: Bool

    public init(questionnaire: Questionnaire, today: PartialDate) {
        self.questionnaire = questionnaire
        self.today = today
        var items: [Item] = []
        var steps: [Step] = []
        var stepOfItem: [Int] = []
        for (sectionIndex, section) in questionnaire.sections.enumerated() {
            if section.intro != nil { steps.append(.intro(section: sectionIndex)) }
            for (index, item) in section.items.enumerated() {
                stepOfItem.append(steps.count)
                steps.append(.item(section: sectionIndex, index: index, flat: items.count))
                items.append(item)
            }
        }
        self.items = items
        self.steps = steps
        self.stepOfItem = stepOfItem
        self.sectionOfItem = questionnaire.sections.indices.flatMap { Array(repeating: $0, count: questionnaire.sections[$0].items.count) }
        self.takesAnswer = items.map(\.takesAnswer)
        let sectionOfItem = self.sectionOfItem
        self.hasCondition = items.indices.map { index in
            items[index].when != nil || questionnaire.sections[sectionOfItem[index]].when != nil
        }
        self.given = Array(repeating: nil, count: items.count)
        self.hasGiven = Array(repeating: false, count: items.count)
        var flatIndex: [String: Int] = [:]
        // Not for the welcome screen's wizard of the metadata alone: its first dictionary of
        // strings would cost the runtime a scan of every conformance record before the first frame.
        if !items.isEmpty { flatIndex.reserveCapacity(items.count) }
        for index in items.indices { flatIndex[items[index].id] = index }
        self.flatIndex = flatIndex
        let graph = DependencyGraph(questionnaire: questionnaire)
        self.graph = graph
        // Every condition looks back when each item is read only by items after it (the
        // dependents are sorted, so the first is the earliest); a name that is not an item
        // counts as looking forward, which only costs a second pass.
        self.looksOnlyBack = graph.dependents.allSatisfy { name, readers in
            flatIndex[name].map { readers.first ?? Int.max > $0 } ?? false
        }
        self.visible = hasCondition.map { !$0 }
        self.position = .step(0)
        settleVisibility()
        if let first = firstVisibleStep(from: 0, direction: 1) { position = .step(first) } else { position = .review }
    }

    // MARK: Reading state

    /// The current step, if the patient is on one.
    public var currentStep: Step? {
        if case .step(let index) = position { return steps[index] }
        return nil
    }

    public var currentItem: Item? {
        if case .item(_, _, let flat)? = currentStep { return items[flat] }
        return nil
    }

    public func isVisible(_ itemID: String) -> Bool {
        flatIndex[itemID].map { visible[$0] } ?? false
    }

    /// The answer that counts: nil for hidden or unanswered items.
    public func answer(for itemID: String) -> Answer? {
        // Not `flatIndex[itemID].flatMap(answer(at:))`: the method reference copies the wizard.
        guard let index = flatIndex[itemID] else { return nil }
        return answer(at: index)
    }

    /// ``answer(for:)`` of the item at flat index `index`, without looking up its id.
    func answer(at index: Int) -> Answer? {
        visible[index] ? given[index] : nil
    }

    /// The answer the patient gave, even if the item is hidden now (the widget shows it again if it returns).
    public func rememberedAnswer(for itemID: String) -> Answer? { flatIndex[itemID].flatMap { given[$0] } }

    /// The final answers: visible items only, in flow order.
    public var answers: [(item: Item, answer: Answer)] {
        items.indices.compactMap { index in
            guard visible[index], let answer = given[index] else { return nil }
            return (items[index], answer)
        }
    }

    /// Answers keyed by item id (visible items only).
    public var answerMap: [String: Answer] {
        Dictionary(uniqueKeysWithValues: answers.map { ($0.item.id, $0.answer) })
    }

    /// Every answer given, hidden ones included, for saving a draft that resumes exactly.
    public var allGivenAnswers: [String: Answer] {
        var all: [String: Answer] = [:]
        for index in items.indices where hasGiven[index] { all[items[index].id] = given[index] }
        return all
    }

    // MARK: Answering

    /// Stores (or, with nil, clears) the answer to an item after checking its shape, then
    /// updates the visibility of the items that depend on it.
    public mutating func setAnswer(_ answer: Answer?, for itemID: String) throws(AnswerProblem) {
        guard let index = flatIndex[itemID] else { throw .unknownItem(itemID) }
        guard position != .complete else { throw .alreadySubmitted }
        let checked = try answer.map { answer throws(AnswerProblem) in try items[index].check(answer) }
        guard given[index] != checked else { return }
        given[index] = checked
        hasGiven[index] = checked != nil
        problem = nil
        lastReevaluationCount = 0
        if visible[index] {
            propagate(from: index)
            leaveHiddenStep()
        }
    }

    /// Stores many answers at once, each checked as ``setAnswer(_:for:)`` checks it, then
    /// settles visibility in one pass over the questionnaire instead of one propagation per
    /// answer: replaying a saved result (`intake summarize`) or an answers file (`intake fill`)
    /// evaluates each condition about once. The outcome is the same as calling `setAnswer`
    /// for each in turn: visibility is a function of the final answers (conditions cannot form
    /// a loop), which is what both compute.
    /// - Returns: the answers refused, in the order given; the others are kept.
    public mutating func setAnswers(_ answers: [(String, Answer)]) -> [(item: String, problem: AnswerProblem)] {
        var refused: [(item: String, problem: AnswerProblem)] = []
        for (itemID, answer) in answers {
            guard let index = flatIndex[itemID] else {
                refused.append((itemID, .unknownItem(itemID)))
                continue
            }
            if let problem = store(answer, at: index) { refused.append((itemID, problem)) }
        }
        settleAfterStoring()
        return refused
    }

    /// ``setAnswers(_:)`` of answers that already know their item's flat index (a replay
    /// finds each item once): no look-up by id here.
    mutating func setAnswers(atIndexes answers: [(index: Int, answer: Answer)]) -> [(item: String, problem: AnswerProblem)] {
        var refused: [(item: String, problem: AnswerProblem)] = []
        for (index, answer) in answers {
            if let problem = store(answer, at: index) { refused.append((items[index].id, problem)) }
        }
        settleAfterStoring()
        return refused
    }

    /// Keeps `answer` for item `index` after checking it, without updating visibility; the
    /// problem when it is refused.
    private mutating func store(_ answer: Answer, at index: Int) -> AnswerProblem? {
        guard position != .complete else { return .alreadySubmitted }
        do {
            given[index] = try items[index].check(answer)
            hasGiven[index] = true
            return nil
        } catch {
            return error
        }
    }

    /// After storing answers: visibility settled in one pass, off a step that is now hidden.
    private mutating func settleAfterStoring() {
        problem = nil
        lastReevaluationCount = settleVisibility()
        leaveHiddenStep()
    }

    /// Re-evaluates every condition in flow order until nothing changes; returns how many
    /// were evaluated. One pass is enough when every condition looks back (always in our
    /// YAML, checked at load); a FHIR `enableWhen` may look forward, and each further pass
    /// settles one more level of those (the importer refuses loops, so it ends).
    @discardableResult
    private mutating func settleVisibility() -> Int {
        // One environment for the whole pass, kept up to date: a condition reads the
        // visibility of the items settled before it.
        let environment = AnswerEnvironment(wizard: self)
        visible = []  // the environment's copy is changed in place meanwhile, not copied
        var evaluated = 0
        var changed = true
        while changed {
            changed = false
            for index in items.indices where hasCondition[index] {
                evaluated += 1
                let now = conditionsHold(at: index, in: environment)
                if now != environment.visible[index] {
                    environment.visible[index] = now
                    changed = true
                }
            }
            if looksOnlyBack { break }
        }
        visible = environment.visible
        return evaluated
    }

    /// If the answer hid the step the patient is on (possible when an earlier answer is
    /// changed from elsewhere), moves on to the next step still shown.
    private mutating func leaveHiddenStep() {
        guard case .step(let index) = position, !isStepVisible(index) else { return }
        if let following = firstVisibleStep(from: index + 1, direction: 1) {
            position = .step(following)
        } else {
            position = .review
        }
    }

    /// Re-evaluates the dependents of `index` in flow order; an item whose visibility flips
    /// changes the value others see, so its dependents join the queue.
    private mutating func propagate(from index: Int) {
        var queue = Set(graph.dependents[items[index].id] ?? [])
        guard !queue.isEmpty else { return }
        // One environment for the whole propagation, kept up to date as items flip; its copy
        // of `visible` is the only one meanwhile, so it is changed in place, not copied.
        let environment = AnswerEnvironment(wizard: self)
        visible = []
        while let next = queue.min() {
            queue.remove(next)
            lastReevaluationCount += 1
            let now = !hasCondition[next] || conditionsHold(at: next, in: environment)
            guard now != environment.visible[next] else { continue }
            environment.visible[next] = now
            if given[next] != nil {
                queue.formUnion(graph.dependents[items[next].id] ?? [])
            }
        }
        visible = environment.visible
    }

    /// Whether the `when` of item `index` and of its section hold.
    private func conditionsHold(at index: Int, in environment: AnswerEnvironment) -> Bool {
        if let when = questionnaire.sections[sectionOfItem[index]].when, !when.evaluate(in: environment).isTrue { return false }
        if let when = items[index].when, !when.evaluate(in: environment).isTrue { return false }
        return true
    }

    // MARK: Gating

    /// Why the current item blocks moving on, if it does.
    public func gateProblem(for index: Int) -> GateProblem? {
        guard given[index] != nil else {
            return items[index].required ? .answerRequired(item: items[index].id) : nil
        }
        let validations = items[index].validations
        guard !validations.isEmpty else { return nil }
        let environment = AnswerEnvironment(wizard: self)
        for validation in validations where validation.rule.evaluate(in: environment) == .bool(false) {
            return .ruleFailed(item: items[index].id, message: validation.message)
        }
        return nil
    }

    /// The first visible item that would block submitting, in flow order.
    public var firstBlockingItem: (item: Item, problem: GateProblem)? {
        for index in items.indices where visible[index] {
            if let problem = gateProblem(for: index) { return (items[index], problem) }
        }
        return nil
    }

    /// Why each visible item would block submitting, in flow order: all of them, so that a
    /// filled or replayed session names every problem at once.
    public var blockingProblems: [GateProblem] {
        items.indices.compactMap { index in visible[index] ? gateProblem(for: index) : nil }
    }
}

/// Expressions read answers through this: hidden items are `null`. A class, so that handing
/// it to an expression as `any EvaluationEnvironment` neither boxes nor copies anything; it
/// keeps only the parts of the wizard that expressions read, as separate properties,
/// because a whole `Wizard` stored in a class is copied out (two dozen retains) for every
/// method called on it.
final class AnswerEnvironment: EvaluationEnvironment {
    private let items: [Item]
    private let flatIndex: [String: Int]
    private let given: [Answer?]
    /// Visibility as the expressions see it; ``Wizard/settleVisibility()`` and
    /// ``Wizard/propagate(from:)`` change it in place as they go. Unchecked: one engine
    /// owns its environment, on one thread, and the check cost more than reading it.
    @exclusivity(unchecked) var visible: [Bool]
    let today: PartialDate

    init(wizard: Wizard) {
        items = wizard.items
        flatIndex = wizard.flatIndex
        given = wizard.given
        visible = wizard.visible
        today = wizard.today
    }

    /// The answer that counts at flat index `index`, as ``Wizard/answer(at:)``.
    private func answer(at index: Int) -> Answer? { visible[index] ? given[index] : nil }

    private func answer(_ name: String) -> Answer? { flatIndex[name].flatMap(answer(at:)) }

    func value(of name: String) -> Value { answer(name)?.expressionValue ?? .null }

    /// The loader's slot is the wizard's flat index; the id there is compared, which costs
    /// a fraction of hashing the name, so a slot from elsewhere can never read another item.
    func value(at slot: Int, named name: String) -> Value {
        guard slot < items.count, items[slot].id == name else { return value(of: name) }
        return answer(at: slot)?.expressionValue ?? .null
    }

    func isAnswered(_ name: String) -> Bool { answer(name) != nil }

    func optionScore(item: String, option: String) -> Double? {
        flatIndex[item].flatMap { items[$0].option(option)?.score }
    }
}
