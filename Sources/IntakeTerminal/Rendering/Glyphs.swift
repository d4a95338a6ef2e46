/// Every non-ASCII symbol the screens draw, with an ASCII stand-in set.
///
/// Views take symbols from here (`screen.glyphs.radioOn`) instead of writing literals,
/// so one switch makes the whole interface work on an ASCII-only terminal.
public struct Glyphs: Hashable, Sendable {
    public var box: BoxCharacters
    /// A chosen / not chosen single-choice option.
    public var radioOn: String
    public var radioOff: String
    /// A ticked / unticked multiple-choice option.
    public var checkboxOn: String
    public var checkboxOff: String
    /// Progress bar parts (one column each).
    public var progressFilled: Character
    public var progressEmpty: Character
    /// Marks the focused row in a list.
    public var pointer: String
    /// Ends truncated text.
    public var ellipsis: String
    /// Hints that a list scrolls further up / down.
    public var moreAbove: String
    public var moreBelow: String

    public init(
        box: BoxCharacters, radioOn: String, radioOff: String, checkboxOn: String,
        checkboxOff: String, progressFilled: Character, progressEmpty: Character,
        pointer: String, ellipsis: String, moreAbove: String, moreBelow: String
    ) {
        self.box = box
        self.radioOn = radioOn
        self.radioOff = radioOff
        self.checkboxOn = checkboxOn
        self.checkboxOff = checkboxOff
        self.progressFilled = progressFilled
        self.progressEmpty = progressEmpty
        self.pointer = pointer
        self.ellipsis = ellipsis
        self.moreAbove = moreAbove
        self.moreBelow = moreBelow
    }

    /// Symbols for a UTF-8 terminal. All are one column wide (East Asian Neutral or
    /// Ambiguous-but-narrow in non-CJK locales) so layouts match the ASCII set.
    public static let unicode = Glyphs(
        box: .unicode, radioOn: "(●)", radioOff: "( )", checkboxOn: "[✓]", checkboxOff: "[ ]",
        progressFilled: "█", progressEmpty: "░", pointer: "▶", ellipsis: "…",
        moreAbove: "▲", moreBelow: "▼")

    /// ASCII-only symbols for TERM=vt100 or a non-UTF-8 locale.
    public static let ascii = Glyphs(
        box: .ascii, radioOn: "(*)", radioOff: "( )", checkboxOn: "[x]", checkboxOff: "[ ]",
        progressFilled: "#", progressEmpty: "-", pointer: ">", ellipsis: "~",
        moreAbove: "^", moreBelow: "v")
}
