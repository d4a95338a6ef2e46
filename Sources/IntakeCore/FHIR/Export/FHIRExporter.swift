/// Writes a questionnaire as a FHIR R4 Questionnaire (JSON). Importing the result gives the
/// same `describe --json` output except for the differences listed in docs/fhir.md
/// (`when`, validations, scores and flags travel in this program's own expression language,
/// marked `text/x-symptom-intake`; checklists, help, summary layout and translations other
/// than the default language are not exported).
public enum FHIRExporter {
    public struct Refusal: Error, CustomStringConvertible {
        public var description: String
    }

    /// - Throws: ``Refusal`` for a questionnaire imported from FHIR (its FHIRPath and
    ///   enableWhen logic is not re-exported; use the original file).
    public static func export(_ questionnaire: Questionnaire) throws(Refusal) -> String {
        if questionnaire.metadata.fhir != nil {
            throw Refusal(description: "\(questionnaire.metadata.sourceFile) is already a FHIR Questionnaire; use it as it is")
        }
        let meta = questionnaire.metadata
        let language = meta.defaultLanguage
        func text(_ t: LocalizedText) -> JSONNode { .string(t.resolved(language)) }
        func ext(_ url: String, _ key: String, _ value: JSONNode) -> JSONNode { .object([("url", .string(url)), (key, value)]) }
        func expressionExt(_ url: String, _ source: String) -> JSONNode {
            ext(url, "valueExpression", .object([("language", .string(FHIRExtension.intakeLanguage)), ("expression", .string(source))]))
        }
        func complex(_ url: String, _ parts: [(String, JSONNode)]) -> JSONNode {
            .object([("url", .string(url)), ("extension", .array(parts.map { name, value in
                let key = value.number != nil ? "valueDecimal" : "valueString"
                return .object([("url", .string(name)), (key, value)])
            }))])
        }

        func item(_ item: Item) -> JSONNode {
            var members: [(String, JSONNode)] = [("linkId", .string(item.id)), ("text", text(item.text))]
            var extensions: [JSONNode] = []
            var type: String
            var options: [JSONNode] = []
            func numberLimits(_ spec: NumberSpec) {
                if let minimum = spec.minimum { extensions.append(ext(FHIRExtension.minValue, "valueDecimal", .number(minimum))) }
                if let maximum = spec.maximum { extensions.append(ext(FHIRExtension.maxValue, "valueDecimal", .number(maximum))) }
                if let unit = spec.unit { extensions.append(ext(FHIRExtension.unit, "valueCoding", .object([("display", text(unit))]))) }
            }
            func choice(_ list: [ChoiceOption]) {
                options = list.map { option in
                    var o: [(String, JSONNode)] = []
                    var optionExtensions: [JSONNode] = []
                    if let score = option.score { optionExtensions.append(ext(FHIRExtension.ordinalValue, "valueDecimal", .number(score))) }
                    if option.exclusive { optionExtensions.append(ext(FHIRExtension.optionExclusive, "valueBoolean", .bool(true))) }
                    if !optionExtensions.isEmpty { o.append(("extension", .array(optionExtensions))) }
                    o.append(("valueCoding", .object([("code", .string(option.id)), ("display", text(option.label))])))
                    return .object(o)
                }
            }
            switch item.kind {
            case .yesNo(let notSure):
                type = "boolean"
                if notSure { extensions.append(ext(FHIRExtension.intakeNotSure, "valueBoolean", .bool(true))) }
            case .singleChoice(let list): type = "choice"; choice(list)
            case .multipleChoice(let list): type = "choice"; choice(list); members.append(("repeats", .bool(true)))
            case .integer(let spec): type = "integer"; numberLimits(spec)
            case .decimal(let spec): type = "decimal"; numberLimits(spec)
            case .rating(let spec):
                type = "integer"
                numberLimits(NumberSpec(minimum: Double(spec.minimum), maximum: Double(spec.maximum)))
                extensions.append(ext(FHIRExtension.itemControl, "valueCodeableConcept", .object([("coding", .array([.object([("system", .string("http://hl7.org/fhir/questionnaire-item-control")), ("code", .string("slider"))])]))])))
            case .date(let spec):
                type = "date"
                if spec.allowsUnknown { extensions.append(ext(FHIRExtension.intakeAllowsUnknown, "valueBoolean", .bool(true))) }
                if spec.precision == .month { extensions.append(ext(FHIRExtension.intake + "month-precision", "valueBoolean", .bool(true))) }
            case .duration:
                // No FHIR equivalent with units days/weeks/months/years as one answer: days as a quantity.
                type = "quantity"
                extensions.append(ext(FHIRExtension.unit, "valueCoding", .object([("system", .string("http://unitsofmeasure.org")), ("code", .string("d")), ("display", .string("days"))])))
            case .shortText(let spec): type = "string"; members.append(("maxLength", .number(Double(spec.maxLength), isInteger: true)))
            case .longText(let spec): type = "text"; members.append(("maxLength", .number(Double(spec.maxLength), isInteger: true)))
            case .bodyMap(let spec):
                type = "choice"
                members.append(("repeats", .bool(true)))
                choice(spec.regions.map { ChoiceOption(id: $0.id, label: $0.label) })
            case .note: type = "display"
            }
            if let when = item.when { extensions.append(expressionExt(FHIRExtension.enableWhenExpression, when.source)) }
            for validation in item.validations {
                extensions.append(complex(FHIRExtension.intakeValidate, [("rule", .string(validation.rule.source)), ("message", text(validation.message))]))
            }
            members.insert(("type", .string(type)), at: 1)
            if item.required { members.append(("required", .bool(true))) }
            if !options.isEmpty { members.append(("answerOption", .array(options))) }
            if !extensions.isEmpty { members.insert(("extension", .array(extensions)), at: 0) }
            return .object(members)
        }

        var items: [JSONNode] = questionnaire.sections.map { section in
            var members: [(String, JSONNode)] = [("linkId", .string(section.id)), ("type", .string("group")), ("text", text(section.title))]
            if let when = section.when { members.insert(("extension", .array([expressionExt(FHIRExtension.enableWhenExpression, when.source)])), at: 0) }
            members.append(("item", .array(section.items.map(item))))
            return .object(members)
        }
        for score in questionnaire.scores {
            var extensions = [expressionExt(FHIRExtension.calculated, score.expression.source)]
            if let unit = score.unit { extensions.append(ext(FHIRExtension.unit, "valueCoding", .object([("display", text(unit))]))) }
            for band in score.bands {
                var parts: [(String, JSONNode)] = [("label", text(band.label))]
                if let from = band.from { parts.append(("from", .number(from))) }
                if let below = band.below { parts.append(("below", .number(below))) }
                if let meaning = band.meaning { parts.append(("meaning", text(meaning))) }
                extensions.append(complex(FHIRExtension.intakeBand, parts))
            }
            items.append(.object([("extension", .array(extensions)), ("linkId", .string(score.id)), ("type", .string("decimal")),
                                  ("text", text(score.label)), ("readOnly", .bool(true))]))
        }
        var root: [(String, JSONNode)] = [("resourceType", .string("Questionnaire")), ("id", .string(meta.id))]
        let flags = questionnaire.flags.map { flag in
            complex(FHIRExtension.intakeFlag, [("id", .string(flag.id)), ("severity", .string(flag.severity.rawValue)), ("when", .string(flag.condition.source)),
                                               ("staff", text(flag.staffMessage)), ("patient", text(flag.patientMessage))])
        }
        if !flags.isEmpty { root.append(("extension", .array(flags))) }
        if let url = meta.fhir?.url { root.append(("url", .string(url))) }
        root += [("version", .string(meta.version)), ("name", .string(meta.id)), ("title", text(meta.title)), ("status", .string("draft")),
                 ("language", .string(language))]
        if let description = meta.description { root.append(("description", text(description))) }
        root.append(("item", .array(items)))
        return JSONWriter.write(.object(root), pretty: true) + "\n"
    }
}
