/// A type stored in the compiled-questionnaire cache.
///
/// `write` and `read` list the stored properties in the same order; that is the whole
/// format. When a model type gains a property or a case, add it to both (the round-trip
/// test compares every stored property by reflection, so a forgotten one fails it), see
/// docs/performance.md, "Compiled-questionnaire cache".
protocol CacheCodable {
    /// Throws ``CacheEncodingError`` for what the cache cannot hold (an imported FHIR
    /// questionnaire's external expressions): such a questionnaire is simply not cached.
    func write(to writer: inout CacheWriter) throws
    static func read(from reader: inout CacheReader) throws -> Self
}

/// Why a questionnaire is not cached. Never shown.
enum CacheEncodingError: Error {
    /// FHIR imports carry bindings and FHIRPath closures that have no cache encoding.
    case notCacheable
}

extension String: CacheCodable {
    func write(to writer: inout CacheWriter) { writer.write(self) }
    static func read(from reader: inout CacheReader) throws -> String { try reader.readString() }
}

extension Int: CacheCodable {
    func write(to writer: inout CacheWriter) { writer.write(self) }
    static func read(from reader: inout CacheReader) throws -> Int { try reader.readInt() }
}

extension Double: CacheCodable {
    func write(to writer: inout CacheWriter) { writer.write(self) }
    static func read(from reader: inout CacheReader) throws -> Double { try reader.readDouble() }
}

extension Bool: CacheCodable {
    func write(to writer: inout CacheWriter) { writer.write(self) }
    static func read(from reader: inout CacheReader) throws -> Bool { try reader.readBool() }
}

extension Optional: CacheCodable where Wrapped: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        switch self {
        case .none:
            writer.write(tag: 0)
        case .some(let value):
            writer.write(tag: 1)
            try value.write(to: &writer)
        }
    }

    static func read(from reader: inout CacheReader) throws -> Wrapped? {
        switch try reader.readTag() {
        case 0: return nil
        case 1: return try Wrapped.read(from: &reader)
        default: throw CacheDecodingError.malformed
        }
    }
}

extension Array: CacheCodable where Element: CacheCodable {
    func write(to writer: inout CacheWriter) throws {
        writer.write(UInt64(count))
        for element in self { try element.write(to: &writer) }
    }

    static func read(from reader: inout CacheReader) throws -> [Element] {
        let count = try reader.readCount()
        var result: [Element] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try Element.read(from: &reader)) }
        return result
    }
}

extension Set: CacheCodable where Element: CacheCodable & Comparable {
    /// Sorted, so the same set always gives the same bytes.
    func write(to writer: inout CacheWriter) throws {
        try sorted().write(to: &writer)
    }

    static func read(from reader: inout CacheReader) throws -> Set<Element> {
        Set(try [Element].read(from: &reader))
    }
}

extension Dictionary: CacheCodable where Key: CacheCodable & Comparable, Value: CacheCodable {
    /// Sorted by key, so the same dictionary always gives the same bytes.
    func write(to writer: inout CacheWriter) throws {
        writer.write(UInt64(count))
        for (key, value) in sorted(by: { $0.key < $1.key }) {
            try key.write(to: &writer)
            try value.write(to: &writer)
        }
    }

    static func read(from reader: inout CacheReader) throws -> [Key: Value] {
        let count = try reader.readCount()
        var result: [Key: Value] = [:]
        result.reserveCapacity(count)
        for _ in 0..<count {
            let key = try Key.read(from: &reader)
            result[key] = try Value.read(from: &reader)
        }
        guard result.count == count else { throw CacheDecodingError.malformed }
        return result
    }
}

/// Enums with string raw values are stored by raw value: cases can be added or reordered
/// without touching the cache code.
protocol RawStringCacheCodable: CacheCodable, RawRepresentable where RawValue == String {}

extension RawStringCacheCodable {
    func write(to writer: inout CacheWriter) { writer.write(rawValue) }

    static func read(from reader: inout CacheReader) throws -> Self {
        guard let value = Self(rawValue: try reader.readString()) else { throw CacheDecodingError.malformed }
        return value
    }
}
