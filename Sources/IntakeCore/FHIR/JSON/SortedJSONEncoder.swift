/// Encodes `Encodable` values as JSON bytes, the same bytes as Foundation's `JSONEncoder`
/// with `.sortedKeys` and `.withoutEscapingSlashes` (and `.prettyPrinted` when asked): keys
/// in UTF-8 byte order, doubles as Swift prints them without a trailing ".0", absent
/// optionals left out, non-finite numbers refused.
///
/// Why not `JSONEncoder`: the wizard writes a draft record after every answer, and
/// `JSONEncoder`'s code was the only part of FoundationEssentials an intake ran. Running it
/// made the kernel keep ~0.6 MiB of that library's code resident (it maps code in 64 KiB
/// windows around each page touched), a fifth of what the program holds above the Swift
/// runtime's floor (docs/performance.md). `SortedJSONEncoderTests` compare the output with
/// `JSONEncoder`'s byte for byte; drafts are still read back with `JSONDecoder`.
public struct SortedJSONEncoder {
    /// Two-space indentation and `"key" : value`, as `.prettyPrinted`.
    public var prettyPrinted: Bool

    public init(prettyPrinted: Bool = false) {
        self.prettyPrinted = prettyPrinted
    }

    public func encode(_ value: some Encodable) throws -> [UInt8] {
        let root = EncodedSlot()
        try value.encode(to: TreeEncoder(slot: root, codingPath: []))
        guard let node = root.node else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "The top-level value encoded nothing."))
        }
        var out: [UInt8] = []
        out.reserveCapacity(256)
        JSONTextOutput.write(node, into: &out, indent: prettyPrinted ? 0 : nil)
        return out
    }
}

/// A value as encoded so far. Containers are classes so a nested container handed out
/// earlier still fills the value its parent holds.
private enum EncodedJSON {
    /// `null`, `true`, `false` or a number, written as it is.
    case literal(String)
    case string(String)
    case array(EncodedArray)
    case object(EncodedObject)
}

private final class EncodedSlot {
    var node: EncodedJSON?
    init(_ node: EncodedJSON? = nil) { self.node = node }
}

private final class EncodedArray {
    var elements: [EncodedSlot] = []
}

private final class EncodedObject {
    /// A key encoded twice keeps the last value, as with `JSONEncoder`.
    var members: [String: EncodedSlot] = [:]
}

/// The encoder handed to `encode(to:)`: writes into one slot.
private struct TreeEncoder: Encoder {
    let slot: EncodedSlot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedTreeContainer<Key>(object: objectInSlot(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedTreeContainer(array: arrayInSlot(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(slot: slot, codingPath: codingPath)
    }

    /// A second `container(keyedBy:)` on the same encoder adds to the same object.
    private func objectInSlot() -> EncodedObject {
        if case .object(let object)? = slot.node { return object }
        let object = EncodedObject()
        slot.node = .object(object)
        return object
    }

    private func arrayInSlot() -> EncodedArray {
        if case .array(let array)? = slot.node { return array }
        let array = EncodedArray()
        slot.node = .array(array)
        return array
    }
}

/// What a value of each primitive type becomes.
private enum Primitive {
    static func number(_ value: Double, codingPath: [any CodingKey]) throws -> EncodedJSON {
        guard value.isFinite else { throw nonFinite(value, codingPath) }
        return .literal(trimmed(value.description))
    }

    static func number(_ value: Float, codingPath: [any CodingKey]) throws -> EncodedJSON {
        guard value.isFinite else { throw nonFinite(value, codingPath) }
        return .literal(trimmed(value.description))
    }

    static func number(_ value: some FixedWidthInteger) -> EncodedJSON { .literal(String(value)) }

    static func bool(_ value: Bool) -> EncodedJSON { .literal(value ? "true" : "false") }

    /// The value of any `Encodable`, encoded into a slot of its own.
    static func value(_ value: some Encodable, codingPath: [any CodingKey]) throws -> EncodedSlot {
        let slot = EncodedSlot()
        try value.encode(to: TreeEncoder(slot: slot, codingPath: codingPath))
        return slot
    }

    /// "1.0" → "1", as `JSONEncoder` writes whole doubles.
    private static func trimmed(_ text: String) -> String {
        text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    private static func nonFinite(_ value: Any, _ codingPath: [any CodingKey]) -> EncodingError {
        .invalidValue(value, .init(codingPath: codingPath, debugDescription: "Unable to encode \(value) directly in JSON."))
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: EncodedObject
    let codingPath: [any CodingKey]

    private func set(_ node: EncodedJSON, _ key: Key) { object.members[key.stringValue] = EncodedSlot(node) }

    mutating func encodeNil(forKey key: Key) throws { set(.literal("null"), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(Primitive.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try Primitive.number(value, codingPath: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try Primitive.number(value, codingPath: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(Primitive.number(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(Primitive.number(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(Primitive.number(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(Primitive.number(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(Primitive.number(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(Primitive.number(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(Primitive.number(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(Primitive.number(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(Primitive.number(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(Primitive.number(value), key) }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        object.members[key.stringValue] = try Primitive.value(value, codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder(named: key.stringValue, path: key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        nestedEncoder(named: key.stringValue, path: key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { nestedEncoder(named: "super", path: nil) }

    mutating func superEncoder(forKey key: Key) -> any Encoder { nestedEncoder(named: key.stringValue, path: key) }

    /// An encoder for a new member `name`, filled later by whoever holds it.
    private func nestedEncoder(named name: String, path: Key?) -> TreeEncoder {
        let slot = EncodedSlot()
        object.members[name] = slot
        return TreeEncoder(slot: slot, codingPath: codingPath + (path.map { [$0] } ?? []))
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let array: EncodedArray
    let codingPath: [any CodingKey]
    var count: Int { array.elements.count }

    /// The coding path entry of the next element ("Index 3").
    private var nextKey: IndexKey { IndexKey(intValue: count) }

    private func append(_ node: EncodedJSON) { array.elements.append(EncodedSlot(node)) }

    mutating func encodeNil() throws { append(.literal("null")) }
    mutating func encode(_ value: Bool) throws { append(Primitive.bool(value)) }
    mutating func encode(_ value: String) throws { append(.string(value)) }
    mutating func encode(_ value: Double) throws { append(try Primitive.number(value, codingPath: codingPath + [nextKey])) }
    mutating func encode(_ value: Float) throws { append(try Primitive.number(value, codingPath: codingPath + [nextKey])) }
    mutating func encode(_ value: Int) throws { append(Primitive.number(value)) }
    mutating func encode(_ value: Int8) throws { append(Primitive.number(value)) }
    mutating func encode(_ value: Int16) throws { append(Primitive.number(value)) }
    mutating func encode(_ value: Int32) throws { append(Primitive.number(value)) }
    mutating func encode(_ value: Int64) throws { append(Primitive.number(value)) }
    mutating func encode(_ value: UInt) throws { append(Primitive.number(value)) }
    mutating func encode(_ value: UInt8) throws { append(Primitive.number(value)) }
    mutating func encode(_ value: UInt16) throws { append(Primitive.number(value)) }
    mutating func encode(_ value: UInt32) throws { append(Primitive.number(value)) }
    mutating func encode(_ value: UInt64) throws { append(Primitive.number(value)) }

    mutating func encode(_ value: some Encodable) throws {
        array.elements.append(try Primitive.value(value, codingPath: codingPath + [nextKey]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        nestedEncoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { nestedEncoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { nestedEncoder() }

    private func nestedEncoder() -> TreeEncoder {
        let path = codingPath + [nextKey]
        let slot = EncodedSlot()
        array.elements.append(slot)
        return TreeEncoder(slot: slot, codingPath: path)
    }
}

private struct IndexKey: CodingKey {
    let intValue: Int?
    var stringValue: String { "Index \(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { return nil }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let slot: EncodedSlot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws { slot.node = .literal("null") }
    mutating func encode(_ value: Bool) throws { slot.node = Primitive.bool(value) }
    mutating func encode(_ value: String) throws { slot.node = .string(value) }
    mutating func encode(_ value: Double) throws { slot.node = try Primitive.number(value, codingPath: codingPath) }
    mutating func encode(_ value: Float) throws { slot.node = try Primitive.number(value, codingPath: codingPath) }
    mutating func encode(_ value: Int) throws { slot.node = Primitive.number(value) }
    mutating func encode(_ value: Int8) throws { slot.node = Primitive.number(value) }
    mutating func encode(_ value: Int16) throws { slot.node = Primitive.number(value) }
    mutating func encode(_ value: Int32) throws { slot.node = Primitive.number(value) }
    mutating func encode(_ value: Int64) throws { slot.node = Primitive.number(value) }
    mutating func encode(_ value: UInt) throws { slot.node = Primitive.number(value) }
    mutating func encode(_ value: UInt8) throws { slot.node = Primitive.number(value) }
    mutating func encode(_ value: UInt16) throws { slot.node = Primitive.number(value) }
    mutating func encode(_ value: UInt32) throws { slot.node = Primitive.number(value) }
    mutating func encode(_ value: UInt64) throws { slot.node = Primitive.number(value) }

    mutating func encode(_ value: some Encodable) throws {
        slot.node = try Primitive.value(value, codingPath: codingPath).node
    }
}

/// The text of an encoded value, in `JSONEncoder`'s layout.
private enum JSONTextOutput {
    static func write(_ node: EncodedJSON?, into out: inout [UInt8], indent: Int?) {
        switch node {
        case nil: writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: 0, into: &out, indent: indent) { _, _ in }
        case .literal(let text)?: out.append(contentsOf: text.utf8)
        case .string(let text)?: writeString(text, into: &out)
        case .array(let array)?:
            writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: array.elements.count, into: &out, indent: indent) { index, out in
                write(array.elements[index].node, into: &out, indent: indent.map { $0 + 1 })
            }
        case .object(let object)?:
            // Sorted by UTF-8 bytes: `JSONEncoder`'s order for `.sortedKeys`.
            let keys = object.members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: keys.count, into: &out, indent: indent) { index, out in
                writeString(keys[index], into: &out)
                out.append(contentsOf: indent == nil ? [UInt8(ascii: ":")] : Array(" : ".utf8))
                write(object.members[keys[index]]?.node, into: &out, indent: indent.map { $0 + 1 })
            }
        }
    }

    /// `[a,b]`, or pretty: each element on its own line one level in; an empty container
    /// is an empty line, as `JSONEncoder` writes it (`[\n\n]`).
    private static func writeContainer(open: UInt8, close: UInt8, count: Int, into out: inout [UInt8], indent: Int?,
                                       element: (Int, inout [UInt8]) -> Void) {
        out.append(open)
        guard let indent else {
            for index in 0..<count {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                element(index, &out)
            }
            out.append(close)
            return
        }
        out.append(UInt8(ascii: "\n"))
        for index in 0..<count {
            if index > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: "\n")]) }
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * (indent + 1)))
            element(index, &out)
        }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
        out.append(close)
    }

    /// A JSON string: `"` and `\` escaped, the five short escapes, other control characters
    /// as `\u00xx`; everything else (slashes, non-ASCII) as it is.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20: out.append(contentsOf: Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
