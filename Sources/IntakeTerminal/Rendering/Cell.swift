import IntakeCore

/// One cell of a ``ScreenBuffer``.
///
/// A wide character (CJK, most emoji) occupies two cells: the left one holds the
/// grapheme, the right one is a *continuation* with no text of its own.
public struct Cell: Hashable, Sendable {
    /// The grapheme drawn here; a space for a blank cell. Ignored for continuations.
    public var character: Character
    public var style: Style
    /// True for the right half of a wide character.
    public var isContinuation: Bool

    public init(_ character: Character = " ", style: Style = .normal, isContinuation: Bool = false) {
        self.character = character
        self.style = style
        self.isContinuation = isContinuation
    }

    /// A blank cell in `style`.
    public static func blank(_ style: Style = .normal) -> Cell { Cell(" ", style: style) }

    /// Columns this cell's character covers: 2 for a wide character, 0 for a continuation.
    public var width: Int {
        isContinuation ? 0 : max(1, character.displayWidth)
    }
}
