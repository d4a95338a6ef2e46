/// How to lay out a summary.
public struct SummaryOptions: Sendable {
    /// Columns: 80 for paper and screens, 40 for receipt printers (at least 40).
    public var width: Int
    /// The language of headings, labels and staff messages. Free text stays as the patient wrote it.
    public var clinicLanguage: String
    /// An earlier result of the same patient: adds a "change since last visit" column to the key scores.
    public var previous: IntakeResult?

    public init(width: Int = 80, clinicLanguage: String = "en", previous: IntakeResult? = nil) {
        self.width = max(40, width)
        self.clinicLanguage = clinicLanguage
        self.previous = previous
    }
}

/// The pre-consultation summary: plain text the clinician reads in the minute before the
/// consultation, pages separated by form feeds (`\f`).
///
/// Page 1 stands alone: who, red flags (urgent, then this visit, then notes), key scores
/// and key answers. Then every answer by section (with a drawing of the rash), the
/// checklists, the patient's own words and the provenance. Never a diagnosis.
public struct SummaryRenderer {
    public let wizard: Wizard
    /// Where the answers came from: the summary shows when and in which language.
    public let provenance: IntakeResult.Provenance
    public let options: SummaryOptions

    var questionnaire: Questionnaire { wizard.questionnaire }
    var width: Int { options.width }
    var lang: String { options.clinicLanguage }
    var wide: Bool { options.width >= 60 }
    let sheet: ScoreSheet

    public init(wizard: Wizard, result: IntakeResult, options: SummaryOptions = SummaryOptions()) {
        self.init(wizard: wizard, provenance: result.provenance, options: options, wrapCache: nil)
    }

    /// A renderer that lays out text through `wrapCache`, shared by the summaries of a batch.
    /// The scores, flags and checklists are computed from `wizard`, never taken from a result.
    init(wizard: Wizard, provenance: IntakeResult.Provenance, options: SummaryOptions, wrapCache: WrapCache?, rowCache: SummaryRowCache? = nil) {
        self.wizard = wizard
        self.provenance = provenance
        self.options = options
        self.sheet = Scorer.evaluate(wizard)
        self.texts = BuiltInText.tables[options.clinicLanguage]
        self.wrapCache = wrapCache
        self.rowCache = rowCache
    }

    /// Wrapped texts kept across a batch (``SummaryBatch``); nil for a single summary.
    let wrapCache: WrapCache?
    /// Laid-out parts kept across a batch; nil for a single summary.
    let rowCache: SummaryRowCache?

    /// The lines `make` lays out, taken from the batch's ``SummaryRowCache`` under `key`
    /// when it has them (a single summary lays them out, and makes no key).
    func part(_ key: @autoclosure () -> SummaryRowCache.Key, _ make: () -> [String]) -> [String] {
        guard let rowCache else { return make() }
        return rowCache.lines(for: key(), make: make)
    }

    // The layouts of ``SummaryText``, through the batch's cache when there is one.
    func wrap(_ text: String, width: Int) -> [String] { SummaryText.wrap(text, width: width, cache: wrapCache) }
    func heading(_ text: String, width: Int) -> [String] { SummaryText.heading(text, width: width, cache: wrapCache) }
    func leaderTable(_ rows: [(label: String, value: String)], width: Int, indent: Int, labelShare: Double) -> [String] {
        SummaryText.leaderTable(rows, width: width, indent: indent, labelShare: labelShare, cache: wrapCache)
    }
    func tableLayout(_ rows: [[String]], widths: [Int], indent: Int) -> [String] {
        SummaryText.table(rows, widths: widths, indent: indent, cache: wrapCache)
    }

    /// The summary: pages joined by form feeds, each line at most `options.width` cells.
    public func render() -> String {
        String(decoding: renderUTF8(), as: UTF8.self)
    }

    /// ``render()`` as UTF-8 bytes, for writing to a file: the lines are valid text
    /// already, so no pass checks them again.
    public func renderUTF8() -> [UInt8] {
        let pages = [firstPage(), answersPage(), checklistPage()]
        // Every line ending in "\n" and pages apart by "\f", gathered as bytes of the final
        // size: appending to a string costs a few hundred instructions a call, copying a
        // line's bytes a few dozen.
        var text: [UInt8] = []
        text.reserveCapacity(pages.reduce(pages.count) { total, page in page.reduce(total) { $0 + $1.utf8.count + 1 } })
        for (index, page) in pages.enumerated() {
            if index > 0 { text.append(0x0C) }
            for line in page {
                text.append(contentsOf: line.utf8)
                text.append(0x0A)
            }
        }
        return text
    }

    /// Renders a summary in one call.
    public static func render(wizard: Wizard, result: IntakeResult, options: SummaryOptions = SummaryOptions()) -> String {
        SummaryRenderer(wizard: wizard, result: result, options: options).render()
    }

    /// The clinic language's table of built-in texts, looked up once per summary.
    let texts: [BuiltInText: String]?

    /// ``BuiltInText/text(_:)`` in the clinic's language.
    func t(_ key: BuiltInText) -> String { texts?[key] ?? BuiltInText.english[key] ?? key.rawValue }

    // MARK: Page 1

    var patientName: String {
        guard let id = questionnaire.summaryLayout.nameItem, case .text(let name)? = wizard.answer(for: id) else { return "–" }
        return SummaryText.sanitized(name)
    }

    var birthDate: PartialDate? {
        guard let id = questionnaire.summaryLayout.birthDateItem, case .date(let date)? = wizard.answer(for: id) else { return nil }
        return date
    }

    func firstPage() -> [String] {
        var lines = wrap(t(.summaryTitle), width: width)
        lines += wrap(SummaryText.sanitized(questionnaire.metadata.title.resolved(lang)), width: width)
        lines.append(SummaryText.rule(width, "═"))
        var header: [(String, String)] = [(t(.patient), patientName)]
        if let birthDate {
            let age = birthDate.wholeYears(until: wizard.today)
            header.append((t(.dateOfBirth), "\(birthDate) (\(t(.age)) \(age))"))
        }
        header.append((t(.completed), provenance.submitted.readable))
        header.append((t(.patientLanguage), BuiltInPlural.languageName(provenance.language, in: lang)))
        lines += leaderTable(header, width: width, indent: 0, labelShare: wide ? 0.3 : 0.45)
        lines.append("")
        lines += redFlagBox()
        lines.append("")
        lines += keyScores()
        let keyItems = keyItemRows()
        if !keyItems.isEmpty {
            lines.append("")
            lines += heading(t(.keyItems), width: width)
            lines += leaderTable(keyItems, width: width, indent: 2, labelShare: wide ? 0.4 : 0.45)
        }
        lines.append("")
        lines.append(SummaryText.rule(width))
        let metadata = questionnaire.metadata
        lines += wrap("\(t(.questionnaire)): \(metadata.id) \(metadata.version) · sha256 \(metadata.sourceDigest.prefix(12))", width: width)
        lines += wrap(t(.notADiagnosis), width: width)
        return lines
    }

    /// The red-flag box; in a batch, a box for the same raised flags is taken from its
    /// ``SummaryRowCache`` (most patients raise none or the same one or two).
    func redFlagBox() -> [String] {
        part(.redFlags(flags: sheet.flags.map(\.id), width: width)) { layOutRedFlagBox() }
    }

    func layOutRedFlagBox() -> [String] {
        let inner = width - 4
        var body: [String] = []
        if sheet.flags.isEmpty {
            body = wrap(t(.noRedFlags), width: inner)
        } else {
            func label(_ severity: FlagDefinition.Severity) -> String {
                switch severity {
                case .urgent: t(.severityUrgent)
                case .soon: t(.severitySoon)
                case .info: t(.severityInfo)
                }
            }
            let labelWidth = sheet.flags.map { SummaryText.displayWidth(label($0.severity)) }.max() ?? 0
            for flag in sheet.flags {
                let label = label(flag.severity)
                let message = SummaryText.sanitized(flag.staffMessage.resolved(lang))
                if wide {
                    let messageLines = wrap(message, width: inner - labelWidth - 2)
                    for (index, line) in messageLines.enumerated() {
                        body.append(SummaryText.pad(index == 0 ? label : "", to: labelWidth) + "  " + line)
                    }
                } else {
                    body.append(label)
                    body += wrap(message, width: inner - 2).map { "  " + $0 }
                }
            }
        }
        let title = " " + t(.redFlags) + " "
        let titleWidth = SummaryText.displayWidth(title)
        var lines = ["╔═" + title + SummaryText.rule(width - 3 - titleWidth, "═") + "╗"]
        lines += body.map { "║ " + SummaryText.pad($0, to: inner) + " ║" }
        lines.append("╚" + SummaryText.rule(width - 2, "═") + "╝")
        return lines
    }

    /// "1.5 — moderate to severe difficulty", with the band's meaning on the next line.
    func scoreText(_ score: ScoreSheet.Score) -> String {
        let definition = score.definition
        guard let value = score.value else {
            let reason = definition.whenNotComputable.map { ": " + $0.resolved(lang) } ?? ""
            return SummaryText.sanitized(t(.notComputable) + reason)
        }
        var text = NumberText.format(value)
        if let unit = definition.unit?.resolved(lang) { text += " " + unit }
        if let band = score.band {
            text += " — " + band.label.resolved(lang)
            if let meaning = band.meaning?.resolved(lang) { text += "\n" + meaning }
        }
        return SummaryText.sanitized(text, keepingLineBreaks: true)
    }

    func keyScores() -> [String] {
        // A questionnaire that names no key scores (e.g. one imported from FHIR) shows them all.
        let chosen = questionnaire.summaryLayout.keyScores
        let scores = chosen.isEmpty ? sheet.scores : chosen.compactMap { sheet.score($0) }
        guard !scores.isEmpty else { return [] }
        var lines = heading(t(.keyScores), width: width)
        guard let previous = options.previous else {
            // A leader table row by row, so that a batch keeps each score's row (label,
            // value, band) like an answer row.
            let labels = scores.map { SummaryText.sanitized($0.definition.label.resolved(lang)) }
            let layout = SummaryText.LeaderLayout(widestLabel: labels.map(SummaryText.displayWidth).max() ?? 0, width: width, indent: 2, labelShare: wide ? 0.5 : 0.45)
            var buffer: [UInt8] = []
            for (label, score) in zip(labels, scores) {
                lines += part(.score(score: score.definition.id, value: score.value, layout: layout)) {
                    var made: [String] = []
                    layout.append(label, scoreText(score), to: &made, buffer: &buffer, cache: wrapCache)
                    return made
                }
            }
            return lines
        }
        let when = previous.provenance.submitted.date.description
        if wide {
            let changeWidth = 16
            let labelWidth = 30
            let valueWidth = width - 2 - labelWidth - changeWidth - 4
            var rows: [[String]] = [["", "", t(.changeSinceLastVisit) + " (" + when + ")"]]
            for score in scores {
                rows.append([SummaryText.sanitized(score.definition.label.resolved(lang)), scoreText(score), ScoreChange.text(now: score.value, before: previous.score(score.definition.id)?.value)])
            }
            lines += tableLayout(rows, widths: [labelWidth, valueWidth, changeWidth], indent: 2)
        } else {
            lines += leaderTable(scores.map { score in
                let change = ScoreChange.text(now: score.value, before: previous.score(score.definition.id)?.value)
                return (SummaryText.sanitized(score.definition.label.resolved(lang)), scoreText(score) + "\n" + t(.lastVisit) + " " + when + ": " + change)
            }, width: width, indent: 2, labelShare: 0.45)
        }
        return lines
    }

    func keyItemRows() -> [(String, String)] {
        questionnaire.summaryLayout.keyItems.compactMap { id in
            guard let index = wizard.flatIndex[id] else { return nil }
            return (AnswerText.label(of: wizard.items[index], language: lang), answerCell(at: index))
        }
    }

    /// The answer of the wizard's item `index` as a table cell: the answer, "not answered"
    /// or "not asked". By flat index: visibility and answer without looking up the id.
    func answerCell(at index: Int) -> String {
        guard wizard.visible[index] else { return t(.notAsked) }
        guard let answer = wizard.answer(at: index) else { return t(.notAnswered) }
        let item = wizard.items[index]
        if case .longText = item.kind { return "(" + t(.seeOwnWords) + ")" }
        if case .bodyMap = item.kind, case .regions(let regions) = answer, !regions.isEmpty { return AnswerText.format(answer, of: item, language: lang) + " (" + t(.seeDrawing) + ")" }
        return AnswerText.format(answer, of: item, language: lang)
    }

    // MARK: Later pages

    func runningHeader(page: Int) -> [String] {
        var parts = [patientName]
        if let birthDate { parts.append(birthDate.description) }
        parts.append(provenance.submitted.date.description)
        parts.append("\(t(.page)) \(page)")
        return wrap(parts.joined(separator: " · "), width: width) + [SummaryText.rule(width, "═")]
    }

    func answersPage() -> [String] {
        var lines = runningHeader(page: 2)
        lines += wrap(t(.answersBySection), width: width)
        // The wizard's flat item list, section by section: its per-index visibility and
        // answers need no look-up by id, and no item is copied to filter the list.
        var first = 0
        for (sectionIndex, section) in questionnaire.sections.enumerated() {
            let flats = first..<(first + section.items.count)
            first = flats.upperBound
            lines.append("")
            let title = SummaryText.sanitized(section.title.resolved(lang))
            let answered = flats.contains { wizard.answer(at: $0) != nil }
            guard answered else {
                let note = section.summaryWhenSkipped?.resolved(lang) ?? t(.noAnswersInSection)
                lines += wrap(title + ": " + SummaryText.sanitized(note), width: width)
                continue
            }
            lines += part(.sectionHeading(section: sectionIndex, width: width)) { heading(title, width: width) }
            let shown = flats.filter { wizard.takesAnswer[$0] && wizard.visible[$0] }
            appendAnswerRows(shown, to: &lines)
            for index in shown {
                guard case .bodyMap = wizard.items[index].kind, case .regions(let regions)? = wizard.answer(at: index) else { continue }
                lines.append("")
                lines += part(.bodyMap(item: index, regions: regions, width: width)) { bodyMap(item: wizard.items[index], regions: regions) }
            }
        }
        return lines
    }

    /// The dot-leader table of the items at flat indexes `shown` (label and answer), as
    /// ``SummaryText/leaderTable(_:width:indent:labelShare:cache:)`` lays it out; in a
    /// batch, labels and rows already laid out are taken from its ``SummaryRowCache``.
    func appendAnswerRows(_ shown: [Int], to lines: inout [String]) {
        guard !shown.isEmpty else { return }
        let labelShare = wide ? 0.45 : 0.5
        guard let rowCache else {
            lines += leaderTable(shown.map { (AnswerText.label(of: wizard.items[$0], language: lang), answerCell(at: $0)) }, width: width, indent: 2, labelShare: labelShare)
            return
        }
        let labels = shown.map { index in rowCache.label(of: index) { AnswerText.label(of: wizard.items[index], language: lang) } }
        let layout = SummaryText.LeaderLayout(widestLabel: labels.map(\.width).max() ?? 0, width: width, indent: 2, labelShare: labelShare)
        var buffer: [UInt8] = []
        for (row, index) in shown.enumerated() {
            let answer = wizard.answer(at: index)
            // Free text (a name, a dose) seldom comes again: laid out without the caches.
            if case .text? = answer {
                layout.append(labels[row].text, answerCell(at: index), to: &lines, buffer: &buffer, cache: nil)
                continue
            }
            if let known = rowCache.answerRow(item: index, answer: answer, layout: layout) {
                lines += known
                continue
            }
            var made: [String] = []
            layout.append(labels[row].text, answerCell(at: index), to: &made, buffer: &buffer, cache: wrapCache)
            rowCache.keepAnswerRow(made, item: index, answer: answer, layout: layout)
            lines += made
        }
    }

    func bodyMap(item: Item, regions: [String]) -> [String] {
        var lines = wrap(t(.bodyMapTitle) + " (" + AnswerText.label(of: item, language: lang) + "):", width: width - 2).map { "  " + $0 }
        lines += BodyFigure.lines(marking: Set(regions), frontCaption: t(.front), backCaption: t(.back), width: width)
        if regions.isEmpty {
            lines += wrap(t(.noRegionsMarked), width: width - 2).map { "  " + $0 }
            return lines
        }
        lines += wrap(t(.bodyMapKey), width: width - 2).map { "  " + $0 }
        for region in BodyRegion.all where regions.contains(region.id) {
            let label = "  " + region.key.uppercased() + "  "
            lines += wrap(region.label.resolved(lang), width: width - 5).enumerated().map { index, line in
                (index == 0 ? label : "     ") + line
            }
        }
        return lines
    }

    func checklistPage() -> [String] {
        var lines = runningHeader(page: 3)
        for status in sheet.checklists {
            lines += checklist(status)
            lines.append("")
        }
        lines += heading(t(.ownWords), width: width)
        // Indexes into the wizard's flat item list: filtering items would copy each one.
        let words = wizard.items.indices.filter { index in
            if case .longText = wizard.items[index].kind, wizard.answer(at: index) != nil { return true }
            return false
        }
        if words.isEmpty { lines.append("  –") }
        for index in words {
            guard case .text(let text)? = wizard.answer(at: index) else { continue }
            lines += wrap(AnswerText.label(of: wizard.items[index], language: lang) + ":", width: width - 2).map { "  " + $0 }
            // The patient's own words: not through the batch's cache, they never come again.
            lines += SummaryText.wrap(SummaryText.sanitized(text, keepingLineBreaks: true), width: width - 6).map { SummaryText.trimEnd("    " + $0) }
        }
        lines.append("")
        lines += part(.footer(width: width)) { footer() }
        return lines
    }

    func checklist(_ status: ScoreSheet.ChecklistStatus) -> [String] {
        let checklist = status.checklist
        let columns = checklist.weightColumns.count
        var lines = part(.checklistHead(checklist: checklist.id, width: width)) { checklistHead(checklist) }
        for (index, state) in status.statuses.enumerated() {
            lines += part(.checklist(checklist: checklist.id, entry: index, status: state, width: width)) {
                checklistRow(checklist.entries[index], state, columns: columns)
            }
        }
        return lines
    }

    /// A checklist's title, note and column headings: the same for every patient.
    func checklistHead(_ checklist: Checklist) -> [String] {
        var lines = heading(SummaryText.sanitized(checklist.title.resolved(lang)), width: width)
        lines += wrap(t(.checklistNote), width: width - 2).map { "  " + $0 }
        let columns = checklist.weightColumns.map { SummaryText.sanitized($0.resolved(lang)) }
        if wide {
            let widths = checklistWidths(columns: columns.count)
            let header = tableLayout([[t(.criterion)] + columns + [t(.status)]], widths: widths, indent: 2)
            lines.append("")
            lines += header
            lines.append("  " + SummaryText.rule(width - 2, "-"))
        } else {
            lines += wrap(t(.weights) + ": " + columns.joined(separator: " | "), width: width - 2).map { "  " + $0 }
        }
        return lines
    }

    /// The columns of a checklist table at this width: criterion, one per weight column, status.
    func checklistWidths(columns: Int) -> [Int] {
        let weightWidth = 9
        let statusWidth = 16
        let labelWidth = width - 2 - columns * (weightWidth + 2) - statusWidth - 2
        return [labelWidth] + Array(repeating: weightWidth, count: columns) + [statusWidth]
    }

    /// The lines of one checklist entry: a table row when the page is wide, else the
    /// criterion with its weights and status below. They depend only on the entry, its
    /// status and the width (a batch keeps them, ``SummaryRowCache``).
    func checklistRow(_ entry: ChecklistEntry, _ status: ChecklistEntryStatus, columns: Int) -> [String] {
        let label = SummaryText.sanitized(entry.label.resolved(lang))
        let weights = entry.weights.map { $0 == 0 ? "–" : NumberText.format($0) }
        let statusText: String
        switch status {
        case .reported: statusText = t(.reported)
        case .notReported: statusText = t(.notReported)
        case .toBeAssessed:
            if case .assessedBy(let who) = entry.basis {
                statusText = t(.toBeAssessed) + " (" + who.resolved(lang) + ")"
            } else {
                statusText = t(.toBeAssessed)
            }
        }
        if wide {
            return tableLayout([[label] + weights + [statusText]], widths: checklistWidths(columns: columns), indent: 2)
        }
        return wrap(label, width: width - 2).map { "  " + $0 }
            + wrap(weights.joined(separator: " | ") + " · " + statusText, width: width - 6).map { "      " + $0 }
    }

    func footer() -> [String] {
        let metadata = questionnaire.metadata
        var lines = [SummaryText.rule(width)]
        lines += wrap("\(t(.questionnaire)): \(metadata.id), \(t(.version)) \(metadata.version) · sha256 \(metadata.sourceDigest.prefix(12))", width: width)
        lines += wrap("\(t(.file)): \(SummaryText.sanitized(fileName(metadata.sourceFile)))", width: width)
        if let review = metadata.reviewStatus {
            lines += wrap("\(t(.reviewStatus)): \(SummaryText.sanitized(review))", width: width)
        }
        lines += wrap(t(.notADiagnosis), width: width)
        return lines
    }

    /// The last part of a path: "a/b/c.yaml" -> "c.yaml" (a trailing "/" is ignored).
    func fileName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.utf8.last == UInt8(ascii: "/") { trimmed = trimmed.dropLast() }
        guard !trimmed.isEmpty else { return path }
        guard let slash = trimmed.utf8.lastIndex(of: UInt8(ascii: "/")) else { return String(trimmed) }
        return String(trimmed[trimmed.utf8.index(after: slash)...])
    }
}

/// The "change since last visit" cell: the earlier value, and an arrow with the percentage
/// when the change is 20% or more (the usual threshold for a meaningful change).
enum ScoreChange {
    static let threshold = 20.0

    static func text(now: Double?, before: Double?) -> String {
        guard let before else { return "–" }
        let earlier = NumberText.format(before)
        guard let now else { return earlier }
        if before == 0 {
            if now == 0 { return earlier }
            return earlier + (now > 0 ? " ▲" : " ▼")
        }
        let percent = (now - before) / abs(before) * 100
        guard abs(percent) >= threshold - 1e-9 else { return earlier }
        let rounded = Int(percent.rounded())
        return earlier + (percent > 0 ? " ▲ +\(rounded)%" : " ▼ \(rounded)%")
    }
}
