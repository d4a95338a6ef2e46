/// The byte layout of a draft journal, kept apart from files so that torn and damaged
/// journals can be tested byte by byte.
///
/// ```
/// file   = magic record*
/// magic  = "INTAKEJ1"                       (8 bytes)
/// record = length checksum payload
/// length = payload size, UInt32 little-endian (1 ... maximumPayload)
/// checksum = CRC-32 of the 4 length bytes followed by the payload, UInt32 little-endian
/// payload = one JSON object (a ``DraftRecord``)
/// ```
/// The checksum covers the length too, so a damaged length is caught instead of making
/// the reader skip to a wrong place.
enum JournalFraming {
    static let magic: [UInt8] = Array("INTAKEJ1".utf8)
    static let headerSize = 8
    /// A record is an answer or a snapshot: far below this. A larger length is damage.
    static let maximumPayload = 4 * 1_048_576

    static func frame(_ payload: [UInt8]) -> [UInt8] {
        let length = UInt32(payload.count)
        let lengthBytes = littleEndianBytes(length)
        let checksum = CRC32.checksum(payload, continuing: CRC32.checksum(lengthBytes))
        return lengthBytes + littleEndianBytes(checksum) + payload
    }

    /// The payloads of the intact prefix of `bytes`, and how many bytes that prefix spans.
    /// Reading stops at the first record that is incomplete, too long or fails its checksum:
    /// everything after it is a torn or damaged tail and is ignored, never trusted.
    static func intactPayloads(_ bytes: [UInt8]) -> (payloads: [ArraySlice<UInt8>], intactLength: Int) {
        guard bytes.count >= magic.count, bytes[0..<magic.count].elementsEqual(magic) else { return ([], 0) }
        var payloads: [ArraySlice<UInt8>] = []
        var offset = magic.count
        while bytes.count - offset >= headerSize {
            let length = Int(readUInt32(bytes, at: offset))
            let stored = readUInt32(bytes, at: offset + 4)
            guard length > 0, length <= maximumPayload, length <= bytes.count - offset - headerSize else { break }
            let payload = bytes[(offset + headerSize)..<(offset + headerSize + length)]
            let computed = CRC32.checksum(payload, continuing: CRC32.checksum(bytes[offset..<(offset + 4)]))
            guard computed == stored else { break }
            payloads.append(payload)
            offset += headerSize + length
        }
        return (payloads, offset)
    }

    private static func littleEndianBytes(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }
}
