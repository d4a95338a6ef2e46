/// A key the patient pressed, decoded from the terminal.
///
/// In raw mode Ctrl-letters arrive as ``control(_:)`` (Ctrl-C is `.control("c")`, never
/// a signal), Tab/Enter/Backspace/Esc as their own cases, and printable text (any
/// script, including CJK typed through an input method) as ``character(_:)``.
public enum Key: Hashable, Sendable {
    case up, down, left, right
    case tab, backTab
    case enter, escape
    case backspace, delete, insert
    case home, end, pageUp, pageDown
    /// F1...F63.
    case function(Int)
    /// A printable character (already a whole grapheme; never a control character).
    case character(Character)
    /// Ctrl plus a key: a lowercase letter `a`...`z`, or one of `@ [ \ ] ^ _` and space.
    case control(Character)
}
