import CNCursesW
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

/// The real terminal: ncursesw behind the ``Terminal`` protocol, and the one owner of it.
///
/// Creating a `CursesTerminal` starts curses; ``close()`` restores the terminal, and is
/// also guaranteed on the other ways out:
/// - `deinit` calls it when the owner drops the terminal (e.g. an error unwinds);
/// - SIGTERM, SIGHUP and SIGINT do not kill the process: they arrive as
///   `.signal(...)` events (see ``SignalMonitor``), so the loop can save and return;
/// - a process `exit()` while curses is active runs an `atexit` hook that calls `endwin`;
/// - a vanished terminal (EOF, read error, hang-up) yields `.endOfInput`, never a spin.
/// A crash (trap) cannot be caught; a kiosk wrapper script should run `stty sane` after.
///
/// Only one `CursesTerminal` may exist at a time; it is not `Sendable`, so all curses
/// calls stay in the owner's isolation domain. See ``Terminal`` for the app loop.
public final class CursesTerminal: Terminal {
    /// How to start.
    public struct Options: Sendable {
        /// Which symbols to draw boxes and radio buttons with.
        public enum GlyphChoice: Sendable {
            /// Unicode when the locale was UTF-8 and TERM is not a vt100/linux console.
            case automatic, unicode, ascii
        }

        public var theme: Theme
        public var glyphs: GlyphChoice
        /// Ask the terminal for mouse reports (taps on a kiosk touch screen).
        public var mouse: Bool
        /// Milliseconds ncurses waits after a lone Esc for the rest of a sequence.
        /// The default 1000 ms feels frozen; 25 ms is enough locally and over tmux.
        public var escapeDelay: Int32

        public init(theme: Theme = .default, glyphs: GlyphChoice = .automatic, mouse: Bool = true, escapeDelay: Int32 = 25) {
            self.theme = theme
            self.glyphs = glyphs
            self.mouse = mouse
            self.escapeDelay = escapeDelay
        }
    }

    /// Why curses could not start; the caller can fall back to a plain line mode.
    public enum StartError: Error, Equatable, CustomStringConvertible {
        /// Standard input or output is not a terminal (a pipe or file).
        case notATerminal
        /// `newterm` failed, e.g. TERM is unset or unknown to terminfo.
        case unknownTerminal(String)
        /// Another `CursesTerminal` is still open.
        case alreadyActive

        public var description: String {
            switch self {
            case .notATerminal: return "standard input/output is not a terminal"
            case .unknownTerminal(let term): return "cannot start curses for TERM=\(term.isEmpty ? "(unset)" : term)"
            case .alreadyActive: return "a curses terminal is already open"
            }
        }
    }

    public private(set) var size: Size
    public let capabilities: TerminalCapabilities

    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    private let inputFD: Int32
    private let outputFile: UnsafeMutablePointer<FILE>
    private let inputFile: UnsafeMutablePointer<FILE>
    private let palette: CursesPalette
    private let signals: SignalMonitor
    private var previous: ScreenBuffer?
    private var cursorVisible: Bool?
    private var quickErrors = 0
    private var isClosed = false

    /// Starts curses on standard input/output.
    ///
    /// Sets the locale from the environment (falling back to C.UTF-8 for LC_CTYPE when
    /// the codeset is not UTF-8, so CJK and Cyrillic still draw and can be typed), then
    /// `newterm` (never `initscr`, which exits on an unknown TERM), raw mode (Ctrl-C is
    /// a key, not a signal), no echo, keypad, a short Esc delay, mouse and colours.
    public init(options: Options = Options()) throws {
        guard isatty(0) == 1, isatty(1) == 1 else { throw StartError.notATerminal }
        guard CursesSession.claim() else { throw StartError.alreadyActive }

        setlocale(LC_ALL, "")
        let localeWasUTF8 = cnw_codeset_is_utf8() != 0
        if !localeWasUTF8 {
            setlocale(LC_CTYPE, "C.UTF-8")
        }

        // Own FILE streams on duplicated descriptors: closing them later leaves fd 0/1 open.
        // getenv, not ProcessInfo: that copies the whole environment into a dictionary first.
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        let outFD = dup(1)
        let inFD = dup(0)
        guard outFD >= 0, inFD >= 0,
              let outFile = fdopen(outFD, "w"), let inFile = fdopen(inFD, "r")
        else {
            CursesSession.release()
            throw StartError.notATerminal
        }
        guard let screen = newterm(term.isEmpty ? nil : term, outFile, inFile),
              let window = cnw_stdscr()
        else {
            fclose(outFile)
            fclose(inFile)
            CursesSession.release()
            throw StartError.unknownTerminal(term)
        }
        self.screen = screen
        self.window = window
        self.inputFD = inFD
        self.outputFile = outFile
        self.inputFile = inFile
        CursesSession.activate(screen)

        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(options.escapeDelay)
        Self.defineCommonKeySequences()
        curs_set(0)
        cursorVisible = false

        let colors = has_colors()
        var theme = options.theme
        if colors {
            start_color()
            if theme == .default { use_default_colors() }
        } else {
            theme = .monochrome
        }
        palette = CursesPalette(theme: theme, defineColors: colors && theme != .monochrome)

        var mouse = false
        if options.mouse {
            mouse = mousemask(cnw_all_mouse_events(), nil) != 0
            // Report presses and releases at once instead of waiting to detect clicks.
            mouseinterval(0)
        }

        let consoleLike = term.hasPrefix("vt") || term == "linux" || term == "dumb"
        let unicode: Bool
        switch options.glyphs {
        case .automatic: unicode = localeWasUTF8 && !consoleLike
        case .unicode: unicode = true
        case .ascii: unicode = false
        }
        capabilities = TerminalCapabilities(
            hasColors: colors, colorCount: colors ? Int(cnw_colors()) : 0,
            unicode: unicode, mouse: mouse, theme: theme)
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        signals = SignalMonitor()
    }

    deinit {
        close()
    }

    // MARK: - Output

    public func present(_ buffer: ScreenBuffer, cursor: Point?) {
        guard !isClosed else { return }
        if previous?.size != buffer.size {
            previous = nil
        }
        if previous == nil {
            werase(window)
        }
        for point in buffer.changedCells(since: previous) {
            draw(buffer[point], x: point.x, y: point.y)
        }
        previous = buffer

        if let cursor, cursor.x >= 0, cursor.x < size.width, cursor.y >= 0, cursor.y < size.height {
            if cursorVisible != true {
                curs_set(1)
                cursorVisible = true
            }
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else if cursorVisible != false {
            curs_set(0)
            cursorVisible = false
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes one cell at (`x`, `y`) with `setcchar` + `mvwadd_wch`.
    private func draw(_ cell: Cell, x: Int, y: Int) {
        guard !cell.isContinuation, y < size.height else { return }
        var complex = cchar_t()
        if let ascii = DisplayWidth.singleByte(cell.character), ascii >= 0x20, ascii < 0x7F {
            guard x < size.width else { return }
            let look = palette.look(for: cell.style)
            // Most cells: one printable ASCII character, drawn without building an array.
            var text: (wchar_t, wchar_t) = (wchar_t(ascii), 0)
            _ = withUnsafePointer(to: &text) { pointer in
                pointer.withMemoryRebound(to: wchar_t.self, capacity: 2) { setcchar(&complex, $0, look.attributes, look.pair, nil) }
            }
            mvwadd_wch(window, Int32(y), Int32(x), &complex)
            return
        }
        guard x + cell.width <= size.width else { return }
        let look = palette.look(for: cell.style)
        var characters = Self.drawableScalars(of: cell.character, width: cell.width)
        characters.append(0)
        let made = characters.withUnsafeBufferPointer { pointer in
            setcchar(&complex, pointer.baseAddress, look.attributes, look.pair, nil)
        }
        if made != OK {
            // ncurses refused the sequence: draw the base alone.
            var base: [wchar_t] = [characters[0], 0]
            _ = base.withUnsafeMutableBufferPointer { pointer in
                setcchar(&complex, pointer.baseAddress, look.attributes, look.pair, nil)
            }
        }
        mvwadd_wch(window, Int32(y), Int32(x), &complex)
    }

    /// The scalars to hand ncurses for one grapheme so the terminal advances exactly
    /// `width` columns, as the grid assumes.
    ///
    /// ncurses measures with libc `wcwidth`; where that disagrees with ``DisplayWidth``
    /// (a scalar newer than the C library, an emoji ZWJ sequence the terminal would
    /// draw as several glyphs) alignment would break. So: the base scalar, then only
    /// combining (zero-width) scalars, without joiners or emoji variation selectors,
    /// at most `CCHARW_MAX - 1` in all; and a base libc measures differently is drawn
    /// as U+FFFD (plus a space for a wide cell's second column, which ncurses fills).
    static func drawableScalars(of character: Character, width: Int) -> [wchar_t] {
        let limit = Int(cnw_ccharw_max()) - 1
        var result: [wchar_t] = []
        for scalar in character.unicodeScalars {
            if result.isEmpty {
                let libcWidth = cnw_wcwidth(wchar_t(bitPattern: scalar.value))
                if Int(libcWidth) != width {
                    return width == 2 ? [0xFF1F] : [0xFFFD]  // fullwidth '？' keeps 2 columns
                }
                result.append(wchar_t(bitPattern: scalar.value))
                continue
            }
            if scalar == "\u{200D}" || scalar == "\u{FE0F}" { break }
            guard DisplayWidth.of(scalar) == 0, cnw_wcwidth(wchar_t(bitPattern: scalar.value)) == 0 else { break }
            if result.count >= limit { break }
            result.append(wchar_t(bitPattern: scalar.value))
        }
        if result.isEmpty { result.append(0x20) }
        return result
    }

    // MARK: - Input

    public func nextEvent(timeout: Duration?) -> TerminalEvent {
        let deadline = timeout.map { SystemClock.monotonicNanoseconds() + $0.wholeNanoseconds }
        while !isClosed {
            if let signal = signals.take() { return .signal(signal) }
            // What ncurses has already read comes first (one read can hold several keys),
            // then wait without a timeout of our own: the terminal, the signal pipe and the
            // deadline wake us, so an idle wizard sleeps (no wake-ups every 100 ms).
            wtimeout(window, 0)
            var value: wint_t = 0
            let status = wget_wch(window, &value)
            if status == OK {
                quickErrors = 0
                if let key = CursesKeyDecoder.decodeCharacter(UInt32(value)) { return .key(key) }
                continue
            } else if status == KEY_CODE_YES {
                quickErrors = 0
                if let event = decodeKeyCode(Int32(bitPattern: value)) { return event }
                continue
            } else if inputIsGone() {
                return .endOfInput
            }
            var wait: Int32 = signals.wakeFD >= 0 ? -1 : 100
            if let deadline {
                let remaining = SystemClock.nanoseconds(until: deadline)
                if remaining == 0 { return .timeout }
                let milliseconds = remaining / 1_000_000 + 1
                wait = wait < 0 ? Int32(clamping: milliseconds) : min(wait, Int32(clamping: milliseconds))
            }
            var watched = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: signals.wakeFD, events: Int16(POLLIN), revents: 0)]
            // EINTR (a signal, a resize) and readiness alike go round the loop again.
            _ = poll(&watched, 2, wait)
        }
        return .endOfInput
    }

    private func decodeKeyCode(_ code: Int32) -> TerminalEvent? {
        switch code {
        case KEY_RESIZE:
            size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
            previous = nil  // repaint everything on the next present
            return .resize(size)
        case KEY_MOUSE:
            var event = MEVENT()
            guard getmouse(&event) == OK else { return nil }
            return CursesKeyDecoder.decodeMouse(state: event.bstate, x: event.x, y: event.y).map(TerminalEvent.mouse)
        default:
            return CursesKeyDecoder.decodeKeyCode(code).map(TerminalEvent.key)
        }
    }

    /// After `wget_wch` returned ERR: whether that was a timeout (false) or the input
    /// has ended (hang-up, error, or EOF: readable but nothing read, several times).
    private func inputIsGone() -> Bool {
        var descriptor = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        if ready < 0 { return errno != EINTR }
        let revents = Int32(descriptor.revents)
        if revents & (Int32(POLLHUP) | Int32(POLLERR) | Int32(POLLNVAL)) != 0 { return true }
        if revents & Int32(POLLIN) != 0 {
            quickErrors += 1
            return quickErrors >= 3
        }
        quickErrors = 0
        return false
    }

    // MARK: - Wiping (kiosk)

    /// Clears the screen (`clear`: the terminal's clear sequence on the next refresh), then
    /// writes `ESC [3J` (erase scrollback) and an empty window title.
    public func wipe() {
        guard !isClosed else { return }
        wclear(window)
        wrefresh(window)
        fputs("\u{1B}[3J\u{1B}]0;\u{07}\u{1B}]2;\u{07}", outputFile)
        fflush(outputFile)
        previous = nil
    }

    // MARK: - Shutdown

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        signals.cancel()
        if let screen {
            set_term(screen)
            endwin()
            CursesSession.deactivate()
            delscreen(screen)
        }
        screen = nil
        fclose(outputFile)
        fclose(inputFile)
        CursesSession.release()
    }

    /// Home and End arrive as `ESC [ 1 ~` / `ESC [ 4 ~` (tmux, screen, many consoles) or
    /// `ESC [ H` / `ESC [ F`, which the xterm terminfo entries do not list; unknown, they
    /// would reach the wizard as Esc (= Back) followed by stray characters. Teach them all.
    private static func defineCommonKeySequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[H", KEY_HOME), ("\u{1B}OH", KEY_HOME),
            ("\u{1B}[4~", KEY_END), ("\u{1B}[8~", KEY_END), ("\u{1B}[F", KEY_END), ("\u{1B}OF", KEY_END),
        ]
        for (sequence, key) in sequences where key_defined(sequence) != key {
            _ = define_key(sequence, key)
        }
    }
}
