/// Splits expression text into tokens in one left-to-right pass (linear time, no backtracking).
///
/// Mistakes that people coming from spreadsheets or programming languages often make
/// (`=`, `&&`, `||`, `!`) get an error that names the word to use instead.
struct Lexer {
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
    }

    private let characters: [Character]
    private var position = 0

    init(_ source: String) {
        characters = Array(source)
    }

    /// All tokens, ending with `.end`, or the first lexical error.
    static func tokenize(_ source: String) -> Result<[Token], Failure> {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        do throws(Failure) {
            while true {
                let token = try lexer.next()
                tokens.append(token)
                if token.kind == .end { return .success(tokens) }
            }
        } catch {
            return .failure(error)
        }
    }

    private mutating func next() throws(Failure) -> Token {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let start = position
        guard position < characters.count else { return Token(kind: .end, offset: start) }
        let character = characters[position]

        if character.isASCII, character.isNumber { return try number() }
        if Self.startsIdentifier(character) { return identifier() }
        if character == "'" || character == "\"" { return try string(quote: character) }

        position += 1
        let following = position < characters.count ? characters[position] : nil
        func symbol(_ single: Token.Symbol, or double: Token.Symbol? = nil) -> Token {
            if let double, following == "=" {
                position += 1
                return Token(kind: .symbol(double), offset: start)
            }
            return Token(kind: .symbol(single), offset: start)
        }
        switch character {
        case "+": return symbol(.plus)
        case "-": return symbol(.minus)
        case "*": return symbol(.times)
        case "/": return symbol(.divide)
        case "(": return symbol(.openParen)
        case ")": return symbol(.closeParen)
        case "[": return symbol(.openBracket)
        case "]": return symbol(.closeBracket)
        case ",": return symbol(.comma)
        case "<": return symbol(.less, or: .lessOrEqual)
        case ">": return symbol(.greater, or: .greaterOrEqual)
        case "=":
            if following == "=" {
                position += 1
                return Token(kind: .symbol(.equal), offset: start)
            }
            throw Failure(message: "use '==' to compare two values ('=' alone is not an operator)", offset: start)
        case "!":
            if following == "=" {
                position += 1
                return Token(kind: .symbol(.notEqual), offset: start)
            }
            throw Failure(message: "use 'not' instead of '!'", offset: start)
        case "&":
            throw Failure(message: "use 'and' instead of '\(following == "&" ? "&&" : "&")'", offset: start)
        case "|":
            throw Failure(message: "use 'or' instead of '\(following == "|" ? "||" : "|")'", offset: start)
        default:
            throw Failure(message: "unexpected character '\(character)'", offset: start)
        }
    }

    private static func startsIdentifier(_ character: Character) -> Bool {
        character == "_" || (character.isASCII && character.isLetter)
    }

    private static func continuesIdentifier(_ character: Character) -> Bool {
        startsIdentifier(character) || (character.isASCII && character.isNumber)
    }

    private mutating func identifier() -> Token {
        let start = position
        while position < characters.count, Self.continuesIdentifier(characters[position]) { position += 1 }
        let word = String(characters[start..<position])
        if let keyword = Token.Keyword(rawValue: word) {
            return Token(kind: .keyword(keyword), offset: start)
        }
        return Token(kind: .identifier(word), offset: start)
    }

    private mutating func number() throws(Failure) -> Token {
        let start = position
        func digits() {
            while position < characters.count, characters[position].isASCII, characters[position].isNumber {
                position += 1
            }
        }
        digits()
        if position < characters.count, characters[position] == "." {
            position += 1
            let fractionStart = position
            digits()
            if position == fractionStart {
                throw Failure(message: "a number needs digits after the decimal point, like 2.5", offset: start)
            }
        }
        let text = String(characters[start..<position])
        guard let value = Double(text), value.isFinite else {
            throw Failure(message: "the number \(text.prefix(20))\(text.count > 20 ? "..." : "") is too large", offset: start)
        }
        return Token(kind: .number(value), offset: start)
    }

    private mutating func string(quote: Character) throws(Failure) -> Token {
        let start = position
        position += 1
        var text = ""
        while position < characters.count {
            let character = characters[position]
            if character == quote {
                position += 1
                return Token(kind: .string(text), offset: start)
            }
            if character == "\\" {
                guard position + 1 < characters.count else { break }
                let escaped = characters[position + 1]
                guard escaped == "'" || escaped == "\"" || escaped == "\\" else {
                    throw Failure(
                        message: "unknown escape '\\\(escaped)' in text; only \\' \\\" and \\\\ are allowed",
                        offset: position)
                }
                text.append(escaped)
                position += 2
                continue
            }
            text.append(character)
            position += 1
        }
        throw Failure(message: "this text has no closing \(quote)", offset: start)
    }
}
