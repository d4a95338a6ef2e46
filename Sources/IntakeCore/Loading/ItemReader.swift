/// Reads one item: its common keys, then the keys of its type.
struct ItemReader {
    let context: LoadContext
    let ids: IDRegistry

    static let commonKeys = ["id", "type", "text", "help", "summary", "required", "when", "validate"]

    /// Keys each type adds to the common ones.
    static let typeKeys: [String: [String]] = [
        "yes_no": ["not_sure"],
        "single_choice": ["options"],
        "multiple_choice": ["options"],
        "integer": ["min", "max", "unit"],
        "decimal": ["min", "max", "unit"],
        "rating": ["min", "max", "min_label", "max_label"],
        "date": ["precision", "dont_remember"],
        "duration": ["units", "dont_remember"],
        "text": ["max_length"],
        "long_text": ["max_length"],
        "body_map": ["regions"],
        "note": [],
    ]

    /// Every key an item of each type may have, computed once rather than per item.
    static let allowedKeys: [String: [String]] = typeKeys.reduce(into: [:]) { allowed, entry in
        allowed[entry.key] = entry.key == "note" ? ["id", "type", "text", "help", "when"] : commonKeys + entry.value
    }

    func read(_ node: YAMLNode) -> ItemDraft? {
        guard let reader = MappingReader(node, what: "an item", context: context) else { return nil }
        let idPair = reader.id()
        if let (id, idNode) = idPair { ids.claim(id, at: idNode, kind: "item", context: context) }
        let id = idPair?.0 ?? "?"
        let named = reader.named("item '\(id)'")

        guard let typeName = named.string("type", required: true), let typeNode = named.value("type") else {
            named.rejectUnknownKeys(allowed: Self.commonKeys + Self.typeKeys.values.flatMap { $0 })
            return nil
        }
        guard let allowed = Self.allowedKeys[typeName] else {
            context.error("unknown item type '\(typeName)'\(LoadContext.suggestion(for: typeName, among: ItemKind.typeNames))", at: typeNode)
            named.rejectUnknownKeys(allowed: Self.commonKeys + Self.typeKeys.values.flatMap { $0 })
            return nil
        }
        named.rejectUnknownKeys(allowed: allowed)
        guard let kind = readKind(typeName, named, id: id) else { return nil }

        let item = Item(
            id: id, kind: kind, text: named.text("text", required: true) ?? LocalizedText(""),
            help: named.text("help"), summaryLabel: named.text("summary"),
            required: named.bool("required") ?? false, location: context.location(of: node)
        )
        let when = named.expressionSource("when").map { PendingExpression(source: $0.0, location: $0.1) }
        return ItemDraft(item: item, when: when, validations: readValidations(named))
    }

    private func readValidations(_ reader: MappingReader) -> [(rule: PendingExpression, message: LocalizedText)] {
        guard let nodes = reader.sequence("validate") else { return [] }
        var result: [(rule: PendingExpression, message: LocalizedText)] = []
        for node in nodes {
            guard let rule = MappingReader(node, what: "a 'validate' rule", context: context) else { continue }
            rule.rejectUnknownKeys(allowed: ["rule", "message"])
            guard let (source, location) = rule.expressionSource("rule", required: true),
                  let message = rule.text("message", required: true) else { continue }
            result.append((PendingExpression(source: source, location: location), message))
        }
        return result
    }

    private func readKind(_ typeName: String, _ reader: MappingReader, id: String) -> ItemKind? {
        switch typeName {
        case "yes_no":
            return .yesNo(allowsNotSure: reader.bool("not_sure") ?? false)
        case "single_choice":
            return .singleChoice(readOptions(reader, id: id, allowExclusive: false))
        case "multiple_choice":
            return .multipleChoice(readOptions(reader, id: id, allowExclusive: true))
        case "integer", "decimal":
            let spec = NumberSpec(minimum: reader.number("min"), maximum: reader.number("max"), unit: reader.text("unit"))
            checkRange(spec.minimum, spec.maximum, reader)
            if typeName == "integer" {
                for key in ["min", "max"] {
                    if let value = reader.number(key), value.rounded() != value, let node = reader.value(key) {
                        context.error("'\(key)' of an integer item must be a whole number", at: node)
                    }
                }
                return .integer(spec)
            }
            return .decimal(spec)
        case "rating":
            let minimum = reader.integer("min") ?? 0
            let maximum = reader.integer("max") ?? 10
            if minimum >= maximum, let node = reader.value("max") ?? reader.value("min") {
                context.error("'min' (\(minimum)) must be less than 'max' (\(maximum))", at: node)
            } else if maximum - minimum > 100, let node = reader.value("max") ?? reader.value("min") {
                context.error("a rating scale may have at most 101 steps", at: node)
            }
            return .rating(RatingSpec(minimum: minimum, maximum: maximum, minimumLabel: reader.text("min_label"), maximumLabel: reader.text("max_label")))
        case "date":
            var precision = DateSpec.Precision.day
            if let text = reader.string("precision"), let node = reader.value("precision") {
                if let value = DateSpec.Precision(rawValue: text) {
                    precision = value
                } else {
                    context.error("'precision' must be 'day' or 'month'\(LoadContext.suggestion(for: text, among: ["day", "month"]))", at: node)
                }
            }
            return .date(DateSpec(precision: precision, allowsUnknown: reader.bool("dont_remember") ?? false))
        case "duration":
            var units = DurationUnit.allCases
            if let list = reader.stringList("units") {
                units = []
                for (text, node) in list {
                    if let unit = DurationUnit(rawValue: text) {
                        if units.contains(unit) { context.error("unit '\(text)' is listed twice", at: node) } else { units.append(unit) }
                    } else {
                        context.error("unknown unit '\(text)'\(LoadContext.suggestion(for: text, among: DurationUnit.allCases.map(\.rawValue)))", at: node)
                    }
                }
                if list.isEmpty, let node = reader.value("units") { context.error("'units' must list at least one unit", at: node) }
            }
            return .duration(DurationSpec(units: units, allowsUnknown: reader.bool("dont_remember") ?? false))
        case "text":
            return .shortText(TextSpec(maxLength: reader.integer("max_length", minimum: 1) ?? 200))
        case "long_text":
            return .longText(TextSpec(maxLength: reader.integer("max_length", minimum: 1) ?? 2000))
        case "body_map":
            var regions = BodyRegion.all
            if let list = reader.stringList("regions") {
                regions = []
                for (name, node) in list {
                    if let region = BodyRegion.named(name) {
                        if regions.contains(region) { context.error("region '\(name)' is listed twice", at: node) } else { regions.append(region) }
                    } else {
                        context.error("unknown body region '\(name)'\(LoadContext.suggestion(for: name, among: BodyRegion.all.map(\.id)))", at: node)
                    }
                }
                if list.isEmpty, let node = reader.value("regions") { context.error("'regions' must list at least one region", at: node) }
            }
            return .bodyMap(BodyMapSpec(regions: regions))
        default:
            return .note
        }
    }

    private func checkRange(_ minimum: Double?, _ maximum: Double?, _ reader: MappingReader) {
        if let minimum, let maximum, minimum > maximum, let node = reader.value("min") {
            context.error("'min' (\(Value.number(minimum))) is greater than 'max' (\(Value.number(maximum)))", at: node)
        }
    }

    private func readOptions(_ reader: MappingReader, id: String, allowExclusive: Bool) -> [ChoiceOption] {
        guard let nodes = reader.sequence("options", required: true) else { return [] }
        if nodes.isEmpty, let node = reader.value("options") {
            context.error("'\(id)' has no options", at: node)
        }
        var options: [ChoiceOption] = []
        var seen: [String: Int] = [:]
        for node in nodes {
            guard let entry = MappingReader(node, what: "an option of '\(id)'", context: context) else { continue }
            entry.rejectUnknownKeys(allowed: allowExclusive ? ["id", "label", "score", "exclusive"] : ["id", "label", "score"])
            guard let (optionID, idNode) = entry.id() else { continue }
            if let line = seen[optionID] {
                context.error("duplicate option id '\(optionID)' in '\(id)' (first used at line \(line))", at: idNode)
                continue
            }
            seen[optionID] = context.location(of: idNode).line
            options.append(ChoiceOption(
                id: optionID, label: entry.text("label", required: true) ?? LocalizedText(optionID),
                score: entry.number("score"), exclusive: entry.bool("exclusive") ?? false,
                location: context.location(of: node)
            ))
        }
        return options
    }
}
