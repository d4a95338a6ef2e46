/// Builds an HL7 FHIR R4 QuestionnaireResponse from a finished session.
///
/// Mapping (docs/outputs.md): one group per section that has answers (`linkId` = section
/// id), inside it one item per answered item (`linkId` = item id, `text` = the question
/// as the patient read it). Yes/no → valueBoolean; choices → valueCoding (system
/// `urn:symptomintake:<questionnaire>:<item>`, code = option id, the option's score as the
/// `ordinalValue` extension); integers and ratings → valueInteger; decimals → valueDecimal,
/// or valueQuantity with a unit; dates → valueDate; durations → valueQuantity in UCUM
/// (d, wk, mo, a); text → valueString; body maps → one valueCoding per region. "Not sure"
/// and "I don't remember" → valueCoding `asked-unknown` of HL7's data-absent-reason system.
public enum FHIRResponse {
    public static let ordinalValueURL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    public static let ucum = "http://unitsofmeasure.org"
    public static let dataAbsentReason = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
    public static let bodyRegionSystem = "urn:symptomintake:body-region"

    /// The canonical reference of a questionnaire version: `urn:symptomintake:questionnaire:<id>|<version>`.
    public static func canonical(of metadata: Metadata) -> String {
        let base = "urn:symptomintake:questionnaire:\(metadata.id)"
        return metadata.version.isEmpty ? base : base + "|" + metadata.version
    }

    /// The response as JSON. `id` must be 1-64 letters, digits, `-` or `.` (FHIR id rules).
    /// Texts are in `language`, the patient's: what they read and chose.
    public static func json(wizard: Wizard, id: String, language: String, authored: UTCTimestamp) -> OrderedJSON {
        let questionnaire = wizard.questionnaire
        if let binding = questionnaire.metadata.fhir {
            return importedResponse(wizard: wizard, binding: binding, id: id, language: language, authored: authored)
        }
        var groups: [OrderedJSON] = []
        for section in questionnaire.sections {
            let items: [OrderedJSON] = section.items.compactMap { item in
                guard let answer = wizard.answer(for: item.id) else { return nil }
                let answers = self.answers(answer, item: item, questionnaireID: questionnaire.metadata.id, language: language)
                guard !answers.isEmpty else { return nil }
                return .object([
                    ("linkId", .string(item.id)),
                    ("text", .string(item.text.resolved(language))),
                    ("answer", .array(answers)),
                ])
            }
            guard !items.isEmpty else { continue }
            groups.append(.object([
                ("linkId", .string(section.id)),
                ("text", .string(section.title.resolved(language))),
                ("item", .array(items)),
            ]))
        }
        var members: [(String, OrderedJSON)] = [
            ("resourceType", .string("QuestionnaireResponse")),
            ("id", .string(id)),
            ("language", .string(language)),
            ("identifier", .object([("system", .string("urn:symptomintake:response")), ("value", .string(id))])),
            ("questionnaire", .string(canonical(of: questionnaire.metadata))),
            ("status", .string("completed")),
            ("authored", .string(authored.iso8601)),
        ]
        if !groups.isEmpty { members.append(("item", .array(groups))) }
        return .object(members)
    }

    static func answers(_ answer: Answer, item: Item, questionnaireID: String, language: String) -> [OrderedJSON] {
        func value(_ key: String, _ json: OrderedJSON) -> OrderedJSON { .object([(key, json)]) }
        let system = "urn:symptomintake:\(questionnaireID):\(item.id)"
        func option(_ id: String) -> OrderedJSON {
            var coding: [(String, OrderedJSON)] = []
            if let score = item.option(id)?.score {
                coding.append(("extension", .array([.object([("url", .string(ordinalValueURL)), ("valueDecimal", .number(score))])])))
            }
            coding += [("system", .string(system)), ("code", .string(id)), ("display", .string(item.option(id)?.label.resolved(language) ?? id))]
            return value("valueCoding", .object(coding))
        }
        func unknown(_ display: String) -> OrderedJSON {
            value("valueCoding", .object([("system", .string(dataAbsentReason)), ("code", .string("asked-unknown")), ("display", .string(display))]))
        }
        switch answer {
        case .yesNo(.yes): return [value("valueBoolean", .bool(true))]
        case .yesNo(.no): return [value("valueBoolean", .bool(false))]
        case .yesNo(.notSure): return [unknown("Not sure")]
        case .unknown: return [unknown("Don't remember")]
        case .choice(let id): return [option(id)]
        case .choices(let ids): return ids.map(option)
        case .number(let number):
            switch item.kind {
            case .integer, .rating:
                return [value("valueInteger", .integer(Int(number)))]
            case .decimal(let spec):
                guard let unit = spec.unit else { return [value("valueDecimal", .number(number))] }
                var quantity: [(String, OrderedJSON)] = [("value", .number(number)), ("unit", .string(unit.resolved(language)))]
                if let code = ucumCode(unit.resolved(unit.fallbackLanguage)) {
                    quantity += [("system", .string(ucum)), ("code", .string(code))]
                }
                return [value("valueQuantity", .object(quantity))]
            default:
                return [value("valueDecimal", .number(number))]
            }
        case .date(let date): return [value("valueDate", .string(date.description))]
        case .duration(let duration):
            let code = switch duration.unit {
            case .days: "d"
            case .weeks: "wk"
            case .months: "mo"
            case .years: "a"
            }
            return [value("valueQuantity", .object([
                ("value", .number(duration.amount)), ("unit", .string(BuiltInPlural.duration(duration.amount, duration.unit, language: language).split(separator: " ", maxSplits: 1).last.map(String.init) ?? code)),
                ("system", .string(ucum)), ("code", .string(code)),
            ]))]
        case .text(let text):
            return text.isEmpty ? [] : [value("valueString", .string(text))]
        case .regions(let ids):
            return ids.map { id in
                value("valueCoding", .object([
                    ("system", .string(bodyRegionSystem)), ("code", .string(id)),
                    ("display", .string(BodyRegion.named(id)?.label.resolved(language) ?? id)),
                ]))
            }
        }
    }

    /// The UCUM code of a unit written in a questionnaire, for the few that are UCUM already.
    static func ucumCode(_ unit: String) -> String? {
        ["kg": "kg", "g": "g", "mg": "mg", "cm": "cm", "m": "m", "%": "%", "°C": "Cel", "mmHg": "mm[Hg]"][unit]
    }

    /// For a questionnaire imported from FHIR: the source's linkIds, group nesting and
    /// canonical URL, with calculated items filled, so the response answers the original.
    static func importedResponse(
        wizard: Wizard, binding: FHIRQuestionnaireBinding, id: String, language: String, authored: UTCTimestamp
    ) -> OrderedJSON {
        let scores = Scorer.evaluate(wizard)
        let built = FHIRResponseBuilder.response(binding, status: "completed") { name in
            if let answer = wizard.answer(for: name) { return answer.expressionValue }
            if let value = scores.score(name)?.value { return .number(value) }
            return .null
        }
        var members = built.members.map { ($0.key, ordered($0.value)) }
        let head: [(String, OrderedJSON)] = [
            ("resourceType", .string("QuestionnaireResponse")),
            ("id", .string(id)),
            ("language", .string(language)),
            ("identifier", .object([("system", .string("urn:symptomintake:response")), ("value", .string(id))])),
        ]
        members.removeAll { $0.0 == "resourceType" }
        if let index = members.firstIndex(where: { $0.0 == "status" }) {
            members.insert(("authored", .string(authored.iso8601)), at: index + 1)
        }
        if !members.contains(where: { $0.0 == "questionnaire" }) {
            members.insert(("questionnaire", .string(canonical(of: wizard.questionnaire.metadata))), at: 0)
        }
        return .object(head + members)
    }

    /// Converts the FHIR module's JSON tree to the writer's ordered JSON.
    static func ordered(_ node: JSONNode) -> OrderedJSON {
        switch node.kind {
        case .null: .null
        case .bool(let value): .bool(value)
        case .number(let value, let isInteger): isInteger && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
        case .string(let value): .string(value)
        case .array(let elements): .array(elements.map(ordered))
        case .object(let members): .object(members.map { ($0.key, ordered($0.value)) })
        }
    }
}
