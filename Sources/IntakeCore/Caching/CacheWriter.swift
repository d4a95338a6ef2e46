/// Appends values to a byte buffer in the compiled-questionnaire cache encoding.
///
/// The encoding is positional (no field names or tags): each type writes its fields in a
/// fixed order and reads them back in the same order (see ``CacheCodable``). Integers are
/// LEB128 varints (zigzag for signed ones), doubles their 8 IEEE bytes, strings a byte
/// count and UTF-8. Source file names, repeated in every ``SourceLocation``, are written
/// once and then referred to by number, so decoding shares one string instead of
/// allocating thousands.
struct CacheWriter {
    private(set) var bytes: [UInt8] = []
    private var fileNumbers: [String: Int] = [:]

    init() {
        bytes.reserveCapacity(64 * 1024)
    }

    mutating func write(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func write(_ value: Int) {
        // Zigzag: small negative numbers stay short.
        write(UInt64(bitPattern: Int64(value << 1) ^ Int64(value >> 63)))
    }

    mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    mutating func write(_ value: Double) {
        var bits = value.bitPattern
        for _ in 0..<8 {
            bytes.append(UInt8(truncatingIfNeeded: bits))
            bits >>= 8
        }
    }

    mutating func write(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A one-byte case number of an enum.
    mutating func write(tag: UInt8) {
        bytes.append(tag)
    }

    mutating func write(raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    /// A source file name: its number if already written, else a new number and the name.
    mutating func write(fileName: String) {
        if let number = fileNumbers[fileName] {
            write(UInt64(number))
            return
        }
        let number = fileNumbers.count
        fileNumbers[fileName] = number
        write(UInt64(number))
        write(fileName)
    }
}
