/// Reads a result JSON file with the project's own ``JSONReader`` instead of Foundation's
/// `JSONDecoder`: a batch summary reads thousands of these, and the generic decoder spent
/// more instructions on one than rendering the summary should take. The reader pulls each
/// field straight into the result (no tree of the document is built first).
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
        self = try Self.reading(bytes) { reader in try Self.read(&reader) }
    }

    /// What `read` makes of the one JSON document in `bytes`, or why they are not a result.
    static func reading<Value>(_ bytes: some Collection<UInt8>, _ read: (inout JSONReader) throws -> Value) throws(ReadProblem) -> Value {
        // Each string's UTF-8 is checked as it is read (no pass over the whole file first);
        // only a failure looks at the whole file, to say when that is why.
        let utf8 = Array(bytes)
        var reader = JSONReader(pulling: utf8)
        do {
            let value = try read(&reader)
            try reader.finish()
            return value
        } catch let failure as JSONReader.Failure {
            guard String(validating: utf8, as: UTF8.self) != nil else { throw ReadProblem(description: "the file is not UTF-8 text") }
            throw ReadProblem(description: failure.description)
        } catch {
            throw ReadProblem(description: "\(error)")
        }
    }

    private static func read(_ reader: inout JSONReader) throws -> IntakeResult {
        var format: String?
        var provenance: Provenance?
        var scores: [ScoreResult]?
        var flags: [FlagResult]?
        var checklists: [ChecklistResult]?
        var answers: [String: JSONValue]?
        let start = try reader.readObject { reader, key in
            switch key {
            case "format": format = try reader.readOptionalString()
            case "provenance": provenance = try reader.skipNull() ? nil : Provenance(&reader)
            case "scores": scores = try reader.skipNull() ? nil : reader.readArray(of: ScoreResult.init)
            case "flags": flags = try reader.skipNull() ? nil : reader.readArray(of: FlagResult.init)
            case "checklists": checklists = try reader.skipNull() ? nil : reader.readArray(of: ChecklistResult.init)
            case "answers": answers = try reader.skipNull() ? nil : reader.readJSONObject()
            default: try reader.skipValue()
            }
        }
        return IntakeResult(
            format: try required(format, "format", reader, start), provenance: try required(provenance, "provenance", reader, start),
            scores: try required(scores, "scores", reader, start), flags: try required(flags, "flags", reader, start),
            checklists: try required(checklists, "checklists", reader, start), answers: try required(answers, "answers", reader, start)
        )
    }
}

extension RecordedAnswers {
    /// Parses a result file's bytes (UTF-8 JSON). What ``IntakeResult/init(resultJSON:)``
    /// refuses is refused here too, with the same message, except a wrong value inside the
    /// recorded scores, flags or checklists, which are not read.
    public init(resultJSON bytes: some Collection<UInt8>) throws(IntakeResult.ReadProblem) {
        self = try IntakeResult.reading(bytes) { reader in try Self.read(&reader) }
    }

    private static func read(_ reader: inout JSONReader) throws -> RecordedAnswers {
        var format: String?
        var provenance: IntakeResult.Provenance?
        var answers: [(key: String, value: JSONValue)]?
        var computed: [String] = []
        let start = try reader.readObject { reader, key in
            switch key {
            case "format": format = try reader.readOptionalString()
            case "provenance": provenance = try reader.skipNull() ? nil : IntakeResult.Provenance(&reader)
            case "answers": answers = try reader.skipNull() ? nil : reader.readJSONMembers()
            case "scores", "flags", "checklists":
                guard try !reader.skipNull() else { return }
                try reader.skipArray()
                computed.append(key.text)
            default: try reader.skipValue()
            }
        }
        _ = try required(format, "format", reader, start)
        let readProvenance = try required(provenance, "provenance", reader, start)
        for key in ["scores", "flags", "checklists"] where !computed.contains(key) { throw reader.missing(key, in: start) }
        let members = try required(answers, "answers", reader, start)
        return RecordedAnswers(provenance: readProvenance, answers: members)
    }
}

/// The value of a field the object that started at `start` must have had (missing and
/// `null` are both "missing", as the `Decodable` conformance has it).
private func required<Value>(_ value: Value?, _ key: String, _ reader: JSONReader, _ start: JSONReader.Position) throws -> Value {
    guard let value else { throw reader.missing(key, in: start) }
    return value
}

extension IntakeResult.Provenance {
    fileprivate init(_ reader: inout JSONReader) throws {
        var questionnaireID: String?, questionnaireVersion: String?, sha256: String?, sourceFile: String?
        var reviewStatus: String?, language: String?, textLanguage: String?, sessionDate: String?
        var submitted: UTCTimestamp?
        let start = try reader.readObject { reader, key in
            switch key {
            case "submitted":
                let at = reader.position
                guard let text = try reader.readOptionalString() else { return }
                guard let time = UTCTimestamp(iso8601: text) else { throw reader.problem("expected a UTC time like 2026-11-25T14:30:05Z", at: at) }
                submitted = time
            case "questionnaireID": questionnaireID = try reader.readOptionalString()
            case "questionnaireVersion": questionnaireVersion = try reader.readOptionalString()
            case "sha256": sha256 = try reader.readOptionalString()
            case "sourceFile": sourceFile = try reader.readOptionalString()
            case "reviewStatus": reviewStatus = try reader.readOptionalString()
            case "language": language = try reader.readOptionalString()
            case "textLanguage": textLanguage = try reader.readOptionalString()
            case "sessionDate": sessionDate = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
        self.init(
            questionnaireID: try required(questionnaireID, "questionnaireID", reader, start),
            questionnaireVersion: try required(questionnaireVersion, "questionnaireVersion", reader, start),
            sha256: try required(sha256, "sha256", reader, start), sourceFile: try required(sourceFile, "sourceFile", reader, start),
            reviewStatus: reviewStatus, language: try required(language, "language", reader, start),
            textLanguage: try required(textLanguage, "textLanguage", reader, start),
            submitted: try required(submitted, "submitted", reader, start), sessionDate: try required(sessionDate, "sessionDate", reader, start)
        )
    }
}

extension IntakeResult.ScoreResult {
    fileprivate init(_ reader: inout JSONReader) throws {
        var id: String?, label: String?, value: Double?, unit: String?, band: String?, bandMeaning: String?, notComputable: String?
        let start = try reader.readObject { reader, key in
            switch key {
            case "id": id = try reader.readOptionalString()
            case "label": label = try reader.readOptionalString()
            case "value": value = try reader.readOptionalNumber()
            case "unit": unit = try reader.readOptionalString()
            case "band": band = try reader.readOptionalString()
            case "bandMeaning": bandMeaning = try reader.readOptionalString()
            case "notComputable": notComputable = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
        self.init(
            id: try required(id, "id", reader, start), label: try required(label, "label", reader, start), value: value,
            unit: unit, band: band, bandMeaning: bandMeaning, notComputable: notComputable
        )
    }
}

extension IntakeResult.FlagResult {
    fileprivate init(_ reader: inout JSONReader) throws {
        var id: String?, severity: String?, staff: String?, patient: String?
        let start = try reader.readObject { reader, key in
            switch key {
            case "id": id = try reader.readOptionalString()
            case "severity": severity = try reader.readOptionalString()
            case "staff": staff = try reader.readOptionalString()
            case "patient": patient = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
        self.init(
            id: try required(id, "id", reader, start), severity: try required(severity, "severity", reader, start),
            staff: try required(staff, "staff", reader, start), patient: try required(patient, "patient", reader, start)
        )
    }
}

extension IntakeResult.ChecklistResult {
    fileprivate init(_ reader: inout JSONReader) throws {
        var id: String?, title: String?, source: String?, weightColumns: [String]?, entries: [Entry]?
        let start = try reader.readObject { reader, key in
            switch key {
            case "id": id = try reader.readOptionalString()
            case "title": title = try reader.readOptionalString()
            case "source": source = try reader.readOptionalString()
            case "weightColumns": weightColumns = try reader.skipNull() ? nil : reader.readArray { reader in try reader.readString() }
            case "entries": entries = try reader.skipNull() ? nil : reader.readArray(of: Entry.init)
            default: try reader.skipValue()
            }
        }
        self.init(
            id: try required(id, "id", reader, start), title: try required(title, "title", reader, start), source: source,
            weightColumns: try required(weightColumns, "weightColumns", reader, start), entries: try required(entries, "entries", reader, start)
        )
    }
}

extension IntakeResult.ChecklistResult.Entry {
    fileprivate init(_ reader: inout JSONReader) throws {
        var id: String?, label: String?, weights: [Double]?, status: ChecklistEntryStatus?, assessedBy: String?
        let start = try reader.readObject { reader, key in
            switch key {
            case "id": id = try reader.readOptionalString()
            case "label": label = try reader.readOptionalString()
            case "weights": weights = try reader.skipNull() ? nil : reader.readArray { reader in try reader.readNumber() }
            case "status":
                let at = reader.position
                guard let text = try reader.readOptionalString() else { return }
                guard let known = ChecklistEntryStatus(rawValue: text) else { throw reader.problem("unknown status '\(text)'", at: at) }
                status = known
            case "assessedBy": assessedBy = try reader.readOptionalString()
            default: try reader.skipValue()
            }
        }
        self.init(
            id: try required(id, "id", reader, start), label: try required(label, "label", reader, start),
            weights: try required(weights, "weights", reader, start), status: try required(status, "status", reader, start),
            assessedBy: assessedBy
        )
    }
}
