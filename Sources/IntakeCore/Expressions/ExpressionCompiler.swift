// PLACEHOLDER until the expression language lands: parsing and checking are not written yet.

/// Parses and type-checks expression text.
public enum ExpressionCompiler {
    /// Compiles `source`, which starts at `location` in its file.
    /// - Parameter expecting: the type the context needs (`.bool` for conditions, `.number` for scores), or nil.
    /// - Returns: the expression when there were no errors, and every diagnostic found.
    public static func compile(
        _ source: String, at location: SourceLocation, expecting: ValueType?, in scope: any ExpressionScope
    ) -> (expression: CompiledExpression?, diagnostics: [Diagnostic]) {
        (nil, [.error("expressions are not supported yet", at: location)])
    }
}

indirect enum ExpressionNode: Sendable {
    case literal(Value)
}

struct ExpressionEvaluator {
    let environment: any EvaluationEnvironment

    func evaluate(_ node: ExpressionNode) -> Value {
        switch node {
        case .literal(let value): value
        }
    }
}

extension CompiledExpression {
    public var canNeverBeTrue: Bool { false }
}
