/// What loading a questionnaire produced: the questionnaire when there were no errors,
/// and every diagnostic (errors and warnings) in file order.
public struct LoadResult: Sendable {
    public var questionnaire: Questionnaire?
    public var diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
