/// The characters boxes and lines are drawn with.
///
/// `.unicode` uses box-drawing characters; `.ascii` (`+-|`) is for terminals or locales
/// that cannot show them (TERM=vt100 consoles, a non-UTF-8 locale). The terminal
/// adapter picks one in ``TerminalCapabilities/glyphs``.
public struct BoxCharacters: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    /// Where a horizontal separator meets the left border.
    public var teeRight: Character
    /// Where a horizontal separator meets the right border.
    public var teeLeft: Character

    public init(
        horizontal: Character, vertical: Character,
        topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character,
        teeRight: Character, teeLeft: Character
    ) {
        self.horizontal = horizontal
        self.vertical = vertical
        self.topLeft = topLeft
        self.topRight = topRight
        self.bottomLeft = bottomLeft
        self.bottomRight = bottomRight
        self.teeRight = teeRight
        self.teeLeft = teeLeft
    }

    /// Light box-drawing lines: `┌─┐│└┘├┤`.
    public static let unicode = BoxCharacters(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
        bottomLeft: "└", bottomRight: "┘", teeRight: "├", teeLeft: "┤")

    /// Heavy lines, e.g. for the focused panel: `┏━┓┃┗┛┣┫`.
    public static let heavy = BoxCharacters(
        horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
        bottomLeft: "┗", bottomRight: "┛", teeRight: "┣", teeLeft: "┫")

    /// Plain ASCII: `+-|`.
    public static let ascii = BoxCharacters(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+",
        bottomLeft: "+", bottomRight: "+", teeRight: "+", teeLeft: "+")
}
