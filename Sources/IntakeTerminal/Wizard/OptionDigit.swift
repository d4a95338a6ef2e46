/// The digit keys of a choice list: 1–9 choose the first nine options and 0 the tenth, as
/// in dialog and whiptail menus (0 sits after 9 on the keyboard). Further options have no key.
enum OptionDigit {
    /// The key shown beside the option at `index`, or nil past the tenth.
    static func label(forIndex index: Int) -> String? {
        switch index {
        case 0..<9: String(index + 1)
        case 9: "0"
        default: nil
        }
    }

    /// The option index `character` chooses in a list of `count` options, or nil.
    static func index(of character: Character, count: Int) -> Int? {
        guard let digit = character.wholeNumberValue, (0...9).contains(digit) else { return nil }
        let index = digit == 0 ? 9 : digit - 1
        return index < count ? index : nil
    }
}
