import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The raw bytes of a questionnaire file, checked before any YAML parsing:
/// size cap, valid UTF-8, and no control or bidi-override characters anywhere.
///
/// These checks run first because they are cheap and bound everything after them.
struct SourceText {
    let file: String
    let text: String

    /// Reads and checks `path`; returns nil after recording why it cannot be used.
    static func read(path: String, maximumBytes: Int = SourceLimits.maximumFileBytes, diagnostics: inout [Diagnostic]) -> SourceText? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        var info = stat()
        guard fd >= 0, fstat(fd, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else {
            if fd >= 0 { close(fd) }
            diagnostics.append(.error("cannot read the file (it does not exist or is not readable)", at: start))
            return nil
        }
        defer { close(fd) }
        if info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) > maximumBytes {
            diagnostics.append(.error(Self.sizeMessage(Int(info.st_size), limit: maximumBytes), at: start))
            return nil
        }
        // Read at most one byte past the cap, in case the file grew after the size check.
        guard let bytes = readUpTo(maximumBytes + 1, from: fd) else {
            diagnostics.append(.error("cannot read the file", at: start))
            return nil
        }
        return check(bytes: bytes, file: path, maximumBytes: maximumBytes, diagnostics: &diagnostics)
    }

    /// Up to `limit` bytes of `fd`, or nil on a read error.
    private static func readUpTo(_ limit: Int, from fd: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            bytes += chunk[0..<count]
        }
        return bytes
    }

    /// Checks bytes from memory (tests, stdin) the same way a file is checked.
    static func check(bytes: [UInt8], file: String, maximumBytes: Int = SourceLimits.maximumFileBytes, diagnostics: inout [Diagnostic]) -> SourceText? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        if bytes.count > maximumBytes {
            diagnostics.append(.error(sizeMessage(bytes.count, limit: maximumBytes), at: start))
            return nil
        }
        // The standard library's validation is the fast one; the offset is looked for only on failure.
        let validated = String(validating: bytes, as: UTF8.self)
        if validated == nil, let offset = UTF8Scan.firstInvalidOffset(in: bytes) {
            let location = locationOfByte(offset, in: bytes, file: file)
            let hex = String(bytes[offset], radix: 16, uppercase: true)
            diagnostics.append(.error("file is not valid UTF-8 (byte 0x\(hex.count == 1 ? "0" + hex : hex) at offset \(offset))", at: location))
            return nil
        }
        let text = validated ?? String(decoding: bytes, as: UTF8.self)
        // Clean files (all real ones) skip the per-character walk that finds positions.
        guard containsForbiddenEncoding(bytes) else { return SourceText(file: file, text: text) }
        var found = 0
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                line += 1
                column = 1
                continue
            }
            if TextSafety.isForbidden(scalar) {
                found += 1
                if found <= SourceLimits.maximumRepeatedDiagnostics {
                    diagnostics.append(.error(
                        "text contains a control character (\(TextSafety.codePoint(scalar))); remove it",
                        at: SourceLocation(file: file, line: line, column: column)))
                }
            }
            column += 1
        }
        if found > SourceLimits.maximumRepeatedDiagnostics {
            diagnostics.append(.error("\(found - SourceLimits.maximumRepeatedDiagnostics) more control characters not listed", at: start))
        }
        return found > 0 ? nil : SourceText(file: file, text: text)
    }

    /// Whether valid UTF-8 `bytes` encode a character that ``TextSafety/isForbidden(_:)``
    /// refuses, found by the encoded forms: C0 controls other than tab, line feed and carriage
    /// return; DEL and the C1 controls (U+007F-U+009F); the bidi controls U+202A-U+202E and
    /// U+2066-U+2069. A test holds it to ``TextSafety`` for every character up to U+FFFF.
    static func containsForbiddenEncoding(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(containsForbiddenEncoding)
    }

    private static func containsForbiddenEncoding(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x0A && byte != 0x09 && byte != 0x0D { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2, index + 1 < count, bytes[index + 1] <= 0x9F {
                return true
            } else if byte == 0xE2, index + 2 < count {
                let second = bytes[index + 1], third = bytes[index + 2]
                if second == 0x80, (0xAA...0xAE).contains(third) { return true }
                if second == 0x81, (0xA6...0xA9).contains(third) { return true }
            }
            index += 1
        }
        return false
    }

    private static func sizeMessage(_ bytes: Int, limit: Int) -> String {
        let mebibytes = Double(bytes) / 1_048_576
        let shown = (mebibytes * 10).rounded() / 10
        return "file is \(shown) MiB; questionnaires are limited to \(limit / 1_048_576) MiB"
    }

    /// Line and column (in characters) of a byte offset, decoding only the valid prefix.
    private static func locationOfByte(_ offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        let prefix = String(decoding: bytes[..<offset], as: UTF8.self)
        return SourceLocation(file: file, line: 1, column: 1).advanced(by: prefix.count, in: prefix)
    }
}
