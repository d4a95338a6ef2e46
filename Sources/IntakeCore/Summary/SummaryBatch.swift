/// Summaries of many saved results of one questionnaire, as `intake summarize DIR --out`
/// makes them: each result is replayed and rendered exactly as a single summary is
/// (``IntakeResult/replay(on:)`` and ``SummaryRenderer``), but the work that depends only
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

    /// The session of `result` rebuilt and checked against the questionnaire.
    public func replay(_ result: IntakeResult) throws(IntakeResult.ReplayProblem) -> Wizard {
        try result.replay(on: questionnaire) { date in
            if let fresh = freshWizards[date] { return fresh }
            let fresh = Wizard(questionnaire: questionnaire, today: date)
            freshWizards[date] = fresh
            return fresh
        }
    }

    /// The summary of `result`: the same text as `SummaryRenderer.render` of its replay.
    public func summary(of result: IntakeResult) throws(IntakeResult.ReplayProblem) -> String {
        render(try replay(result), result: result)
    }

    /// The summary of `result` from its replay `wizard` (``replay(_:)``), laid out through
    /// the batch's ``WrapCache``: the same text as `SummaryRenderer.render`.
    public func render(_ wizard: Wizard, result: IntakeResult) -> String {
        String(decoding: renderUTF8(wizard, result: result), as: UTF8.self)
    }

    /// ``render(_:result:)`` as UTF-8 bytes, ready to be written to a file.
    public func renderUTF8(_ wizard: Wizard, result: IntakeResult) -> [UInt8] {
        SummaryRenderer(wizard: wizard, result: result, options: options, wrapCache: wrapCache, rowCache: rowCache).renderUTF8()
    }
}
