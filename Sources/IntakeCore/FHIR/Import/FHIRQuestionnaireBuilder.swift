/// Builds the model from a parsed FHIR Questionnaire in four passes: read items (ids,
/// kinds, bindings), outline, conditions and expressions, then sections and scores.
final class FHIRQuestionnaireBuilder {
    let context: FHIRImportContext
    let root: JSONNode
    private var language = "en"
    private var entries: [Entry] = []
    private var byLinkID: [String: Entry] = [:]
    private var usedIDs: Set<String> = []
    private var rootVariables: [VariableDefinition] = []
    private var binding = FHIRQuestionnaireBinding(url: nil, version: nil, outline: [])

    final class Entry {
        let node: JSONNode
        let path: String
        let linkID: String
        let type: String
        var id = ""
        var text = ""
        var help: String?
        var children: [Entry] = []
        weak var parent: Entry?
        var kind: ItemKind?
        var binding: FHIRItemBinding
        var required = false
        var hidden = false
        var isHelp = false
        var calculated: ExpressionSource?
        var enableWhenExpression: ExpressionSource?
        var variableSources: [(name: String, source: ExpressionSource)] = []
        var variables: [VariableDefinition] = []
        var condition: CompiledExpression?
        var validations: [Validation] = []
        var otherItemID: String?
        var unitText: String?

        init(node: JSONNode, path: String, linkID: String, type: String) {
            self.node = node
            self.path = path
            self.linkID = linkID
            self.type = type
            self.binding = FHIRItemBinding(linkID: linkID, type: type)
        }

        var isGroup: Bool { type == "group" }
        /// Takes an answer the patient gives.
        var isAnswerable: Bool {
            guard let kind, calculated == nil, !hidden, !binding.readOnly else { return false }
            if case .note = kind { return false }
            return true
        }
    }

    struct ExpressionSource {
        var text: String
        var node: JSONNode
        var path: String
        var language: String
    }

    struct VariableDefinition {
        var name: String
        var expression: FHIRPathExpression
        var source: ExpressionSource
    }

    init(context: FHIRImportContext, root: JSONNode) {
        self.context = context
        self.root = root
    }

    // MARK: - Entry point

    func build() -> Questionnaire? {
        guard root.isObject else {
            context.error("a FHIR Questionnaire must be a JSON object, but this is \(root.kindName)", at: root, path: "")
            return nil
        }
        guard let resourceType = root["resourceType"]?.string else {
            context.error("missing \"resourceType\": \"Questionnaire\"", at: root, path: "")
            return nil
        }
        guard resourceType == "Questionnaire" else {
            context.error("resourceType is '\(resourceType)'; only a FHIR Questionnaire can be imported", at: root["resourceType"]!, path: "resourceType")
            return nil
        }
        if let code = root["language"]?.string {
            let primary = code.split(separator: "-").first.map { $0.lowercased() } ?? ""
            if !primary.isEmpty, primary.count <= 8, primary.unicodeScalars.allSatisfy(\.isASCIILetter) { language = primary }
        }
        rejectModifierExtensions(root, path: "")
        guard let items = root["item"]?.elements, !items.isEmpty else {
            context.error("the questionnaire has no items", at: root["item"] ?? root, path: "item")
            return nil
        }
        // Pass 1: ids, kinds, bindings.
        entries = items.enumerated().compactMap { index, node in readEntry(node, path: "item[\(index)]", parent: nil, groupPath: []) }
        for entry in allEntries(entries) where !entry.isGroup { readKind(entry) }
        for entry in allEntries(entries) where entry.isGroup || entry.kind != nil { readOpenChoiceOther(entry) }
        // Pass 2: outline for responses.
        binding = FHIRQuestionnaireBinding(url: root["url"]?.string, version: root["version"]?.string, outline: entries.map(outline))
        // Pass 3: variables, conditions, calculations.
        readRootVariables()
        for entry in allEntries(entries) { readExpressions(entry) }
        // Pass 4: sections and scores.
        let (sections, scores) = assemble()
        let title = root["title"]?.string ?? root["name"]?.string ?? "Questionnaire"
        var metadata = Metadata(
            id: Self.questionnaireID(root), version: root["version"]?.string ?? "",
            title: LocalizedText(title, language: language),
            description: root["description"]?.string.map { LocalizedText($0, language: language) },
            languages: [language], defaultLanguage: language, sourceFile: context.file
        )
        metadata.fhir = binding
        let questionnaire = Questionnaire(metadata: metadata, sections: sections, scores: scores, flags: readFlags(scores: scores))
        checkLoops(questionnaire)
        return questionnaire
    }

    private func allEntries(_ list: [Entry]) -> [Entry] {
        list.flatMap { [$0] + allEntries($0.children) }
    }

    static func questionnaireID(_ root: JSONNode) -> String {
        let raw = root["id"]?.string ?? root["name"]?.string ?? root["title"]?.string ?? "fhir-questionnaire"
        var id = String(String.UnicodeScalarView(raw.unicodeScalars.map { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" ? $0 : "_" }))
        if id.count > 64 { id = String(id.prefix(64)) }
        return id.isEmpty ? "fhir-questionnaire" : id
    }

    // MARK: - Ids

    /// A valid model id for a linkId: letters, digits and `_`, starting with a letter, unique.
    func claimID(for linkID: String) -> String {
        var out = ""
        var lastUnderscore = false
        for scalar in linkID.unicodeScalars {
            if scalar.isASCIILetter || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                lastUnderscore = false
            } else if !lastUnderscore {
                out += "_"
                lastUnderscore = true
            }
        }
        while out.hasPrefix("_") { out.removeFirst() }
        while out.hasSuffix("_") { out.removeLast() }
        if out.count > 60 { out = String(out.prefix(60)) }
        if out.isEmpty { out = "item" }
        if !(out.unicodeScalars.first!.isASCIILetter) { out = "q" + out }
        if ExpressionCompiler.reservedWords.contains(out) { out += "_" }
        var candidate = out
        var counter = 2
        while usedIDs.contains(candidate) {
            candidate = "\(out)_\(counter)"
            counter += 1
        }
        usedIDs.insert(candidate)
        return candidate
    }

    static func optionID(_ raw: String, taken: Set<String>) -> String {
        var out = String(String.UnicodeScalarView(raw.unicodeScalars.map {
            $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "_"
        }))
        if out.count > 64 { out = String(out.prefix(64)) }
        if out.isEmpty { out = "option" }
        var candidate = out
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(out)_\(counter)"
            counter += 1
        }
        return candidate
    }

    // MARK: - Helpers

    func extensions(of node: JSONNode, _ url: String) -> [JSONNode] {
        (node["extension"]?.elements ?? []).filter { $0["url"]?.string == url }
    }

    /// The `value[x]` (or `answer[x]`) member of an element: key suffix and node.
    func choiceValue(_ node: JSONNode, prefix: String = "value") -> (suffix: String, node: JSONNode)? {
        for member in node.members where member.key.hasPrefix(prefix) && member.key.count > prefix.count {
            let suffix = String(member.key.dropFirst(prefix.count))
            if suffix.first?.isUppercase == true { return (suffix, member.value) }
        }
        return nil
    }

    /// Reads a FHIR value of type `suffix`; nil (after an error) when it cannot be read.
    func fhirValue(_ suffix: String, _ node: JSONNode, path: String) -> FHIRValue? {
        func bad(_ expected: String) -> FHIRValue? {
            context.error("expected \(expected), but this is \(node.kindName)", at: node, path: path)
            return nil
        }
        switch suffix {
        case "Boolean": return node.bool.map(FHIRValue.boolean) ?? bad("true or false")
        case "Decimal": return node.number.map(FHIRValue.decimal) ?? bad("a number")
        case "Integer":
            guard let n = node.number else { return bad("an integer") }
            guard n.rounded() == n, abs(n) < 1e15 else { return bad("an integer") }
            return .integer(Int(n))
        case "Date": return node.string.map(FHIRValue.date) ?? bad("a date string")
        case "DateTime": return node.string.map(FHIRValue.dateTime) ?? bad("a dateTime string")
        case "Time": return node.string.map(FHIRValue.time) ?? bad("a time string")
        case "String": return node.string.map(FHIRValue.string) ?? bad("a string")
        case "Coding":
            guard node.isObject else { return bad("a Coding object") }
            let code = node["code"]?.string, display = node["display"]?.string
            guard code != nil || display != nil else {
                context.error("a Coding needs a code (or at least a display)", at: node, path: path)
                return nil
            }
            return .coding(system: node["system"]?.string, code: code, display: display)
        case "Quantity":
            guard node.isObject, let value = node["value"]?.number else { return bad("a Quantity with a value") }
            return .quantity(value: value, unit: node["unit"]?.string, system: node["system"]?.string, code: node["code"]?.string)
        default:
            context.error("value\(suffix) is not supported here", at: node, path: path)
            return nil
        }
    }

    /// A FHIR boolean; `"true"`/`"false"` strings are accepted with a warning.
    func flag(_ node: JSONNode, _ key: String, path: String) -> Bool {
        guard let value = node[key] else { return false }
        if let b = value.bool { return b }
        if let s = value.string, s == "true" || s == "false" {
            context.warning("'\(key)' should be the JSON boolean \(s), not the string \"\(s)\"; read as \(s)", at: value, path: path + "." + key)
            return s == "true"
        }
        context.error("'\(key)' must be true or false, but this is \(value.kindName)", at: value, path: path + "." + key)
        return false
    }

    /// The first extension with this URL and its JSON path.
    func extensionWithPath(_ entry: Entry, _ url: String) -> (node: JSONNode, path: String)? {
        for (index, ext) in (entry.node["extension"]?.elements ?? []).enumerated() where ext["url"]?.string == url {
            return (ext, "\(entry.path).extension[\(index)]")
        }
        return nil
    }

    private func rejectModifierExtensions(_ node: JSONNode, path: String) {
        if let modifiers = node["modifierExtension"], !(modifiers.elements?.isEmpty ?? true) {
            context.error("modifierExtension is not supported (it could change the meaning of the item)", at: modifiers, path: path.isEmpty ? "modifierExtension" : path + ".modifierExtension")
        }
    }

    func expressionSource(_ ext: JSONNode, path: String) -> ExpressionSource? {
        guard let value = ext["valueExpression"], value.isObject else {
            context.error("expected valueExpression", at: ext, path: path)
            return nil
        }
        let language = value["language"]?.string ?? ""
        guard language == "text/fhirpath" || language == FHIRExtension.intakeLanguage else {
            context.error("expression language '\(language)' is not supported (only text/fhirpath)", at: value["language"] ?? value, path: path + ".valueExpression.language")
            return nil
        }
        guard let textNode = value["expression"], let text = textNode.string else {
            context.error("the expression has no text (references to expressions are not supported)", at: value, path: path + ".valueExpression")
            return nil
        }
        return ExpressionSource(text: text, node: textNode, path: path + ".valueExpression.expression", language: language)
    }

    // MARK: - Pass 1: entries

    private func readEntry(_ node: JSONNode, path: String, parent: Entry?, groupPath: [String]) -> Entry? {
        guard node.isObject else {
            context.error("an item must be an object, but this is \(node.kindName)", at: node, path: path)
            return nil
        }
        guard let linkID = node["linkId"]?.string, !linkID.isEmpty else {
            context.error("the item has no linkId", at: node, path: path)
            return nil
        }
        guard let type = node["type"]?.string else {
            context.error("item '\(linkID)' has no type", at: node, path: path)
            return nil
        }
        if let first = byLinkID[linkID] {
            context.error("duplicate linkId '\(linkID)', first used at line \(first.node.line)", at: node["linkId"]!, path: path + ".linkId")
            return nil
        }
        rejectModifierExtensions(node, path: path)
        let entry = Entry(node: node, path: path, linkID: linkID, type: type)
        byLinkID[linkID] = entry
        entry.parent = parent
        entry.id = claimID(for: linkID)
        let prefix = node["prefix"]?.string
        let text = node["text"]?.string ?? ""
        entry.text = [prefix, text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        entry.binding.groupPath = groupPath
        if let parent, !parent.isGroup { entry.binding.parentQuestion = parent.linkID }
        entry.binding.repeats = flag(node, "repeats", path: path)
        entry.binding.readOnly = flag(node, "readOnly", path: path)
        entry.required = flag(node, "required", path: path)
        for ext in extensions(of: node, FHIRExtension.minOccurs) {
            if let n = ext["valueInteger"]?.number, n >= 1 { entry.required = true }
        }
        entry.hidden = extensions(of: node, FHIRExtension.hidden).contains { $0["valueBoolean"]?.bool == true }
        entry.binding.controlHints = extensions(of: node, FHIRExtension.itemControl).flatMap { ext in
            (ext["valueCodeableConcept"]?["coding"]?.elements ?? []).compactMap { $0["code"]?.string }
        }
        if type == "display", entry.binding.controlHints.contains(where: { $0 == "help" || $0 == "flyover" }), parent != nil {
            entry.isHelp = true
        }
        let childGroupPath = type == "group" ? groupPath + [linkID] : groupPath
        entry.children = (node["item"]?.elements ?? []).enumerated().compactMap { index, child in
            readEntry(child, path: "\(path).item[\(index)]", parent: entry, groupPath: childGroupPath)
        }
        for child in entry.children where child.isHelp {
            entry.help = [entry.help, child.text].compactMap { $0 }.joined(separator: "\n")
        }
        if type == "group" {
            entry.binding.role = .groupHeading
            if entry.binding.repeats {
                context.warning("repeating groups are asked once", at: node["repeats"] ?? node, path: path + ".repeats")
            }
            if entry.children.isEmpty {
                context.warning("group '\(linkID)' has no items", at: node, path: path)
            }
        }
        return entry
    }

    /// Maps the FHIR type onto an existing item kind (docs/fhir.md, "Types").
    private func readKind(_ entry: Entry) {
        let node = entry.node, path = entry.path
        let options = node["answerOption"]?.elements ?? []
        if node["answerValueSet"] != nil && options.isEmpty {
            context.error("answerValueSet is not supported; list the answers in answerOption", at: node["answerValueSet"]!, path: path + ".answerValueSet")
            return
        }
        for url in [FHIRExtension.answerExpression, FHIRExtension.candidateExpression, FHIRExtension.contextExpression] {
            if let ext = extensions(of: node, url).first {
                context.error("\(url.split(separator: "/").last ?? "") is not supported", at: ext, path: path + ".extension")
            }
        }
        if let ext = extensions(of: node, FHIRExtension.initialExpression).first {
            context.warning("initialExpression is ignored: the patient answers this item", at: ext, path: path + ".extension")
        }
        entry.initialValues()
        if entry.binding.repeats && !["choice", "open-choice", "group", "display"].contains(entry.type) && options.isEmpty {
            context.warning("repeating \(entry.type) items are asked once", at: node["repeats"] ?? node, path: path + ".repeats")
        }
        if let (calculatedExt, extPath) = extensionWithPath(entry, FHIRExtension.calculated) {
            entry.calculated = expressionSource(calculatedExt, path: extPath)
            guard ["decimal", "integer", "quantity"].contains(entry.type) else {
                context.error("calculatedExpression is supported on decimal, integer and quantity items only (this is \(entry.type))", at: calculatedExt, path: path + ".extension")
                entry.calculated = nil
                return
            }
        }
        var unit: String?
        if let unitExt = extensions(of: node, FHIRExtension.unit).first, let coding = unitExt["valueCoding"] {
            entry.binding.unit = .coding(system: coding["system"]?.string, code: coding["code"]?.string, display: coding["display"]?.string)
            unit = coding["display"]?.string ?? coding["code"]?.string
        } else if let unitOptions = Optional(extensions(of: node, FHIRExtension.unitOption)), let first = unitOptions.first, let coding = first["valueCoding"] {
            entry.binding.unit = .coding(system: coding["system"]?.string, code: coding["code"]?.string, display: coding["display"]?.string)
            unit = coding["display"]?.string ?? coding["code"]?.string
            if unitOptions.count > 1 {
                context.warning("only the first of \(unitOptions.count) unit options (\(unit ?? "")) is offered", at: unitOptions[1], path: path + ".extension")
            }
        }
        entry.unitText = unit

        if !options.isEmpty || entry.type == "choice" || entry.type == "open-choice" {
            guard ["choice", "open-choice", "string", "integer", "date", "time", "text"].contains(entry.type) else {
                context.error("answerOption is not supported on \(entry.type) items", at: node["answerOption"] ?? node, path: path + ".answerOption")
                return
            }
            readOptions(entry, options)
            return
        }
        func number(_ key: String) -> Double? {
            extensions(of: node, key).first.flatMap { $0["valueDecimal"]?.number ?? $0["valueInteger"]?.number }
        }
        let maxLength = node["maxLength"]?.number.flatMap { $0 >= 1 && $0 <= 1_000_000 ? Int($0) : nil }
        switch entry.type {
        case "boolean":
            let notSure = extensions(of: node, FHIRExtension.intakeNotSure).contains { $0["valueBoolean"]?.bool == true }
            entry.kind = .yesNo(allowsNotSure: notSure)
        case "decimal", "quantity":
            entry.kind = .decimal(NumberSpec(minimum: number(FHIRExtension.minValue), maximum: number(FHIRExtension.maxValue), unit: unit.map { LocalizedText($0, language: language) }))
        case "integer":
            entry.kind = .integer(NumberSpec(minimum: number(FHIRExtension.minValue), maximum: number(FHIRExtension.maxValue), unit: unit.map { LocalizedText($0, language: language) }))
        case "date", "dateTime":
            let unknown = extensions(of: node, FHIRExtension.intakeAllowsUnknown).contains { $0["valueBoolean"]?.bool == true }
            let month = extensions(of: node, FHIRExtension.intake + "month-precision").contains { $0["valueBoolean"]?.bool == true }
            entry.kind = .date(DateSpec(precision: month ? .month : .day, allowsUnknown: unknown))
        case "time":
            entry.kind = .shortText(TextSpec(maxLength: 8))
        case "string":
            entry.kind = .shortText(TextSpec(maxLength: maxLength ?? 200))
        case "text":
            entry.kind = .longText(TextSpec(maxLength: maxLength ?? 2000))
        case "display":
            entry.kind = .note
            entry.binding.role = .display
        case "url", "attachment", "reference":
            context.error("item '\(entry.linkID)' has type '\(entry.type)', which cannot be answered in a terminal questionnaire; it is not supported", at: node["type"] ?? node, path: path + ".type")
        default:
            context.error("unknown item type '\(entry.type)'" + Suggestion.didYouMean(entry.type, among: ["boolean", "decimal", "integer", "date", "dateTime", "time", "string", "text", "choice", "open-choice", "quantity", "display", "group"]), at: node["type"] ?? node, path: path + ".type")
        }
        if entry.binding.readOnly && entry.calculated == nil, entry.kind != nil {
            // Read-only: shown, never asked; the response writer keeps its `initial` value.
            let shown = entry.binding.initial.map(\.displayText).joined(separator: ", ")
            if !shown.isEmpty { entry.text += (entry.text.isEmpty ? "" : ": ") + shown }
            entry.kind = .note
        }
    }

    private func readOptions(_ entry: Entry, _ options: [JSONNode]) {
        var result: [ChoiceOption] = []
        var taken: Set<String> = []
        for (index, option) in options.enumerated() {
            let path = "\(entry.path).answerOption[\(index)]"
            guard option.isObject, let (suffix, valueNode) = choiceValue(option) else {
                context.error("an answerOption needs a value[x]", at: option, path: path)
                continue
            }
            guard ["Coding", "String", "Integer", "Date", "Time"].contains(suffix) else {
                context.error("answerOption value\(suffix) is not supported", at: valueNode, path: path + ".value\(suffix)")
                continue
            }
            guard let value = fhirValue(suffix, valueNode, path: path + ".value\(suffix)") else { continue }
            let raw: String
            switch value {
            case .coding(_, let code, let display): raw = code ?? display ?? "option"
            default: raw = value.displayText
            }
            let id = Self.optionID(raw, taken: taken)
            taken.insert(id)
            var score: Double?
            // R4 ordinalValue, later itemWeight; on the option or (as some tools write it) on the coding.
            for holder in [option, valueNode] {
                for url in [FHIRExtension.ordinalValue, FHIRExtension.itemWeight] {
                    if let ext = extensions(of: holder, url).first {
                        if let n = ext["valueDecimal"]?.number ?? ext["valueInteger"]?.number {
                            score = score ?? n
                        } else {
                            context.error("\(url.split(separator: "/").last ?? "") needs valueDecimal", at: ext, path: path + ".extension")
                        }
                    }
                }
            }
            let exclusive = extensions(of: option, FHIRExtension.optionExclusive).contains { $0["valueBoolean"]?.bool == true }
            result.append(ChoiceOption(id: id, label: LocalizedText(value.displayText, language: language), score: score, exclusive: exclusive, location: context.location(option)))
            entry.binding.optionValues[id] = value
            if flag(option, "initialSelected", path: path) { entry.binding.initial.append(value) }
        }
        if result.isEmpty {
            context.error("choice item '\(entry.linkID)' has no answer options", at: entry.node, path: entry.path)
            return
        }
        if entry.type == "open-choice" {
            let otherID = Self.optionID("other", taken: taken)
            result.append(ChoiceOption(id: otherID, label: LocalizedText(Self.otherLabel(language), language: language), location: context.location(entry.node)))
            entry.binding.otherOptionID = otherID
        }
        entry.kind = entry.binding.repeats ? .multipleChoice(result) : .singleChoice(result)
    }

    static func otherLabel(_ language: String) -> String {
        switch language {
        case "de": "Andere"
        case "ru": "Другое"
        default: "Other"
        }
    }

    private func readOpenChoiceOther(_ entry: Entry) {
        guard entry.binding.otherOptionID != nil else { return }
        let id = claimID(for: entry.id + "_other")
        entry.otherItemID = id
        entry.binding.otherItemID = id
    }

    // MARK: - Pass 2: outline

    private func outline(_ entry: Entry) -> FHIROutlineNode {
        let kind: FHIROutlineNode.Kind
        if entry.isGroup {
            kind = .group
        } else if entry.calculated != nil {
            kind = .calculated
        } else if entry.type == "display" {
            kind = .display
        } else {
            kind = .question
        }
        let modelID: String? = entry.hidden && entry.calculated == nil ? nil : entry.id
        return FHIROutlineNode(
            linkID: entry.linkID, kind: kind, text: entry.node["text"]?.string, modelID: modelID,
            binding: entry.binding, children: entry.children.filter { !$0.isHelp }.map(outline)
        )
    }

    // MARK: - Pass 3: expressions

    private var answerableIDs: [String: String] {
        var result: [String: String] = [:]
        for entry in allEntries(entries) where entry.isAnswerable { result[entry.linkID] = entry.id }
        return result
    }

    private lazy var answerable: [String: String] = answerableIDs

    private func readRootVariables() {
        var known: Set<String> = []
        for (index, ext) in (root["extension"]?.elements ?? []).enumerated() where ext["url"]?.string == FHIRExtension.variable {
            if let definition = readVariable(ext, path: "extension[\(index)]", known: known, rootPathsAllowed: true) {
                rootVariables.append(definition)
                known.insert(definition.name)
            }
        }
    }

    private func readVariable(_ ext: JSONNode, path: String, known: Set<String>, rootPathsAllowed: Bool) -> VariableDefinition? {
        guard let source = expressionSource(ext, path: path) else { return nil }
        guard source.language == "text/fhirpath" else {
            context.error("variables must be FHIRPath (text/fhirpath)", at: ext, path: path)
            return nil
        }
        guard let nameNode = ext["valueExpression"]?["name"], let name = nameNode.string, !name.isEmpty else {
            context.error("a variable needs a name", at: ext, path: path + ".valueExpression")
            return nil
        }
        if ["resource", "questionnaire", "context"].contains(name) {
            context.error("a variable may not be called '\(name)'", at: nameNode, path: path + ".valueExpression.name")
            return nil
        }
        guard let expression = compileFHIRPath(source, known: known, rootPathsAllowed: rootPathsAllowed) else { return nil }
        return VariableDefinition(name: name, expression: expression, source: source)
    }

    private func compileFHIRPath(_ source: ExpressionSource, known: Set<String>, rootPathsAllowed: Bool) -> FHIRPathExpression? {
        do {
            return try FHIRPathExpression.compile(source.text, known: known, rootPathsAllowed: rootPathsAllowed)
        } catch {
            context.diagnostics.append(.error("\(source.path): unsupported FHIRPath in '\(source.text)': \(error.message)", at: context.location(in: source.node, offset: error.offset)))
            return nil
        }
    }

    /// The variables visible to an item: the root's, then each enclosing item's, then its own.
    private func scopeChain(_ entry: Entry) -> [VariableDefinition] {
        var chain: [Entry] = []
        var current: Entry? = entry
        while let e = current {
            chain.insert(e, at: 0)
            current = e.parent
        }
        return rootVariables + chain.flatMap(\.variables)
    }

    private func readExpressions(_ entry: Entry) {
        // Item variables, in order, each seeing those before it.
        var known = Set(scopeChain(entry).map(\.name))
        for (index, ext) in (entry.node["extension"]?.elements ?? []).enumerated() where ext["url"]?.string == FHIRExtension.variable {
            if let definition = readVariable(ext, path: "\(entry.path).extension[\(index)]", known: known, rootPathsAllowed: false) {
                entry.variables.append(definition)
                known.insert(definition.name)
            }
        }
        let ewe = extensionWithPath(entry, FHIRExtension.enableWhenExpression).flatMap { expressionSource($0.node, path: $0.path) }
        let hasEnableWhen = !(entry.node["enableWhen"]?.elements ?? []).isEmpty
        if ewe != nil && hasEnableWhen {
            context.error("an item may have enableWhen or enableWhenExpression, not both", at: entry.node["enableWhen"]!, path: entry.path + ".enableWhen")
        } else if let ewe {
            entry.condition = compileExpression(ewe, for: entry, result: .condition)
        } else if hasEnableWhen {
            entry.condition = readEnableWhen(entry)
        }
        if entry.condition != nil && entry.calculated != nil {
            context.error("enableWhen on a calculated item is not supported", at: entry.node, path: entry.path)
        }
        if entry.type == "time", entry.kind != nil, !entry.binding.readOnly {
            let rule = CompiledExpression(external: FHIRTimeFormat(itemID: entry.id), source: "time format HH:MM or HH:MM:SS",
                                          location: context.location(entry.node), type: .bool, references: [entry.id])
            entry.validations.append(Validation(rule: rule, message: LocalizedText("Enter a time as HH:MM or HH:MM:SS, for example 13:30", language: language)))
        }
        readIntakeValidations(entry)
    }

    /// An SDC expression (FHIRPath, or this program's own language for exported files).
    private func compileExpression(_ source: ExpressionSource, for entry: Entry?, result: FHIRPathComputation.Result) -> CompiledExpression? {
        let location = context.location(in: source.node, offset: 0)
        if source.language == FHIRExtension.intakeLanguage {
            let (expression, diagnostics) = ExpressionCompiler.compile(source.text, at: location, expecting: result == .condition ? .bool : .number, in: intakeScope)
            context.diagnostics += diagnostics.map { Diagnostic($0.severity, "\(source.path): \($0.message)", at: $0.location) }
            return expression
        }
        let chain = entry.map(scopeChain) ?? rootVariables
        guard let expression = compileFHIRPath(source, known: Set(chain.map(\.name)), rootPathsAllowed: entry == nil) else { return nil }
        // The variables it needs, transitively, in definition order.
        var needed = expression.variables
        var used: [VariableDefinition] = []
        for definition in chain.reversed() where needed.contains(definition.name) {
            needed.remove(definition.name)
            needed.formUnion(definition.expression.variables)
            used.insert(definition, at: 0)
        }
        var references: Set<String> = []
        for part in [expression] + used.map(\.expression) where part.readsResponse {
            if let keyed = part.keyedLinkIDs {
                references.formUnion(keyed.compactMap { answerable[$0] })
            } else {
                references.formUnion(answerable.values)
            }
        }
        if let entry { references.remove(entry.id) }
        let computation = FHIRPathComputation(
            binding: binding, questionnaire: root, variables: used.map { ($0.name, $0.expression) },
            expression: expression, result: result, optionScores: optionScores)
        return CompiledExpression(external: computation, source: source.text, location: location,
                                  type: result == .condition ? .bool : .number, references: references)
    }

    private lazy var optionScores: [String: [String: Double]] = {
        var result: [String: [String: Double]] = [:]
        for entry in allEntries(entries) {
            for option in entry.kind.map({ Item(id: entry.id, kind: $0, text: LocalizedText("")).options }) ?? [] {
                if let score = option.score { result[entry.id, default: [:]][option.id] = score }
            }
        }
        return result
    }()

    /// The scope for expressions in this program's language: every answerable item and score.
    private lazy var intakeScope: WholeFileScope = {
        var symbols: [String: ExpressionSymbol] = [:]
        for entry in allEntries(entries) {
            if entry.calculated != nil {
                symbols[entry.id] = ExpressionSymbol(name: entry.id, kind: .score, type: .number)
            } else if entry.isAnswerable, let kind = entry.kind,
                      let symbol = ExpressionBinder.symbol(for: Item(id: entry.id, kind: kind, text: LocalizedText(""))) {
                symbols[entry.id] = symbol
            }
        }
        return WholeFileScope(symbols: symbols)
    }()

    private func readEnableWhen(_ entry: Entry) -> CompiledExpression? {
        let list = entry.node["enableWhen"]?.elements ?? []
        var conditions: [FHIREnableWhen.Condition] = []
        var texts: [String] = []
        var failed = false
        for (index, condition) in list.enumerated() {
            let path = "\(entry.path).enableWhen[\(index)]"
            guard let questionNode = condition["question"], let question = questionNode.string else {
                context.error("enableWhen needs a question (a linkId)", at: condition, path: path)
                failed = true
                continue
            }
            guard let target = byLinkID[question] else {
                context.error("enableWhen refers to unknown linkId '\(question)'" + Suggestion.didYouMean(question, among: Array(byLinkID.keys)), at: questionNode, path: path + ".question")
                failed = true
                continue
            }
            guard target.isAnswerable else {
                let why = target.isGroup ? "a group" : target.calculated != nil ? "a calculated item (not supported)" : target.binding.readOnly ? "read-only" : target.hidden ? "hidden" : target.kind == nil ? "not importable" : "a display item"
                context.error("enableWhen refers to '\(question)', which takes no answer (it is \(why))", at: questionNode, path: path + ".question")
                failed = true
                continue
            }
            let operators = ["exists", "=", "!=", "<", "<=", ">", ">="]
            guard let opNode = condition["operator"], let op = opNode.string, operators.contains(op) else {
                context.error("enableWhen operator must be one of \(operators.joined(separator: " ")), but this is \(condition["operator"]?.description ?? "missing")", at: condition["operator"] ?? condition, path: path + ".operator")
                failed = true
                continue
            }
            guard let (suffix, valueNode) = choiceValue(condition, prefix: "answer") else {
                context.error("enableWhen needs an answer[x] value", at: condition, path: path)
                failed = true
                continue
            }
            let answerPath = path + ".answer" + suffix
            let options = target.binding.optionValues.compactMapValues { FHIRComparand($0, dateTimeAsDate: target.type == "dateTime") }
            if op == "exists" {
                guard suffix == "Boolean", let b = valueNode.bool else {
                    context.error("'exists' needs answerBoolean true or false", at: valueNode, path: answerPath)
                    failed = true
                    continue
                }
                conditions.append(.init(itemID: target.id, test: .exists(b), options: options))
                texts.append("\(question) exists \(b)")
                continue
            }
            var value: FHIRValue?
            if (suffix == "Integer" || suffix == "Decimal"), let text = valueNode.string {
                context.warning("answer\(suffix) holds the string \"\(text)\"; compared as text", at: valueNode, path: answerPath)
                value = .string(text)
            } else {
                value = fhirValue(suffix, valueNode, path: answerPath)
            }
            guard let value, let comparand = FHIRComparand(value, dateTimeAsDate: target.type == "dateTime") else {
                failed = true
                continue
            }
            let expected = expectedKind(target, options: options)
            guard expected == nil || expected == comparand.kindName else {
                context.error("answer\(suffix) (\(comparand.kindName)) cannot be compared with '\(question)', whose answers are \(expected!)", at: valueNode, path: answerPath)
                failed = true
                continue
            }
            if case .coding = comparand, op != "=" && op != "!=" {
                context.error("codings can only be compared with = or !=", at: opNode, path: path + ".operator")
                failed = true
                continue
            }
            if case .bool = comparand, op != "=" && op != "!=" {
                context.error("booleans can only be compared with = or !=", at: opNode, path: path + ".operator")
                failed = true
                continue
            }
            conditions.append(.init(itemID: target.id, test: .compare(op, comparand), options: options))
            texts.append("\(question) \(op) \(comparand)")
        }
        guard !failed, !conditions.isEmpty else { return nil }
        var all = false
        if let behaviorNode = entry.node["enableBehavior"] {
            switch behaviorNode.string {
            case "all": all = true
            case "any": all = false
            default:
                context.error("enableBehavior must be 'all' or 'any'", at: behaviorNode, path: entry.path + ".enableBehavior")
                return nil
            }
        } else if conditions.count > 1 {
            context.warning("several enableWhen conditions without enableBehavior; 'any' is assumed", at: entry.node["enableWhen"]!, path: entry.path + ".enableWhen")
        }
        let source = texts.count == 1 ? texts[0] : texts.map { "(\($0))" }.joined(separator: all ? " and " : " or ")
        return CompiledExpression(
            external: FHIREnableWhen(conditions: conditions, requiresAll: all), source: "enableWhen: " + source,
            location: context.location(entry.node["enableWhen"]!), type: .bool, references: Set(conditions.map(\.itemID)))
    }

    private func expectedKind(_ target: Entry, options: [String: FHIRComparand]) -> String? {
        if let first = options.values.first { return first.kindName }
        switch target.type {
        case "boolean": return "a boolean"
        case "decimal", "integer", "quantity": return "a number"
        case "date", "dateTime", "time", "string", "text": return "text"
        default: return nil
        }
    }

    private func readIntakeValidations(_ entry: Entry) {
        for (index, ext) in (entry.node["extension"]?.elements ?? []).enumerated() where ext["url"]?.string == FHIRExtension.intakeValidate {
            let path = "\(entry.path).extension[\(index)]"
            let parts = ext["extension"]?.elements ?? []
            guard let ruleNode = parts.first(where: { $0["url"]?.string == "rule" })?["valueString"], let rule = ruleNode.string,
                  let message = parts.first(where: { $0["url"]?.string == "message" })?["valueString"]?.string else {
                context.error("validate needs 'rule' and 'message'", at: ext, path: path)
                continue
            }
            var symbols = intakeScope.symbols
            if let kind = entry.kind, let symbol = ExpressionBinder.symbol(for: Item(id: entry.id, kind: kind, text: LocalizedText(""))) { symbols[entry.id] = symbol }
            let (expression, diagnostics) = ExpressionCompiler.compile(rule, at: context.location(in: ruleNode, offset: 0), expecting: .bool, in: WholeFileScope(symbols: symbols))
            context.diagnostics += diagnostics
            if let expression { entry.validations.append(Validation(rule: expression, message: LocalizedText(message, language: language))) }
        }
    }

    // MARK: - Pass 4: sections, items, scores

    private var scores: [ScoreDefinition] = []

    private func assemble() -> ([Section], [ScoreDefinition]) {
        var sections: [Section] = []
        var run: [Entry] = []
        let title = root["title"]?.string ?? root["name"]?.string ?? "Questionnaire"
        func flushRun() {
            guard !run.isEmpty else { return }
            let items = flatten(run, inherited: [])
            if !items.isEmpty {
                sections.append(Section(id: claimID(for: "section"), title: LocalizedText(title, language: language), items: items, location: context.location(run[0].node)))
            }
            run = []
        }
        for entry in entries {
            if entry.isGroup {
                flushRun()
                let items = flatten(entry.children, inherited: [])
                if items.isEmpty { continue }
                sections.append(Section(
                    id: entry.id, title: LocalizedText(entry.text.isEmpty ? title : entry.text, language: language),
                    when: entry.condition, items: items, location: context.location(entry.node)))
            } else {
                run.append(entry)
            }
        }
        flushRun()
        if sections.isEmpty && !context.diagnostics.hasErrors { context.error("the questionnaire has no items that can be asked", at: root, path: "item") }
        return (sections, scores)
    }

    private func combine(_ parts: [CompiledExpression]) -> CompiledExpression? {
        guard parts.count > 1 else { return parts.first }
        return CompiledExpression(
            external: FHIRAllOf(parts: parts), source: parts.map { "(\($0.source))" }.joined(separator: " and "),
            location: parts.last!.location, type: .bool, references: parts.reduce(into: Set<String>()) { $0.formUnion($1.references) })
    }

    private func flatten(_ list: [Entry], inherited: [CompiledExpression]) -> [Item] {
        var items: [Item] = []
        for entry in list where !entry.isHelp {
            if let calculated = entry.calculated {
                if let expression = compileExpression(calculated, for: entry, result: .number) {
                    scores.append(ScoreDefinition(
                        id: entry.id, label: LocalizedText(entry.text.isEmpty ? entry.linkID : entry.text, language: language),
                        expression: expression, unit: entry.unitText.map { LocalizedText($0, language: language) },
                        bands: readBands(entry), location: context.location(entry.node)))
                }
                continue
            }
            if entry.hidden { continue }
            let conditions = inherited + (entry.condition.map { [$0] } ?? [])
            if entry.isGroup {
                if !entry.text.isEmpty {
                    var heading = Item(id: entry.id, kind: .note, text: LocalizedText(entry.text, language: language), when: combine(conditions), location: context.location(entry.node))
                    heading.fhir = entry.binding
                    items.append(heading)
                }
                items += flatten(entry.children, inherited: conditions)
                continue
            }
            guard let kind = entry.kind else { continue }
            var item = Item(
                id: entry.id, kind: kind, text: LocalizedText(entry.text, language: language),
                help: entry.help.map { LocalizedText($0, language: language) },
                required: entry.required && !entry.binding.readOnly, when: combine(conditions),
                validations: entry.validations, location: context.location(entry.node))
            item.fhir = entry.binding
            items.append(item)
            if let otherID = entry.otherItemID, let otherOption = entry.binding.otherOptionID {
                let chosen = CompiledExpression(
                    external: FHIROptionChosen(itemID: entry.id, optionID: otherOption), source: "\(entry.id) = '\(otherOption)'",
                    location: context.location(entry.node), type: .bool, references: [entry.id])
                var other = Item(
                    id: otherID, kind: .shortText(TextSpec(maxLength: 200)),
                    text: LocalizedText((entry.text.isEmpty ? "" : entry.text + " — ") + Self.otherLabel(language), language: language),
                    required: true, when: combine(conditions + [chosen]), location: context.location(entry.node))
                other.fhir = FHIRItemBinding(linkID: entry.linkID, type: "string", role: .openChoiceOther(of: entry.id), groupPath: entry.binding.groupPath)
                items.append(other)
            }
            items += flatten(entry.children, inherited: conditions)
        }
        return items
    }

    private func readBands(_ entry: Entry) -> [ScoreBand] {
        extensions(of: entry.node, FHIRExtension.intakeBand).compactMap { ext in
            let parts = ext["extension"]?.elements ?? []
            func part(_ name: String) -> JSONNode? { parts.first { $0["url"]?.string == name } }
            guard let label = part("label")?["valueString"]?.string else { return nil }
            return ScoreBand(from: part("from")?["valueDecimal"]?.number, below: part("below")?["valueDecimal"]?.number,
                             label: LocalizedText(label, language: language), meaning: part("meaning")?["valueString"]?.string.map { LocalizedText($0, language: language) })
        }
    }

    private func readFlags(scores: [ScoreDefinition]) -> [FlagDefinition] {
        var flags: [FlagDefinition] = []
        for (index, ext) in (root["extension"]?.elements ?? []).enumerated() where ext["url"]?.string == FHIRExtension.intakeFlag {
            let path = "extension[\(index)]"
            let parts = ext["extension"]?.elements ?? []
            func part(_ name: String) -> JSONNode? { parts.first { $0["url"]?.string == name }?["valueString"] }
            guard let id = part("id")?.string, let severity = part("severity")?.string.flatMap(FlagDefinition.Severity.init(rawValue:)),
                  let whenNode = part("when"), let when = whenNode.string, let staff = part("staff")?.string, let patient = part("patient")?.string else {
                context.error("flag needs id, severity, when, staff and patient", at: ext, path: path)
                continue
            }
            let (expression, diagnostics) = ExpressionCompiler.compile(when, at: context.location(in: whenNode, offset: 0), expecting: .bool, in: intakeScope)
            context.diagnostics += diagnostics
            if let expression {
                flags.append(FlagDefinition(id: id, severity: severity, condition: expression, staffMessage: LocalizedText(staff, language: language),
                                            patientMessage: LocalizedText(patient, language: language), location: context.location(ext)))
            }
        }
        return flags
    }

    // MARK: - Loops

    /// FHIR allows an `enableWhen` to look forward, so flow order is not required; a loop
    /// (an item whose visibility depends, through others, on itself) is refused.
    private func checkLoops(_ questionnaire: Questionnaire) {
        var edges: [String: [String]] = [:]
        var linkIDs: [String: String] = [:]
        var locations: [String: SourceLocation] = [:]
        for section in questionnaire.sections {
            for item in section.items {
                let reads = (item.when?.references ?? []).union(section.when?.references ?? [])
                edges[item.id] = reads.sorted()
                linkIDs[item.id] = item.fhir?.linkID ?? item.id
                locations[item.id] = item.when?.location ?? item.location
            }
        }
        var state: [String: Int] = [:] // 1 visiting, 2 done
        var stack: [String] = []
        var reported = false
        func visit(_ id: String) {
            guard !reported else { return }
            state[id] = 1
            stack.append(id)
            for next in edges[id] ?? [] where edges[next] != nil {
                if state[next] == 1, let start = stack.firstIndex(of: next) {
                    let loop = (stack[start...] + [next]).map { linkIDs[$0] ?? $0 }
                    context.diagnostics.append(.error("enableWhen loop: \(loop.joined(separator: " → ")); an item cannot depend on itself", at: locations[next] ?? .unknown))
                    reported = true
                    return
                }
                if state[next] == nil { visit(next) }
                if reported { return }
            }
            stack.removeLast()
            state[id] = 2
        }
        for section in questionnaire.sections {
            for item in section.items where state[item.id] == nil { visit(item.id) }
        }
    }
}

extension FHIRQuestionnaireBuilder.Entry {
    /// `initial.value[x]` into the binding (the wizard does not prefill yet).
    func initialValues() {
        for element in node["initial"]?.elements ?? [] {
            for member in element.members where member.key.hasPrefix("value") {
                let suffix = String(member.key.dropFirst(5))
                let v = member.value
                let value: FHIRValue?
                switch suffix {
                case "Boolean": value = v.bool.map(FHIRValue.boolean)
                case "Decimal": value = v.number.map(FHIRValue.decimal)
                case "Integer": value = v.number.map { FHIRValue.integer(Int($0)) }
                case "Date": value = v.string.map(FHIRValue.date)
                case "DateTime": value = v.string.map(FHIRValue.dateTime)
                case "Time": value = v.string.map(FHIRValue.time)
                case "String": value = v.string.map(FHIRValue.string)
                case "Coding": value = .coding(system: v["system"]?.string, code: v["code"]?.string, display: v["display"]?.string)
                case "Quantity": value = v["value"]?.number.map { FHIRValue.quantity(value: $0, unit: v["unit"]?.string, system: v["system"]?.string, code: v["code"]?.string) }
                default: value = nil
                }
                if let value { binding.initial.append(value) }
            }
        }
    }
}
