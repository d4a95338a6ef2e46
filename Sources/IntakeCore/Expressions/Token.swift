/// One lexical unit of expression text.
///
/// Offsets count `Character`s from the start of the expression text, because
/// `SourceLocation.advanced(by:in:)` counts the same way; that is what lets every
/// diagnostic point at the exact column in the questionnaire file.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case number(Double)
        case string(String)
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        /// The end of the text; lets the parser report "ends too early" at a real position.
        case end
    }

    /// Words with a fixed meaning; they can never name an item or a score.
    enum Keyword: String, CaseIterable, Sendable {
        case and, or, not, `in`, `true`, `false`, null
    }

    enum Symbol: String, Sendable {
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case plus = "+"
        case minus = "-"
        case times = "*"
        case divide = "/"
        case openParen = "("
        case closeParen = ")"
        case openBracket = "["
        case closeBracket = "]"
        case comma = ","
    }

    var kind: Kind
    /// Character offset of the token's first character.
    var offset: Int

    /// How the token reads in an error message, e.g. `')'` or `the end of the expression`.
    var quoted: String {
        switch kind {
        case .number(let n): "'\(Value.number(n).description)'"
        case .string(let s): "'\(s)'"
        case .identifier(let name): "'\(name)'"
        case .keyword(let word): "'\(word.rawValue)'"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .end: "the end of the expression"
        }
    }
}
