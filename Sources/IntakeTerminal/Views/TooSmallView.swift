import IntakeCore

/// Shown below 40x12 instead of the page; every answer and all typed text stay as they were.
enum TooSmallView {
    static func draw(_ ui: WizardUI, into buffer: inout ScreenBuffer) {
        let size = buffer.size
        guard size.width > 0, size.height > 0 else { return }
        let text = ui.text(.enlargeWindow)
        let lines = TextWrap.wrap(text, width: size.width)
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() where top + index < size.height {
            buffer.put(line, in: Rect(x: 0, y: top + index, width: size.width, height: 1), alignment: .center, style: .warning)
        }
    }
}
