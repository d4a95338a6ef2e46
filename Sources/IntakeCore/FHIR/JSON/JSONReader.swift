/// A strict JSON parser (RFC 8259) that keeps positions, refuses duplicate keys, and is
/// bounded like the YAML loader: the text is already size-checked (``SourceLimits``), and
/// nesting deeper than ``SourceLimits/maximumNesting`` is an error, so no input can crash it
/// or exhaust the stack. Strings must not contain control or bidi-override characters,
/// even written as `\u` escapes (the same rule as ``TextSafety`` applies to raw text).
public struct JSONReader {
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var message: String
        public var line: Int
        public var column: Int
        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The document's UTF-8 (valid: it comes from a `String`). Reading bytes, not an array
    /// of Unicode scalars, costs a quarter of the memory and a fraction of the time; the
    /// column still counts characters (Unicode scalars), as editors show it.
    let bytes: [UInt8]
    /// The reading position, a byte offset. Lines and columns are not counted as the reader
    /// moves: a message counts them up to its offset (``location(of:)``), and a tree of
    /// nodes counts on from one node to the next (``locate(_:)``), so a document read into
    /// the caller's own types (a result file) never counts at all.
    var index = 0
    /// How many objects and arrays the reading position is in (at most ``SourceLimits/maximumNesting``).
    private(set) var depth = 0
    /// Where the reader is: object keys and array indexes from the root. The dotted path
    /// text is only needed for a message, so it is built only then (``pathText``).
    var path: [PathPart] = []
    /// The line and column of the last node ``locate(_:)`` placed.
    private var located = Location(offset: 0, line: 1, column: 1)

    enum PathPart {
        /// A key without escapes: where its UTF-8 is in the document.
        case key(Range<Int>)
        /// A key with escapes, as text.
        case escapedKey(String)
        case index(Int)
    }

    /// `a.b[2].c`: the path of the value being read ("" at the root).
    var pathText: String {
        var text = ""
        for part in path {
            let key: String
            switch part {
            case .key(let range): key = String(decoding: bytes[range], as: UTF8.self)
            case .escapedKey(let escaped): key = escaped
            case .index(let index):
                text += "[\(index)]"
                continue
            }
            text = text.isEmpty ? key : text + "." + key
        }
        return text
    }

    /// A byte offset with its 1-based line and column.
    struct Location {
        var offset: Int
        var line: Int
        var column: Int

        /// The location of `target` (not before `offset`), counting on from this one: a line
        /// feed starts a line, and each character's first byte is a column.
        func counted(to target: Int, in bytes: [UInt8]) -> Location {
            var (line, column) = (line, column)
            bytes.withUnsafeBufferPointer { buffer in
                for byte in buffer[offset..<min(target, buffer.count)] {
                    if byte == 0x0A {
                        (line, column) = (line + 1, 1)
                    } else if byte & 0xC0 != 0x80 {
                        column += 1
                    }
                }
            }
            return Location(offset: target, line: line, column: column)
        }
    }

    /// Line and column of the byte at `offset`, counted from the start (for messages).
    func location(of offset: Int) -> (line: Int, column: Int) {
        let location = Location(offset: 0, line: 1, column: 1).counted(to: offset, in: bytes)
        return (location.line, location.column)
    }

    /// Line and column of the byte at `offset`, counted on from the node placed before: a
    /// tree is placed in file order, so the document is counted once.
    private mutating func locate(_ offset: Int) -> (line: Int, column: Int) {
        if offset < located.offset { located = Location(offset: 0, line: 1, column: 1) }
        located = located.counted(to: offset, in: bytes)
        return (located.line, located.column)
    }

    /// Parses one JSON document; the first problem stops parsing.
    public static func parse(_ text: String) -> Result<JSONNode, Failure> {
        parse(JSONReader(bytes: Array(text.utf8), checksUTF8: false))
    }

    /// Parses one JSON document from bytes not yet known to be UTF-8, without a pass over
    /// the whole file first: each string is checked as it is made, and outside strings JSON
    /// allows ASCII only, so a document that parses was valid UTF-8. A string that is not
    /// UTF-8 fails with ``notUTF8``.
    public static func parse(utf8 bytes: [UInt8]) -> Result<JSONNode, Failure> {
        parse(JSONReader(bytes: bytes, checksUTF8: true))
    }

    /// The message of a string whose bytes are not UTF-8 (``parse(utf8:)``).
    public static let notUTF8 = "a string is not UTF-8 text"

    private static func parse(_ start: JSONReader) -> Result<JSONNode, Failure> {
        var reader = start
        do {
            reader.skipWhitespace()
            let root = try reader.value()
            reader.skipWhitespace()
            if reader.index < reader.bytes.count { throw reader.failure("unexpected text after the end of the JSON document") }
            return .success(root)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", line: 1, column: 1))
        }
    }

    init(bytes: [UInt8], checksUTF8: Bool) {
        self.bytes = bytes
        self.checksUTF8 = checksUTF8
    }

    /// Whether strings must be checked for UTF-8 as they are made (bytes from a file) or
    /// are known to be (bytes of a `String`).
    private let checksUTF8: Bool

    /// A string value or key from its UTF-8 bytes; `ascii` when they are known to be ASCII
    /// (always valid, so not checked again).
    private func makeString(_ utf8: ArraySlice<UInt8>, ascii: Bool = false) throws -> String {
        guard checksUTF8 && !ascii else { return String(decoding: utf8, as: UTF8.self) }
        // Over a buffer pointer: `String(validating:)` of a slice takes a slow generic path.
        guard let text = utf8.withUnsafeBufferPointer({ String(validating: $0, as: UTF8.self) }) else { throw failure(Self.notUTF8) }
        return text
    }

    /// A problem at the reading position.
    func failure(_ message: String) -> Failure {
        let (line, column) = location(of: index)
        return Failure(message: message, line: line, column: column)
    }

    /// The byte at the reading position; nil at the end.
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Moves past one byte.
    mutating func advance() {
        index += 1
    }

    /// Moves past the whole character at the reading position.
    private mutating func advanceScalar() {
        advance()
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
    }

    /// The character at the reading position, for messages.
    private var currentScalar: Unicode.Scalar? {
        guard index < bytes.count else { return nil }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self).unicodeScalars.first
    }

    /// Moves past spaces, tabs and line breaks (a pretty-printed file is a third indentation).
    mutating func skipWhitespace() {
        var position = index
        bytes.withUnsafeBufferPointer { buffer in
            while position < buffer.count, Self.isWhitespace(buffer[position]) { position += 1 }
        }
        index = position
    }

    /// JSON's whitespace: space, line feed, tab, carriage return.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
        guard current == byte else { throw failure("expected \(what)\(foundText)") }
        advance()
    }

    var foundText: String {
        guard let c = currentScalar else { return " but the file ends here" }
        return " but found '\(Character(c))'"
    }

    /// The value at the reading position as a node that knows its line and column.
    mutating func value() throws -> JSONNode {
        guard let c = current else { throw notAValue() }
        let (line, column) = locate(index)
        switch c {
        case UInt8(ascii: "{"): return JSONNode(try object(), line: line, column: column)
        case UInt8(ascii: "["): return JSONNode(try array(), line: line, column: column)
        case UInt8(ascii: "\""):
            let (text, escapes) = try string()
            return JSONNode(.string(text), line: line, column: column, hadEscapes: escapes)
        case UInt8(ascii: "t"): try keyword("true"); return JSONNode(.bool(true), line: line, column: column)
        case UInt8(ascii: "f"): try keyword("false"); return JSONNode(.bool(false), line: line, column: column)
        case UInt8(ascii: "n"): try keyword("null"); return JSONNode(.null, line: line, column: column)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let (value, isInteger) = try numberValue()
            return JSONNode(.number(value, isInteger: isInteger), line: line, column: column)
        default: throw notAValue()
        }
    }

    /// What is at the reading position is not a value.
    func notAValue() -> Failure {
        guard current != nil else { return failure("expected a value but the file ends here") }
        return failure("expected a value (object, array, string, number, true, false or null)\(foundText)")
    }

    mutating func keyword(_ word: StaticString) throws {
        // A static string's bytes are read in place (iterating a `String`'s UTF-8 view
        // cost more than the rest of reading the literal).
        for offset in 0..<word.utf8CodeUnitCount {
            guard current == word.utf8Start[offset] else { throw failure("invalid literal; expected '\(word)'") }
            advance()
        }
    }

    mutating func enter() throws {
        depth += 1
        if depth > SourceLimits.maximumNesting { throw failure("nested deeper than \(SourceLimits.maximumNesting) levels") }
    }

    mutating func leave() { depth -= 1 }

    /// An object's members in file order (the loop, with its repeated-key check, is
    /// ``readObject(_:)``, shared with the result reader).
    private mutating func object() throws -> JSONNode.Kind {
        var members: [(key: String, value: JSONNode)] = []
        try readObject { reader, key in members.append((key: key.text, value: try reader.value())) }
        return .object(members)
    }

    private mutating func array() throws -> JSONNode.Kind {
        var elements: [JSONNode] = []
        try readArray { reader in elements.append(try reader.value()) }
        return .array(elements)
    }

    /// A string's UTF-8, checked, without making a `String`: a slice of the document when
    /// it has no escapes (keys almost always), else the text's bytes after unescaping.
    mutating func stringUTF8() throws -> ArraySlice<UInt8> {
        if let range = try plainString() { return bytes[range] }
        return Array(try string().0.utf8)[...]
    }

    /// Where the UTF-8 of the string at the reading position is in the document, checked,
    /// and the reader past it; nil (the reader unmoved) when it has escapes.
    mutating func plainString() throws -> Range<Int>? {
        let startIndex = index
        advance() // opening quote
        let start = index
        let ascii = skipPlainCharacters()
        guard current == UInt8(ascii: "\"") else {
            index = startIndex
            return nil
        }
        if checksUTF8 && !ascii { _ = try makeString(bytes[start..<index]) }
        advance()
        return start..<index - 1
    }

    mutating func string() throws -> (String, Bool) {
        advance() // opening quote
        // The usual string has no escapes: made from its bytes in one go.
        let start = index
        let ascii = skipPlainCharacters()
        if current == UInt8(ascii: "\"") {
            let text = try makeString(bytes[start..<index], ascii: ascii)
            advance()
            return (text, false)
        }
        var result = Array(bytes[start..<index])
        var escapes = false
        while true {
            guard let c = current else { throw failure("unterminated string") }
            switch c {
            case UInt8(ascii: "\""):
                advance()
                return (try makeString(result[...]), escapes)
            case UInt8(ascii: "\\"):
                escapes = true
                advance()
                guard let e = current else { throw failure("unterminated string") }
                if let replacement = Self.simpleEscape(e) {
                    if replacement == 0x08 || replacement == 0x0C {
                        throw failure("string contains a control character escape (\\\(Character(Unicode.Scalar(e)))); remove it")
                    }
                    result.append(replacement)
                    advance()
                } else if e == UInt8(ascii: "u") {
                    advance()
                    var value = try hex4()
                    if (0xD800...0xDBFF).contains(value) {
                        guard current == UInt8(ascii: "\\") else { throw failure("unpaired surrogate in \\u escape") }
                        advance()
                        guard current == UInt8(ascii: "u") else { throw failure("unpaired surrogate in \\u escape") }
                        advance()
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw failure("unpaired surrogate in \\u escape") }
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(value) {
                        throw failure("unpaired surrogate in \\u escape")
                    }
                    guard let scalar = Unicode.Scalar(value) else { throw failure("invalid \\u escape") }
                    if TextSafety.isForbidden(scalar) {
                        throw failure("string contains a control character (\(TextSafety.codePoint(scalar))); remove it")
                    }
                    Self.appendUTF8(scalar, to: &result)
                } else {
                    throw failure("invalid escape '\\\(Character(currentScalar ?? "?"))' in a string")
                }
            default:
                if c < 0x20 { throw failure("a string may not contain a raw line break or control character; write \\n") }
                let run = index
                skipPlainCharacters()
                result.append(contentsOf: bytes[run..<index])
            }
        }
    }

    /// Moves past a run of plain string characters (no quote, backslash or control
    /// character). Returns whether the run was all ASCII.
    @discardableResult
    private mutating func skipPlainCharacters() -> Bool {
        var end = index
        var seen: UInt8 = 0
        bytes.withUnsafeBytes { raw in
            // Eight bytes at a time while they are plain ASCII, then byte by byte.
            while end + 8 <= raw.count, Self.isPlainASCII(raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)) { end += 8 }
            while end < raw.count {
                let byte = raw[end]
                guard byte >= 0x20, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { break }
                seen |= byte
                end += 1
            }
        }
        index = end
        return seen < 0x80
    }

    /// Whether none of the eight bytes of `word` ends a plain run or is outside ASCII:
    /// printable ASCII (``UTF8Scan``; a DEL falls to the byte-by-byte loop, which takes it),
    /// and no `"` or `\`.
    @inline(__always)
    private static func isPlainASCII(_ word: UInt64) -> Bool {
        UTF8Scan.isPrintableASCII(word) && !UTF8Scan.contains(UInt8(ascii: "\""), in: word) && !UTF8Scan.contains(UInt8(ascii: "\\"), in: word)
    }

    /// The byte a one-letter escape stands for (`\n` is a line feed), nil for others.
    private static func simpleEscape(_ letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""): 0x22
        case UInt8(ascii: "\\"): 0x5C
        case UInt8(ascii: "/"): 0x2F
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    private static func appendUTF8(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        let value = scalar.value
        if value < 0x80 {
            bytes.append(UInt8(value))
        } else if value < 0x800 {
            bytes.append(UInt8(0xC0 | value >> 6))
            bytes.append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x1_0000 {
            bytes.append(UInt8(0xE0 | value >> 12))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        } else {
            bytes.append(UInt8(0xF0 | value >> 18))
            bytes.append(UInt8(0x80 | value >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | value >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | value & 0x3F))
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let c = current, let digit = Self.hexDigit(c) else { throw failure("\\u must be followed by four hex digits") }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// 1, 10, ... 10^15: each exact as a Double.
    private static let powersOfTen: [Double] = (0...15).map { exponent in (0..<exponent).reduce(1.0) { product, _ in product * 10 } }

    /// The number at the reading position, and whether it was written as an integer.
    mutating func numberValue() throws -> (Double, isInteger: Bool) {
        let start = index
        var isInteger = true
        var fractionDigits = 0
        var hasExponent = false
        func digits() -> Int {
            var count = 0
            while let c = current, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                advance()
                count += 1
            }
            return count
        }
        if current == UInt8(ascii: "-") { advance() }
        if current == UInt8(ascii: "0") {
            advance()
            if let c = current, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") { throw failure("numbers may not have leading zeros") }
        } else if digits() == 0 {
            throw failure("expected digits in a number")
        }
        if current == UInt8(ascii: ".") {
            isInteger = false
            advance()
            fractionDigits = digits()
            if fractionDigits == 0 { throw failure("expected digits after the decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            isInteger = false
            hasExponent = true
            advance()
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { advance() }
            if digits() == 0 { throw failure("expected digits in the exponent") }
        }
        // Most numbers (answers, weights, counts) are short: at most 15 digits are exact
        // as a Double (below 2^53), so they are made from their digits without a text to
        // parse; a fraction then takes one division by an exact power of ten, which IEEE
        // arithmetic rounds correctly (Clinger's fast path), as parsing the text would.
        let negative = bytes[start] == UInt8(ascii: "-")
        let digitCount = index - start - (negative ? 1 : 0) - (fractionDigits > 0 ? 1 : 0)
        if !hasExponent, digitCount <= 15 {
            var magnitude = 0
            for byte in bytes[start..<index] where byte != UInt8(ascii: "-") && byte != UInt8(ascii: ".") {
                magnitude = magnitude * 10 + Int(byte - UInt8(ascii: "0"))
            }
            var value = Double(magnitude)
            if fractionDigits > 0 { value /= Self.powersOfTen[fractionDigits] }
            return (negative ? -value : value, isInteger)
        }
        // The text as written, with the exponent's letter as "e" (all of it is ASCII).
        let text = String(decoding: bytes[start..<index].map { $0 == UInt8(ascii: "E") ? UInt8(ascii: "e") : $0 }, as: UTF8.self)
        guard text.utf8.count <= 40, let value = Double(text), value.isFinite else {
            let (line, column) = location(of: start)
            throw Failure(message: "number '\(text.prefix(40))' is out of range", line: line, column: column)
        }
        return (value, isInteger)
    }
}
