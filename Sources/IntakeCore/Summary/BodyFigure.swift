/// A text drawing of the body, front and back, with the body-map regions the patient
/// marked shown by their capital letter (`B` for eyelids) and the others as `·`.
///
/// Each template letter is the selection letter of a ``BodyRegion`` (a-o front, p-w back),
/// placed where that region is; outline characters are never letters.
enum BodyFigure {
    static let front = [
        "       .-a-.       ",
        "      ( b b )      ",
        "       \\ c /       ",
        "        )d(        ",
        "  .---'  e  '---.  ",
        " / f |   e   | f \\ ",
        "/ g /|   j   |\\ g \\",
        "(h)i |   j   | i(h)",
        "     | k | k |     ",
        "     | l | l |     ",
        "     | m | m |     ",
        "     |  n|n  |     ",
        "    (_o_) (_o_)    ",
    ]

    static let back = [
        "       .---.       ",
        "      (     )      ",
        "       \\   /       ",
        "        )p(        ",
        "  .---'  q  '---.  ",
        " / q |   q   | q \\ ",
        "/ r /|   u   |\\ r \\",
        "(s)t |   u   | t(s)",
        "    v| w | w |v    ",
        "    v|   |   |v    ",
        "     |   |   |     ",
        "     |   |   |     ",
        "    (___) (___)    ",
    ]

    static let figureWidth = 19

    /// The two figures side by side with their captions, marked for `regions` (region ids).
    static func lines(marking regions: Set<String>, frontCaption: String, backCaption: String, width: Int) -> [String] {
        // Which template letters to show, by ASCII code: a table, not a set of characters,
        // because every byte of the two templates is looked up.
        var marked = [Bool](repeating: false, count: 128)
        for region in BodyRegion.all where regions.contains(region.id) {
            if let letter = region.key.utf8.first, letter < 128 { marked[Int(letter)] = true }
        }
        let gap = width >= 60 ? 8 : max(1, min(2, width - 2 * figureWidth))
        let indent = width >= 60 ? 4 : 0
        var result = [SummaryText.trimEnd(String(SummaryText.spaces(indent)) + SummaryText.center(frontCaption, in: figureWidth) + SummaryText.spaces(gap) + SummaryText.center(backCaption, in: figureWidth))]
        var line: [UInt8] = []
        for (left, right) in zip(front, back) {
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            draw(left, marked: marked, into: &line)
            line.append(contentsOf: repeatElement(UInt8(ascii: " "), count: gap))
            draw(right, marked: marked, into: &line)
            while line.last == UInt8(ascii: " ") { line.removeLast() }
            result.append(String(decoding: line, as: UTF8.self))
        }
        return result
    }

    /// One template line (ASCII): a marked region's letter in capitals, an unmarked one as `·`.
    private static func draw(_ template: String, marked: [Bool], into line: inout [UInt8]) {
        for byte in template.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z") where marked[Int(byte)]:
                line.append(byte - 0x20)
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                line.append(contentsOf: [0xC2, 0xB7])  // ·
            default:
                line.append(byte)
            }
        }
    }
}
