/// A screen the application draws on and reads events from.
///
/// The wizard's loop talks only to this protocol, so tests drive it with
/// ``ScriptedTerminal`` and production with ``CursesTerminal``. A terminal is a
/// non-`Sendable` class on purpose: it has exactly one owner, in one isolation domain,
/// and every curses call happens there.
///
/// Typical loop:
/// ```swift
/// let terminal = try CursesTerminal()          // or fall back to a line mode on error
/// defer { terminal.close() }                   // restores the terminal on every exit
/// var state = Wizard(...)
/// loop: while true {
///     var screen = terminal.makeBuffer()
///     view(state, into: &screen)               // pure drawing, registers hit regions
///     terminal.present(screen, cursor: nil)    // sends only the cells that changed
///     switch terminal.nextEvent(timeout: .seconds(60)) {
///     case .key(let key): state.handle(key)
///     case .mouse(let mouse) where mouse.kind == .press:
///         if let action = screen.action(at: mouse.position, as: WizardAction.self) { ... }
///     case .mouse: break
///     case .resize: break                      // the next makeBuffer() has the new size
///     case .timeout: state.handleInactivity()
///     case .endOfInput, .signal: break loop    // save, then close() via defer
///     }
/// }
/// ```
public protocol Terminal: AnyObject {
    /// The current size in cells; changes after a `.resize` event.
    var size: Size { get }
    /// What the terminal can show: colours, Unicode, mouse.
    var capabilities: TerminalCapabilities { get }
    /// Shows `buffer`, writing only what changed since the last call, and puts the
    /// text cursor at `cursor` (hidden when nil). A buffer of another size than the
    /// terminal is clipped or padded with blanks.
    func present(_ buffer: ScreenBuffer, cursor: Point?)
    /// Waits for the next event: up to `timeout` (then `.timeout`), or for ever when nil.
    func nextEvent(timeout: Duration?) -> TerminalEvent
    /// Restores the terminal. Safe to call more than once; later calls do nothing.
    func close()
    /// Erases the screen, the terminal's scrollback (`ESC [3J`) and its window title, so
    /// the next person sees nothing of the last session (kiosk). Default: nothing.
    func wipe()
}

extension Terminal {
    public func wipe() {}

    /// A blank buffer of the terminal's current size with its glyph set (Unicode or ASCII).
    public func makeBuffer() -> ScreenBuffer {
        ScreenBuffer(size: size, glyphs: capabilities.glyphs)
    }
}
