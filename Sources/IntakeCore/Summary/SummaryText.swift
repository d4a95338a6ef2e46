/// Text layout for the summary: display width, sanitising and wrapping.
///
/// Widths are counted in terminal/printer cells, never bytes: CJK and emoji take 2 cells,
/// combining marks 0, so Cyrillic and accented text align. Widths and wrapping come from
/// `Text/`, shared with the screens; sanitising here removes (a printout has no use for
/// placeholders) where the screens show a visible placeholder.
enum SummaryText {
    /// Cells a string takes on a monospace display (see ``DisplayWidth``).
    static func displayWidth<S: StringProtocol>(_ text: S) -> Int { DisplayWidth.of(text) }

    /// Cells one grapheme cluster takes.
    static func width(of character: Character) -> Int { DisplayWidth.of(character) }

    /// Removes what could disguise text or disturb a terminal or printer: C0 and C1
    /// controls and bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
    /// Tabs become spaces; line breaks are kept (as `\n`) only when asked.
    static func sanitized(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // Most texts have nothing to remove: return them as they are, without a copy.
        if UTF8Scan.summary(of: text).printableASCII { return text }
        if !needsSanitizing(text.utf8, keepingLineBreaks: keepingLineBreaks) { return text }
        return removingUnsafeScalars(text, keepingLineBreaks: keepingLineBreaks)
    }

    /// The rule of ``sanitized(_:keepingLineBreaks:)`` applied scalar by scalar, for texts
    /// the quick checks above found something in.
    static func removingUnsafeScalars(_ text: String, keepingLineBreaks: Bool) -> String {
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar.value {
            case 0x0A:
                if previousWasCR { continue }
                result.append(keepingLineBreaks ? "\n" : " ")
            case 0x0D:
                result.append(keepingLineBreaks ? "\n" : " ")
            case 0x09:
                result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether ``sanitized(_:keepingLineBreaks:)`` would change the text, from its UTF-8
    /// (no decoding of scalars): a C0 control other than a kept `\n`, DEL, a C1 control
    /// (C2 80-9F), U+202A-202E (E2 80 AA-AE) or U+2066-2069 (E2 81 A6-A9).
    static func needsSanitizing(_ utf8: String.UTF8View, keepingLineBreaks: Bool) -> Bool {
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in utf8 {
            defer { (beforePrevious, previous) = (previous, byte) }
            switch byte {
            case 0x0A: if !keepingLineBreaks { return true }
            case 0x00...0x1F, 0x7F: return true
            case 0x80...0x9F where previous == 0xC2: return true
            case 0xAA...0xAE where previous == 0x80 && beforePrevious == 0xE2: return true
            case 0xA6...0xA9 where previous == 0x81 && beforePrevious == 0xE2: return true
            default: break
            }
        }
        return false
    }

    /// Wraps text into lines no wider than `width` cells (``TextWrap``); empty text is one empty line,
    /// so a row of a table always has a line.
    static func wrap(_ text: String, width: Int) -> [String] {
        let lines = TextWrap.wrap(text, width: max(1, width))
        return lines.isEmpty ? [""] : lines
    }

    /// ``wrap(_:width:)`` through `cache` when there is one (a batch of summaries).
    static func wrap(_ text: String, width: Int, cache: WrapCache?) -> [String] {
        guard let cache else { return wrap(text, width: width) }
        return cache.wrap(text, width: width)
    }

    /// `count` spaces, cut from a run made once: `String(repeating:count:)` costs a few
    /// thousand instructions a call, and a summary pads hundreds of cells.
    static func spaces(_ count: Int) -> Substring { cut(manySpaces, count) }

    private static let manySpaces = String(repeating: " ", count: 256)

    /// The first `count` characters of a run of one ASCII character.
    private static func cut(_ run: String, _ count: Int) -> Substring {
        let count = max(0, count)
        guard count <= run.utf8.count else { return Substring(String(repeating: run.first ?? " ", count: count)) }
        return Substring(run.utf8.prefix(count))
    }

    /// Pads with spaces to `width` cells.
    static func pad(_ text: String, to width: Int) -> String {
        text + spaces(width - displayWidth(text))
    }

    /// Centres in `width` cells.
    static func center(_ text: String, in width: Int) -> String {
        let free = max(0, width - displayWidth(text))
        return String(spaces(free / 2)) + text + spaces(free - free / 2)
    }

    /// Label/answer rows, the label column padded with dot leaders when its text fits one line:
    /// `Sex at birth ......... Male`. Both columns wrap; the answer starts on the label's first line.
    static func leaderTable(_ rows: [(label: String, value: String)], width: Int, indent: Int, labelShare: Double = 0.5, cache: WrapCache? = nil) -> [String] {
        guard !rows.isEmpty else { return [] }
        let layout = LeaderLayout(widestLabel: rows.map { displayWidth($0.label) }.max() ?? 0, width: width, indent: indent, labelShare: labelShare)
        var lines: [String] = []
        lines.reserveCapacity(rows.count)
        var buffer: [UInt8] = []
        for row in rows { layout.append(row.label, row.value, to: &lines, buffer: &buffer, cache: cache) }
        return lines
    }

    /// The columns of a ``leaderTable(_:width:indent:labelShare:cache:)``: they depend only
    /// on its widest label, so a row's lines depend only on the row and this layout (which
    /// lets a batch keep rows it has laid out, ``SummaryRowCache``).
    struct LeaderLayout: Hashable {
        let indent: Int
        let labelWidth: Int
        let valueWidth: Int

        init(widestLabel: Int, width: Int, indent: Int, labelShare: Double) {
            let usable = width - indent
            self.indent = indent
            labelWidth = max(8, min(widestLabel + 2, Int(Double(usable) * labelShare)))
            valueWidth = max(4, usable - labelWidth - 1)
        }

        /// Appends the lines of one row to `lines`. Each line is assembled in `buffer` and
        /// made a string once: appending piece by piece to a string regrew it two or three
        /// times a line.
        func append(_ label: String, _ value: String, to lines: inout [String], buffer line: inout [UInt8], cache: WrapCache?) {
            func emit(_ left: String, _ right: String, leaders: Bool) {
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                line.append(contentsOf: left.utf8)
                var used = displayWidth(left)
                if leaders && used + 2 <= labelWidth {
                    line.append(UInt8(ascii: " "))
                    line.append(contentsOf: repeatElement(UInt8(ascii: "."), count: labelWidth - used - 1))
                    used = labelWidth
                }
                if !right.isEmpty {
                    if used < labelWidth { line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: labelWidth - used)) }
                    line.append(UInt8(ascii: " "))
                    line.append(contentsOf: right.utf8)
                }
                lines.append(trimEnd(String(decoding: line, as: UTF8.self)))
            }
            // Most rows are one line each side: no wrapping, no arrays.
            if let label = TextWrap.singleLine(label, width: labelWidth), let value = TextWrap.singleLine(value, width: valueWidth) {
                emit(label, value, leaders: true)
                return
            }
            let labelLines = wrap(label, width: labelWidth, cache: cache)
            let valueLines = wrap(value, width: valueWidth, cache: cache)
            for index in 0..<max(labelLines.count, valueLines.count) {
                emit(index < labelLines.count ? labelLines[index] : "", index < valueLines.count ? valueLines[index] : "",
                     leaders: index == 0 && labelLines.count == 1)
            }
        }
    }

    /// A table of wrapped cells in fixed column widths, columns separated by `gap` spaces.
    static func table(_ rows: [[String]], widths: [Int], indent: Int, gap: Int = 2, cache: WrapCache? = nil) -> [String] {
        var lines: [String] = []
        // Each line is assembled in these bytes and made a string once (see leaderTable).
        var text: [UInt8] = []
        for row in rows {
            let cells = widths.indices.map { column in wrap(column < row.count ? row[column] : "", width: widths[column], cache: cache) }
            let height = cells.map(\.count).max() ?? 0
            for line in 0..<height {
                // Cells padded to their column; the last needs no padding because the
                // line's trailing spaces go anyway.
                text.removeAll(keepingCapacity: true)
                text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
                for column in widths.indices {
                    if column > 0 { text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: gap)) }
                    let cell = line < cells[column].count ? cells[column][line] : ""
                    text.append(contentsOf: cell.utf8)
                    if column < widths.count - 1 {
                        let missing = widths[column] - displayWidth(cell)
                        if missing > 0 { text.append(contentsOf: repeatElement(UInt8(ascii: " "), count: missing)) }
                    }
                }
                lines.append(trimEnd(String(decoding: text, as: UTF8.self)))
            }
        }
        return lines
    }

    static func trimEnd(_ text: String) -> String {
        // Nothing to trim (the usual case) when the last scalar is not a space.
        guard text.utf8.last == 0x20 else { return text }
        // Spaces after an ASCII character are whole characters: cut them byte by byte.
        // After anything else, they might join it in one grapheme: go by characters.
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
        if end == utf8.startIndex || utf8[utf8.index(before: end)] < 0x80 { return String(text[..<end]) }
        var text = Substring(text)
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    /// A heading underlined to its width: `KEY SCORES` / `──────────`.
    static func heading(_ text: String, width: Int, cache: WrapCache? = nil) -> [String] {
        let lines = wrap(text, width: width, cache: cache)
        let underline = min(width, lines.map { displayWidth($0) }.max() ?? 0)
        return lines + [rule(underline)]
    }

    /// A rule across the page: `count` box-drawing characters, cut from a run made once
    /// (`String(repeating:count:)` of a character of three bytes costs ~5,000 instructions).
    static func rule(_ count: Int, _ character: Character = "─") -> String {
        guard count > 0 else { return "" }
        let run: String
        switch character {
        case "─": run = lightRule
        case "═": run = heavyRule
        default: return String(repeating: character, count: count)
        }
        let step = character.utf8.count
        guard count * step <= run.utf8.count else { return String(repeating: character, count: count) }
        return String(Substring(run.utf8.prefix(count * step)))
    }

    private static let lightRule = String(repeating: "─", count: 256)
    private static let heavyRule = String(repeating: "═", count: 256)
}
