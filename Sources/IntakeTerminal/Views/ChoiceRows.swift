import IntakeCore

/// Rows of choice lists: `▶ (●) 1  Often`.
enum ChoiceRows {
    static func row(index: Int, label: String, on: Bool, radio: Bool, glyphs: Glyphs, hotkey: String? = nil) -> ListRow {
        let mark = radio ? (on ? glyphs.radioOn : glyphs.radioOff) : (on ? glyphs.checkboxOn : glyphs.checkboxOff)
        let key = hotkey ?? OptionDigit.label(forIndex: index) ?? " "
        return ListRow(
            pieces: [(mark, on ? .selected : .normal), (" " + key + "  ", .accent), (label, on ? .selected : .normal)],
            action: .option(index))
    }
}
