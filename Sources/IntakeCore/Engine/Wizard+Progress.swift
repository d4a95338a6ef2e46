/// How far the patient is, for the progress line and the review page.
public struct Progress: Hashable, Sendable {
    /// Visible items that take an answer, and how many of them are answered.
    public var answered: Int
    public var total: Int
    /// Within the current section: the current item's 1-based number and the section's visible count.
    public var sectionPosition: Int?
    public var sectionTotal: Int
    /// Whole minutes left by the file's estimate, in proportion to the items left.
    public var minutesLeft: Int?

    public var fraction: Double { total == 0 ? 1 : Double(answered) / Double(total) }
}

/// Answered and shown items of one section, for the review page and section menus.
public struct SectionProgress: Hashable, Sendable {
    public var sectionID: String
    public var answered: Int
    public var total: Int
}

/// One line of the review page.
public struct ReviewEntry: Sendable {
    public var section: Section
    public var item: Item
    public var answer: Answer?
}

extension Wizard {
    public var progress: Progress {
        var answered = 0
        var total = 0
        var remaining = 0
        let currentFlat: Int? = if case .item(_, _, let flat)? = currentStep { flat } else { nil }
        let currentSection = currentStep?.sectionIndex
        var sectionPosition: Int?
        var sectionTotal = 0
        // Flat indexes follow the steps' order; per-index arrays keep this loop free of
        // copies of items and of dictionary lookups (it runs on every redraw).
        for flat in items.indices where visible[flat] && takesAnswer[flat] {
            total += 1
            if hasGiven[flat] { answered += 1 }
            if let currentFlat, flat >= currentFlat { remaining += 1 }
            if sectionOfItem[flat] == currentSection {
                sectionTotal += 1
                if let currentFlat, flat <= currentFlat { sectionPosition = sectionTotal }
            }
        }
        if position == .review || position == .complete { remaining = 0 }
        if currentFlat == nil, case .step = position { remaining = total - answered }
        let minutes = questionnaire.metadata.estimatedMinutes.map { estimate in
            total == 0 ? 0 : Int((Double(estimate) * Double(remaining) / Double(total)).rounded(.up))
        }
        return Progress(answered: answered, total: total, sectionPosition: sectionPosition, sectionTotal: sectionTotal, minutesLeft: minutes)
    }

    /// Answered and visible answer-taking items per section, in order; sections with nothing shown are left out.
    public var sectionProgress: [SectionProgress] {
        var entries = questionnaire.sections.map { SectionProgress(sectionID: $0.id, answered: 0, total: 0) }
        for flat in items.indices where visible[flat] && takesAnswer[flat] {
            entries[sectionOfItem[flat]].total += 1
            if hasGiven[flat] { entries[sectionOfItem[flat]].answered += 1 }
        }
        return entries.filter { $0.total > 0 }
    }

    /// Every visible item with its answer, section by section.
    public var reviewEntries: [ReviewEntry] {
        steps.compactMap { step in
            guard case .item(let section, _, let flat) = step, visible[flat], items[flat].takesAnswer else { return nil }
            return ReviewEntry(section: questionnaire.sections[section], item: items[flat], answer: given[flat])
        }
    }
}
