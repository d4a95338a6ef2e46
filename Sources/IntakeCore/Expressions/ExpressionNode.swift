/// A checked expression, ready to evaluate: names are resolved, functions are known,
/// and every operation is one the type checker has approved.
///
/// Positions are gone (errors are all reported at load time), so this tree is small and
/// evaluation is a plain walk over it.
indirect enum ExpressionNode: Sendable {
    case literal(Value)
    /// The current value of an item or score.
    case name(String)
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
}
