/// Moving through the flow: next, back, jumps, review and submit.
extension Wizard {
    /// Whether a step is shown: items by their visibility, intros when any item of their section is.
    func isStepVisible(_ stepIndex: Int) -> Bool {
        switch steps[stepIndex] {
        case .item(_, _, let flat): return visible[flat]
        case .intro(let section): return sectionHasVisibleItem(section)
        }
    }

    func sectionHasVisibleItem(_ section: Int) -> Bool {
        steps.indices.contains { index in
            if case .item(section, _, let flat) = steps[index] { return visible[flat] }
            return false
        }
    }

    func firstVisibleStep(from start: Int, direction: Int) -> Int? {
        var index = start
        while index >= 0 && index < steps.count {
            if isStepVisible(index) { return index }
            index += direction
        }
        return nil
    }

    /// Moves on when the current item allows it; returns the problem otherwise.
    @discardableResult
    public mutating func next() -> GateProblem? {
        guard case .step(let index) = position else { return nil }
        if case .item(_, _, let flat) = steps[index], let blocking = gateProblem(for: flat) {
            problem = blocking
            return blocking
        }
        problem = nil
        if returnsToReview {
            returnsToReview = false
            position = .review
        } else if let following = firstVisibleStep(from: index + 1, direction: 1) {
            position = .step(following)
        } else {
            position = .review
        }
        return nil
    }

    /// Goes to the previous visible step; false at the very first one.
    @discardableResult
    public mutating func back() -> Bool {
        problem = nil
        switch position {
        case .step(let index):
            guard index > 0, let previous = firstVisibleStep(from: index - 1, direction: -1) else { return false }
            position = .step(previous)
            returnsToReview = false
            return true
        case .review:
            guard let last = firstVisibleStep(from: steps.count - 1, direction: -1) else { return false }
            position = .step(last)
            return true
        case .complete:
            return false
        }
    }

    /// Opens a visible item to change its answer; from the review page, Next returns there.
    @discardableResult
    public mutating func jump(to itemID: String) -> Bool {
        guard position != .complete, let flat = flatIndex[itemID], visible[flat] else { return false }
        returnsToReview = position == .review
        position = .step(stepOfItem[flat])
        problem = nil
        return true
    }

    /// Opens the first visible step of a section.
    @discardableResult
    public mutating func jump(toSection sectionID: String) -> Bool {
        guard position != .complete,
              let section = questionnaire.sections.firstIndex(where: { $0.id == sectionID }),
              let first = steps.indices.first(where: { steps[$0].sectionIndex == section && isStepVisible($0) })
        else { return false }
        returnsToReview = position == .review
        position = .step(first)
        problem = nil
        return true
    }

    public mutating func goToReview() {
        guard position != .complete else { return }
        returnsToReview = false
        problem = nil
        position = .review
    }

    /// Submits when every visible required item is answered and every rule holds;
    /// otherwise opens the first item that blocks and returns its problem.
    @discardableResult
    public mutating func submit() -> GateProblem? {
        guard position != .complete else { return nil }
        if let (item, blocking) = firstBlockingItem {
            _ = jump(to: item.id)
            returnsToReview = true
            problem = blocking
            return blocking
        }
        position = .complete
        problem = nil
        return nil
    }

    /// ``submit()`` for a caller that has just found no visible item blocking
    /// (``NonInteractiveFill`` checks them all, to name every problem at once).
    mutating func submitChecked() {
        position = .complete
        problem = nil
    }
}
