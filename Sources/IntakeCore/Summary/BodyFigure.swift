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
        let marked = Set(BodyRegion.all.filter { regions.contains($0.id) }.map(\.key))
        let gap = width >= 60 ? 8 : max(1, min(2, width - 2 * figureWidth))
        let indent = width >= 60 ? 4 : 0
        let margin = String(repeating: " ", count: indent)
        let spacer = String(repeating: " ", count: gap)
        // The templates are ASCII, so letters are found byte by byte.
        func draw(_ line: String) -> String {
            var drawn = ""
            drawn.reserveCapacity(line.utf8.count + 2 * 12)
            for byte in line.utf8 {
                let scalar = Unicode.Scalar(byte)
                guard (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) else {
                    drawn.unicodeScalars.append(scalar)
                    continue
                }
                let letter = Character(scalar)
                if marked.contains(letter) { drawn += letter.uppercased() } else { drawn += "·" }
            }
            return drawn
        }
        var result = [SummaryText.trimEnd(margin + SummaryText.center(frontCaption, in: figureWidth) + spacer + SummaryText.center(backCaption, in: figureWidth))]
        for (left, right) in zip(front, back) {
            result.append(SummaryText.trimEnd(margin + draw(left) + spacer + draw(right)))
        }
        return result
    }
}
