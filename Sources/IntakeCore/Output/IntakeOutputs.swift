import FoundationEssentials

/// The three files a finished session produces, named
/// `<UTC timestamp>-<random id>.summary.txt|.response.json|.result.json`:
/// the clinician's summary, the FHIR R4 QuestionnaireResponse and the result JSON.
public struct IntakeOutputs: Sendable {
    /// `20261125T143005Z-1a2b3c4d`: the common start of the three file names.
    public var baseName: String
    public var result: IntakeResult
    public var summary: String
    public var response: OrderedJSON

    /// Builds all three from a submitted session.
    /// - Parameters:
    ///   - language: the patient's language.
    ///   - clinicLanguage: headings, labels and staff messages of the summary and result.
    ///   - randomID: 8 lowercase hex digits; random when nil.
    public init(wizard: Wizard, language: String, clinicLanguage: String = "en", width: Int = 80,
                submitted: UTCTimestamp, randomID: String? = nil) {
        let id = randomID ?? Self.randomID()
        self.baseName = submitted.compact + "-" + id
        self.result = IntakeResult(wizard: wizard, language: language, textLanguage: clinicLanguage, submitted: submitted)
        self.summary = SummaryRenderer.render(wizard: wizard, result: result, options: SummaryOptions(width: width, clinicLanguage: clinicLanguage))
        self.response = FHIRResponse.json(wizard: wizard, id: baseName, language: language, authored: submitted)
    }

    /// 8 random lowercase hex digits.
    public static func randomID() -> String {
        let hex = String(UInt32.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The result as JSON text (sorted keys, pretty-printed).
    public static func resultJSON(_ result: IntakeResult) -> [UInt8] {
        // Encoding these plain value types cannot fail; an empty object is written if it ever did.
        let bytes = (try? SortedJSONEncoder(prettyPrinted: true).encode(result)) ?? Array("{}".utf8)
        return bytes + [0x0A]
    }

    /// Reads a result JSON file's bytes (see ``IntakeResult/init(resultJSON:)``).
    public static func decodeResult(_ bytes: Data) throws -> IntakeResult {
        try IntakeResult(resultJSON: bytes)
    }

    public var files: [(name: String, contents: [UInt8])] {
        [
            (baseName + ".summary.txt", Array(summary.utf8)),
            (baseName + ".response.json", Array(response.serialized().utf8)),
            (baseName + ".result.json", Self.resultJSON(result)),
        ]
    }

    /// Writes the three files atomically into `folder` (created 0700 if missing); returns their paths.
    @discardableResult
    public func write(into folder: String) throws(OutputError) -> [String] {
        try OutputWriter.write(files, into: folder)
    }
}
