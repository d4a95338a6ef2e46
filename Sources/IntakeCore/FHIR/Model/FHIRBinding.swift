/// A FHIR value[x]: of an answer option, an `initial`, an `enableWhen` answer, or an answer
/// in a QuestionnaireResponse.
public enum FHIRValue: Hashable, Sendable {
    case boolean(Bool)
    case decimal(Double)
    case integer(Int)
    case date(String)
    case dateTime(String)
    case time(String)
    case string(String)
    case coding(system: String?, code: String?, display: String?)
    case quantity(value: Double, unit: String?, system: String?, code: String?)

    /// The element name and JSON value, e.g. `("valueCoding", {...})`; `prefix` is `value` or `answer`.
    public func json(prefix: String = "value", origin: JSONNode.Origin? = nil) -> (key: String, value: JSONNode) {
        switch self {
        case .boolean(let b): return (prefix + "Boolean", .bool(b))
        case .decimal(let d): return (prefix + "Decimal", .number(d))
        case .integer(let i): return (prefix + "Integer", .number(Double(i), isInteger: true))
        case .date(let s): return (prefix + "Date", .string(s))
        case .dateTime(let s): return (prefix + "DateTime", .string(s))
        case .time(let s): return (prefix + "Time", .string(s))
        case .string(let s): return (prefix + "String", .string(s))
        case .coding(let system, let code, let display):
            var members: [(String, JSONNode)] = []
            if let system { members.append(("system", .string(system))) }
            if let code { members.append(("code", .string(code))) }
            if let display { members.append(("display", .string(display))) }
            return (prefix + "Coding", .object(members, origin: origin))
        case .quantity(let value, let unit, let system, let code):
            var members: [(String, JSONNode)] = [("value", .number(value))]
            if let unit { members.append(("unit", .string(unit))) }
            if let system { members.append(("system", .string(system))) }
            if let code { members.append(("code", .string(code))) }
            return (prefix + "Quantity", .object(members, origin: origin))
        }
    }

    /// Text for people: a coding's display, else its code; other values as written.
    public var displayText: String {
        switch self {
        case .boolean(let b): b ? "true" : "false"
        case .decimal(let d): JSONWriter.formatNumber(d)
        case .integer(let i): String(i)
        case .date(let s), .dateTime(let s), .time(let s), .string(let s): s
        case .coding(_, let code, let display): display ?? code ?? ""
        case .quantity(let value, let unit, _, let code): JSONWriter.formatNumber(value) + ((unit ?? code).map { " " + $0 } ?? "")
        }
    }
}

/// How an item of the model relates to the FHIR Questionnaire it was imported from.
/// Everything the QuestionnaireResponse writer needs that the model itself does not keep.
public struct FHIRItemBinding: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        /// An answerable FHIR item (or a display item, as a note).
        case question
        case display
        /// A nested group shown as a sub-heading note; it takes no answer.
        case groupHeading
        /// The free-text "other" answer of an open-choice item, whose model id is given; in
        /// the response it becomes a `valueString` answer of that item, not an item of its own.
        case openChoiceOther(of: String)
    }

    /// The original linkId, verbatim.
    public var linkID: String
    /// The FHIR item type as written (`choice`, `quantity`, ...).
    public var type: String
    public var role: Role
    /// linkIds of the enclosing groups, outermost first (the top-level group is the section).
    public var groupPath: [String]
    /// The linkId of the question item this one is nested under (FHIR `answer.item`), if any.
    public var parentQuestion: String?
    public var repeats: Bool
    public var readOnly: Bool
    /// `initial` values (and `initialSelected` options); the engine does not prefill them yet.
    public var initial: [FHIRValue]
    /// The original value of each option, by option id.
    public var optionValues: [String: FHIRValue]
    /// For open-choice: the id of the extra "Other" option, and the model id of the text item.
    public var otherOptionID: String?
    public var otherItemID: String?
    /// For quantity items: the unit (system/code/display) from `questionnaire-unit`.
    public var unit: FHIRValue?
    /// `questionnaire-itemControl` codes (drop-down, radio-button, check-box, slider, ...): hints only.
    public var controlHints: [String]

    public init(linkID: String, type: String, role: Role = .question, groupPath: [String] = [], parentQuestion: String? = nil,
                repeats: Bool = false, readOnly: Bool = false, initial: [FHIRValue] = [], optionValues: [String: FHIRValue] = [:],
                otherOptionID: String? = nil, otherItemID: String? = nil, unit: FHIRValue? = nil, controlHints: [String] = []) {
        self.linkID = linkID
        self.type = type
        self.role = role
        self.groupPath = groupPath
        self.parentQuestion = parentQuestion
        self.repeats = repeats
        self.readOnly = readOnly
        self.initial = initial
        self.optionValues = optionValues
        self.otherOptionID = otherOptionID
        self.otherItemID = otherItemID
        self.unit = unit
        self.controlHints = controlHints
    }
}

/// The FHIR Questionnaire a questionnaire was imported from.
public struct FHIRQuestionnaireBinding: Sendable {
    /// `Questionnaire.url`: what `QuestionnaireResponse.questionnaire` must name (with `|version` if set).
    public var url: String?
    public var version: String?
    /// The item tree with original linkIds, in file order; the response keeps this nesting.
    public var outline: [FHIROutlineNode]

    public init(url: String?, version: String?, outline: [FHIROutlineNode]) {
        self.url = url
        self.version = version
        self.outline = outline
    }

    /// The canonical reference a QuestionnaireResponse uses: `url|version`, or `url`.
    public var canonical: String? {
        guard let url else { return nil }
        return version.map { url + "|" + $0 } ?? url
    }
}

/// One FHIR item in the outline.
public struct FHIROutlineNode: Sendable {
    public enum Kind: Sendable, Hashable {
        case group
        case question
        case display
        /// A calculatedExpression item: a score of the model (``modelID`` is the score id).
        case calculated
    }

    public var linkID: String
    public var kind: Kind
    public var text: String?
    /// The section id (top-level group), item id (questions, display, nested group heading) or score id.
    public var modelID: String?
    public var binding: FHIRItemBinding?
    public var children: [FHIROutlineNode]

    public init(linkID: String, kind: Kind, text: String?, modelID: String?, binding: FHIRItemBinding?, children: [FHIROutlineNode]) {
        self.linkID = linkID
        self.kind = kind
        self.text = text
        self.modelID = modelID
        self.binding = binding
        self.children = children
    }
}

/// Builds a QuestionnaireResponse from current values, keeping linkIds and group nesting.
/// FHIRPath's `%resource` is this; the output writer can use it too.
public enum FHIRResponseBuilder {
    /// - Parameter value: the value of an item or score by model id (`.null` when unanswered or hidden).
    public static func response(
        _ binding: FHIRQuestionnaireBinding, status: String = "in-progress", value: (String) -> Value
    ) -> JSONNode {
        var members: [(String, JSONNode)] = [("resourceType", .string("QuestionnaireResponse"))]
        if let canonical = binding.canonical { members.append(("questionnaire", .string(canonical))) }
        members.append(("status", .string(status)))
        let items = binding.outline.compactMap { node(for: $0, value: value) }
        if !items.isEmpty { members.append(("item", .array(items))) }
        return .object(members)
    }

    private static func node(for outline: FHIROutlineNode, value: (String) -> Value) -> JSONNode? {
        var members: [(String, JSONNode)] = [("linkId", .string(outline.linkID))]
        if let text = outline.text { members.append(("text", .string(text))) }
        let children = outline.children.compactMap { node(for: $0, value: value) }
        switch outline.kind {
        case .display:
            return nil
        case .group:
            guard !children.isEmpty else { return nil }
            members.append(("item", .array(children)))
            return .object(members)
        case .question, .calculated:
            guard let id = outline.modelID else { return nil }
            let values = answers(value(id), binding: outline.binding, itemID: id, value: value)
            guard !values.isEmpty else { return nil }
            var answerNodes = values.map { JSONNode.object([$0]) }
            if !children.isEmpty, let first = answerNodes.first {
                answerNodes[0] = .object(first.members.map { ($0.key, $0.value) } + [("item", .array(children))])
            }
            members.append(("answer", .array(answerNodes)))
            return .object(members)
        }
    }

    /// The `value[x]` elements of an item's answers.
    static func answers(_ current: Value, binding: FHIRItemBinding?, itemID: String, value: (String) -> Value) -> [(String, JSONNode)] {
        let type = binding?.type ?? "decimal"
        func option(_ id: String) -> (String, JSONNode)? {
            if id == binding?.otherOptionID {
                guard let other = binding?.otherItemID, case .text(let text) = value(other) else { return nil }
                return FHIRValue.string(text).json()
            }
            guard let original = binding?.optionValues[id] else { return FHIRValue.string(id).json() }
            return original.json(origin: JSONNode.Origin(item: itemID, option: id))
        }
        switch current {
        case .null, .list: return []
        case .bool(let b): return [FHIRValue.boolean(b).json()]
        case .number(let n):
            switch type {
            case "integer": return [FHIRValue.integer(Int(n.rounded())).json()]
            case "quantity":
                if case .coding(let system, let code, let display)? = binding?.unit {
                    return [FHIRValue.quantity(value: n, unit: display ?? code, system: system, code: code).json()]
                }
                return [FHIRValue.quantity(value: n, unit: nil, system: nil, code: nil).json()]
            default: return [FHIRValue.decimal(n).json()]
            }
        case .text(let text):
            return [(type == "time" ? FHIRValue.time(text) : .string(text)).json()]
        case .date(let date):
            return [(type == "dateTime" ? FHIRValue.dateTime(date.description) : .date(date.description)).json()]
        case .choice(let id):
            return option(id).map { [$0] } ?? []
        case .set(let ids):
            return ids.compactMap(option)
        }
    }
}
