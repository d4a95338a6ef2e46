/// Parses and type-checks expression text.
///
/// The pipeline is lexer → parser → type checker. Lexical and syntax errors stop at the
/// first one (what follows a syntax error is usually noise); type errors are all
/// reported. Every diagnostic points at the offending token in the questionnaire file.
public enum ExpressionCompiler {
    /// Longer text is refused before any parsing: no real condition or score comes close,
    /// and the cap bounds the work done on a broken or hostile file.
    public static let maximumLength = 4000
    /// Deepest nesting of brackets, lists, calls and `not`/`-` chains.
    public static let maximumNesting = Parser.maximumNesting

    /// Words that can never be item or score ids, because expressions would read them as operators or constants.
    public static let reservedWords: Set<String> = Set(Token.Keyword.allCases.map(\.rawValue))

    /// Names of the built-in functions. An item with one of these ids can still be read as
    /// a plain name, but `name(...)` always calls the function.
    public static let functionNames: [String] = BuiltinFunction.allCases.map(\.rawValue)

    /// Compiles `source`, which starts at `location` in its file.
    /// - Parameter expecting: the type the context needs (`.bool` for conditions, `.number` for scores), or nil.
    /// - Returns: the expression when there were no errors, and every diagnostic found.
    public static func compile(
        _ source: String, at location: SourceLocation, expecting: ValueType?, in scope: any ExpressionScope
    ) -> (expression: CompiledExpression?, diagnostics: [Diagnostic]) {
        func error(_ message: String, at offset: Int) -> Diagnostic {
            .error(message, at: location.advanced(by: offset, in: source))
        }

        let length = source.count
        guard length <= maximumLength else {
            return (nil, [error("this expression is too long (\(length) characters; the limit is \(maximumLength)); split it into separate scores", at: 0)])
        }

        let tokens: [Token]
        switch Lexer.tokenize(source) {
        case .success(let result): tokens = result
        case .failure(let failure): return (nil, [error(failure.message, at: failure.offset)])
        }

        let syntax: Syntax
        switch Parser.parse(tokens) {
        case .success(let result): syntax = result
        case .failure(let failure): return (nil, [error(failure.message, at: failure.offset)])
        }

        var checker = TypeChecker(scope: scope)
        let checked = checker.check(syntax)
        var problems = checker.problems
        if let checked, let expecting, ValueType.unify(checked.type, expecting) == nil {
            problems.append(TypeChecker.Problem(
                message: "expected \(expecting.contextName) but this expression gives \(checked.type.readableName)",
                offset: syntax.start))
        }
        let diagnostics = problems.map { error($0.message, at: $0.offset) }

        guard let checked, diagnostics.isEmpty else { return (nil, diagnostics) }
        let expression = CompiledExpression(
            source: source, location: location, type: checked.type,
            references: checker.references, root: checked.node)
        return (expression, [])
    }
}

extension ValueType {
    /// What a context asks for, in an author's words: "a yes/no condition" for `when`.
    fileprivate var contextName: String {
        self == .bool ? "a yes/no condition" : readableName
    }
}
