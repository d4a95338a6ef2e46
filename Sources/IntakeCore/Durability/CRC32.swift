/// CRC-32 (IEEE 802.3, the zlib/PNG polynomial). Enough to tell a torn or damaged journal
/// record or cache file from an intact one; it is not a defence against a deliberate
/// forger, who could as easily rewrite the whole file.
///
/// Contiguous bytes are taken eight at a time ("slicing-by-8", eight 256-entry tables):
/// about three times fewer instructions than a byte at a time, which matters for the
/// compiled-questionnaire cache checked on every start (hundreds of KiB).
enum CRC32 {
    /// `tables[256 * k + b]`: the CRC of byte `b` followed by `k` zero bytes.
    private static let tables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 {
                value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
            }
            tables[index] = value
        }
        for k in 1..<8 {
            for index in 0..<256 {
                let previous = tables[256 * (k - 1) + index]
                tables[256 * k + index] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()

    static func checksum<Bytes: Sequence>(_ bytes: Bytes, continuing previous: UInt32 = 0) -> UInt32 where Bytes.Element == UInt8 {
        if let sliced = bytes.withContiguousStorageIfAvailable({ sliced($0, continuing: previous) }) { return sliced }
        return bytewise(bytes, continuing: previous)
    }

    /// One byte at a time: the definition, for any sequence.
    static func bytewise<Bytes: Sequence>(_ bytes: Bytes, continuing previous: UInt32 = 0) -> UInt32 where Bytes.Element == UInt8 {
        var crc = ~previous
        for byte in bytes {
            crc = tables[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }

    private static func sliced(_ bytes: UnsafeBufferPointer<UInt8>, continuing previous: UInt32) -> UInt32 {
        var crc = ~previous
        tables.withUnsafeBufferPointer { t in
            var index = 0
            let count = bytes.count
            while count - index >= 8 {
                let low = crc ^ (UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24)
                let high = UInt32(bytes[index + 4]) | UInt32(bytes[index + 5]) << 8 | UInt32(bytes[index + 6]) << 16 | UInt32(bytes[index + 7]) << 24
                crc = t[1792 + Int(low & 0xFF)] ^ t[1536 + Int((low >> 8) & 0xFF)] ^ t[1280 + Int((low >> 16) & 0xFF)] ^ t[1024 + Int(low >> 24)]
                    ^ t[768 + Int(high & 0xFF)] ^ t[512 + Int((high >> 8) & 0xFF)] ^ t[256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
                index += 8
            }
            while index < count {
                crc = t[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ (crc >> 8)
                index += 1
            }
        }
        return ~crc
    }
}
