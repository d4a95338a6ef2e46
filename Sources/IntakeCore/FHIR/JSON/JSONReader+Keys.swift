/// Object keys: read, checked for repeats, and followed by the `:`.
extension JSONReader {
    /// The keys of one object read so far, with where they start, to refuse a repeated key
    /// and name the line of the first. Small objects (all but the answers of a result file)
    /// are searched in order; large ones through a dictionary, unless their keys ascend
    /// (files written with sorted keys, like results): then a key greater than the last
    /// is new, and no dictionary is needed.
    struct KeyLog {
        /// Objects with fewer keys look for a repeat by comparing with each.
        static let linearSearch = 16

        /// The keys with the offsets where they start, in file order: one array, made with
        /// room for a typical object, so logging a key seldom allocates.
        private var keys: [(key: ArraySlice<UInt8>, offset: Int)] = []
        private var seen: [ArraySlice<UInt8>: Int] = [:]
        private var ascending = false

        /// The offset where `key` was first written in this object, or nil (and `key` is
        /// logged at `offset`) when it is new.
        mutating func firstOffset(of key: ArraySlice<UInt8>, offset: Int) -> Int? {
            if keys.isEmpty { keys.reserveCapacity(8) }
            if keys.count == Self.linearSearch {
                ascending = zip(keys, keys.dropFirst()).allSatisfy { $0.key.lexicographicallyPrecedes($1.key) }
            }
            let first: Int?
            if keys.count < Self.linearSearch {
                first = keys.first { $0.key == key }?.offset
            } else if ascending, let last = keys.last, last.key.lexicographicallyPrecedes(key) {
                first = nil
            } else {
                ascending = false
                if seen.isEmpty {
                    for known in keys { seen[known.key] = known.offset }
                }
                first = seen[key]
                if first == nil { seen[key] = offset }
            }
            if first == nil { keys.append((key, offset)) }
            return first
        }
    }

    /// Reads a key in double quotes at the reading position and the `:` after it; the reader
    /// is then at the member's value. Returns the key's UTF-8 (checked; UTF-8 order is
    /// Unicode scalar order, so "ascending" means what it meant for strings) and its part of
    /// a path. A key already in `keys` is an error.
    mutating func nextKey(_ keys: inout KeyLog) throws -> (utf8: ArraySlice<UInt8>, place: PathPart) {
        guard current == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes\(foundText)") }
        let keyStart = index
        let key: (utf8: ArraySlice<UInt8>, place: PathPart)
        if let range = try plainString() {
            key = (bytes[range], .key(range))
        } else {
            let text = try string().0
            key = (Array(text.utf8)[...], .escapedKey(text))
        }
        if let firstOffset = keys.firstOffset(of: key.utf8, offset: keyStart) {
            let place = pathText
            let where_ = place.isEmpty ? "" : " in \(place)"
            let (line, column) = location(of: keyStart)
            throw Failure(message: "duplicate key '\(String(decoding: key.utf8, as: UTF8.self))'\(where_), first written at line \(location(of: firstOffset).line)", line: line, column: column)
        }
        skipWhitespace()
        try expect(UInt8(ascii: ":"), "':' after the key")
        skipWhitespace()
        return key
    }
}
