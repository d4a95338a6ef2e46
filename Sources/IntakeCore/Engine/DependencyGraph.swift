/// Which items' visibility depends on which answers, built once at load.
///
/// An answer change re-evaluates only the items whose `when` (or whose section's `when`)
/// reads that answer, and, when one of those flips, the items that read it in turn.
struct DependencyGraph: Sendable {
    /// For each item id, the flat indexes of items whose visibility reads it, ascending.
    let dependents: [String: [Int]]

    init(questionnaire: Questionnaire) {
        var dependents: [String: Set<Int>] = [:]
        var flat = 0
        for section in questionnaire.sections {
            let sectionReads = section.when?.references ?? []
            for item in section.items {
                for name in sectionReads.union(item.when?.references ?? []) {
                    dependents[name, default: []].insert(flat)
                }
                flat += 1
            }
        }
        self.dependents = dependents.mapValues { $0.sorted() }
    }
}
