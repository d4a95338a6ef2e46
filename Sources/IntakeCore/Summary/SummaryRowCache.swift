/// Parts of summaries already laid out (answer rows, checklist rows, drawings, the
/// red-flag box, key-score rows, headings), kept across the summaries of one batch.
///
/// A row (an item's label and its answer, in dot-leader columns) depends only on the item,
/// the answer and the section's column layout; in a batch the same questionnaire is
/// rendered in one clinic language at one width, and most answers come from small closed
/// sets (yes/no, options, "not answered"), so most rows repeat from one patient to the
/// next. Finding a row costs a few comparisons of answers; laying it out (the label and
/// answer texts, their widths, wrapping, leaders) about 5,000 instructions. The other
/// parts are found by a ``Key`` that names all they depend on. Parts seen once (a date, a
/// weight) are laid out as before and kept while there is room; the cache is bounded, so
/// it cannot grow without end.
/// Not thread-safe: one cache belongs to one ``SummaryBatch``.
final class SummaryRowCache {
    /// At most this many parts are kept.
    let capacity: Int

    init(capacity: Int = 8192) { self.capacity = capacity }

    /// What a part's lines depend on, all of it.
    enum Key: Hashable {
        /// Entry `entry` of the checklist with id `checklist`.
        case checklist(checklist: String, entry: Int, status: ChecklistEntryStatus, width: Int)
        /// The drawing of body-map item `item` with `regions` marked.
        case bodyMap(item: Int, regions: [String], width: Int)
        /// The red-flag box with these flags raised, in order.
        case redFlags(flags: [String], width: Int)
        /// Parts that depend on nothing but the questionnaire, the language and the width:
        /// a section's heading on the answers page, a checklist's title and column
        /// headings, the footer.
        case sectionHeading(section: Int, width: Int)
        case checklistHead(checklist: String, width: Int)
        case footer(width: Int)
        /// A key score's row (without a previous visit to compare with).
        case score(score: String, value: Double?, layout: SummaryText.LeaderLayout)
    }

    // The stored parts are unchecked for exclusive access: the class is single-threaded
    // (see above), and the runtime's check on every look-up cost more than some look-ups.
    @exclusivity(unchecked) private var parts: [Key: [String]] = [:]

    /// The answers page's rows, by the item's flat index: the answers seen for it, each with
    /// the column layout and the lines. A row is found by comparing a few answers (most
    /// items have two or three that recur), which costs less than hashing one; an item
    /// keeps at most ``rowsPerItem`` of them, the first met.
    @exclusivity(unchecked) private var answerRows: [[(answer: Answer?, layout: SummaryText.LeaderLayout, lines: [String])]] = []
    static let rowsPerItem = 12
    @exclusivity(unchecked) private var answerRowCount = 0
    /// The summary label of each item (by flat index) and its width in cells, once made.
    @exclusivity(unchecked) private var labels: [Int: (text: String, width: Int)] = [:]

    /// How many parts are kept.
    var count: Int { parts.count + answerRowCount }

    /// The lines of the answers page's row of item `item` answered `answer` in `layout`,
    /// if kept. (A look-up and ``keepAnswerRow(_:item:answer:layout:)`` rather than one call
    /// taking a closure: the closure made the renderer copy itself for every row.)
    func answerRow(item: Int, answer: Answer?, layout: SummaryText.LeaderLayout) -> [String]? {
        guard item < answerRows.count else { return nil }
        // Compared in place: a loop over the rows copied each one (its answer and lines) out.
        guard let row = answerRows[item].firstIndex(where: { $0.answer == answer && $0.layout == layout }) else { return nil }
        return answerRows[item][row].lines
    }

    /// Keeps `lines` as the row of item `item` answered `answer` in `layout`, if there is room.
    func keepAnswerRow(_ lines: [String], item: Int, answer: Answer?, layout: SummaryText.LeaderLayout) {
        if item >= answerRows.count { answerRows += Array(repeating: [], count: item + 1 - answerRows.count) }
        guard answerRows[item].count < Self.rowsPerItem, count < capacity else { return }
        answerRows[item].append((answer, layout, lines))
        answerRowCount += 1
    }

    /// The label of item `item`, made by `make` the first time.
    func label(of item: Int, make: () -> String) -> (text: String, width: Int) {
        if let known = labels[item] { return known }
        let text = make()
        let label = (text, SummaryText.displayWidth(text))
        labels[item] = label
        return label
    }

    /// The lines of the part `key`, made by `make` the first time (and whenever the cache
    /// is full).
    func lines(for key: Key, make: () -> [String]) -> [String] {
        if let known = parts[key] { return known }
        let made = make()
        if count < capacity { parts[key] = made }
        return made
    }
}
