import IntakeCore

/// An in-memory grid of styled cells that views draw into.
///
/// Views are pure functions `(state) -> ScreenBuffer`; the terminal adapter copies the
/// grid to the screen, sending only cells that changed. Tests compare ``lines``
/// instead of escape bytes.
///
/// Width rules: every write goes through ``DisplayWidth``. A wide character takes two
/// cells (the second is a continuation); a wide character that would straddle the right
/// edge is not drawn; writing over either half of a wide character blanks the other
/// half, so the grid never holds half a character. All writes clip to the grid.
///
/// Text given to the drawing methods is sanitised (``TextSanitizer``), so a string
/// from a questionnaire file can never emit an escape sequence.
public struct ScreenBuffer: Hashable, Sendable {
    public let size: Size
    /// Symbols for boxes, radio buttons, progress bars: Unicode or ASCII.
    public var glyphs: Glyphs
    /// Rectangles registered for mouse hit-testing, in drawing order (later wins).
    public private(set) var hitRegions: [HitRegion] = []
    private var cells: [Cell]

    /// A blank grid of `size` in `style`.
    public init(size: Size, glyphs: Glyphs = .unicode, style: Style = .normal) {
        let clamped = Size(width: max(0, size.width), height: max(0, size.height))
        self.size = clamped
        self.glyphs = glyphs
        self.cells = Array(repeating: .blank(style), count: clamped.width * clamped.height)
    }

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.init(size: Size(width: width, height: height), glyphs: glyphs)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }
    /// The whole grid as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// The cell at column `x`, row `y`; a blank cell outside the grid.
    public subscript(x: Int, y: Int) -> Cell {
        guard x >= 0, x < size.width, y >= 0, y < size.height else { return .blank() }
        return cells[y * size.width + x]
    }

    public subscript(point: Point) -> Cell { self[point.x, point.y] }

    // MARK: - Cell writes

    /// Writes one grapheme at (`x`, `y`) and returns the columns it advanced (0, 1 or 2).
    ///
    /// The character must already be sanitised. A zero-width character (a lone combining
    /// mark or joiner) is skipped and returns 0. A wide character that does not fit
    /// before the right edge is not drawn and returns its width, so that a caller's
    /// running column stays correct.
    @discardableResult
    mutating func setCharacter(_ character: Character, x: Int, y: Int, style: Style) -> Int {
        let width = character.displayWidth
        guard width > 0 else { return 0 }
        guard y >= 0, y < size.height, x >= 0, x + width <= size.width else { return width }
        clearWideNeighbours(x: x, y: y, width: width)
        cells[y * size.width + x] = Cell(character, style: style)
        if width == 2 {
            cells[y * size.width + x + 1] = Cell(" ", style: style, isContinuation: true)
        }
        return width
    }

    /// Before cells `x..<x+width` are overwritten, blanks the halves of any wide
    /// character that would otherwise be left behind.
    private mutating func clearWideNeighbours(x: Int, y: Int, width: Int) {
        let row = y * size.width
        // Writing on a continuation orphans the lead cell to its left.
        if cells[row + x].isContinuation, x > 0 {
            cells[row + x - 1] = .blank(cells[row + x - 1].style)
        }
        // Writing on a lead cell (or over a continuation's lead) orphans a continuation to the right.
        let last = x + width - 1
        if last + 1 < size.width, cells[row + last + 1].isContinuation {
            cells[row + last + 1] = .blank(cells[row + last + 1].style)
        }
    }

    // MARK: - Hit regions

    /// Registers `rect` (clipped to the grid) so a mouse press inside it maps to `action`.
    public mutating func addHitRegion<Action: Hashable & Sendable>(_ rect: Rect, action: Action) {
        let clipped = rect.intersection(bounds)
        guard !clipped.isEmpty else { return }
        hitRegions.append(HitRegion(rect: clipped, action: action))
    }

    /// The action of the topmost (last registered) region containing `point`, if any.
    public func hitTest(_ point: Point) -> (any Hashable & Sendable)? {
        hitRegions.last { $0.rect.contains(point) }?.action
    }

    /// The action of the topmost region at `point` whose action is an `Action`:
    /// `screen.action(at: mouse.position, as: WizardAction.self)`.
    public func action<Action: Hashable & Sendable>(at point: Point, as type: Action.Type = Action.self) -> Action? {
        for region in hitRegions.reversed() where region.rect.contains(point) {
            if let action = region.action as? Action { return action }
        }
        return nil
    }

    // MARK: - Reading back

    /// Each row as text, for tests and logs: wide characters appear once (continuations
    /// are skipped) and trailing spaces are trimmed, so
    /// `#expect(screen.lines == ["┌ Skin ─┐", ...])` reads like the screen.
    public var lines: [String] {
        (0..<size.height).map { row in
            var end = untrimmedLine(row)
            while end.last == " " { end.removeLast() }
            return end
        }
    }

    /// Each row as text with trailing spaces kept (every row is exactly `width` columns).
    public var paddedLines: [String] {
        (0..<size.height).map(untrimmedLine)
    }

    private func untrimmedLine(_ row: Int) -> String {
        var text = ""
        for column in 0..<size.width {
            let cell = cells[row * size.width + column]
            if !cell.isContinuation { text.append(cell.character) }
        }
        return text
    }

    /// The grid drawn with one symbol per cell chosen from its style, for asserting where
    /// roles are: `screen.styleLines { $0.role == .focus ? "#" : "." }`. A continuation
    /// gets the same symbol as its lead cell; trailing spaces are trimmed.
    public func styleLines(_ symbol: (Style) -> Character) -> [String] {
        (0..<size.height).map { row in
            var text = ""
            for column in 0..<size.width {
                text.append(symbol(cells[row * size.width + column].style))
            }
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The cells of row `y` (empty outside the grid), for adapters that copy the grid.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }
}
