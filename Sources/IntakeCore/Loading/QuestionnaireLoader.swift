import FoundationEssentials
/// Loads a questionnaire file and checks everything a compiler would: syntax, keys,
/// ids, references, expression types, flow order, translations. All problems are
/// reported in one run; nothing in a file can crash or hang it (see ``SourceLimits``).
public enum QuestionnaireLoader {
    /// `maximumBytes` exists for benchmarks of very large generated files; everything
    /// a clinic or patient runs uses the default cap (``SourceLimits/maximumFileBytes``).
    public static func load(path: String, maximumBytes: Int = SourceLimits.maximumFileBytes) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.read(path: path, maximumBytes: maximumBytes, diagnostics: &diagnostics) else {
            return LoadResult(questionnaire: nil, diagnostics: diagnostics)
        }
        return load(source, preDiagnostics: diagnostics)
    }

    /// Loads a file's bytes already read (by the compiled-questionnaire cache, which hashed
    /// them): the same checks and diagnostics as ``load(path:maximumBytes:)``, one read.
    /// `digest` is their SHA-256 if known (``SourceDigest``), so it is not computed twice.
    public static func load(bytes: [UInt8], path: String, digest: String? = nil, maximumBytes: Int = SourceLimits.maximumFileBytes) -> LoadResult {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.check(bytes: bytes, file: path, maximumBytes: maximumBytes, diagnostics: &diagnostics) else {
            return LoadResult(questionnaire: nil, diagnostics: diagnostics)
        }
        return load(source, preDiagnostics: diagnostics, digest: digest)
    }

    /// Loads YAML held in memory; `file` names it in diagnostics.
    public static func load(yaml: String, file: String = "<memory>") -> LoadResult {
        load(bytes: Array(yaml.utf8), path: file)
    }

    private static func load(_ source: SourceText, preDiagnostics: [Diagnostic], digest: String? = nil) -> LoadResult {
        // JSON (first non-space character `{`) is a FHIR Questionnaire: see docs/fhir.md.
        if FHIRImporter.looksLikeFHIR(source.text) { return FHIRImporter.load(source, preDiagnostics: preDiagnostics) }
        var diagnostics = preDiagnostics
        guard let tree = YAMLDocument.compose(source, diagnostics: &diagnostics) else {
            return LoadResult(questionnaire: nil, diagnostics: diagnostics.sortedByLocation)
        }
        let context = LoadContext(tree: tree)
        context.report(diagnostics)
        let draft = DocumentReader(context: context).read(tree.root)
        var questionnaire: Questionnaire?
        if let draft {
            questionnaire = ExpressionBinder(context: context, draft: draft).bind()
        }
        if questionnaire != nil {
            questionnaire?.metadata.sourceDigest = digest ?? SourceDigest.sha256Hex(of: Array(source.text.utf8))
        }
        let all = context.diagnostics.sortedByLocation
        return LoadResult(questionnaire: all.hasErrors ? nil : questionnaire, diagnostics: all)
    }
}
