/// One drawn screen: the grid, where the text cursor goes, and scroll positions the
/// view settled on (the UI state stores them so scrolling stays steady).
public struct WizardFrame: Sendable {
    public var buffer: ScreenBuffer
    /// The text cursor in an entry field; nil hides it.
    public var cursor: Point?
    /// First visible row of the scrolling list on screen, if any.
    var listTop: Int?
    /// First visible line of the help overlay, if shown.
    var helpTop: Int?

    init(buffer: ScreenBuffer) {
        self.buffer = buffer
    }

    /// The screen as lines of text, for tests.
    public var lines: [String] { buffer.lines }
}
