/// A checked expression, ready to evaluate: names are resolved, functions are known,
/// and every operation is one the type checker has approved.
///
/// Positions are gone (errors are all reported at load time), so this tree is small and
/// evaluation is a plain walk over it.
indirect enum ExpressionNode: Sendable {
    case literal(Value)
    /// The current value of an item or score. `slot` is the item's flat index in its
    /// questionnaire (the wizard's order) when the loader knew it, so an evaluation reads
    /// the answer there instead of looking the name up; nil for scores.
    case name(String, slot: Int?)
    case negate(ExpressionNode)
    case not(ExpressionNode)
    case and(ExpressionNode, ExpressionNode)
    case or(ExpressionNode, ExpressionNode)
    case arithmetic(BinaryOperator, ExpressionNode, ExpressionNode)
    /// `==`, `!=`, `<`, `<=`, `>`, `>=`.
    case comparison(BinaryOperator, ExpressionNode, ExpressionNode)
    /// `element in collection`.
    case membership(ExpressionNode, ExpressionNode)
    case list([ExpressionNode])
    /// `answered(name)`: whether the item has any answer.
    case answered(String)
    /// `score(name)`: the chosen options' scores.
    case optionScore(String)
    /// `today()`.
    case today
    case call(BuiltinFunction, [ExpressionNode])
    /// Evaluated outside this language: FHIR `enableWhen` and FHIRPath (see docs/fhir.md).
    case external(any ExternalExpression)
}

/// An expression evaluated by other code than this language's evaluator, such as an
/// imported FHIR `enableWhen` or FHIRPath expression. Its `references` (given to
/// ``CompiledExpression/init(external:source:location:type:references:)``) must name every
/// item or score it may read, or the wizard's dependency graph misses updates.
public protocol ExternalExpression: Sendable {
    /// The value from the current answers; never traps (no value is `.null`).
    func evaluate(in environment: any EvaluationEnvironment) -> Value
}
