/// First pass: reads the YAML tree into a ``Draft``, checking keys, values and ids.
struct DocumentReader {
    let context: LoadContext
    /// Every id seen so far, across all kinds, with where it was first used.
    private let ids = IDRegistry()

    init(context: LoadContext) {
        self.context = context
    }

    static let topLevelKeys = [
        "questionnaire", "version", "title", "description", "languages", "default_language",
        "estimated_minutes", "review_status", "sources", "summary", "sections", "scores", "flags", "checklists",
    ]

    func read(_ root: YAMLNode) -> Draft? {
        guard let top = MappingReader(root, what: "the questionnaire", context: context) else { return nil }
        top.rejectUnknownKeys(allowed: Self.topLevelKeys)
        readLanguages(top)

        let id = top.id("questionnaire", allowingHyphens: true)?.0 ?? ""
        let version = top.string("version", required: true) ?? ""
        let title = top.text("title", required: true) ?? LocalizedText("")
        let estimated = top.integer("estimated_minutes", minimum: 1)
        let metadata = Metadata(
            id: id, version: version, title: title, description: top.text("description"),
            languages: context.languages, defaultLanguage: context.defaultLanguage,
            estimatedMinutes: estimated, sources: readSources(top),
            reviewStatus: top.string("review_status"), sourceFile: context.file
        )

        var sections: [SectionDraft] = []
        if let nodes = top.sequence("sections", required: true) {
            if nodes.isEmpty, let node = top.value("sections") { context.error("the questionnaire has no sections", at: node) }
            let itemReader = ItemReader(context: context, ids: ids)
            for node in nodes {
                if let section = readSection(node, itemReader: itemReader) { sections.append(section) }
            }
        }
        let outcomes = OutcomeReader(context: context, ids: ids)
        let scores = top.sequence("scores").map { $0.compactMap(outcomes.readScore) } ?? []
        let flags = top.sequence("flags").map { $0.compactMap(outcomes.readFlag) } ?? []
        let checklists = top.sequence("checklists").map { $0.compactMap(outcomes.readChecklist) } ?? []
        let (summary, references) = readSummary(top)
        return Draft(
            metadata: metadata, sections: sections, scores: scores, flags: flags,
            checklists: checklists, summary: summary, summaryReferences: references
        )
    }

    private func readLanguages(_ top: MappingReader) {
        guard let list = top.stringList("languages", required: true) else { return }
        var languages: [String] = []
        for (code, node) in list {
            let valid = !code.isEmpty && code.count <= 8 && code.unicodeScalars.allSatisfy { $0.isASCIILetter || $0 == "-" }
            if !valid {
                context.error("'\(code)' is not a language code such as 'en' or 'de'", at: node)
            } else if languages.contains(code) {
                context.error("language '\(code)' is listed twice", at: node)
            } else {
                languages.append(code)
            }
        }
        guard let first = languages.first else {
            if let node = top.value("languages") { context.error("'languages' must list at least one language", at: node) }
            return
        }
        context.languages = languages
        context.defaultLanguage = first
        if let chosen = top.string("default_language"), let node = top.value("default_language") {
            if languages.contains(chosen) {
                context.defaultLanguage = chosen
                context.languages = [chosen] + languages.filter { $0 != chosen }
            } else {
                context.error("default language '\(chosen)' is not in 'languages'\(LoadContext.suggestion(for: chosen, among: languages))", at: node)
            }
        }
    }

    private func readSources(_ top: MappingReader) -> [Citation] {
        guard let nodes = top.sequence("sources") else { return [] }
        var result: [Citation] = []
        // Sources have their own namespace: expressions never name them, checklists do by `source:`.
        let sourceIDs = IDRegistry()
        for node in nodes {
            guard let entry = MappingReader(node, what: "a source", context: context) else { continue }
            entry.rejectUnknownKeys(allowed: ["id", "text", "url"])
            guard let (id, idNode) = entry.id(allowingHyphens: true), let text = entry.string("text", required: true) else { continue }
            sourceIDs.claim(id, at: idNode, kind: "source", context: context)
            result.append(Citation(id: id, text: text, url: entry.string("url")))
        }
        return result
    }

    private func readSection(_ node: YAMLNode, itemReader: ItemReader) -> SectionDraft? {
        guard let reader = MappingReader(node, what: "a section", context: context) else { return nil }
        reader.rejectUnknownKeys(allowed: ["id", "title", "intro", "when", "summary_when_skipped", "items"])
        let idPair = reader.id()
        if let (id, idNode) = idPair { ids.claim(id, at: idNode, kind: "section", context: context) }
        let id = idPair?.0 ?? ""
        let title = reader.text("title", required: true) ?? LocalizedText("")
        var items: [ItemDraft] = []
        if let nodes = reader.sequence("items", required: true) {
            if nodes.isEmpty, let itemsNode = reader.value("items") { context.error("section '\(id)' has no items", at: itemsNode) }
            items = nodes.compactMap { itemReader.read($0) }
        }
        let section = Section(
            id: id, title: title, intro: reader.text("intro"),
            summaryWhenSkipped: reader.text("summary_when_skipped"), items: [], location: context.location(of: node)
        )
        let when = reader.expressionSource("when").map { PendingExpression(source: $0.0, location: $0.1) }
        return SectionDraft(section: section, when: when, items: items)
    }

    private func readSummary(_ top: MappingReader) -> (SummaryLayout, [(id: String, location: SourceLocation, kind: String)]) {
        guard let node = top.value("summary"), let reader = MappingReader(node, what: "'summary'", context: context) else {
            return (SummaryLayout(), [])
        }
        reader.rejectUnknownKeys(allowed: ["name_item", "birth_date_item", "key_scores", "key_items"])
        var references: [(id: String, location: SourceLocation, kind: String)] = []
        func reference(_ key: String, kind: String) -> String? {
            guard let id = reader.string(key), let valueNode = reader.value(key) else { return nil }
            references.append((id, context.location(of: valueNode), kind))
            return id
        }
        func list(_ key: String, kind: String) -> [String] {
            (reader.stringList(key) ?? []).map { id, itemNode in
                references.append((id, context.location(of: itemNode), kind))
                return id
            }
        }
        let layout = SummaryLayout(
            nameItem: reference("name_item", kind: "item"),
            birthDateItem: reference("birth_date_item", kind: "item"),
            keyScores: list("key_scores", kind: "score"),
            keyItems: list("key_items", kind: "item")
        )
        return (layout, references)
    }
}

/// Ids share one namespace across sections, items, scores, flags and checklists,
/// because expressions and outputs name them without saying their kind.
final class IDRegistry {
    private var seen: [String: (SourceLocation, String)] = [:]

    /// Reads the `id` of a mapping that is one of `kind` ("score", "flag", ...), claims it,
    /// and returns a reader that names the mapping by its id in later messages.
    func identified(_ node: YAMLNode, kind: String, allowed keys: [String], context: LoadContext) -> (reader: MappingReader, id: String?)? {
        guard let base = MappingReader(node, what: "a \(kind)", context: context) else { return nil }
        let pair = base.id()
        if let (id, idNode) = pair { claim(id, at: idNode, kind: kind, context: context) }
        let reader = base.named("\(kind) '\(pair?.0 ?? "?")'")
        reader.rejectUnknownKeys(allowed: keys)
        return (reader, pair?.0)
    }

    func claim(_ id: String, at node: YAMLNode, kind: String, context: LoadContext) {
        let location = context.location(of: node)
        if let (first, firstKind) = seen[id] {
            let what = firstKind == kind ? "" : " (already the id of a \(firstKind))"
            context.error("duplicate id '\(id)'\(what), first used at line \(first.line)", at: node)
            return
        }
        seen[id] = (location, kind)
    }
}
