/// How many terminal columns text occupies.
///
/// Terminals lay text out in cells: East Asian Wide and Fullwidth characters (CJK
/// ideographs, kana, Hangul syllables, fullwidth forms) and emoji with default emoji
/// presentation take two cells; combining marks, zero-width joiners, variation selectors
/// and other format characters take none; everything else takes one.
///
/// This is computed from Unicode scalar properties plus a table of East Asian Wide
/// ranges, never from libc `wcwidth`, whose answer depends on the process locale.
///
/// A grapheme cluster (`Character`) is as wide as its base, the first scalar with a
/// non-zero width. This matches what glibc `wcwidth`-based software (ncurses, tmux 3.3)
/// does for combining sequences; for emoji ZWJ sequences such as a family, terminals
/// disagree with each other, and the curses adapter draws only the base emoji so the
/// grid and the screen stay aligned.
public enum DisplayWidth {
    /// The columns one Unicode scalar occupies on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        // Printable ASCII is by far the most common case.
        if value >= 0x20 && value < 0x7F { return 1 }
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return 0 }  // C0, DEL, C1
        if value == 0xAD { return 1 }  // soft hyphen: glibc and terminals show it
        if value >= 0x1160 && value <= 0x11FF { return 0 }  // conjoining Hangul vowels/finals
        if value == 0x200B { return 0 }  // zero width space
        if isOneColumnWithoutLookUp(value) { return 1 }
        return byProperties(scalar)
    }

    /// Latin letters and signs, Cyrillic letters, dashes, quotes and bullets, box drawing:
    /// one column each, found without looking up Unicode properties (a summary draws its
    /// rules with box drawing and writes German and Russian; the look-ups were a tenth of
    /// laying out a batch summary). Comparisons, not a table of ranges: a static array of
    /// `ClosedRange`s cost the runtime a scan of every conformance record at start-up.
    /// `DisplayWidthTests` checks every scalar of ``oneColumnRanges`` against ``byProperties(_:)``.
    @inline(__always)
    static func isOneColumnWithoutLookUp(_ value: UInt32) -> Bool {
        (value >= 0xA0 && value <= 0x2FF) || (value >= 0x400 && value <= 0x52F && (value <= 0x482 || value >= 0x48A))
            || (value >= 0x2010 && value <= 0x2027) || (value >= 0x2500 && value <= 0x257F)
    }

    /// The ranges of ``isOneColumnWithoutLookUp(_:)``, for tests.
    static var oneColumnRanges: [ClosedRange<UInt32>] { [0xA0...0x2FF, 0x400...0x482, 0x48A...0x52F, 0x2010...0x2027, 0x2500...0x257F] }

    /// The width of a scalar above ASCII from its Unicode properties.
    static func byProperties(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format:
            return 0
        default:
            break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The columns one grapheme cluster occupies: the width of its base scalar.
    public static func of(_ character: Character) -> Int {
        // Fast path: a one-byte ASCII character.
        if let ascii = singleByte(character) {
            return ascii >= 0x20 && ascii < 0x7F ? 1 : 0
        }
        for scalar in character.unicodeScalars {
            let width = of(scalar)
            if width > 0 { return width }
        }
        return 0
    }

    /// The byte of a character that is one byte of UTF-8 (ASCII), else nil. Much cheaper
    /// than `Character.asciiValue`, which first compares the character with "\r\n".
    @inline(__always)
    public static func singleByte(_ character: Character) -> UInt8? {
        let utf8 = character.utf8
        return utf8.count == 1 ? utf8.first : nil
    }

    /// The columns a string occupies when drawn on one line.
    ///
    /// Control characters count as 0; sanitise first (``TextSanitizer``) when the text
    /// may contain them, because a terminal would act on them instead of drawing.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        width(of: text)
    }

    private static func width<S: StringProtocol>(of text: S) -> Int {
        // Printable ASCII: one column per byte, and no grapheme breaking needed.
        let bytes = UTF8Scan.summary(of: text)
        if bytes.printableASCII { return bytes.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// ``of(_:)-(S)`` for a `String`: the terminal front end (another module) calls this one,
    /// which is compiled for strings, where the generic one ran unspecialised and looked up
    /// the string's `UTF8View` in the runtime the first time (~0.2 M instructions at start-up).
    public static func of(_ text: String) -> Int {
        width(of: text)
    }

    /// Whether `value` lies in an East Asian Wide (W) or Fullwidth (F) range.
    ///
    /// Emoji ranges are left to `isEmojiPresentation`, which tracks the Unicode version
    /// of the Swift runtime; the table covers scripts and symbols that are wide without
    /// being emoji (Unicode 15 EastAsianWidth.txt, merged into blocks).
    static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        // Binary search over the sorted, non-overlapping table.
        var low = 0
        var high = wideRanges.count / 2 - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < wideRanges[2 * middle] {
                high = middle - 1
            } else if value > wideRanges[2 * middle + 1] {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }

    /// First and last scalar of each range, in pairs: plain numbers, because a table of
    /// `ClosedRange`s cost the runtime a scan of every conformance record at start-up.
    private static let wideRanges: [UInt32] = [
        0x1100, 0x115F,  // Hangul Jamo initial consonants
        0x2329, 0x232A,  // angle brackets
        0x2E80, 0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041, 0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed CJK, CJK compatibility
        0x3400, 0x4DBF,  // CJK extension A
        0x4E00, 0x9FFF,  // CJK unified ideographs
        0xA000, 0xA4CF,  // Yi syllables and radicals
        0xA960, 0xA97F,  // Hangul Jamo extended A
        0xAC00, 0xD7A3,  // Hangul syllables
        0xF900, 0xFAFF,  // CJK compatibility ideographs
        0xFE10, 0xFE19,  // vertical forms
        0xFE30, 0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00, 0xFF60,  // fullwidth ASCII variants
        0xFFE0, 0xFFE6,  // fullwidth signs
        0x16FE0, 0x16FE4,  // ideographic symbols
        0x16FF0, 0x16FF1,
        0x17000, 0x18CD5,  // Tangut, Khitan
        0x18D00, 0x18D08,
        0x1AFF0, 0x1B2FF,  // Kana extended, Kana supplement, Nushu
        0x1F200, 0x1F2FF,  // enclosed ideographic supplement
        0x20000, 0x2FFFD,  // CJK extensions B-F, compatibility supplement
        0x30000, 0x3FFFD,  // CJK extensions G-H
    ]
}

extension StringProtocol {
    /// The columns this text occupies in a terminal; see ``DisplayWidth``.
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension String {
    /// The columns this text occupies in a terminal (the `String` overload; see ``DisplayWidth/of(_:)-(String)``).
    public var displayWidth: Int { DisplayWidth.of(self) }
}

extension Character {
    /// The columns this grapheme occupies in a terminal: 0, 1 or 2.
    public var displayWidth: Int { DisplayWidth.of(self) }
}
