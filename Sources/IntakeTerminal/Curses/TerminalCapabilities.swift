/// What a terminal can show, decided once at start-up.
public struct TerminalCapabilities: Hashable, Sendable {
    /// Whether colours can be used (false on TERM=vt100 and similar).
    public var hasColors: Bool
    /// Number of colours the terminal reports (0 without colour).
    public var colorCount: Int
    /// Whether non-ASCII symbols (box drawing, ●, ✓) can be drawn; when false the
    /// screens use ``Glyphs/ascii``. Text itself (Cyrillic, CJK) is always drawn.
    public var unicode: Bool
    /// Whether mouse events can arrive (never rely on it: everything works by keyboard).
    public var mouse: Bool
    /// The theme in use (``Theme/monochrome`` whenever `hasColors` is false).
    public var theme: Theme

    public init(hasColors: Bool, colorCount: Int, unicode: Bool, mouse: Bool, theme: Theme) {
        self.hasColors = hasColors
        self.colorCount = colorCount
        self.unicode = unicode
        self.mouse = mouse
        self.theme = theme
    }

    /// The symbol set views should draw with.
    public var glyphs: Glyphs { unicode ? .unicode : .ascii }

    /// A colour UTF-8 terminal with a mouse, e.g. xterm-256color in tmux.
    public static let full = TerminalCapabilities(
        hasColors: true, colorCount: 256, unicode: true, mouse: true, theme: .default)
    /// A vt100-like terminal: no colours, no mouse, ASCII symbols.
    public static let minimal = TerminalCapabilities(
        hasColors: false, colorCount: 0, unicode: false, mouse: false, theme: .monochrome)
}
