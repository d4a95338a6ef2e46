/// The FHIRPath subset this program understands (docs/fhir.md lists it). Anything else is
/// refused when the questionnaire is loaded, with the offset of the offending token.
public struct FHIRPathError: Error, Sendable, Equatable {
    public var message: String
    /// Offset in characters from the start of the expression text.
    public var offset: Int
}

indirect enum FPNode: Sendable {
    /// `{}` is `.literal(nil)`.
    case literal(FPValue?)
    case this
    /// `%name`.
    case variable(String, offset: Int)
    /// A name at the start of a path or inside a function argument: a member of the focus.
    case identifier(String, offset: Int)
    case member(FPNode, String)
    /// `focus.name(arguments)`; focus nil for a call at the start of a path (on `$this`).
    case call(FPNode?, String, [FPNode], offset: Int)
    case index(FPNode, FPNode)
    case negate(FPNode)
    case binary(String, FPNode, FPNode, offset: Int)
}

/// One item of a FHIRPath collection.
enum FPValue: Sendable {
    case bool(Bool)
    case number(Double, isInteger: Bool)
    case string(String)
    case object(JSONNode)
}

struct FPToken: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        /// `%name` or %`name`.
        case variable(String)
        case string(String)
        case number(Double, isInteger: Bool)
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
}

enum FHIRPathLexer {
    static func tokenize(_ source: String) throws(FHIRPathError) -> [FPToken] {
        let chars = Array(source)
        var tokens: [FPToken] = []
        var i = 0
        func isIdentStart(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c == "_") }
        func isIdent(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_") }
        while i < chars.count {
            let c = chars[i]
            let start = i
            if c.isWhitespace { i += 1; continue }
            if c == "/" && i + 1 < chars.count && (chars[i + 1] == "/" || chars[i + 1] == "*") {
                throw FHIRPathError(message: "comments are not supported in expressions", offset: i)
            }
            if isIdentStart(c) {
                while i < chars.count && isIdent(chars[i]) { i += 1 }
                tokens.append(FPToken(kind: .identifier(String(chars[start..<i])), offset: start))
                continue
            }
            if c == "`" {
                i += 1
                while i < chars.count && chars[i] != "`" { i += 1 }
                guard i < chars.count else { throw FHIRPathError(message: "unterminated `name`", offset: start) }
                i += 1
                tokens.append(FPToken(kind: .identifier(String(chars[(start + 1)..<(i - 1)])), offset: start))
                continue
            }
            if c == "%" {
                i += 1
                if i < chars.count && chars[i] == "`" {
                    let nameStart = i + 1
                    i += 1
                    while i < chars.count && chars[i] != "`" { i += 1 }
                    guard i < chars.count else { throw FHIRPathError(message: "unterminated %`name`", offset: start) }
                    tokens.append(FPToken(kind: .variable(String(chars[nameStart..<i])), offset: start))
                    i += 1
                } else if i < chars.count && isIdentStart(chars[i]) {
                    let nameStart = i
                    while i < chars.count && isIdent(chars[i]) { i += 1 }
                    tokens.append(FPToken(kind: .variable(String(chars[nameStart..<i])), offset: start))
                } else {
                    throw FHIRPathError(message: "'%' must be followed by a variable name", offset: start)
                }
                continue
            }
            if c == "'" {
                i += 1
                var text = ""
                while true {
                    guard i < chars.count else { throw FHIRPathError(message: "unterminated string", offset: start) }
                    let d = chars[i]
                    if d == "'" { i += 1; break }
                    if d == "\\" {
                        guard i + 1 < chars.count else { throw FHIRPathError(message: "unterminated string", offset: start) }
                        let e = chars[i + 1]
                        switch e {
                        case "'", "\"", "`", "\\", "/": text.append(e)
                        case "n": text.append("\n")
                        case "t": text.append("\t")
                        case "r": text.append("\r")
                        default: throw FHIRPathError(message: "unsupported escape '\\\(e)' in a string", offset: i)
                        }
                        i += 2
                        continue
                    }
                    text.append(d)
                    i += 1
                }
                tokens.append(FPToken(kind: .string(text), offset: start))
                continue
            }
            if c.isASCII && c.isNumber {
                while i < chars.count && chars[i].isASCII && chars[i].isNumber { i += 1 }
                var isInteger = true
                if i + 1 < chars.count && chars[i] == "." && chars[i + 1].isASCII && chars[i + 1].isNumber {
                    isInteger = false
                    i += 1
                    while i < chars.count && chars[i].isASCII && chars[i].isNumber { i += 1 }
                }
                let text = String(chars[start..<i])
                guard let value = Double(text), value.isFinite, text.count <= 30 else {
                    throw FHIRPathError(message: "number '\(text)' is out of range", offset: start)
                }
                tokens.append(FPToken(kind: .number(value, isInteger: isInteger), offset: start))
                continue
            }
            if c == "@" { throw FHIRPathError(message: "date and time literals (@...) are not supported", offset: start) }
            let two = i + 1 < chars.count ? String(chars[i...(i + 1)]) : ""
            if ["<=", ">=", "!=", "!~"].contains(two) {
                tokens.append(FPToken(kind: .symbol(two), offset: start))
                i += 2
                continue
            }
            if "().,[]{}=<>+-*/&|~$".contains(c) {
                if c == "$" {
                    // `$this`, `$index`, `$total`
                    i += 1
                    let nameStart = i
                    while i < chars.count && isIdent(chars[i]) { i += 1 }
                    let name = String(chars[nameStart..<i])
                    guard name == "this" else { throw FHIRPathError(message: "'$\(name)' is not supported (only $this)", offset: start) }
                    tokens.append(FPToken(kind: .symbol("$this"), offset: start))
                    continue
                }
                tokens.append(FPToken(kind: .symbol(String(c)), offset: start))
                i += 1
                continue
            }
            throw FHIRPathError(message: "unexpected character '\(c)'", offset: start)
        }
        tokens.append(FPToken(kind: .end, offset: chars.count))
        return tokens
    }
}

/// Recursive descent over FHIRPath's precedence levels, limited to the subset.
struct FHIRPathParser {
    static let maximumNesting = 48
    private var tokens: [FPToken]
    private var position = 0
    private var depth = 0

    static func parse(_ source: String) throws(FHIRPathError) -> FPNode {
        guard source.count <= ExpressionCompiler.maximumLength else {
            throw FHIRPathError(message: "this expression is too long (\(source.count) characters; the limit is \(ExpressionCompiler.maximumLength))", offset: 0)
        }
        var parser = FHIRPathParser(tokens: try FHIRPathLexer.tokenize(source))
        let node = try parser.expression()
        guard parser.peek.kind == .end else { throw parser.unexpected() }
        return node
    }

    private init(tokens: [FPToken]) {
        self.tokens = tokens
    }

    private var peek: FPToken { tokens[position] }

    private mutating func next() -> FPToken {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func unexpected() -> FHIRPathError {
        switch peek.kind {
        case .end: return FHIRPathError(message: "the expression ends too early", offset: peek.offset)
        case .identifier(let word) where Self.unsupportedOperators.contains(word):
            return FHIRPathError(message: "the operator '\(word)' is not supported", offset: peek.offset)
        case .symbol(let s) where ["|", "~", "!~"].contains(s):
            return FHIRPathError(message: "the operator '\(s)' is not supported", offset: peek.offset)
        default: return FHIRPathError(message: "unexpected \(describe(peek))", offset: peek.offset)
        }
    }

    static let unsupportedOperators: Set<String> = ["implies", "xor", "is", "as", "in", "contains", "div", "mod"]

    private func describe(_ token: FPToken) -> String {
        switch token.kind {
        case .identifier(let n): "'\(n)'"
        case .variable(let n): "'%\(n)'"
        case .string(let s): "string '\(s)'"
        case .number(let n, _): "number \(Value.number(n))"
        case .symbol(let s): "'\(s)'"
        case .end: "end of expression"
        }
    }

    private mutating func isWord(_ word: String) -> Bool {
        if case .identifier(word) = peek.kind { return true }
        return false
    }

    private mutating func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(symbol) = peek.kind { return true }
        return false
    }

    private mutating func expect(_ symbol: String) throws(FHIRPathError) {
        guard isSymbol(symbol) else {
            throw FHIRPathError(message: "expected '\(symbol)' but found \(describe(peek))", offset: peek.offset)
        }
        _ = next()
    }

    private mutating func nested<T>(_ body: (inout FHIRPathParser) throws(FHIRPathError) -> T) throws(FHIRPathError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumNesting else {
            throw FHIRPathError(message: "the expression is nested too deeply", offset: peek.offset)
        }
        return try body(&self)
    }

    mutating func expression() throws(FHIRPathError) -> FPNode {
        try nested { (p: inout FHIRPathParser) throws(FHIRPathError) in try p.orLevel() }
    }

    private mutating func orLevel() throws(FHIRPathError) -> FPNode {
        var left = try andLevel()
        while isWord("or") {
            let op = next()
            left = .binary("or", left, try andLevel(), offset: op.offset)
        }
        if isWord("xor") || isWord("implies") { throw unexpected() }
        return left
    }

    private mutating func andLevel() throws(FHIRPathError) -> FPNode {
        var left = try equality()
        while isWord("and") {
            let op = next()
            left = .binary("and", left, try equality(), offset: op.offset)
        }
        return left
    }

    private mutating func equality() throws(FHIRPathError) -> FPNode {
        var left = try comparison()
        while isSymbol("=") || isSymbol("!=") {
            let op = next()
            guard case .symbol(let s) = op.kind else { break }
            left = .binary(s, left, try comparison(), offset: op.offset)
        }
        if isSymbol("~") || isSymbol("!~") || isWord("in") || isWord("contains") { throw unexpected() }
        return left
    }

    private mutating func comparison() throws(FHIRPathError) -> FPNode {
        var left = try additive()
        while isSymbol("<") || isSymbol(">") || isSymbol("<=") || isSymbol(">=") {
            let op = next()
            guard case .symbol(let s) = op.kind else { break }
            left = .binary(s, left, try additive(), offset: op.offset)
        }
        if isSymbol("|") || isWord("is") || isWord("as") { throw unexpected() }
        return left
    }

    private mutating func additive() throws(FHIRPathError) -> FPNode {
        var left = try multiplicative()
        while isSymbol("+") || isSymbol("-") || isSymbol("&") {
            let op = next()
            guard case .symbol(let s) = op.kind else { break }
            left = .binary(s, left, try multiplicative(), offset: op.offset)
        }
        return left
    }

    private mutating func multiplicative() throws(FHIRPathError) -> FPNode {
        var left = try unary()
        while isSymbol("*") || isSymbol("/") {
            let op = next()
            guard case .symbol(let s) = op.kind else { break }
            left = .binary(s, left, try unary(), offset: op.offset)
        }
        if isWord("div") || isWord("mod") { throw unexpected() }
        return left
    }

    private mutating func unary() throws(FHIRPathError) -> FPNode {
        if isSymbol("-") {
            _ = next()
            return .negate(try nested { (p: inout FHIRPathParser) throws(FHIRPathError) in try p.unary() })
        }
        if isSymbol("+") {
            _ = next()
            return try nested { (p: inout FHIRPathParser) throws(FHIRPathError) in try p.unary() }
        }
        return try postfix()
    }

    private mutating func postfix() throws(FHIRPathError) -> FPNode {
        var node = try term()
        var steps = 0
        while true {
            steps += 1
            if steps > 200 { throw FHIRPathError(message: "the path is too long", offset: peek.offset) }
            if isSymbol(".") {
                _ = next()
                let nameToken = next()
                guard case .identifier(let name) = nameToken.kind else {
                    throw FHIRPathError(message: "expected a name after '.' but found \(describe(nameToken))", offset: nameToken.offset)
                }
                if isSymbol("(") {
                    node = .call(node, name, try arguments(), offset: nameToken.offset)
                } else {
                    node = .member(node, name)
                }
            } else if isSymbol("[") {
                _ = next()
                let index = try expression()
                try expect("]")
                node = .index(node, index)
            } else {
                return node
            }
        }
    }

    private mutating func arguments() throws(FHIRPathError) -> [FPNode] {
        try expect("(")
        var result: [FPNode] = []
        if isSymbol(")") {
            _ = next()
            return result
        }
        while true {
            result.append(try expression())
            if isSymbol(",") {
                _ = next()
                continue
            }
            try expect(")")
            return result
        }
    }

    private mutating func term() throws(FHIRPathError) -> FPNode {
        let token = peek
        switch token.kind {
        case .number(let n, let isInteger):
            _ = next()
            if case .string = peek.kind { throw FHIRPathError(message: "quantity literals (a number with a unit) are not supported", offset: peek.offset) }
            return .literal(.number(n, isInteger: isInteger))
        case .string(let s):
            _ = next()
            return .literal(.string(s))
        case .variable(let name):
            _ = next()
            return .variable(name, offset: token.offset)
        case .identifier(let name):
            if Self.unsupportedOperators.contains(name) { throw unexpected() }
            _ = next()
            if name == "true" || name == "false" { return .literal(.bool(name == "true")) }
            if isSymbol("(") { return .call(nil, name, try arguments(), offset: token.offset) }
            return .identifier(name, offset: token.offset)
        case .symbol("$this"):
            _ = next()
            return .this
        case .symbol("("):
            _ = next()
            let inner = try expression()
            try expect(")")
            return inner
        case .symbol("{"):
            _ = next()
            try expect("}")
            return .literal(nil)
        default:
            throw unexpected()
        }
    }
}
