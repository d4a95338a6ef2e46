/// Reads a result JSON file with the project's own ``JSONReader`` instead of Foundation's
/// `JSONDecoder`: a batch summary reads thousands of these, and the generic decoder spent
/// more instructions on one than rendering the summary should take.
///
/// The rules are those of the `Decodable` conformance: every non-optional field must be
/// there with the right type, optional ones may be missing or `null`, unknown keys are
/// ignored. On top, the reader refuses what ``JSONReader`` refuses (duplicate keys,
/// control characters), which a file written by `intake` never contains.
extension IntakeResult {
    /// Why bytes are not a result file: where, and what was wrong.
    public struct ReadProblem: Error, Hashable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Parses a result file's bytes (UTF-8 JSON).
    public init(resultJSON bytes: some Collection<UInt8>) throws(ReadProblem) {
        // Parsed from the bytes, which checks each string's UTF-8 as it goes (no pass over
        // the whole file first); only a failure looks at the whole file, to say which it is.
        let utf8 = Array(bytes)
        let root: JSONNode
        switch JSONReader.parse(utf8: utf8) {
        case .success(let node): root = node
        case .failure(let failure):
            guard String(validating: utf8, as: UTF8.self) != nil else { throw ReadProblem(description: "the file is not UTF-8 text") }
            throw ReadProblem(description: failure.description)
        }
        let fields = ResultFields(root, path: "")
        self.init(
            format: try fields.string("format"),
            provenance: try Provenance(try fields.object("provenance")),
            scores: try fields.array("scores").map { node throws(ReadProblem) in try ScoreResult(node) },
            flags: try fields.array("flags").map { node throws(ReadProblem) in try FlagResult(node) },
            checklists: try fields.array("checklists").map { node throws(ReadProblem) in try ChecklistResult(node) },
            answers: try fields.answers("answers")
        )
    }
}

extension IntakeResult.Provenance {
    fileprivate init(_ fields: ResultFields) throws(IntakeResult.ReadProblem) {
        let submittedText = try fields.string("submitted")
        guard let submitted = UTCTimestamp(iso8601: submittedText) else {
            throw fields.problem("submitted", "expected a UTC time like 2026-11-25T14:30:05Z")
        }
        self.init(
            questionnaireID: try fields.string("questionnaireID"), questionnaireVersion: try fields.string("questionnaireVersion"),
            sha256: try fields.string("sha256"), sourceFile: try fields.string("sourceFile"),
            reviewStatus: try fields.optionalString("reviewStatus"), language: try fields.string("language"),
            textLanguage: try fields.string("textLanguage"), submitted: submitted, sessionDate: try fields.string("sessionDate")
        )
    }
}

extension IntakeResult.ScoreResult {
    fileprivate init(_ fields: ResultFields) throws(IntakeResult.ReadProblem) {
        self.init(
            id: try fields.string("id"), label: try fields.string("label"), value: try fields.optionalNumber("value"),
            unit: try fields.optionalString("unit"), band: try fields.optionalString("band"),
            bandMeaning: try fields.optionalString("bandMeaning"), notComputable: try fields.optionalString("notComputable")
        )
    }
}

extension IntakeResult.FlagResult {
    fileprivate init(_ fields: ResultFields) throws(IntakeResult.ReadProblem) {
        self.init(id: try fields.string("id"), severity: try fields.string("severity"), staff: try fields.string("staff"), patient: try fields.string("patient"))
    }
}

extension IntakeResult.ChecklistResult {
    fileprivate init(_ fields: ResultFields) throws(IntakeResult.ReadProblem) {
        self.init(
            id: try fields.string("id"), title: try fields.string("title"), source: try fields.optionalString("source"),
            weightColumns: try fields.array("weightColumns").map { node throws(IntakeResult.ReadProblem) in try node.string() },
            entries: try fields.array("entries").map { node throws(IntakeResult.ReadProblem) in try Entry(node) }
        )
    }
}

extension IntakeResult.ChecklistResult.Entry {
    fileprivate init(_ fields: ResultFields) throws(IntakeResult.ReadProblem) {
        let statusText = try fields.string("status")
        guard let status = ChecklistEntryStatus(rawValue: statusText) else { throw fields.problem("status", "unknown status '\(statusText)'") }
        self.init(
            id: try fields.string("id"), label: try fields.string("label"),
            weights: try fields.array("weights").map { node throws(IntakeResult.ReadProblem) in try node.number() },
            status: status, assessedBy: try fields.optionalString("assessedBy")
        )
    }
}

/// One JSON node of a result file with its dotted path, for typed field access with
/// messages that say where the file is wrong. The path of an array element is joined only
/// when a message or a nested field needs it, and reading a leaf field builds none.
private struct ResultFields {
    let node: JSONNode
    /// The path of the node, or of its array when `index` is set.
    private let base: String
    private let index: Int?

    init(_ node: JSONNode, path: String, index: Int? = nil) {
        self.node = node
        self.base = path
        self.index = index
    }

    var path: String { index.map { base + "[\($0)]" } ?? base }

    func problem(_ key: String?, _ message: String) -> IntakeResult.ReadProblem {
        let place = [path, key ?? ""].filter { !$0.isEmpty }.joined(separator: ".")
        return IntakeResult.ReadProblem(description: "\(node.line):\(node.column): \(place.isEmpty ? "" : place + ": ")\(message)")
    }

    /// The member `key`; missing (or, when `allowingNull`, null) gives nil.
    private func member(_ key: String) throws(IntakeResult.ReadProblem) -> JSONNode? {
        guard case .object(let members) = node.kind else { throw problem(nil, "expected an object, found \(node.kindName)") }
        for member in members where member.key == key {
            if case .null = member.value.kind { return nil }
            return member.value
        }
        return nil
    }

    private func required(_ key: String) throws(IntakeResult.ReadProblem) -> JSONNode {
        guard let value = try member(key) else { throw problem(key, "missing") }
        return value
    }

    func child(_ value: JSONNode, _ key: String) -> ResultFields {
        ResultFields(value, path: path.isEmpty ? key : path + "." + key)
    }

    func string(_ key: String) throws(IntakeResult.ReadProblem) -> String {
        let value = try required(key)
        guard let text = value.string else { throw child(value, key).problem(nil, "expected a string, found \(value.kindName)") }
        return text
    }

    func optionalString(_ key: String) throws(IntakeResult.ReadProblem) -> String? {
        guard let value = try member(key) else { return nil }
        guard let text = value.string else { throw child(value, key).problem(nil, "expected a string, found \(value.kindName)") }
        return text
    }

    func optionalNumber(_ key: String) throws(IntakeResult.ReadProblem) -> Double? {
        guard let value = try member(key) else { return nil }
        guard let number = value.number else { throw child(value, key).problem(nil, "expected a number, found \(value.kindName)") }
        return number
    }

    func object(_ key: String) throws(IntakeResult.ReadProblem) -> ResultFields {
        let value = child(try required(key), key)
        guard value.node.isObject else { throw value.problem(nil, "expected an object, found \(value.node.kindName)") }
        return value
    }

    func array(_ key: String) throws(IntakeResult.ReadProblem) -> [ResultFields] {
        let value = child(try required(key), key)
        guard let elements = value.node.elements else { throw value.problem(nil, "expected an array, found \(value.node.kindName)") }
        return elements.enumerated().map { ResultFields($1, path: value.path, index: $0) }
    }

    func answers(_ key: String) throws(IntakeResult.ReadProblem) -> [String: JSONValue] {
        let value = try object(key)
        var answers: [String: JSONValue] = [:]
        answers.reserveCapacity(value.node.members.count)
        for member in value.node.members { answers[member.key] = JSONValue(member.value) }
        return answers
    }

    func string() throws(IntakeResult.ReadProblem) -> String {
        guard let text = node.string else { throw problem(nil, "expected a string, found \(node.kindName)") }
        return text
    }

    func number() throws(IntakeResult.ReadProblem) -> Double {
        guard let value = node.number else { throw problem(nil, "expected a number, found \(node.kindName)") }
        return value
    }
}

extension JSONValue {
    /// The value of a parsed node (positions dropped; a repeated key cannot occur, the reader refuses it).
    init(_ node: JSONNode) {
        switch node.kind {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let value, _): self = .number(value)
        case .string(let text): self = .string(text)
        case .array(let elements): self = .array(elements.map(JSONValue.init))
        case .object(let members):
            var object: [String: JSONValue] = [:]
            for member in members { object[member.key] = JSONValue(member.value) }
            self = .object(object)
        }
    }
}
