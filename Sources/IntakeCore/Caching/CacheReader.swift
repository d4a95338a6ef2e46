/// Reads what ``CacheWriter`` wrote. Every read is bounds-checked and throws
/// ``CacheDecodingError`` on anything malformed, so a damaged cache file can never trap,
/// allocate without bound or recurse without bound: the caller then parses the YAML.
struct CacheReader {
    /// Nesting deeper than this (expressions, literal values, value types) is refused. The
    /// expression parser refuses trees higher than `Parser.maximumHeight`, so a cache written
    /// from a loaded questionnaire never comes near it.
    static let maximumDepth = 2 * Parser.maximumHeight + 16

    private let bytes: [UInt8]
    private(set) var offset: Int
    private var fileNames: [String] = []
    private var depth = 0

    init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }
    var remaining: Int { bytes.count - offset }
    /// The bytes not yet read.
    var unread: ArraySlice<UInt8> { bytes[offset...] }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < bytes.count, shift < 64 else { throw CacheDecodingError.malformed }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func readInt() throws -> Int {
        let zigzag = try readVarint()
        return Int(Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1))
    }

    /// A count of things that each take at least one byte: never more than the bytes left,
    /// so a corrupt count cannot make a huge allocation.
    mutating func readCount() throws -> Int {
        let count = try readVarint()
        guard count <= UInt64(remaining) else { throw CacheDecodingError.malformed }
        return Int(count)
    }

    mutating func readBool() throws -> Bool {
        switch try readTag() {
        case 0: return false
        case 1: return true
        default: throw CacheDecodingError.malformed
        }
    }

    mutating func readDouble() throws -> Double {
        guard remaining >= 8 else { throw CacheDecodingError.malformed }
        var bits: UInt64 = 0
        for index in 0..<8 {
            bits |= UInt64(bytes[offset + index]) << (8 * UInt64(index))
        }
        offset += 8
        return Double(bitPattern: bits)
    }

    mutating func readString() throws -> String {
        let count = try readCount()
        let start = offset
        offset += count
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }

    mutating func readTag() throws -> UInt8 {
        guard offset < bytes.count else { throw CacheDecodingError.malformed }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readRaw(count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= remaining else { throw CacheDecodingError.malformed }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func readFileName() throws -> String {
        let number = try readVarint()
        if number < UInt64(fileNames.count) { return fileNames[Int(number)] }
        guard number == UInt64(fileNames.count) else { throw CacheDecodingError.malformed }
        let name = try readString()
        fileNames.append(name)
        return name
    }

    /// Runs `body` one level deeper; throws past ``maximumDepth``.
    mutating func nested<T>(_ body: (inout CacheReader) throws -> T) throws -> T {
        guard depth < Self.maximumDepth else { throw CacheDecodingError.malformed }
        depth += 1
        defer { depth -= 1 }
        return try body(&self)
    }
}

/// Why a cache file was not used. Never shown: the questionnaire is parsed instead.
enum CacheDecodingError: Error {
    case malformed
}
