/// Rows of the answers page and of the checklists already laid out, kept across the
/// summaries of one batch.
///
/// A row (an item's label and its answer, in dot-leader columns) depends only on the item,
/// the answer and the section's column layout; in a batch the same questionnaire is
/// rendered in one clinic language at one width, and most answers come from small closed
/// sets (yes/no, options, "not answered"), so most rows repeat from one patient to the
/// next. Looking a row up costs one hash of the answer; laying it out (the label and answer
/// texts, their widths, wrapping, leaders) cost about ten times that. Rows with answers
/// seen once (a date, a weight, free text) are laid out as before and kept while there is
/// room; the cache is bounded, so it cannot grow without end.
/// Not thread-safe: one cache belongs to one ``SummaryBatch``.
final class SummaryRowCache {
    /// At most this many rows are kept.
    let capacity: Int

    init(capacity: Int = 8192) { self.capacity = capacity }

    private struct Key: Hashable {
        let item: Int
        let answer: Answer?
        let layout: SummaryText.LeaderLayout
    }

    private var rows: [Key: [String]] = [:]

    /// A checklist entry's row: it depends on the entry, its status and the page width.
    private struct ChecklistKey: Hashable {
        let checklist: String
        let entry: Int
        let status: ChecklistEntryStatus
        let width: Int
    }

    private var checklistRows: [ChecklistKey: [String]] = [:]
    /// The summary label of each item (by flat index) and its width in cells, once made.
    private var labels: [Int: (text: String, width: Int)] = [:]

    /// How many rows are kept (answers and checklist entries).
    var count: Int { rows.count + checklistRows.count }

    /// The label of item `item`, made by `make` the first time.
    func label(of item: Int, make: () -> String) -> (text: String, width: Int) {
        if let known = labels[item] { return known }
        let text = make()
        let label = (text, SummaryText.displayWidth(text))
        labels[item] = label
        return label
    }

    /// Appends the lines of the row of `item` answered `answer` in `layout`, laid out by
    /// `make` (which appends them) the first time.
    func appendRow(item: Int, answer: Answer?, layout: SummaryText.LeaderLayout, to lines: inout [String], make: (inout [String]) -> Void) {
        let key = Key(item: item, answer: answer, layout: layout)
        if let known = rows[key] {
            lines += known
            return
        }
        var made: [String] = []
        make(&made)
        if count < capacity { rows[key] = made }
        lines += made
    }

    /// Appends the lines of entry `entry` of checklist `checklist` with `status` at page
    /// width `width`, made by `make` the first time.
    func appendChecklistRow(checklist: String, entry: Int, status: ChecklistEntryStatus, width: Int, to lines: inout [String], make: (inout [String]) -> Void) {
        let key = ChecklistKey(checklist: checklist, entry: entry, status: status, width: width)
        if let known = checklistRows[key] {
            lines += known
            return
        }
        var made: [String] = []
        make(&made)
        if count < capacity { checklistRows[key] = made }
        lines += made
    }
}
