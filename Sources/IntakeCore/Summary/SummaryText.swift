/// Text layout for the summary: display width, sanitising and wrapping.
///
/// Widths are counted in terminal/printer cells, never bytes: CJK and emoji take 2 cells,
/// combining marks 0, so Cyrillic and accented text align. (A private copy; the
/// terminal's `Text/` helpers will replace it when the branches meet.)
enum SummaryText {
    /// Cells a string takes on a monospace display.
    static func displayWidth<S: StringProtocol>(_ text: S) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// Cells one grapheme cluster takes: 0 for a lone combining or format mark, 2 for wide, else 1.
    static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.value == 0xFE0F || $0.properties.isEmojiPresentation }) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        return isWide(first.value) ? 2 : 1
    }

    /// East Asian wide and fullwidth ranges (a compact approximation of UAX #11).
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            true
        default:
            false
        }
    }

    /// Removes what could disguise text or disturb a terminal or printer: C0 and C1
    /// controls and bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069).
    /// Tabs become spaces; line breaks are kept (as `\n`) only when asked.
    static func sanitized(_ text: String, keepingLineBreaks: Bool = false) -> String {
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

    /// Wraps text into lines no wider than `width` cells, at spaces where possible.
    /// `\n` starts a new line; a word longer than a line is broken between characters.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = Substring(word)
                var wordWidth = displayWidth(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = ""
                    var headWidth = 0
                    var rest = word.startIndex
                    for index in word.indices {
                        let w = self.width(of: word[index])
                        if headWidth + w > width { break }
                        head.append(word[index])
                        headWidth += w
                        rest = word.index(after: index)
                    }
                    if head.isEmpty, let first = word.first {
                        head = String(first)
                        rest = word.index(after: word.startIndex)
                    }
                    lines.append(head)
                    word = word[rest...]
                    wordWidth = displayWidth(word)
                }
                line = String(word)
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }

    /// Pads with spaces to `width` cells.
    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }

    /// Centres in `width` cells.
    static func center(_ text: String, in width: Int) -> String {
        let free = max(0, width - displayWidth(text))
        return String(repeating: " ", count: free / 2) + text + String(repeating: " ", count: free - free / 2)
    }

    /// Label/answer rows, the label column padded with dot leaders when its text fits one line:
    /// `Sex at birth ......... Male`. Both columns wrap; the answer starts on the label's first line.
    static func leaderTable(_ rows: [(label: String, value: String)], width: Int, indent: Int, labelShare: Double = 0.5) -> [String] {
        guard !rows.isEmpty else { return [] }
        let usable = width - indent
        let widest = rows.map { displayWidth($0.label) }.max() ?? 0
        let labelWidth = max(8, min(widest + 2, Int(Double(usable) * labelShare)))
        let valueWidth = max(4, usable - labelWidth - 1)
        let margin = String(repeating: " ", count: indent)
        var lines: [String] = []
        for row in rows {
            let labelLines = wrap(row.label, width: labelWidth)
            let valueLines = wrap(row.value, width: valueWidth)
            for index in 0..<max(labelLines.count, valueLines.count) {
                var left = index < labelLines.count ? labelLines[index] : ""
                if index == 0 && labelLines.count == 1 {
                    let used = displayWidth(left)
                    if used + 2 <= labelWidth {
                        left += " " + String(repeating: ".", count: labelWidth - used - 1)
                    }
                }
                let right = index < valueLines.count ? valueLines[index] : ""
                lines.append(trimEnd(margin + pad(left, to: labelWidth) + " " + right))
            }
        }
        return lines
    }

    /// A table of wrapped cells in fixed column widths, columns separated by `gap` spaces.
    static func table(_ rows: [[String]], widths: [Int], indent: Int, gap: Int = 2) -> [String] {
        let margin = String(repeating: " ", count: indent)
        let spacer = String(repeating: " ", count: gap)
        var lines: [String] = []
        for row in rows {
            let cells = widths.indices.map { column in wrap(column < row.count ? row[column] : "", width: widths[column]) }
            let height = cells.map(\.count).max() ?? 0
            for line in 0..<height {
                let parts = widths.indices.map { column in pad(line < cells[column].count ? cells[column][line] : "", to: widths[column]) }
                lines.append(trimEnd(margin + parts.joined(separator: spacer)))
            }
        }
        return lines
    }

    static func trimEnd(_ text: String) -> String {
        var text = Substring(text)
        while text.last == " " { text.removeLast() }
        return String(text)
    }

    /// A heading underlined to its width: `KEY SCORES` / `──────────`.
    static func heading(_ text: String, width: Int) -> [String] {
        let lines = wrap(text, width: width)
        let underline = min(width, lines.map { displayWidth($0) }.max() ?? 0)
        return lines + [String(repeating: "─", count: underline)]
    }

    /// A rule across the page.
    static func rule(_ width: Int, _ character: Character = "─") -> String { String(repeating: character, count: width) }
}
