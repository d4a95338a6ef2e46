/// Wrapped lines of texts already laid out, kept across the summaries of one batch.
///
/// A batch renders the same questionnaire texts (long item labels, checklist criteria,
/// headings) at the same widths for every result, and the word-by-word layout of a long
/// label costs far more than looking it up. Texts that fit one line are not stored: the
/// one-line check (``TextWrap/singleLine(_:width:)``) is cheaper than hashing them.
/// The cache is bounded, so patients' free text cannot make it grow without end; once
/// full it keeps what it has (the questionnaire's texts, met in the first summary).
/// Not thread-safe: one cache belongs to one ``SummaryBatch``.
final class WrapCache {
    /// At most this many wrapped texts are kept.
    static let capacity = 4096

    private struct Key: Hashable {
        let text: String
        let width: Int
    }

    /// Unchecked for exclusive access, as the class is single-threaded (see above): the
    /// runtime's check on every look-up cost more than some look-ups.
    @exclusivity(unchecked) private var stored: [Key: [String]] = [:]

    /// How many wrapped texts are kept.
    var count: Int { stored.count }

    /// The same lines as ``SummaryText/wrap(_:width:)`` of `text` at `width`.
    func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        if text.isEmpty { return [""] }
        if let line = TextWrap.singleLine(text, width: width) { return [line] }
        let key = Key(text: text, width: width)
        if let lines = stored[key] { return lines }
        let lines = SummaryText.wrap(text, width: width)
        if stored.count < Self.capacity { stored[key] = lines }
        return lines
    }
}
