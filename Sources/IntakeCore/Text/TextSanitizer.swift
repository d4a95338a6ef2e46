/// Makes text from files or typed input safe to draw on a terminal.
///
/// A terminal acts on control characters instead of drawing them: ESC starts escape
/// sequences that can move the cursor, recolour or clear the screen, retitle the window
/// or (on some terminals) inject input; C1 controls such as U+009B (CSI) do the same
/// without an ESC; bidi embedding, override and isolate controls reorder what the
/// patient sees ("Trojan Source"). Neither YAML nor JSON decoding removes any of them.
///
/// Policy, chosen so the output can never contain an escape sequence:
/// - C0 controls (U+0000-U+001F) except `\n` and `\t`, DEL (U+007F) and C1 controls
///   (U+0080-U+009F) become ``placeholder`` (U+FFFD REPLACEMENT CHARACTER, one column):
///   the reader sees that something was there, and the layout does not shift.
/// - Line breaks are normalised: `\r\n` and a lone `\r` become `\n` (a lone CR would
///   otherwise return the cursor and let later text overwrite earlier text).
/// - Bidi embedding/override/isolate controls U+202A-U+202E and U+2066-U+2069 are removed.
///   The invisible marks U+200E, U+200F and U+061C stay: they cannot override the
///   order of strongly directional text.
public enum TextSanitizer {
    /// What a removed control character is shown as.
    public static let placeholder: Unicode.Scalar = "\u{FFFD}"

    /// Why a scalar may not reach the terminal.
    public enum Reason: Hashable, Sendable {
        /// C0, DEL or C1 control character (includes ESC and CR).
        case controlCharacter
        /// Bidi embedding, override or isolate control.
        case bidiControl
    }

    /// A forbidden scalar found in text, with where it is.
    public struct ForbiddenControl: Hashable, Sendable, CustomStringConvertible {
        public var scalar: Unicode.Scalar
        public var reason: Reason
        /// Offset in Unicode scalars from the start of the text (0-based).
        public var scalarOffset: Int
        /// 1-based line and column (in scalars) inside the text, for diagnostics.
        public var line: Int
        public var column: Int

        /// E.g. `U+001B (control character)`.
        public var description: String {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            switch reason {
            case .controlCharacter: return "U+\(padded) (control character)"
            case .bidiControl: return "U+\(padded) (bidi control)"
            }
        }
    }

    /// Whether `scalar` may never be drawn as is; `\n` and `\t` are allowed.
    public static func reason(for scalar: Unicode.Scalar) -> Reason? {
        let value = scalar.value
        if value < 0x20 {
            return value == 0x0A || value == 0x09 ? nil : .controlCharacter
        }
        if value < 0x7F { return nil }
        if value <= 0x9F { return .controlCharacter }
        if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
            return .bidiControl
        }
        return nil
    }

    /// Whether `text` holds anything the loader must reject (see ``reason(for:)``).
    public static func containsForbiddenControl<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains { reason(for: $0) != nil }
    }

    /// The first forbidden scalar in `text` with its position, or nil when clean.
    public static func firstForbiddenControl<S: StringProtocol>(in text: S) -> ForbiddenControl? {
        var offset = 0
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if let reason = reason(for: scalar) {
                return ForbiddenControl(
                    scalar: scalar, reason: reason, scalarOffset: offset, line: line, column: column)
            }
            offset += 1
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// `text` made safe to draw; keeps `\n` and `\t` (see the type's policy).
    public static func sanitize<S: StringProtocol>(_ text: S) -> String {
        sanitize(text, lineBreak: "\n", tab: "\t")
    }

    /// `text` made safe to draw on a single line: `\n` and `\t` become one space each.
    public static func sanitizeLine<S: StringProtocol>(_ text: S) -> String {
        sanitize(text, lineBreak: " ", tab: " ")
    }

    /// ``sanitizeLine(_:)-(S)`` compiled for a `String`, which the terminal front end (another
    /// module) draws: the generic one ran there unspecialised, looking up associated types
    /// in the runtime (~0.5 M instructions before the first screen).
    public static func sanitizeLine(_ text: String) -> String {
        sanitize(text, lineBreak: " ", tab: " ")
    }

    private static func sanitize<S: StringProtocol>(
        _ text: S, lineBreak: Unicode.Scalar, tab: Unicode.Scalar
    ) -> String {
        if !containsForbiddenControl(text) && lineBreak == "\n" && tab == "\t" {
            return String(text)
        }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n":
                if !previousWasCR { result.append(lineBreak) }
            case "\r":
                result.append(lineBreak)
            case "\t":
                result.append(tab)
            default:
                switch reason(for: scalar) {
                case .none: result.append(scalar)
                case .controlCharacter: result.append(placeholder)
                case .bidiControl: break
                }
            }
        }
        return String(result)
    }
}
