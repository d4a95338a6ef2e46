/// Questions about a text's UTF-8 bytes, answered over contiguous storage.
///
/// `for byte in text.utf8` costs 15-25 instructions a byte (each step checks where the
/// string keeps its bytes); a summary asks these questions of every label and answer,
/// thousands of times per batch, so they run over a buffer pointer when the string has one
/// (native strings and their substrings always do) and fall back to the view otherwise.
enum UTF8Scan {
    /// What one pass over the bytes found.
    struct Summary {
        /// How many bytes there are.
        var count = 0
        /// Whether every byte is printable ASCII (0x20-0x7E).
        var printableASCII = true
        /// Whether any byte is a C0 control (below 0x20: line breaks, tabs, escapes).
        var hasControl = false

        @inline(__always)
        mutating func note(_ byte: UInt8) {
            guard byte < 0x20 || byte >= 0x7F else { return }
            printableASCII = false
            if byte < 0x20 { hasControl = true }
        }
    }

    static func summary<S: StringProtocol>(of text: S) -> Summary {
        if let found = text.utf8.withContiguousStorageIfAvailable(summary(of:)) { return found }
        var found = Summary()
        for byte in text.utf8 {
            found.count += 1
            found.note(byte)
        }
        return found
    }

    private static func summary(of bytes: UnsafeBufferPointer<UInt8>) -> Summary {
        var found = Summary(count: bytes.count)
        // Eight bytes at a time while they are all printable ASCII (the usual text), then
        // byte by byte from the first word that is not.
        var start = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while start + 8 <= bytes.count, isPrintableASCII(raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)) { start += 8 }
        for byte in bytes[start...] { found.note(byte) }
        return found
    }

    /// Whether all eight bytes of `word` lie in 0x20-0x7E: none has the top bit, none is
    /// below 0x20 (subtracting 0x20 from it borrows into its top bit) and none is 0x7F
    /// (adding 1 to it reaches its top bit). The tests hold for the word as a whole: a
    /// borrow or carry can only start in a byte that is out of range.
    @inline(__always)
    static func isPrintableASCII(_ word: UInt64) -> Bool {
        let below = (word &- ones &* 0x20) & ~word
        let delete = word &+ ones
        return (word | below | delete) & tops == 0
    }

    /// Whether a byte of `word` equals `byte` (it is zero after an exclusive or; the
    /// zero-byte test holds for the word as a whole).
    @inline(__always)
    static func contains(_ byte: UInt8, in word: UInt64) -> Bool {
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & tops != 0
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let tops: UInt64 = 0x8080_8080_8080_8080

    /// The offset of the first byte that does not belong to a well-formed UTF-8 sequence
    /// (Unicode's definition, as the standard library's validation: no overlong forms, no
    /// surrogates, nothing above U+10FFFF); nil when all of `bytes` is well-formed. The
    /// questionnaire loader names the offset; the JSON scan asks only whether there is one.
    static func firstInvalidOffset<Bytes: RandomAccessCollection<UInt8>>(in bytes: Bytes) -> Int? where Bytes.Index == Int {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            var minimum: UInt32
            switch lead {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return index
            }
            guard index + length <= bytes.endIndex else { return index }
            var value = UInt32(lead) & (0xFF >> (length + 1))
            for k in 1..<length {
                let next = bytes[index + k]
                guard next & 0xC0 == 0x80 else { return index + k }
                value = value << 6 | UInt32(next & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return index }
            index += length
        }
        return nil
    }
}
