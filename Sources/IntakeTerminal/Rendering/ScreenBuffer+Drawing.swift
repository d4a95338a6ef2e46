import IntakeCore

/// Drawing helpers views compose screens from. All of them clip to the grid and
/// sanitise their text.
extension ScreenBuffer {
    /// Draws `text` on one line starting at `point` and returns the columns used.
    ///
    /// The text is sanitised (`\n` and `\t` become spaces, controls become U+FFFD).
    /// With `maxWidth`, at most that many columns are written; text that is longer is
    /// cut at a grapheme boundary (truncate first with `TextWrap.truncate` for an
    /// ellipsis). Text running past the right edge is clipped.
    @discardableResult
    public mutating func put(_ text: String, at point: Point, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { max(0, $0) } ?? Int.max
        var column = point.x
        var used = 0
        for character in TextSanitizer.sanitizeLine(text) {
            let width = character.displayWidth
            guard width > 0 else { continue }
            if used + width > limit || column >= size.width { break }
            setCharacter(character, x: column, y: point.y, style: style)
            column += width
            used += width
        }
        return used
    }

    /// Draws `text` aligned inside a row segment of `rect` (first row), truncated with
    /// the glyph ellipsis when too wide. Returns the columns the text used.
    @discardableResult
    public mutating func put(
        _ text: String, in rect: Rect, alignment: TextWrap.Alignment, style: Style = .normal
    ) -> Int {
        guard !rect.isEmpty else { return 0 }
        let clean = TextSanitizer.sanitizeLine(text)
        let fitted = TextWrap.truncate(clean, toWidth: rect.width, ellipsis: glyphs.ellipsis)
        let width = fitted.displayWidth
        let offset: Int
        switch alignment {
        case .left: offset = 0
        case .center: offset = (rect.width - width) / 2
        case .right: offset = rect.width - width
        }
        return put(fitted, at: Point(x: rect.x + offset, y: rect.y), style: style)
    }

    /// Fills `rect` (clipped) with `character` in `style`; use `" "` to clear an area.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .normal) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        let width = max(1, character.displayWidth)
        for row in area.y..<area.maxY {
            var column = area.x
            while column + width <= area.maxX {
                setCharacter(character, x: column, y: row, style: style)
                column += width
            }
            // A wide fill character that leaves an odd column: blank it.
            if column < area.maxX { setCharacter(" ", x: column, y: row, style: style) }
        }
    }

    /// Clears the whole grid and forgets all hit regions.
    public mutating func clear(style: Style = .normal) {
        self = ScreenBuffer(size: size, glyphs: glyphs, style: style)
    }

    /// A horizontal line of `length` cells from `point`.
    public mutating func hline(at point: Point, length: Int, style: Style = .border) {
        fill(Rect(x: point.x, y: point.y, width: length, height: 1), with: glyphs.box.horizontal, style: style)
    }

    /// A vertical line of `length` cells from `point`.
    public mutating func vline(at point: Point, length: Int, style: Style = .border) {
        fill(Rect(x: point.x, y: point.y, width: 1, height: length), with: glyphs.box.vertical, style: style)
    }

    /// A border around `rect` with an optional title in the top edge: `┌ Skin ──┐`.
    ///
    /// The title is drawn after one line character and a space, truncated to fit; the
    /// inside is not cleared (``fill(_:with:style:)`` first if needed). Rects smaller
    /// than 2x2 draw nothing. Returns the inner rectangle, for laying out the contents.
    @discardableResult
    public mutating func box(
        _ rect: Rect, title: String? = nil, style: Style = .border, titleStyle: Style = .title,
        characters: BoxCharacters? = nil
    ) -> Rect {
        let inner = rect.insetBy(dx: 1, dy: 1)
        guard rect.width >= 2, rect.height >= 2 else { return inner }
        let chars = characters ?? glyphs.box
        fill(Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1), with: chars.horizontal, style: style)
        fill(Rect(x: rect.x + 1, y: rect.maxY - 1, width: rect.width - 2, height: 1), with: chars.horizontal, style: style)
        fill(Rect(x: rect.x, y: rect.y + 1, width: 1, height: rect.height - 2), with: chars.vertical, style: style)
        fill(Rect(x: rect.maxX - 1, y: rect.y + 1, width: 1, height: rect.height - 2), with: chars.vertical, style: style)
        setCharacter(chars.topLeft, x: rect.x, y: rect.y, style: style)
        setCharacter(chars.topRight, x: rect.maxX - 1, y: rect.y, style: style)
        setCharacter(chars.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        setCharacter(chars.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        // Corner, space, title, space, at least nothing more: "┌ Skin ─┐".
        let room = rect.width - 4
        if let title, !title.isEmpty, room >= 1 {
            let text = TextWrap.truncate(TextSanitizer.sanitizeLine(title), toWidth: room, ellipsis: glyphs.ellipsis)
            put(" " + text + " ", at: Point(x: rect.x + 1, y: rect.y), style: titleStyle)
        }
        return inner
    }

    /// A horizontal separator across a box at row `y`: `├──────┤`.
    public mutating func separator(in rect: Rect, y: Int, style: Style = .border) {
        guard rect.width >= 2 else { return }
        hline(at: Point(x: rect.x + 1, y: y), length: rect.width - 2, style: style)
        setCharacter(glyphs.box.teeRight, x: rect.x, y: y, style: style)
        setCharacter(glyphs.box.teeLeft, x: rect.maxX - 1, y: y, style: style)
    }

    /// Word-wraps `text` into `rect` and returns the number of rows drawn.
    ///
    /// Lines beyond the rect's height are not drawn; the last visible line then ends in
    /// the ellipsis glyph. Use `TextWrap.wrap(_:width:)` to learn the full height
    /// beforehand (e.g. to scroll).
    @discardableResult
    public mutating func paragraph(
        _ text: String, in rect: Rect, style: Style = .normal, alignment: TextWrap.Alignment = .left
    ) -> Int {
        guard !rect.isEmpty else { return 0 }
        var lines = TextWrap.wrap(TextSanitizer.sanitize(text), width: rect.width)
        if lines.count > rect.height {
            lines = Array(lines.prefix(rect.height))
            if let last = lines.last {
                let shortened = TextWrap.truncate(last, toWidth: rect.width - glyphs.ellipsis.displayWidth, ellipsis: "")
                lines[lines.count - 1] = shortened + glyphs.ellipsis
            }
        }
        for (index, line) in lines.enumerated() {
            put(line, in: Rect(x: rect.x, y: rect.y + index, width: rect.width, height: 1), alignment: alignment, style: style)
        }
        return lines.count
    }

    /// A one-row progress bar of `width` cells, `fraction` (0...1) of it filled.
    public mutating func progressBar(at point: Point, width: Int, fraction: Double) {
        guard width > 0 else { return }
        let clamped = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let filled = Int((Double(width) * clamped).rounded())
        fill(Rect(x: point.x, y: point.y, width: filled, height: 1), with: glyphs.progressFilled, style: .progressFilled)
        fill(Rect(x: point.x + filled, y: point.y, width: width - filled, height: 1), with: glyphs.progressEmpty, style: .progressEmpty)
    }
}
