/// Which items' visibility depends on which answers, built once at load.
///
/// An answer change re-evaluates only the items whose `when` (or whose section's `when`)
/// reads that answer, and, when one of those flips, the items that read it in turn.
struct DependencyGraph: Sendable {
    /// For each item id, the flat indexes of items whose visibility reads it, ascending.
    let dependents: [String: [Int]]
    /// Whether every condition reads only items before its own: then one pass in flow order
    /// settles all visibility (always so in our YAML; a FHIR `enableWhen` may look forward).
    let looksOnlyBack: Bool

    init(questionnaire: Questionnaire) {
        var dependents: [String: Set<Int>] = [:]
        var before: Set<String> = []
        var looksOnlyBack = true
        var flat = 0
        for section in questionnaire.sections {
            let sectionReads = section.when?.references ?? []
            for item in section.items {
                for name in sectionReads.union(item.when?.references ?? []) {
                    dependents[name, default: []].insert(flat)
                    if !before.contains(name) { looksOnlyBack = false }
                }
                before.insert(item.id)
                flat += 1
            }
        }
        self.dependents = dependents.mapValues { $0.sorted() }
        self.looksOnlyBack = looksOnlyBack
    }
}
