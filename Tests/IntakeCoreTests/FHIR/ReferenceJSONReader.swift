@testable import IntakeCore

/// The JSON reader as it was before it read bytes (it read an array of Unicode scalars):
/// kept as the reference the byte reader is compared with (`JSONReaderDifferentialTests`).
///
/// A strict JSON parser (RFC 8259) that keeps positions, refuses duplicate keys, and is
/// bounded like the YAML loader: the text is already size-checked (``SourceLimits``), and
/// nesting deeper than ``SourceLimits/maximumNesting`` is an error, so no input can crash it
/// or exhaust the stack. Strings must not contain control or bidi-override characters,
/// even written as `\u` escapes (the same rule as ``TextSafety`` applies to raw text).
struct ReferenceJSONReader {
    typealias Failure = JSONReader.Failure

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    /// Where the reader is: object keys and array indexes from the root. The dotted path
    /// text is only needed for a message, so it is built only then (``pathText``).
    private var path: [PathPart] = []

    private enum PathPart {
        case key(String)
        case index(Int)
    }

    /// `a.b[2].c`: the path of the value being read ("" at the root).
    private var pathText: String {
        var text = ""
        for part in path {
            switch part {
            case .key(let key): text = text.isEmpty ? key : text + "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// Parses one JSON document; the first problem stops parsing.
    static func parse(_ text: String) -> Result<JSONNode, JSONReader.Failure> {
        var reader = ReferenceJSONReader(scalars: Array(text.unicodeScalars))
        do {
            reader.skipWhitespace()
            let root = try reader.value()
            reader.skipWhitespace()
            if reader.index < reader.scalars.count { throw reader.failure("unexpected text after the end of the JSON document") }
            return .success(root)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(message: "\(error)", line: 1, column: 1))
        }
    }

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private func failure(_ message: String) -> Failure {
        Failure(message: message, line: line, column: column)
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while let c = current, c == " " || c == "\t" || c == "\n" || c == "\r" { advance() }
    }

    private mutating func expect(_ scalar: Unicode.Scalar, _ what: String) throws {
        guard current == scalar else { throw failure("expected \(what)\(foundText)") }
        advance()
    }

    private var foundText: String {
        guard let c = current else { return " but the file ends here" }
        return " but found '\(Character(c))'"
    }

    private mutating func value() throws -> JSONNode {
        let (startLine, startColumn) = (line, column)
        guard let c = current else { throw failure("expected a value but the file ends here") }
        switch c {
        case "{": return try object()
        case "[": return try array()
        case "\"":
            let (text, escapes) = try string()
            return JSONNode(.string(text), line: startLine, column: startColumn, hadEscapes: escapes)
        case "t": try keyword("true"); return JSONNode(.bool(true), line: startLine, column: startColumn)
        case "f": try keyword("false"); return JSONNode(.bool(false), line: startLine, column: startColumn)
        case "n": try keyword("null"); return JSONNode(.null, line: startLine, column: startColumn)
        case "-", "0"..."9": return try number()
        default: throw failure("expected a value (object, array, string, number, true, false or null)\(foundText)")
        }
    }

    private mutating func keyword(_ word: String) throws {
        for expected in word.unicodeScalars {
            guard current == expected else { throw failure("invalid literal; expected '\(word)'") }
            advance()
        }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > SourceLimits.maximumNesting { throw failure("nested deeper than \(SourceLimits.maximumNesting) levels") }
    }

    private mutating func object() throws -> JSONNode {
        let (startLine, startColumn) = (line, column)
        try enter()
        defer { depth -= 1 }
        advance()
        var members: [(key: String, value: JSONNode)] = []
        var seen: [String: (Int, Int)] = [:]
        skipWhitespace()
        if current == "}" {
            advance()
            return JSONNode(.object([]), line: startLine, column: startColumn)
        }
        while true {
            skipWhitespace()
            guard current == "\"" else { throw failure("expected a key in double quotes\(foundText)") }
            let (keyLine, keyColumn) = (line, column)
            let (key, _) = try string()
            if let (firstLine, _) = seen[key] {
                let place = pathText
                let where_ = place.isEmpty ? "" : " in \(place)"
                throw Failure(message: "duplicate key '\(key)'\(where_), first written at line \(firstLine)", line: keyLine, column: keyColumn)
            }
            seen[key] = (keyLine, keyColumn)
            skipWhitespace()
            try expect(":", "':' after the key")
            skipWhitespace()
            path.append(.key(key))
            let child = try value()
            path.removeLast()
            members.append((key: key, value: child))
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            try expect("}", "',' or '}'")
            return JSONNode(.object(members), line: startLine, column: startColumn)
        }
    }

    private mutating func array() throws -> JSONNode {
        let (startLine, startColumn) = (line, column)
        try enter()
        defer { depth -= 1 }
        advance()
        var elements: [JSONNode] = []
        skipWhitespace()
        if current == "]" {
            advance()
            return JSONNode(.array([]), line: startLine, column: startColumn)
        }
        while true {
            skipWhitespace()
            path.append(.index(elements.count))
            elements.append(try value())
            path.removeLast()
            skipWhitespace()
            if current == "," {
                advance()
                continue
            }
            try expect("]", "',' or ']'")
            return JSONNode(.array(elements), line: startLine, column: startColumn)
        }
    }

    private mutating func string() throws -> (String, Bool) {
        advance() // opening quote
        // Collected as UTF-8 and made a String once: appending scalar by scalar to a
        // String costs several times more.
        var result: [UInt8] = []
        var escapes = false
        while true {
            guard let c = current else { throw failure("unterminated string") }
            switch c {
            case "\"":
                advance()
                return (String(decoding: result, as: UTF8.self), escapes)
            case "\\":
                escapes = true
                advance()
                guard let e = current else { throw failure("unterminated string") }
                let simple: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "\\": "\\", "/": "/", "b": "\u{8}", "f": "\u{C}", "n": "\n", "r": "\r", "t": "\t"]
                if let replacement = simple[e] {
                    if replacement == "\u{8}" || replacement == "\u{C}" { throw failure("string contains a control character escape (\\\(Character(e))); remove it") }
                    Self.appendUTF8(replacement, to: &result)
                    advance()
                } else if e == "u" {
                    advance()
                    var value = try hex4()
                    if (0xD800...0xDBFF).contains(value) {
                        guard current == "\\" else { throw failure("unpaired surrogate in \\u escape") }
                        advance()
                        guard current == "u" else { throw failure("unpaired surrogate in \\u escape") }
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
                    throw failure("invalid escape '\\\(Character(e))' in a string")
                }
            default:
                if c.value < 0x20 { throw failure("a string may not contain a raw line break or control character; write \\n") }
                // A run of plain characters (no quote, backslash or line break): no line to count.
                var end = index
                while end < scalars.count, scalars[end] != "\"", scalars[end] != "\\", scalars[end].value >= 0x20 {
                    Self.appendUTF8(scalars[end], to: &result)
                    end += 1
                }
                column += end - index
                index = end
            }
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
            guard let c = current, c.isASCII, let digit = UInt32(String(c), radix: 16) else { throw failure("\\u must be followed by four hex digits") }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private mutating func number() throws -> JSONNode {
        let (startLine, startColumn) = (line, column)
        var text = ""
        var isInteger = true
        func digits() -> Int {
            var count = 0
            while let c = current, ("0"..."9").contains(c) {
                text.unicodeScalars.append(c)
                advance()
                count += 1
            }
            return count
        }
        if current == "-" {
            text += "-"
            advance()
        }
        if current == "0" {
            text += "0"
            advance()
            if let c = current, ("0"..."9").contains(c) { throw failure("numbers may not have leading zeros") }
        } else if digits() == 0 {
            throw failure("expected digits in a number")
        }
        if current == "." {
            isInteger = false
            text += "."
            advance()
            if digits() == 0 { throw failure("expected digits after the decimal point") }
        }
        if current == "e" || current == "E" {
            isInteger = false
            text += "e"
            advance()
            if current == "+" || current == "-" {
                text.unicodeScalars.append(current!)
                advance()
            }
            if digits() == 0 { throw failure("expected digits in the exponent") }
        }
        guard text.utf8.count <= 40, let value = Double(text), value.isFinite else {
            throw Failure(message: "number '\(text.prefix(40))' is out of range", line: startLine, column: startColumn)
        }
        return JSONNode(.number(value, isInteger: isInteger), line: startLine, column: startColumn)
    }
}
