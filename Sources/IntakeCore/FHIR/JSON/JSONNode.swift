/// A JSON value whose every node remembers where it was written (line and column),
/// so FHIR import errors can point into the file. Object members keep file order.
public final class JSONNode: Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case null
        case bool(Bool)
        /// The number and whether it was written without fraction or exponent (FHIR integer vs decimal).
        case number(Double, isInteger: Bool)
        case string(String)
        case array([JSONNode])
        case object([(key: String, value: JSONNode)])
    }

    public let kind: Kind
    /// 1-based line and column of the node's first character; 0 for built nodes.
    public let line: Int
    public let column: Int
    /// For strings: whether the text had escapes (then offsets inside it do not map to columns).
    public let hadEscapes: Bool
    /// For nodes built from answers: the model id of the item (and option) they came from,
    /// so `ordinal()`/`weight()` can find option scores.
    public let origin: Origin?

    public struct Origin: Sendable, Hashable {
        public var item: String
        public var option: String?
    }

    public init(_ kind: Kind, line: Int = 0, column: Int = 0, hadEscapes: Bool = false, origin: Origin? = nil) {
        self.kind = kind
        self.line = line
        self.column = column
        self.hadEscapes = hadEscapes
        self.origin = origin
    }

    public static func object(_ members: [(String, JSONNode)], origin: Origin? = nil) -> JSONNode {
        JSONNode(.object(members.map { (key: $0.0, value: $0.1) }), origin: origin)
    }

    public static func string(_ text: String) -> JSONNode { JSONNode(.string(text)) }
    public static func number(_ value: Double, isInteger: Bool = false) -> JSONNode { JSONNode(.number(value, isInteger: isInteger)) }
    public static func bool(_ value: Bool) -> JSONNode { JSONNode(.bool(value)) }
    public static func array(_ values: [JSONNode]) -> JSONNode { JSONNode(.array(values)) }

    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var members: [(key: String, value: JSONNode)] {
        if case .object(let members) = kind { return members }
        return []
    }

    public var elements: [JSONNode]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    public var string: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    public var number: Double? {
        if case .number(let n, _) = kind { return n }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = kind { return b }
        return nil
    }

    public var isObject: Bool {
        if case .object = kind { return true }
        return false
    }

    /// "a string", "an object", ... for messages.
    public var kindName: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Compact JSON text (keys in file order).
    public var description: String { JSONWriter.write(self, pretty: false) }

    /// Structural equality (positions ignored), as FHIRPath `=` compares complex values.
    public func deepEquals(_ other: JSONNode) -> Bool {
        switch (kind, other.kind) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a, _), .number(let b, _)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.deepEquals($1) }
        case (.object(let a), .object(let b)):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in b.first { $0.key == member.key }.map { $0.value.deepEquals(member.value) } ?? false }
        default: return false
        }
    }
}

/// Writes JSON text: keys in stored order, integers without a fraction.
public enum JSONWriter {
    public static func write(_ node: JSONNode, pretty: Bool) -> String {
        var out = ""
        write(node, into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private static func write(_ node: JSONNode, into out: inout String, indent: Int?) {
        let newline = indent.map { "\n" + String(repeating: "  ", count: $0 + 1) } ?? ""
        let closing = indent.map { "\n" + String(repeating: "  ", count: $0) } ?? ""
        let inner = indent.map { $0 + 1 }
        switch node.kind {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n, _): out += formatNumber(n)
        case .string(let s): out += quote(s)
        case .array(let elements):
            if elements.isEmpty { out += "[]"; return }
            out += "["
            for (index, element) in elements.enumerated() {
                out += (index > 0 ? "," : "") + newline
                write(element, into: &out, indent: inner)
            }
            out += closing + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (index, member) in members.enumerated() {
                out += (index > 0 ? "," : "") + newline + quote(member.key) + (indent == nil ? ":" : ": ")
                write(member.value, into: &out, indent: inner)
            }
            out += closing + "}"
        }
    }

    public static func formatNumber(_ n: Double) -> String {
        guard n.isFinite else { return "null" }
        if n.rounded() == n, abs(n) < 1e15 { return String(Int(n)) }
        return "\(n)"
    }

    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
