/// The few string and path operations IntakeCore used from Foundation's `NSString` and
/// `CharacterSet`, written out so the executable links only FoundationEssentials (no full
/// Foundation, no ICU: several MiB less memory and a quicker start, docs/performance.md).

extension StringProtocol {
    /// Without leading and trailing white space and line breaks (as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`).
    public func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The first place `target` occurs, compared by UTF-8 bytes (so by Unicode scalars, not
    /// by Characters: "e" is found in "e\u{301}"). Nil for an empty target.
    ///
    /// Why not `firstRange(of:)` and `replacing(_:with:)`: they live in the regex library
    /// (_StringProcessing), and calling them for the interface's placeholders and decimal
    /// commas was all an intake ran of it: its code then stays resident (docs/performance.md).
    public func firstByteRange(of target: String) -> Range<String.Index>? {
        let needle = Array(target.utf8)
        guard let start = Self.offset(of: needle, in: Array(utf8), from: 0) else { return nil }
        let lower = utf8.index(startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: needle.count)
    }

    /// Every occurrence of `target` (by UTF-8 bytes, left to right, not overlapping) replaced.
    public func replacingEvery(_ target: String, with replacement: String) -> String {
        let haystack = Array(utf8), needle = Array(target.utf8)
        var result: [UInt8] = []
        var copied = 0
        while let found = Self.offset(of: needle, in: haystack, from: copied) {
            result += haystack[copied..<found]
            result += replacement.utf8
            copied = found + needle.count
        }
        guard copied > 0 else { return self }
        result += haystack[copied...]
        // Whole scalars were cut out and put in, so the bytes are still UTF-8.
        return String(decoding: result, as: UTF8.self)
    }

    /// Where `needle` first starts in `haystack` at or after `from`; nil for an empty needle.
    private static func offset(of needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var start = from
        while start + needle.count <= haystack.count {
            if haystack[start] == first, haystack[start..<start + needle.count].elementsEqual(needle) { return start }
            start += 1
        }
        return nil
    }
}

/// Slash-separated path parts, with `NSString`'s meaning for the cases this program meets.
public enum PathText {
    /// The last component: `"/a/b.txt"` → `"b.txt"`, `"/a/b/"` → `"b"`, `"/"` → `"/"`.
    public static func lastComponent(of path: String) -> String {
        // On the UTF-8 (a batch names each of thousands of files by it): the last slash
        // byte, after any trailing ones, is where the component starts.
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == UInt8(ascii: "/") { end = utf8.index(before: end) }
        if end == utf8.startIndex { return utf8.isEmpty ? "" : "/" }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != UInt8(ascii: "/") { start = utf8.index(before: start) }
        return String(path[start..<end])
    }

    /// Everything before the last component: `"/a/b"` → `"/a"`, `"/a"` → `"/"`, `"b"` → `""`.
    public static func deletingLastComponent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// Runs of slashes made one, and no trailing slash except for the root.
    private static func withoutTrailingSlashes(_ path: String) -> String {
        var result = ""
        for character in path where !(character == "/" && result.last == "/") { result.append(character) }
        if result.count > 1, result.last == "/" { result.removeLast() }
        return result
    }
}

extension Sequence<UInt8> {
    /// Two lowercase hexadecimal digits per byte.
    public var lowercaseHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in self {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
