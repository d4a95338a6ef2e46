/// Which characters may never appear in questionnaire text.
///
/// Control characters could move the cursor or recolour the kiosk screen, and bidi
/// overrides can make text display differently from what it says, so files with them are
/// refused outright rather than silently cleaned. The policy is ``TextSanitizer``'s, with
/// one allowance for files: a carriage return, so files saved with CRLF line ends load.
public enum TextSafety {
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\r" && TextSanitizer.reason(for: scalar) != nil
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
