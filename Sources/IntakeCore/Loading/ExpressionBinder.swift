/// Second pass: compiles every expression against the ids of the whole file, and checks
/// flow order: a `when` may only look back, a score only at earlier scores. Looking only
/// backwards is what makes cycles impossible.
struct ExpressionBinder {
    let context: LoadContext
    let draft: Draft

    func bind() -> Questionnaire {
        let symbols = Self.symbols(for: draft)
        let scope = WholeFileScope(symbols: symbols)
        var visible: Set<String> = []
        var sections: [Section] = []

        for sectionDraft in draft.sections {
            var section = sectionDraft.section
            section.when = compile(sectionDraft.when, expecting: .bool, scope: scope, visible: visible, owner: "section '\(section.id)'")
            if let when = section.when, when.canNeverBeTrue {
                context.report(.warning("this 'when' can never be true, so section '\(section.id)' is never shown", at: when.location))
            }
            for itemDraft in sectionDraft.items {
                var item = itemDraft.item
                item.when = compile(itemDraft.when, expecting: .bool, scope: scope, visible: visible, owner: "item '\(item.id)'")
                if let when = item.when, when.canNeverBeTrue {
                    context.report(.warning("this 'when' can never be true, so '\(item.id)' is never asked", at: when.location))
                }
                // Rules may read the item itself: add it to the visible names in place (a copy
                // of the set per item made loading quadratic in the number of items).
                let added = visible.insert(item.id).inserted
                item.validations = itemDraft.validations.compactMap { rule, message in
                    compile(rule, expecting: .bool, scope: scope, visible: visible, owner: "a rule of '\(item.id)'")
                        .map { Validation(rule: $0, message: message) }
                }
                if added && !item.takesAnswer { visible.remove(item.id) }
                section.items.append(item)
            }
            sections.append(section)
        }

        var scores: [ScoreDefinition] = []
        for score in draft.scores {
            if let expression = compile(score.value, expecting: .number, scope: scope, visible: visible, owner: "score '\(score.id)'") {
                scores.append(ScoreDefinition(
                    id: score.id, label: score.label, expression: expression, unit: score.unit,
                    bands: score.bands, whenNotComputable: score.notComputable, location: score.location
                ))
            }
            visible.insert(score.id)
        }

        let flags = draft.flags.compactMap { flag in
            compile(flag.when, expecting: .bool, scope: scope, visible: visible, owner: "flag '\(flag.id)'").map {
                FlagDefinition(id: flag.id, severity: flag.severity, condition: $0, staffMessage: flag.staff, patientMessage: flag.patient, location: flag.location)
            }
        }

        let checklists = draft.checklists.map { checklist in
            checkSource(checklist)
            let entries: [ChecklistEntry] = checklist.entries.compactMap { entry in
                if let reported = entry.reported {
                    return compile(reported, expecting: .bool, scope: scope, visible: visible, owner: "checklist entry '\(entry.id)'").map {
                        ChecklistEntry(id: entry.id, label: entry.label, weights: entry.weights, basis: .reported($0), location: entry.location)
                    }
                }
                return ChecklistEntry(id: entry.id, label: entry.label, weights: entry.weights, basis: .assessedBy(entry.assessedBy ?? LocalizedText("")), location: entry.location)
            }
            return Checklist(id: checklist.id, title: checklist.title, sourceID: checklist.sourceID, weightColumns: checklist.weightColumns, entries: entries, location: checklist.location)
        }

        checkSummaryReferences(symbols: symbols)
        return Questionnaire(
            metadata: draft.metadata, sections: sections, scores: scores, flags: flags,
            checklists: checklists, summaryLayout: draft.summary
        )
    }

    /// Compiles one expression, then rejects names that are not visible at this point.
    private func compile(
        _ pending: PendingExpression?, expecting: ValueType, scope: WholeFileScope, visible: Set<String>, owner: String
    ) -> CompiledExpression? {
        guard let pending else { return nil }
        let (expression, diagnostics) = ExpressionCompiler.compile(pending.source, at: pending.location, expecting: expecting, in: scope)
        context.report(diagnostics)
        guard let expression else { return nil }
        var ok = true
        for name in expression.references.sorted() where !visible.contains(name) {
            ok = false
            let location = Self.location(of: name, in: pending)
            let ownName = owner.split(separator: "'").dropFirst().first.map(String.init)
            if name == ownName {
                context.report(.error("\(owner) refers to itself", at: location))
            } else if scope.symbols[name]?.kind == .score {
                context.report(.error("\(owner) uses score '\(name)', which is defined after it", at: location))
            } else {
                context.report(.error("\(owner) uses '\(name)', which comes later in the questionnaire", at: location))
            }
        }
        return ok ? expression : nil
    }

    /// Where a name first appears as a whole word in the expression text.
    static func location(of name: String, in pending: PendingExpression) -> SourceLocation {
        let characters = Array(pending.source)
        let target = Array(name)
        func isWord(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }
        var index = 0
        while index + target.count <= characters.count {
            if Array(characters[index..<index + target.count]) == target,
               index == 0 || !isWord(characters[index - 1]),
               index + target.count == characters.count || !isWord(characters[index + target.count]) {
                return pending.location.advanced(by: index, in: pending.source)
            }
            index += 1
        }
        return pending.location
    }

    private func checkSource(_ checklist: ChecklistDraft) {
        guard let sourceID = checklist.sourceID else { return }
        let known = draft.metadata.sources.map(\.id)
        if !known.contains(sourceID) {
            context.report(.error("unknown source '\(sourceID)'\(LoadContext.suggestion(for: sourceID, among: known))", at: checklist.location))
        }
    }

    private func checkSummaryReferences(symbols: [String: ExpressionSymbol]) {
        guard !draft.summaryReferences.isEmpty else { return }
        let items = draft.sections.flatMap(\.items).map(\.item.id)
        let scores = draft.scores.map(\.id)
        for reference in draft.summaryReferences {
            let candidates = reference.kind == "score" ? scores : items
            if !candidates.contains(reference.id) {
                context.report(.error("unknown \(reference.kind) '\(reference.id)'\(LoadContext.suggestion(for: reference.id, among: candidates))", at: reference.location))
            }
        }
    }

    /// The symbol every answered item and score offers to expressions.
    static func symbols(for draft: Draft) -> [String: ExpressionSymbol] {
        var symbols: [String: ExpressionSymbol] = [:]
        var slot = 0
        for section in draft.sections {
            for itemDraft in section.items {
                if var symbol = symbol(for: itemDraft.item) {
                    symbol.slot = slot
                    symbols[itemDraft.item.id] = symbol
                }
                slot += 1
            }
        }
        for score in draft.scores { symbols[score.id] = ExpressionSymbol(name: score.id, kind: .score, type: .number) }
        return symbols
    }

    static func symbol(for item: Item) -> ExpressionSymbol? {
        let type: ValueType
        switch item.kind {
        case .yesNo: type = .bool
        case .singleChoice(let options): type = .choice(options: options.map(\.id))
        case .multipleChoice(let options): type = .set(members: options.map(\.id))
        case .integer, .decimal, .rating, .duration: type = .number
        case .date: type = .date
        case .shortText, .longText: type = .text
        case .bodyMap(let spec): type = .set(members: spec.regions.map(\.id))
        case .note: return nil
        }
        let scored = item.options.contains { $0.score != nil }
        return ExpressionSymbol(name: item.id, kind: .item, type: type, hasOptionScores: scored)
    }
}

/// Sees every item and score of the file; flow order is checked after compiling, so that
/// a look-ahead gets a precise message instead of "unknown name".
struct WholeFileScope: ExpressionScope {
    let symbols: [String: ExpressionSymbol]

    func symbol(named name: String) -> ExpressionSymbol? { symbols[name] }

    var visibleNames: [String] { symbols.keys.sorted() }
}
