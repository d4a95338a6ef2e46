/// Reads what the answers produce: scores, flags and checklists.
struct OutcomeReader {
    let context: LoadContext
    let ids: IDRegistry

    func readScore(_ node: YAMLNode) -> ScoreDraft? {
        guard let (reader, id) = ids.identified(node, kind: "score", allowed: ["id", "label", "value", "unit", "bands", "not_computable"], context: context) else { return nil }
        let label = reader.text("label", required: true)
        let value = reader.expressionSource("value", required: true)
        let bands = reader.sequence("bands").map { $0.compactMap(readBand) } ?? []
        guard let id, let label, let value else { return nil }
        return ScoreDraft(
            id: id, label: label, value: PendingExpression(source: value.0, location: value.1),
            unit: reader.text("unit"), bands: bands, notComputable: reader.text("not_computable"),
            location: context.location(of: node)
        )
    }

    private func readBand(_ node: YAMLNode) -> ScoreBand? {
        guard let reader = MappingReader(node, what: "a band", context: context) else { return nil }
        reader.rejectUnknownKeys(allowed: ["from", "below", "label", "meaning"])
        let from = reader.number("from")
        let below = reader.number("below")
        if let from, let below, from >= below, let fromNode = reader.value("from") {
            context.error("band 'from' (\(Value.number(from))) must be less than 'below' (\(Value.number(below)))", at: fromNode)
        }
        guard let label = reader.text("label", required: true) else { return nil }
        return ScoreBand(from: from, below: below, label: label, meaning: reader.text("meaning"))
    }

    func readFlag(_ node: YAMLNode) -> FlagDraft? {
        guard let (reader, id) = ids.identified(node, kind: "flag", allowed: ["id", "severity", "when", "staff", "patient"], context: context) else { return nil }
        var severity: FlagDefinition.Severity?
        if let text = reader.string("severity", required: true), let severityNode = reader.value("severity") {
            severity = FlagDefinition.Severity(rawValue: text)
            if severity == nil {
                let names = FlagDefinition.Severity.allCases.map(\.rawValue)
                context.error("severity must be one of \(names.joined(separator: ", "))\(LoadContext.suggestion(for: text, among: names))", at: severityNode)
            }
        }
        let when = reader.expressionSource("when", required: true)
        let staff = reader.text("staff", required: true)
        let patient = reader.text("patient", required: true)
        guard let id, let severity, let when, let staff, let patient else { return nil }
        return FlagDraft(
            id: id, severity: severity, when: PendingExpression(source: when.0, location: when.1),
            staff: staff, patient: patient, location: context.location(of: node)
        )
    }

    func readChecklist(_ node: YAMLNode) -> ChecklistDraft? {
        guard let (reader, id) = ids.identified(node, kind: "checklist", allowed: ["id", "title", "source", "weight_columns", "entries"], context: context) else { return nil }
        let title = reader.text("title", required: true)
        var columns: [LocalizedText] = []
        if let nodes = reader.sequence("weight_columns") {
            columns = nodes.compactMap { TextReader.read($0, key: "weight_columns", context: context) }
        }
        let entries = (reader.sequence("entries", required: true) ?? []).compactMap { readEntry($0, columns: columns.count) }
        guard let id, let title else { return nil }
        return ChecklistDraft(
            id: id, title: title, sourceID: reader.string("source"), weightColumns: columns,
            entries: entries, location: context.location(of: node)
        )
    }

    private func readEntry(_ node: YAMLNode, columns: Int) -> ChecklistDraft.EntryDraft? {
        guard let (reader, id) = ids.identified(node, kind: "checklist entry", allowed: ["id", "label", "weights", "reported", "assessed_by"], context: context) else { return nil }
        let label = reader.text("label", required: true)
        var weights: [Double] = []
        if let list = reader.stringList("weights", required: true) {
            for (text, weightNode) in list {
                if let weight = Double(text), weight.isFinite { weights.append(weight) } else { context.error("weight '\(text)' is not a number", at: weightNode) }
            }
            if list.count != max(columns, 1), columns > 0, let weightsNode = reader.value("weights") {
                context.error("\(list.count) weights given but there are \(columns) weight columns", at: weightsNode)
            }
        }
        let reported = reader.expressionSource("reported")
        let assessedBy = reader.text("assessed_by")
        if (reported == nil) == (assessedBy == nil) {
            context.error("\(reader.what) needs exactly one of 'reported' (a condition) or 'assessed_by' (who assesses it)", at: node)
        }
        guard let id, let label else { return nil }
        return ChecklistDraft.EntryDraft(
            id: id, label: label, weights: weights,
            reported: reported.map { PendingExpression(source: $0.0, location: $0.1) },
            assessedBy: assessedBy, location: context.location(of: node)
        )
    }
}
