/// Reading a document value by value into the caller's own types, without a tree of
/// ``JSONNode``s: a batch summary reads thousands of result files, and building a node per
/// value, then copying each into the result and freeing the tree, cost more than reading
/// the text. The same rules as ``JSONReader/parse(utf8:)`` hold (strict syntax, UTF-8 checked
/// string by string, no repeated keys, bounded nesting, no control characters); a value of
/// the wrong type is a ``JSONReader/Failure`` that names the value's path.
extension JSONReader {
    /// A reader at the start of `bytes`, which are not yet known to be UTF-8.
    init(pulling bytes: [UInt8]) {
        self.init(bytes: bytes, checksUTF8: true)
        skipWhitespace()
    }

    /// After the document's one value: nothing but whitespace may follow.
    mutating func finish() throws {
        skipWhitespace()
        if index < bytes.count { throw failure("unexpected text after the end of the JSON document") }
    }

    /// A wrong value at the reading position, or at `start` when it is already read:
    /// `path: message` (the message alone at the root).
    func problem(_ message: String, at start: Position? = nil) -> Failure {
        let place = pathText
        let (line, column) = location(of: (start ?? position).offset)
        return Failure(message: place.isEmpty ? message : place + ": " + message, line: line, column: column)
    }

    /// `key` of the object being read (``readObject(_:)``), which is missing, or null where a value is required.
    func missing(_ key: String, in object: Position) -> Failure {
        let place = pathText
        let (line, column) = location(of: object.offset)
        return Failure(message: (place.isEmpty ? key : place + "." + key) + ": missing", line: line, column: column)
    }

    /// Where a value starts, for messages about it once it is read (its line and column
    /// are counted only for a message).
    struct Position {
        var offset: Int
    }

    var position: Position { Position(offset: index) }

    /// What the value at the reading position is, as messages name it: "a string", "an object".
    var foundKind: String {
        switch current ?? 0 {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "a boolean"
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): "a number"
        default: "nothing"
        }
    }

    /// Whether a number starts at the reading position.
    var atNumber: Bool {
        guard let byte = current else { return false }
        return byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Whether the value at the reading position is `null`; if so, it is read.
    mutating func skipNull() throws -> Bool {
        guard current == UInt8(ascii: "n") else { return false }
        try keyword("null")
        return true
    }

    /// An object's key as read: its UTF-8, compared with the names a reader knows without
    /// making a string (`case "format":` in a `switch` over a key).
    struct Key {
        let utf8: ArraySlice<UInt8>

        /// The key as text (already checked to be UTF-8).
        var text: String { String(decoding: utf8, as: UTF8.self) }

        static func ~= (name: StaticString, key: Key) -> Bool {
            guard name.utf8CodeUnitCount == key.utf8.count else { return false }
            return key.utf8.withUnsafeBufferPointer { bytes in
                (0..<bytes.count).allSatisfy { bytes[$0] == name.utf8Start[$0] }
            }
        }
    }

    /// Reads an object, handing each key to `member` with the reader at its value, which
    /// `member` must read (or ``skipValue()``). Returns where the object started.
    @discardableResult
    mutating func readObject(_ member: (inout JSONReader, Key) throws -> Void) throws -> Position {
        let start = position
        var keys = KeyLog()
        try readList(open: "{", close: "}", kind: "an object") { reader, _ in
            let key = try reader.nextKey(&keys)
            reader.path.append(key.place)
            try member(&reader, Key(utf8: key.utf8))
            reader.path.removeLast()
        }
        return start
    }

    /// Reads an array, handing each element to `element` with the reader at it.
    mutating func readArray(_ element: (inout JSONReader) throws -> Void) throws {
        try readList(open: "[", close: "]", kind: "an array") { reader, index in
            reader.path.append(.index(index))
            try element(&reader)
            reader.path.removeLast()
        }
    }

    /// The loop objects and arrays share: `open`, then entries separated by commas (each
    /// read by `entry`, given its index, with whitespace skipped around it), then `close`.
    @inline(__always)
    private mutating func readList(open: Unicode.Scalar, close: Unicode.Scalar, kind: String, _ entry: (inout JSONReader, Int) throws -> Void) throws {
        guard current == UInt8(ascii: open) else { throw problem("expected \(kind), found \(foundKind)") }
        try enter()
        defer { leave() }
        advance()
        skipWhitespace()
        if current == UInt8(ascii: close) {
            advance()
            return
        }
        var count = 0
        while true {
            skipWhitespace()
            try entry(&self, count)
            count += 1
            skipWhitespace()
            if current == UInt8(ascii: ",") {
                advance()
                continue
            }
            try expect(UInt8(ascii: close), close == "}" ? "',' or '}'" : "',' or ']'")
            return
        }
    }

    /// The elements of an array, each made by `element`.
    mutating func readArray<Element>(of element: (inout JSONReader) throws -> Element) throws -> [Element] {
        var elements: [Element] = []
        try readArray { reader in elements.append(try element(&reader)) }
        return elements
    }

    mutating func readString() throws -> String {
        guard current == UInt8(ascii: "\"") else { throw problem("expected a string, found \(foundKind)") }
        return try string().0
    }

    /// A string, or nil for `null`.
    mutating func readOptionalString() throws -> String? {
        try skipNull() ? nil : readString()
    }

    mutating func readNumber() throws -> Double {
        guard atNumber else { throw problem("expected a number, found \(foundKind)") }
        return try numberValue().0
    }

    /// A number, or nil for `null`.
    mutating func readOptionalNumber() throws -> Double? {
        try skipNull() ? nil : readNumber()
    }

    /// An object of values of any kind, as a dictionary. Its members are collected first,
    /// so the dictionary is made at its final size (growing it hashed every key again at
    /// each doubling); `readObject` has refused repeated keys.
    mutating func readJSONObject() throws -> [String: JSONValue] {
        Dictionary(try readJSONMembers(), uniquingKeysWith: { first, _ in first })
    }

    /// An object of values of any kind as its members in file order (a result's answers,
    /// for a reader that goes through them once and needs no look-up by key). The keys are
    /// unique: `readObject` refuses a repeated one.
    mutating func readJSONMembers() throws -> [(key: String, value: JSONValue)] {
        var members: [(key: String, value: JSONValue)] = []
        try readObject { reader, key in members.append((key: key.text, value: try reader.readJSONValue())) }
        return members
    }

    /// Reads a value of any kind as a ``JSONValue`` (positions are not kept).
    mutating func readJSONValue() throws -> JSONValue {
        switch current ?? 0 {
        case UInt8(ascii: "\""): return .string(try string().0)
        case UInt8(ascii: "t"): try keyword("true"); return .bool(true)
        case UInt8(ascii: "f"): try keyword("false"); return .bool(false)
        case UInt8(ascii: "n"): try keyword("null"); return .null
        case UInt8(ascii: "["): return .array(try readArray { reader in try reader.readJSONValue() })
        case UInt8(ascii: "{"): return .object(try readJSONObject())
        default:
            guard atNumber else { throw notAValue() }
            return .number(try numberValue().0)
        }
    }
}
