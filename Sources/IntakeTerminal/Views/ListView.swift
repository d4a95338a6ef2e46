import IntakeCore

/// One row of a scrolling list: text pieces in their styles, and what a tap does.
struct ListRow {
    var pieces: [(text: String, style: Style)]
    var action: WizardAction?
    var focusable: Bool = true
}

/// A vertical list that scrolls to keep the focused row visible, with ▲/▼ when more rows
/// are above or below. Each row with an action is a tap target across the full width.
enum ListView {
    /// Draws `rows` into `rect` and returns the first visible row.
    @discardableResult
    static func draw(
        _ rows: [ListRow], focus: Int?, scrollHint: Int, in rect: Rect, into buffer: inout ScreenBuffer
    ) -> Int {
        guard !rect.isEmpty else { return 0 }
        let visible = rect.height
        var top = 0
        if rows.count > visible {
            top = max(0, min(scrollHint, rows.count - visible))
            if let focus {
                if focus < top { top = focus }
                if focus >= top + visible { top = focus - visible + 1 }
                // Show the heading just above the focused row when it is there.
                if focus == top, focus > 0, !rows[focus - 1].focusable { top = focus - 1 }
            }
        }
        let pointer = buffer.glyphs.pointer
        let pointerWidth = pointer.displayWidth + 1
        for offset in 0..<min(visible, rows.count - top) {
            let index = top + offset
            let row = rows[index]
            let y = rect.y + offset
            let focused = index == focus
            var x = rect.x
            if row.focusable {
                if focused {
                    buffer.fill(Rect(x: rect.x, y: y, width: rect.width - 1, height: 1), style: .focus)
                    buffer.put(pointer, at: Point(x: x, y: y), style: .focus)
                }
                x += pointerWidth
            }
            for piece in row.pieces {
                let room = rect.maxX - 1 - x
                guard room > 0 else { break }
                let text = TextWrap.truncate(TextSanitizer.sanitizeLine(piece.text), toWidth: room, ellipsis: buffer.glyphs.ellipsis)
                let style = focused && piece.style.role == .normal ? Style.focus : piece.style
                x += buffer.put(text, at: Point(x: x, y: y), style: style)
            }
            if let action = row.action {
                buffer.addHitRegion(Rect(x: rect.x, y: y, width: rect.width, height: 1), action: action)
            }
        }
        if top > 0 {
            buffer.put(buffer.glyphs.moreAbove, at: Point(x: rect.maxX - 1, y: rect.y), style: .accent)
        }
        if top + visible < rows.count {
            buffer.put(buffer.glyphs.moreBelow, at: Point(x: rect.maxX - 1, y: rect.maxY - 1), style: .accent)
        }
        return top
    }
}
