/// The parse tree: what was written, with positions, before names and types are resolved.
///
/// The parser and the type checker are separate so that the checker can see the written
/// form (is this operand a string literal? a bare name?) when it checks option ids and
/// the arguments of `answered(...)`, and can report every type error, not just the first.
struct Syntax: Sendable {
    indirect enum Kind: Sendable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case null
        case name(String)
        case list([Syntax])
        case call(name: String, arguments: [Syntax])
        case unary(UnaryOperator, Syntax)
        case binary(BinaryOperator, Syntax, Syntax)
    }

    var kind: Kind
    /// Offset of the token that identifies the node: the operator, the name, the literal.
    var offset: Int
    /// Offset of the node's first character (differs from `offset` for binary operators,
    /// and for parenthesised expressions).
    var start: Int
    /// Height of the tree below this node; bounded so recursion over it never overflows the stack.
    var height: Int

    init(_ kind: Kind, offset: Int, start: Int? = nil, height: Int = 1) {
        self.kind = kind
        self.offset = offset
        self.start = start ?? offset
        self.height = height
    }
}

enum UnaryOperator: String, Sendable {
    case not
    case negate = "-"
}

enum BinaryOperator: String, Sendable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case `in`
    case plus = "+", minus = "-", times = "*", divide = "/"

    var isOrdering: Bool { [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(self) }
    var isEquality: Bool { self == .equal || self == .notEqual }
    var isArithmetic: Bool { [.plus, .minus, .times, .divide].contains(self) }
}
