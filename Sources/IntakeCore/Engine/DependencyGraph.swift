/// Which items' visibility depends on which answers, built once at load.
///
/// An answer change re-evaluates only the items whose `when` (or whose section's `when`)
/// reads that answer, and, when one of those flips, the items that read it in turn.
struct DependencyGraph: Sendable {
    /// For each item id, the flat indexes of items whose visibility reads it, ascending.
    let dependents: [String: [Int]]

    init(questionnaire: Questionnaire) {
        // Items are visited in flow order, so appending keeps each list ascending; a name
        // read by both an item and its section is added once. No set per name or per item,
        // and no item copied (this runs for every wizard, on every item).
        var dependents: [String: [Int]] = [:]
        var flat = 0
        for section in questionnaire.sections {
            let sectionReads = section.when?.references ?? []
            for index in section.items.indices {
                for name in sectionReads { dependents[name, default: []].append(flat) }
                for name in section.items[index].when?.references ?? [] where !sectionReads.contains(name) {
                    dependents[name, default: []].append(flat)
                }
                flat += 1
            }
        }
        self.dependents = dependents
    }
}
