/// Summaries of many saved results of one questionnaire, as `intake summarize DIR --out`
/// makes them: each result is replayed and rendered exactly as a single summary is
/// (``RecordedAnswers/replay(on:)`` and ``SummaryRenderer``), but the work that depends only
/// on the questionnaire and the session date, building a fresh wizard, is done once per
/// date instead of once per result, and wrapped texts and answer rows are kept
/// (``WrapCache``, ``SummaryRowCache``).
public final class SummaryBatch {
    public let questionnaire: Questionnaire
    public let options: SummaryOptions
    /// A wizard with no answers for each session date seen so far.
    private var freshWizards: [PartialDate: Wizard] = [:]
    /// Wrapped labels, headings and table cells, the same for every result of the questionnaire.
    let wrapCache = WrapCache()
    /// Laid-out parts of summaries (answer rows and more), most of which repeat from one
    /// result to the next.
    let rowCache: SummaryRowCache

    public convenience init(questionnaire: Questionnaire, options: SummaryOptions) {
        self.init(questionnaire: questionnaire, options: options, rowCache: SummaryRowCache())
    }

    init(questionnaire: Questionnaire, options: SummaryOptions, rowCache: SummaryRowCache) {
        self.questionnaire = questionnaire
        self.options = options
        self.rowCache = rowCache
    }

    /// The session of `recorded` rebuilt and checked against the questionnaire.
    public func replay(_ recorded: RecordedAnswers) throws(IntakeResult.ReplayProblem) -> Wizard {
        try recorded.replay(on: questionnaire) { date in
            if let fresh = freshWizards[date] { return fresh }
            let fresh = Wizard(questionnaire: questionnaire, today: date)
            freshWizards[date] = fresh
            return fresh
        }
    }

    /// The summary of `recorded`: the same text as `SummaryRenderer.render` of its replay.
    public func summary(of recorded: RecordedAnswers) throws(IntakeResult.ReplayProblem) -> String {
        render(try replay(recorded), provenance: recorded.provenance)
    }

    /// The summary of a replay `wizard` (``replay(_:)``) of answers with `provenance`, laid
    /// out through the batch's ``WrapCache``: the same text as `SummaryRenderer.render`.
    public func render(_ wizard: Wizard, provenance: IntakeResult.Provenance) -> String {
        String(decoding: renderUTF8(wizard, provenance: provenance), as: UTF8.self)
    }

    /// ``render(_:provenance:)`` as UTF-8 bytes, ready to be written to a file.
    public func renderUTF8(_ wizard: Wizard, provenance: IntakeResult.Provenance) -> [UInt8] {
        SummaryRenderer(wizard: wizard, provenance: provenance, options: options, wrapCache: wrapCache, rowCache: rowCache).renderUTF8()
    }
}
