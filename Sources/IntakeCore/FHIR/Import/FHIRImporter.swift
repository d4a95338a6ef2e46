/// Imports an HL7 FHIR R4 Questionnaire (JSON) into the same model YAML files compile to.
/// Everything it cannot represent faithfully is a load error with the file position and
/// JSON path; docs/fhir.md lists what is supported and how each type maps.
public enum FHIRImporter {
    /// Whether checked source text looks like a FHIR Questionnaire: JSON (first non-space
    /// character `{`) with `"resourceType"` in it. The importer then checks the resource type.
    public static func looksLikeFHIR(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !($0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{FEFF}") }) else { return false }
        return first == "{" && text.contains("\"resourceType\"")
    }

    /// Imports JSON text held in memory; `file` names it in diagnostics.
    public static func load(json: String, file: String = "<memory>") -> LoadResult {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.check(bytes: Array(json.utf8), file: file, diagnostics: &diagnostics) else {
            return LoadResult(questionnaire: nil, diagnostics: diagnostics)
        }
        return load(source, preDiagnostics: diagnostics)
    }

    static func load(_ source: SourceText, preDiagnostics: [Diagnostic]) -> LoadResult {
        let context = FHIRImportContext(file: source.file)
        context.diagnostics = preDiagnostics
        var text = source.text
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        let root: JSONNode
        switch JSONReader.parse(text) {
        case .success(let node): root = node
        case .failure(let failure):
            context.diagnostics.append(.error("JSON syntax: \(failure.message)", at: SourceLocation(file: source.file, line: failure.line, column: failure.column)))
            return LoadResult(questionnaire: nil, diagnostics: context.diagnostics.sortedByLocation)
        }
        var questionnaire = FHIRQuestionnaireBuilder(context: context, root: root).build()
        questionnaire?.metadata.sourceDigest = SourceDigest.sha256Hex(of: Array(source.text.utf8))
        let all = context.diagnostics.sortedByLocation
        return LoadResult(questionnaire: all.hasErrors ? nil : questionnaire, diagnostics: all)
    }
}

final class FHIRImportContext {
    let file: String
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }

    func location(_ node: JSONNode) -> SourceLocation {
        SourceLocation(file: file, line: max(node.line, 1), column: max(node.column, 1))
    }

    func error(_ message: String, at node: JSONNode, path: String) {
        diagnostics.append(.error(path.isEmpty ? message : "\(path): \(message)", at: location(node)))
    }

    func warning(_ message: String, at node: JSONNode, path: String) {
        diagnostics.append(.warning(path.isEmpty ? message : "\(path): \(message)", at: location(node)))
    }

    /// Where offset `offset` of the expression in string node `node` is, when it can be known.
    func location(in node: JSONNode, offset: Int) -> SourceLocation {
        var location = self.location(node)
        if !node.hadEscapes && node.line > 0 { location.column += 1 + offset }
        return location
    }
}

/// Extension URLs this importer reads.
enum FHIRExtension {
    static let ordinalValue = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
    static let itemWeight = "http://hl7.org/fhir/StructureDefinition/itemWeight"
    static let minOccurs = "http://hl7.org/fhir/StructureDefinition/questionnaire-minOccurs"
    static let itemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
    static let unit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
    static let unitOption = "http://hl7.org/fhir/StructureDefinition/questionnaire-unitOption"
    static let hidden = "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden"
    static let optionExclusive = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
    static let minValue = "http://hl7.org/fhir/StructureDefinition/minValue"
    static let maxValue = "http://hl7.org/fhir/StructureDefinition/maxValue"
    static let variable = "http://hl7.org/fhir/StructureDefinition/variable"
    static let sdc = "http://hl7.org/fhir/uv/sdc/StructureDefinition/"
    static let calculated = sdc + "sdc-questionnaire-calculatedExpression"
    static let enableWhenExpression = sdc + "sdc-questionnaire-enableWhenExpression"
    static let initialExpression = sdc + "sdc-questionnaire-initialExpression"
    static let answerExpression = sdc + "sdc-questionnaire-answerExpression"
    static let candidateExpression = sdc + "sdc-questionnaire-candidateExpression"
    static let contextExpression = sdc + "sdc-questionnaire-contextExpression"
    /// This program's own extensions, written by `intake export-fhir` for a faithful round trip.
    static let intake = "https://symptom-intake.invalid/fhir/StructureDefinition/"
    static let intakeBand = intake + "score-band"
    static let intakeValidate = intake + "validate"
    static let intakeFlag = intake + "flag"
    static let intakeAllowsUnknown = intake + "allows-unknown"
    static let intakeNotSure = intake + "allows-not-sure"
    static let intakeHelp = intake + "help"
    /// The expression language of this program (docs/expressions.md), usable in SDC expressions.
    static let intakeLanguage = "text/x-symptom-intake"
}
