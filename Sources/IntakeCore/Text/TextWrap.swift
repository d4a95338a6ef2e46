/// Line layout by display width: word wrap, truncation and padding.
///
/// Used by the terminal screens and by the 80- and 40-column printed summary, so it
/// measures with ``DisplayWidth`` (CJK = 2 columns, combining marks = 0) and never
/// splits a grapheme cluster. Input is expected to be sanitised (``TextSanitizer``).
public enum TextWrap {
    /// Horizontal placement of a line inside a wider field.
    public enum Alignment: Hashable, Sendable {
        case left, center, right
    }

    /// `text` broken into lines no wider than `width` columns.
    ///
    /// - Breaks at spaces; the spaces at a break are dropped, spaces inside a line and
    ///   indentation at the start of a paragraph are kept; trailing spaces are trimmed.
    /// - Lines may also break between CJK (wide) characters, which are written without
    ///   spaces, but not before closing punctuation such as `。` or `、`.
    /// - A word wider than `width` is hard-broken at grapheme boundaries.
    /// - `\n` (and `\r\n`) starts a new line; an empty paragraph gives an empty line;
    ///   `\t` counts as one space. An empty `text` gives no lines.
    /// - A single wide character in a 1-column width gets its own (overlong) line,
    ///   so the function always makes progress. `width < 1` gives no lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width >= 1, !text.isEmpty else { return [] }
        if let line = singleLine(text, width: width) { return [line] }
        var lines: [String] = []
        // Paragraphs are found in the UTF-8 bytes: a line feed or carriage return is always a
        // grapheme cluster of its own (with "\r\n" one cluster), and its bytes never occur
        // inside another character's, so cutting there never splits a character, and no
        // grapheme breaking is needed to find them.
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                utf8.formIndex(after: &index)
                continue
            }
            wrapParagraph(text[start..<index], width: width, into: &lines)
            utf8.formIndex(after: &index)
            if byte == 0x0D, index < utf8.endIndex, utf8[index] == 0x0A { utf8.formIndex(after: &index) }
            start = index
        }
        wrapParagraph(text[start..<text.endIndex], width: width, into: &lines)
        return lines
    }

    /// `text` cut to at most `width` columns, ending in `ellipsis` when it was cut.
    ///
    /// When even the ellipsis does not fit, the text is cut without one.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        let room = ellipsisWidth <= width ? width - ellipsisWidth : width
        var result = ""
        var used = 0
        for character in text {
            let characterWidth = DisplayWidth.of(character)
            if used + characterWidth > room { break }
            result.append(character)
            used += characterWidth
        }
        return ellipsisWidth <= width ? result + ellipsis : result
    }

    /// `text` padded with spaces to exactly `width` columns; wider text is returned unchanged.
    public static func pad(_ text: String, toWidth width: Int, alignment: Alignment = .left) -> String {
        let missing = width - DisplayWidth.of(text)
        guard missing > 0 else { return text }
        switch alignment {
        case .left:
            return text + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + text
        case .center:
            let left = missing / 2
            return String(repeating: " ", count: left) + text
                + String(repeating: " ", count: missing - left)
        }
    }

    /// `text` truncated (with ellipsis) and padded to exactly `width` columns: a table cell.
    ///
    /// The result can be one column short when a wide character does not fit at the end;
    /// it is then padded with a space so the width is always exact.
    public static func fit(
        _ text: String, toWidth width: Int, alignment: Alignment = .left, ellipsis: String = "…"
    ) -> String {
        pad(truncate(text, toWidth: width, ellipsis: ellipsis), toWidth: width, alignment: alignment)
    }

    /// The one line `text` wraps to when it has no line break, tab or other control
    /// character and fits `width`: the text less its trailing spaces, which is what the
    /// paragraph layout below gives for it, found without cutting it into words (most
    /// labels and answers take this path). Nil when the text needs the full layout.
    static func singleLine(_ text: String, width: Int) -> String? {
        let bytes = UTF8Scan.summary(of: text)
        if bytes.hasControl { return nil }
        if bytes.printableASCII {
            guard bytes.count <= width else { return nil }
        } else {
            // Each cell takes at least one byte, so a text of few bytes surely fits.
            guard bytes.count <= width || DisplayWidth.of(text) <= width else { return nil }
        }
        return text.utf8.last == 0x20 ? trimTrailingSpaces(text) : text
    }

    // MARK: - Paragraph layout

    /// A run that is kept together, or a run of spaces between runs.
    private enum Token {
        case word(Substring, width: Int)
        case space(Int)
    }

    /// Closing punctuation that must not start a line (a small kinsoku set).
    private static let noLineStart: Set<Character> = [
        "。", "、", "，", "．", "：", "；", "！", "？", "）", "」", "』", "】", "〉", "》", "・", "ー",
        ")", "]", "}", ",", ".", "!", "?", ":", ";",
    ]

    private static func tokens(_ paragraph: Substring) -> [Token] {
        if let tokens = printableASCIITokens(paragraph) { return tokens }
        var tokens: [Token] = []
        var wordStart: Substring.Index?
        var wordWidth = 0
        var previousWide = false
        var index = paragraph.startIndex
        func flush(upTo end: Substring.Index) {
            if let start = wordStart {
                tokens.append(.word(paragraph[start..<end], width: wordWidth))
            }
            wordStart = nil
            wordWidth = 0
        }
        while index < paragraph.endIndex {
            let character = paragraph[index]
            if character == " " || character == "\t" {
                flush(upTo: index)
                if case .space(let count)? = tokens.last {
                    tokens[tokens.count - 1] = .space(count + 1)
                } else {
                    tokens.append(.space(1))
                }
                previousWide = false
            } else {
                let width = DisplayWidth.of(character)
                let wide = width == 2
                // A break opportunity between CJK characters, without spaces.
                if wordStart != nil && (wide || previousWide) && !noLineStart.contains(character) {
                    flush(upTo: index)
                }
                if wordStart == nil { wordStart = index }
                wordWidth += width
                previousWide = wide
            }
            index = paragraph.index(after: index)
        }
        flush(upTo: paragraph.endIndex)
        return tokens
    }

    /// The same tokens as ``tokens(_:)`` for a paragraph of printable ASCII and spaces
    /// (one column per byte, no wide characters), read byte by byte; nil for anything else.
    private static func printableASCIITokens(_ paragraph: Substring) -> [Token]? {
        var tokens: [Token] = []
        let utf8 = paragraph.utf8
        var wordStart: Substring.Index?
        var index = utf8.startIndex
        var wordWidth = 0
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x20 {
                if let start = wordStart {
                    tokens.append(.word(paragraph[start..<index], width: wordWidth))
                    wordStart = nil
                    wordWidth = 0
                }
                if case .space(let count)? = tokens.last {
                    tokens[tokens.count - 1] = .space(count + 1)
                } else {
                    tokens.append(.space(1))
                }
            } else if byte > 0x20 && byte < 0x7F {
                if wordStart == nil { wordStart = index }
                wordWidth += 1
            } else {
                return nil
            }
            utf8.formIndex(after: &index)
        }
        if let start = wordStart { tokens.append(.word(paragraph[start..<paragraph.endIndex], width: wordWidth)) }
        return tokens
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        var pendingSpaces = 0
        var lineHasWord = false
        func endLine() {
            lines.append(trimTrailingSpaces(line))
            line = ""
            lineWidth = 0
            pendingSpaces = 0
            lineHasWord = false
        }
        for token in tokens(paragraph) {
            switch token {
            case .space(let count):
                pendingSpaces += count
            case .word(let word, let wordWidth):
                // Spaces between words, or indentation at the start of the paragraph.
                let spaces = pendingSpaces
                if lineWidth + spaces + wordWidth <= width {
                    if spaces > 0 { line += String(repeating: " ", count: spaces) }
                    line.append(contentsOf: word) // String's own overload: `+=` took the generic one
                    lineWidth += spaces + wordWidth
                    pendingSpaces = 0
                    lineHasWord = true
                    continue
                }
                if lineHasWord { endLine() }
                pendingSpaces = 0
                if wordWidth <= width {
                    line = String(word)
                    lineWidth = wordWidth
                    lineHasWord = true
                    continue
                }
                // Hard-break an overlong word at grapheme boundaries.
                for character in word {
                    let characterWidth = DisplayWidth.of(character)
                    if lineWidth + characterWidth > width && lineWidth > 0 { endLine() }
                    line.append(character)
                    lineWidth += characterWidth
                    lineHasWord = true
                }
            }
        }
        endLine()
    }

    private static func trimTrailingSpaces(_ line: String) -> String {
        var end = line.endIndex
        while end > line.startIndex {
            let before = line.index(before: end)
            guard line[before] == " " else { break }
            end = before
        }
        return String(line[..<end])
    }
}

extension String {
    /// This text word-wrapped to `width` columns; see ``TextWrap/wrap(_:width:)``.
    public func wrapped(toWidth width: Int) -> [String] { TextWrap.wrap(self, width: width) }

    /// This text cut to `width` columns with an ellipsis; see ``TextWrap/truncate(_:toWidth:ellipsis:)``.
    public func truncated(toWidth width: Int, ellipsis: String = "…") -> String {
        TextWrap.truncate(self, toWidth: width, ellipsis: ellipsis)
    }

    /// This text padded with spaces to `width` columns; see ``TextWrap/pad(_:toWidth:alignment:)``.
    public func padded(toWidth width: Int, alignment: TextWrap.Alignment = .left) -> String {
        TextWrap.pad(self, toWidth: width, alignment: alignment)
    }
}
