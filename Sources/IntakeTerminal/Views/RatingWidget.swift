import IntakeCore

/// A 0-10 style scale: a marker over the chosen number, the numbers, and the end labels.
enum RatingWidget {
    static func draw(spec: RatingSpec, value: Int?, ui: WizardUI, in rect: Rect, into buffer: inout ScreenBuffer) {
        let count = spec.maximum - spec.minimum + 1
        guard count > 0, rect.height >= 2 else { return }
        let cell = max(2, min(6, rect.width / count))
        let used = cell * count
        let x0 = rect.x + max(0, (rect.width - used) / 2)
        for offset in 0..<count {
            let number = spec.minimum + offset
            let area = Rect(x: x0 + offset * cell, y: rect.y + 1, width: cell, height: 1)
            let on = number == value
            let text = on && cell >= 4 ? "[\(number)]" : String(number)
            buffer.put(text, in: area, alignment: .center, style: on ? .selected : .button)
            if on {
                buffer.put(buffer.glyphs.moreBelow, in: Rect(x: area.x, y: rect.y, width: cell, height: 1), alignment: .center, style: .selected)
            }
            buffer.addHitRegion(Rect(x: area.x, y: rect.y, width: cell, height: 3), action: WizardAction.rating(number))
        }
        let low = spec.minimumLabel.map { ui.text($0) } ?? ""
        let high = spec.maximumLabel.map { ui.text($0) } ?? ""
        let labelRow = Rect(x: x0, y: rect.y + 2, width: min(used, rect.width), height: 1)
        if low.displayWidth + high.displayWidth + 2 <= labelRow.width {
            buffer.put(low, in: labelRow, alignment: .left, style: .muted)
            buffer.put(high, in: labelRow, alignment: .right, style: .muted)
        } else if rect.height >= 4 {
            buffer.put("\(spec.minimum) = " + low, in: labelRow, alignment: .left, style: .muted)
            buffer.put("\(spec.maximum) = " + high, in: Rect(x: labelRow.x, y: labelRow.y + 1, width: labelRow.width, height: 1), alignment: .left, style: .muted)
        }
    }
}
