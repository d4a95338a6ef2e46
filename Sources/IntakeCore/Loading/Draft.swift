/// The questionnaire as read from YAML before its expressions are compiled. Expressions
/// are compiled in a second pass because a scope depends on the whole file's ids.
struct Draft {
    var metadata: Metadata
    var sections: [SectionDraft]
    var scores: [ScoreDraft]
    var flags: [FlagDraft]
    var checklists: [ChecklistDraft]
    var summary: SummaryLayout
    /// Where each summary reference was written, for error positions.
    var summaryReferences: [(id: String, location: SourceLocation, kind: String)]
}

/// Expression text waiting to be compiled.
struct PendingExpression {
    var source: String
    var location: SourceLocation
}

struct SectionDraft {
    var section: Section
    var when: PendingExpression?
    var items: [ItemDraft]
}

struct ItemDraft {
    var item: Item
    var when: PendingExpression?
    var validations: [(rule: PendingExpression, message: LocalizedText)]
}

struct ScoreDraft {
    var id: String
    var label: LocalizedText
    var value: PendingExpression
    var unit: LocalizedText?
    var bands: [ScoreBand]
    var notComputable: LocalizedText?
    var location: SourceLocation
}

struct FlagDraft {
    var id: String
    var severity: FlagDefinition.Severity
    var when: PendingExpression
    var staff: LocalizedText
    var patient: LocalizedText
    var location: SourceLocation
}

struct ChecklistDraft {
    var id: String
    var title: LocalizedText
    var sourceID: String?
    var weightColumns: [LocalizedText]
    var entries: [EntryDraft]
    var location: SourceLocation

    struct EntryDraft {
        var id: String
        var label: LocalizedText
        var weights: [Double]
        var reported: PendingExpression?
        var assessedBy: LocalizedText?
        var location: SourceLocation
    }
}
