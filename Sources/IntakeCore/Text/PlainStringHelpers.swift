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

/// Slash-separated path parts, with `NSString`'s meaning for the cases this program meets.
public enum PathText {
    /// The last component: `"/a/b.txt"` → `"b.txt"`, `"/a/b/"` → `"b"`, `"/"` → `"/"`.
    public static func lastComponent(of path: String) -> String {
        let trimmed = withoutTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
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
