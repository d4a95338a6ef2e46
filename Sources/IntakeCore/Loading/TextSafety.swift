/// Which characters may never appear in questionnaire text.
///
/// Control characters could move the cursor or recolour the kiosk screen, and bidi
/// overrides can make text display differently from what it says, so files with them are
/// refused outright rather than silently cleaned.
public enum TextSafety {
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false // tab, line feed, carriage return (CRLF files)
        case 0x00...0x1F, 0x7F: true // C0 controls and DEL
        case 0x80...0x9F: true // C1 controls
        case 0x202A...0x202E, 0x2066...0x2069: true // bidi embeddings, overrides, isolates
        default: false
        }
    }

    public static func containsForbidden(_ text: String) -> Bool {
        text.unicodeScalars.contains(where: isForbidden)
    }

    /// `U+001B` style.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
