/// An expression from a questionnaire file, parsed and type-checked at load time.
///
/// Evaluation never traps: division by zero, unanswered and hidden items all give
/// `null` under the rules in docs/expressions.md.
public struct CompiledExpression: Sendable, CustomStringConvertible {
    /// The text as written in the file.
    public let source: String
    /// Where the text starts in the file.
    public let location: SourceLocation
    /// The type the checker inferred.
    public let type: ValueType
    /// Every item or score name the expression reads: edges of the dependency graph.
    public let references: Set<String>
    let root: ExpressionNode

    init(source: String, location: SourceLocation, type: ValueType, references: Set<String>, root: ExpressionNode) {
        self.source = source
        self.location = location
        self.type = type
        self.references = references
        self.root = root
    }

    /// An expression evaluated by `external` (an imported FHIR condition or FHIRPath
    /// expression); `source` is the text shown in `describe` and messages.
    public init(external: any ExternalExpression, source: String, location: SourceLocation, type: ValueType, references: Set<String>) {
        self.init(source: source, location: location, type: type, references: references, root: .external(external))
    }

    public var description: String { source }

    public func evaluate<Environment: EvaluationEnvironment>(in environment: Environment) -> Value {
        ExpressionEvaluator(environment: environment).evaluate(root)
    }

    /// True when the expression provably never gives `true`, whatever the answers: it
    /// folds to `false` or `null` (`1 > 2`, `x and false`, `x == null`), or an `and`
    /// requires one answer to equal two different values (`sex == 'male' and sex == 'female'`).
    /// A `when` like that hides its question forever, so the loader warns about it.
    /// Conservative: false whenever the analysis is unsure.
    public var canNeverBeTrue: Bool {
        !TruthAnalysis.canBeTrue(root)
    }
}
