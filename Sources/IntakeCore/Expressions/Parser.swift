/// Recursive-descent parser for the expression grammar, lowest precedence first:
///
///     or_expr     = and_expr { "or" and_expr }
///     and_expr    = not_expr { "and" not_expr }
///     not_expr    = "not" not_expr | comparison
///     comparison  = additive [ ("==" | "!=" | "<" | "<=" | ">" | ">=" | "in") additive ]
///     additive    = term { ("+" | "-") term }
///     term        = unary { ("*" | "/") unary }
///     unary       = "-" unary | primary
///     primary     = number | string | "true" | "false" | "null"
///                 | name | name "(" [ or_expr { "," or_expr } ] ")"
///                 | "(" or_expr ")" | "[" [ or_expr { "," or_expr } ] "]"
///
/// Comparisons do not chain (`a < b < c` is an error) because people read that as
/// "b is between a and c", which it would not mean.
///
/// Each token is looked at a bounded number of times, so parsing is linear. Nesting
/// (brackets, calls, lists, `not`/`-` chains) is capped at `maximumNesting` and the tree
/// height at `maximumHeight`, so recursion here, in the checker and in the evaluator
/// stays shallow whatever the input.
struct Parser {
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
    }

    static let maximumNesting = 64
    static let maximumHeight = 256

    private let tokens: [Token]
    private var index = 0
    private var nesting = 0

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    static func parse(_ tokens: [Token]) -> Result<Syntax, Failure> {
        var parser = Parser(tokens: tokens)
        do throws(Failure) {
            if parser.current.kind == .end {
                throw Failure(message: "the expression is empty", offset: parser.current.offset)
            }
            let root = try parser.orExpression()
            guard parser.current.kind == .end else {
                throw parser.unexpected(expecting: "an operator such as 'and' or '+' or the end of the expression")
            }
            return .success(root)
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Token access

    /// The `.end` token is always last, so `current` never runs past the array.
    private var current: Token { tokens[min(index, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    private func isSymbol(_ symbol: Token.Symbol) -> Bool { current.kind == .symbol(symbol) }
    private func isKeyword(_ keyword: Token.Keyword) -> Bool { current.kind == .keyword(keyword) }

    private func unexpected(expecting: String) -> Failure {
        if current.kind == .end {
            return Failure(message: "the expression ends too early; expected \(expecting)", offset: current.offset)
        }
        return Failure(message: "unexpected \(current.quoted); expected \(expecting)", offset: current.offset)
    }

    /// Counts one level of nesting for the duration of `body`.
    private mutating func nested<T>(at offset: Int, _ body: (inout Parser) throws(Failure) -> T) throws(Failure) -> T {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw Failure(
                message: "this expression is nested too deeply (more than \(Self.maximumNesting) levels of brackets, calls or 'not'); simplify it",
                offset: offset)
        }
        return try body(&self)
    }

    private func binary(_ op: BinaryOperator, _ lhs: Syntax, _ rhs: Syntax, at offset: Int) throws(Failure) -> Syntax {
        let height = max(lhs.height, rhs.height) + 1
        guard height <= Self.maximumHeight else {
            throw Failure(
                message: "this expression has too many operators in a row (more than \(Self.maximumHeight)); split it into separate scores or use sum(...)",
                offset: offset)
        }
        return Syntax(.binary(op, lhs, rhs), offset: offset, start: lhs.start, height: height)
    }

    // MARK: - Grammar

    private mutating func orExpression() throws(Failure) -> Syntax {
        var lhs = try andExpression()
        while isKeyword(.or) {
            let op = advance()
            let rhs = try andExpression()
            lhs = try binary(.or, lhs, rhs, at: op.offset)
        }
        return lhs
    }

    private mutating func andExpression() throws(Failure) -> Syntax {
        var lhs = try notExpression()
        while isKeyword(.and) {
            let op = advance()
            let rhs = try notExpression()
            lhs = try binary(.and, lhs, rhs, at: op.offset)
        }
        return lhs
    }

    private mutating func notExpression() throws(Failure) -> Syntax {
        guard isKeyword(.not) else { return try comparison() }
        let op = advance()
        let operand = try nested(at: op.offset) { (parser: inout Parser) throws(Failure) in try parser.notExpression() }
        return Syntax(.unary(.not, operand), offset: op.offset, height: operand.height + 1)
    }

    private static let comparisonOperators: [Token.Kind: BinaryOperator] = [
        .symbol(.equal): .equal, .symbol(.notEqual): .notEqual,
        .symbol(.less): .less, .symbol(.lessOrEqual): .lessOrEqual,
        .symbol(.greater): .greater, .symbol(.greaterOrEqual): .greaterOrEqual,
        .keyword(.in): .in,
    ]

    private mutating func comparison() throws(Failure) -> Syntax {
        let lhs = try additive()
        if isKeyword(.not), index + 1 < tokens.count, tokens[index + 1].kind == .keyword(.in) {
            throw Failure(message: "write 'not (a in b)' instead of 'a not in b'", offset: current.offset)
        }
        guard let op = Self.comparisonOperators[current.kind] else { return lhs }
        let opToken = advance()
        let rhs = try additive()
        if let second = Self.comparisonOperators[current.kind] {
            throw Failure(
                message: "comparisons cannot be chained; write two comparisons joined by 'and', like 'a < b and b \(second.rawValue) c'",
                offset: current.offset)
        }
        return try binary(op, lhs, rhs, at: opToken.offset)
    }

    private mutating func additive() throws(Failure) -> Syntax {
        var lhs = try term()
        while isSymbol(.plus) || isSymbol(.minus) {
            let op = advance()
            let rhs = try term()
            lhs = try binary(op.kind == .symbol(.plus) ? .plus : .minus, lhs, rhs, at: op.offset)
        }
        return lhs
    }

    private mutating func term() throws(Failure) -> Syntax {
        var lhs = try unary()
        while isSymbol(.times) || isSymbol(.divide) {
            let op = advance()
            let rhs = try unary()
            lhs = try binary(op.kind == .symbol(.times) ? .times : .divide, lhs, rhs, at: op.offset)
        }
        return lhs
    }

    private mutating func unary() throws(Failure) -> Syntax {
        guard isSymbol(.minus) else { return try primary() }
        let op = advance()
        let operand = try nested(at: op.offset) { (parser: inout Parser) throws(Failure) in try parser.unary() }
        return Syntax(.unary(.negate, operand), offset: op.offset, height: operand.height + 1)
    }

    private mutating func primary() throws(Failure) -> Syntax {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            return Syntax(.number(value), offset: token.offset)
        case .string(let text):
            _ = advance()
            return Syntax(.string(text), offset: token.offset)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return Syntax(.bool(token.kind == .keyword(.true)), offset: token.offset)
        case .keyword(.null):
            _ = advance()
            return Syntax(.null, offset: token.offset)
        case .identifier(let name):
            _ = advance()
            guard isSymbol(.openParen) else { return Syntax(.name(name), offset: token.offset) }
            let open = advance()
            return try nested(at: open.offset) { (parser: inout Parser) throws(Failure) in
                let arguments = try parser.commaSeparated(until: .closeParen, opener: open, what: "')' to close the call of \(name)(")
                let height = (arguments.map(\.height).max() ?? 0) + 1
                return Syntax(.call(name: name, arguments: arguments), offset: token.offset, height: height)
            }
        case .symbol(.openParen):
            let open = advance()
            return try nested(at: open.offset) { (parser: inout Parser) throws(Failure) in
                var inner = try parser.orExpression()
                guard parser.isSymbol(.closeParen) else { throw parser.unexpected(expecting: "')' to close the '('") }
                _ = parser.advance()
                inner.start = open.offset
                return inner
            }
        case .symbol(.openBracket):
            let open = advance()
            return try nested(at: open.offset) { (parser: inout Parser) throws(Failure) in
                let elements = try parser.commaSeparated(until: .closeBracket, opener: open, what: "']' to close the list")
                let height = (elements.map(\.height).max() ?? 0) + 1
                return Syntax(.list(elements), offset: open.offset, height: height)
            }
        default:
            throw unexpected(expecting: "a value, a name or '('")
        }
    }

    /// `a, b, c` up to the closing symbol, which it consumes. Empty lists are allowed.
    private mutating func commaSeparated(until close: Token.Symbol, opener: Token, what: String) throws(Failure) -> [Syntax] {
        var items: [Syntax] = []
        if isSymbol(close) {
            _ = advance()
            return items
        }
        while true {
            items.append(try orExpression())
            if isSymbol(.comma) {
                _ = advance()
                continue
            }
            guard isSymbol(close) else { throw unexpected(expecting: "',' or \(what)") }
            _ = advance()
            return items
        }
    }
}
