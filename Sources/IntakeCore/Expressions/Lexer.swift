/// Splits expression text into tokens in one left-to-right pass (linear time, no backtracking).
///
/// Mistakes that people coming from spreadsheets or programming languages often make
/// (`=`, `&&`, `||`, `!`) get an error that names the word to use instead.
///
/// Offsets count `Character`s (see ``Token``). Almost every expression is ASCII without a
/// carriage return, where each byte is one `Character`: that text is scanned as bytes,
/// which avoids splitting it into `Character`s (most of the lexing time before). Any other
/// text is scanned as `Character`s by the same code.
enum Lexer {
    struct Failure: Error, Equatable {
        var message: String
        var offset: Int
    }

    /// All tokens, ending with `.end`, or the first lexical error.
    static func tokenize(_ source: String) -> Result<[Token], Failure> {
        if source.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) {
            var scanner = Scanner(Array(source.utf8))
            return scanner.tokens()
        }
        return tokenizeAsCharacters(source)
    }

    /// The general path, for any text; tests hold the byte path to it.
    static func tokenizeAsCharacters(_ source: String) -> Result<[Token], Failure> {
        var scanner = Scanner(Array(source))
        return scanner.tokens()
    }
}

/// What the scanner needs to know about one unit of text: a byte of ASCII text or a `Character`.
private protocol LexerUnit: Equatable {
    /// The unit as an ASCII byte, or nil when it is not ASCII.
    var ascii: UInt8? { get }
    var isWhitespace: Bool { get }
    var character: Character { get }
    static func string(_ units: ArraySlice<Self>) -> String
}

extension UInt8: LexerUnit {
    fileprivate var ascii: UInt8? { self }
    /// The ASCII characters for which `Character.isWhitespace` is true.
    fileprivate var isWhitespace: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
    fileprivate var character: Character { Character(Unicode.Scalar(self)) }
    fileprivate static func string(_ units: ArraySlice<UInt8>) -> String { String(decoding: units, as: UTF8.self) }
}

extension Character: LexerUnit {
    /// Not `asciiValue`, which also gives 0x0A for "\r\n" (``DisplayWidth/singleByte(_:)``).
    fileprivate var ascii: UInt8? { DisplayWidth.singleByte(self) }
    fileprivate var character: Character { self }
    fileprivate static func string(_ units: ArraySlice<Character>) -> String { String(units) }
}

private struct Scanner<Unit: LexerUnit> {
    typealias Failure = Lexer.Failure

    private let characters: [Unit]
    private var position = 0

    init(_ units: [Unit]) {
        characters = units
    }

    mutating func tokens() -> Result<[Token], Failure> {
        var tokens: [Token] = []
        do throws(Failure) {
            while true {
                let token = try next()
                tokens.append(token)
                if token.kind == .end { return .success(tokens) }
            }
        } catch {
            return .failure(error)
        }
    }

    /// The ASCII byte at `index`, or nil past the end or for anything else.
    private func ascii(at index: Int) -> UInt8? {
        index < characters.count ? characters[index].ascii : nil
    }

    private static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func startsIdentifier(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte == UInt8(ascii: "_") || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func continuesIdentifier(_ byte: UInt8?) -> Bool {
        startsIdentifier(byte) || isDigit(byte)
    }

    private mutating func next() throws(Failure) -> Token {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        let start = position
        guard position < characters.count else { return Token(kind: .end, offset: start) }
        let unit = ascii(at: position)

        if Self.isDigit(unit) { return try number() }
        if Self.startsIdentifier(unit) { return identifier() }
        if unit == UInt8(ascii: "'") || unit == UInt8(ascii: "\"") { return try string(quote: characters[position]) }

        position += 1
        let following = ascii(at: position)
        guard let unit else { throw Failure(message: "unexpected character '\(characters[start].character)'", offset: start) }
        func symbol(_ single: Token.Symbol, or double: Token.Symbol? = nil) -> Token {
            if let double, following == UInt8(ascii: "=") {
                position += 1
                return Token(kind: .symbol(double), offset: start)
            }
            return Token(kind: .symbol(single), offset: start)
        }
        switch unit {
        case UInt8(ascii: "+"): return symbol(.plus)
        case UInt8(ascii: "-"): return symbol(.minus)
        case UInt8(ascii: "*"): return symbol(.times)
        case UInt8(ascii: "/"): return symbol(.divide)
        case UInt8(ascii: "("): return symbol(.openParen)
        case UInt8(ascii: ")"): return symbol(.closeParen)
        case UInt8(ascii: "["): return symbol(.openBracket)
        case UInt8(ascii: "]"): return symbol(.closeBracket)
        case UInt8(ascii: ","): return symbol(.comma)
        case UInt8(ascii: "<"): return symbol(.less, or: .lessOrEqual)
        case UInt8(ascii: ">"): return symbol(.greater, or: .greaterOrEqual)
        case UInt8(ascii: "="):
            if following == UInt8(ascii: "=") {
                position += 1
                return Token(kind: .symbol(.equal), offset: start)
            }
            throw Failure(message: "use '==' to compare two values ('=' alone is not an operator)", offset: start)
        case UInt8(ascii: "!"):
            if following == UInt8(ascii: "=") {
                position += 1
                return Token(kind: .symbol(.notEqual), offset: start)
            }
            throw Failure(message: "use 'not' instead of '!'", offset: start)
        case UInt8(ascii: "&"):
            throw Failure(message: "use 'and' instead of '\(following == UInt8(ascii: "&") ? "&&" : "&")'", offset: start)
        case UInt8(ascii: "|"):
            throw Failure(message: "use 'or' instead of '\(following == UInt8(ascii: "|") ? "||" : "|")'", offset: start)
        default:
            throw Failure(message: "unexpected character '\(characters[start].character)'", offset: start)
        }
    }

    private mutating func identifier() -> Token {
        let start = position
        while Self.continuesIdentifier(ascii(at: position)) { position += 1 }
        let word = Unit.string(characters[start..<position])
        if let keyword = Token.Keyword(rawValue: word) {
            return Token(kind: .keyword(keyword), offset: start)
        }
        return Token(kind: .identifier(word), offset: start)
    }

    private mutating func number() throws(Failure) -> Token {
        let start = position
        func digits() {
            while Self.isDigit(ascii(at: position)) { position += 1 }
        }
        digits()
        if ascii(at: position) == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            digits()
            if position == fractionStart {
                throw Failure(message: "a number needs digits after the decimal point, like 2.5", offset: start)
            }
        }
        let text = Unit.string(characters[start..<position])
        guard let value = Double(text), value.isFinite else {
            throw Failure(message: "the number \(text.prefix(20))\(text.count > 20 ? "..." : "") is too large", offset: start)
        }
        return Token(kind: .number(value), offset: start)
    }

    private mutating func string(quote: Unit) throws(Failure) -> Token {
        let start = position
        position += 1
        var text = ""
        while position < characters.count {
            let character = characters[position]
            if character == quote {
                position += 1
                return Token(kind: .string(text), offset: start)
            }
            if character.ascii == UInt8(ascii: "\\") {
                guard position + 1 < characters.count else { break }
                let escaped = characters[position + 1]
                guard let byte = escaped.ascii, byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    throw Failure(
                        message: "unknown escape '\\\(escaped.character)' in text; only \\' \\\" and \\\\ are allowed",
                        offset: position)
                }
                text.append(escaped.character)
                position += 2
                continue
            }
            text.append(character.character)
            position += 1
        }
        throw Failure(message: "this text has no closing \(quote.character)", offset: start)
    }
}
