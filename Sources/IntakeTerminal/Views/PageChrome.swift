import IntakeCore

/// The frame around every page: header, progress line, footer hints and buttons.
enum PageChrome {
    /// Draws the parts and returns the body rectangle between them.
    static func draw(
        into buffer: inout ScreenBuffer, layout: PageLayout, header: String,
        status: String?, fraction: Double?, hints: [KeyHint], buttons: [ButtonSpec], bigButtons: Bool = true
    ) -> Rect {
        let column = layout.column
        var body = column
        // Header: the questionnaire title.
        let top = body.splitTop(1)
        buffer.put(header, in: top.top, alignment: .left, style: .title)
        body = top.rest
        // Progress line: "Skin · question 3 of 9 · about 8 min left" and a bar.
        if let status {
            let line = body.splitTop(1)
            var textRect = line.top
            if let fraction {
                let barWidth = min(20, column.width / 4)
                let textWidth = TextSanitizer.sanitizeLine(status).displayWidth
                if textWidth + 2 + barWidth <= column.width {
                    buffer.progressBar(at: Point(x: column.maxX - barWidth, y: line.top.y), width: barWidth, fraction: fraction)
                    textRect.width -= barWidth + 2
                }
            }
            buffer.put(status, in: textRect, alignment: .left, style: .muted)
            body = line.rest
        }
        if !layout.compact || layout.size.height >= 14 {
            let line = body.splitTop(1)
            buffer.hline(at: line.top.origin, length: column.width)
            body = line.rest
        }
        // Footer hints on the last row.
        let footer = body.splitBottom(1)
        drawHints(hints, in: footer.bottom, into: &buffer)
        body = footer.rest
        // Buttons above the footer.
        if !buttons.isEmpty {
            let big = bigButtons && !layout.compact
            let row = body.splitBottom(big ? 3 : 1)
            drawButtons(buttons, in: row.bottom, big: big, into: &buffer)
            body = row.rest
        }
        return body
    }

    /// Hints joined by " · ", dropping the last ones until they fit the width.
    static func drawHints(_ hints: [KeyHint], in rect: Rect, into buffer: inout ScreenBuffer) {
        var shown = hints
        func width(_ list: [KeyHint]) -> Int {
            list.map { ($0.key + " " + $0.label).displayWidth }.reduce(0, +) + max(0, list.count - 1) * 3
        }
        while !shown.isEmpty && width(shown) > rect.width { shown.removeLast() }
        var x = rect.x
        for (index, hint) in shown.enumerated() {
            if index > 0 { x += buffer.put(" · ", at: Point(x: x, y: rect.y), style: .muted) }
            let start = x
            x += buffer.put(hint.key, at: Point(x: x, y: rect.y), style: .accent)
            x += buffer.put(" " + hint.label, at: Point(x: x, y: rect.y), style: .muted)
            if let action = hint.action {
                buffer.addHitRegion(Rect(x: start, y: rect.y, width: x - start, height: 1), action: action)
            }
        }
    }

    /// Big boxed buttons (3 rows, easy to tap) or one-row `[ Next ]` buttons.
    static func drawButtons(_ buttons: [ButtonSpec], in rect: Rect, big: Bool, into buffer: inout ScreenBuffer) {
        for button in buttons {
            let labelWidth = TextSanitizer.sanitizeLine(button.label).displayWidth
            let width = min(rect.width, big ? max(12, labelWidth + 6) : labelWidth + 4)
            let x = button.placement == .left ? rect.x : rect.maxX - width
            let area = Rect(x: x, y: rect.y, width: width, height: rect.height)
            let style: Style = button.focused ? .buttonFocused : .button
            if big {
                let characters: BoxCharacters? = button.focused && buffer.glyphs.box == .unicode ? .heavy : nil
                buffer.box(area, style: style, characters: characters)
                buffer.put(button.label, in: Rect(x: area.x + 1, y: area.y + 1, width: area.width - 2, height: 1), alignment: .center, style: style)
            } else {
                buffer.put("[ " + button.label + " ]", in: area, alignment: .left, style: style)
            }
            buffer.addHitRegion(area, action: button.action)
        }
    }
}
