/// Values read and forgotten: keys a reader does not know, and the parts of a result file
/// a summary does not use (``RecordedAnswers``), which are most of its bytes.
extension JSONReader {
    /// Reads a value of any kind and forgets it, checked by the same rules as a value that
    /// is kept (strict syntax, UTF-8, no control characters, no repeated keys, bounded
    /// nesting), without making its strings, arrays or objects.
    ///
    /// A value written plainly is passed over in one loop over its bytes
    /// (``PlainJSONScan``); any other, and any that is wrong, is read token by token,
    /// keeping the path of keys and indexes that a message names.
    mutating func skipValue() throws {
        let levels = SourceLimits.maximumNesting - depth
        let end = bytes.withUnsafeBufferPointer { PlainJSONScan.valueEnd(in: $0, from: index, levels: levels) }
        if let end {
            index = end
        } else {
            try skipValueKeepingPath()
        }
    }

    /// Reads an array and forgets it (``skipValue()``), which is an error when the value
    /// at the reading position is not an array.
    mutating func skipArray() throws {
        guard current == UInt8(ascii: "[") else { throw problem("expected an array, found \(foundKind)") }
        try skipValue()
    }

    /// ``skipValue()`` through ``readObject(_:)`` and ``readArray(_:)``, which keep the path
    /// for messages.
    private mutating func skipValueKeepingPath() throws {
        switch current ?? 0 {
        case UInt8(ascii: "\""): _ = try stringUTF8()
        case UInt8(ascii: "{"): try readObject { reader, _ in try reader.skipValueKeepingPath() }
        case UInt8(ascii: "["): try readArray { reader in try reader.skipValueKeepingPath() }
        case UInt8(ascii: "t"): try keyword("true")
        case UInt8(ascii: "f"): try keyword("false")
        case UInt8(ascii: "n"): try keyword("null")
        default:
            guard atNumber else { throw notAValue() }
            _ = try numberValue()
        }
    }
}
