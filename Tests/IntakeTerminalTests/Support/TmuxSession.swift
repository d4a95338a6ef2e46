import Foundation
import Testing

/// Runs a command in a detached tmux session so end-to-end tests can type, tap,
/// resize and read the screen like a patient would.
///
/// Each session has its own server socket (`tmux -L <unique>`) and an empty config
/// (`-f <temp file>` that only sets `remain-on-exit on`, so a finished program's pane
/// stays around to be inspected). The server is killed in ``kill()`` and in `deinit`.
/// Waits poll the screen; there are no fixed sleeps.
final class TmuxSession {
    struct Failure: Error, CustomStringConvertible {
        var message: String
        var screen: [String]
        var description: String {
            "\(message)\n--- screen ---\n" + screen.joined(separator: "\n") + "\n--------------"
        }
    }

    /// Whether a `tmux` binary is on the PATH.
    static let isAvailable: Bool = findExecutable("tmux") != nil

    /// The `intake` executable under test, or nil when it was not built.
    ///
    /// Looked up, in order: `$INTAKE_BINARY`; next to the running test bundle
    /// (`swift test` builds every product into the same directory as
    /// `SymptomIntakePackageTests.xctest`, e.g. `.build/x86_64-unknown-linux-gnu/debug/`);
    /// `.build/debug/intake` under the package root derived from this file's `#filePath`.
    static let intakeBinary: String? = {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["INTAKE_BINARY"] { candidates.append(explicit) }
        if let executable = Bundle.main.executableURL {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent("intake").path)
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            candidates.append(URL(fileURLWithPath: bundle.bundlePath).deletingLastPathComponent().appendingPathComponent("intake").path)
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/intake").path)
        return candidates.first { fileManager.isExecutableFile(atPath: $0) }
    }()

    let socket: String
    private let configPath: String
    private var killed = false

    /// Starts `command` (a shell command line) in an `width`x`height` session with
    /// `LANG=C.UTF-8` and `TERM=term`.
    init(command: String, width: Int = 80, height: Int = 24, term: String = "xterm-256color") throws {
        socket = "intake-test-\(getpid())-\(UUID().uuidString.prefix(8))"
        configPath = NSTemporaryDirectory() + "/\(socket).conf"
        try "set -g remain-on-exit on\nset -g status off\n".write(toFile: configPath, atomically: true, encoding: .utf8)
        try tmuxChecked(
            "new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)",
            // `exec`: tmux runs the line with `sh -c`; without exec the pane's pid may be
            // that shell rather than the program, and a signal sent to it would miss.
            "exec env LANG=C.UTF-8 LC_ALL= TERM=\(term) \(command)")
    }

    deinit { kill() }

    // MARK: - Input

    /// Sends tmux key names (`Down`, `Enter`, `C-c`, `BTab`, `F5`) or literal characters.
    func sendKeys(_ keys: String...) throws {
        try tmuxChecked(["send-keys", "-t", "t"] + keys)
    }

    /// Sends `text` literally (no key-name lookup), e.g. Cyrillic or CJK characters.
    func sendText(_ text: String) throws {
        try tmuxChecked("send-keys", "-t", "t", "-l", text)
    }

    /// Sends raw bytes to the program as if the terminal had produced them.
    func sendBytes(_ bytes: [UInt8]) throws {
        try tmuxChecked(["send-keys", "-t", "t", "-H"] + bytes.map { String(format: "%02x", $0) })
    }

    /// A button-1 press at a 0-based cell, as an xterm SGR (1006) mouse report.
    func sendMousePress(column: Int, row: Int) throws {
        try sendBytes(Array("\u{1B}[<0;\(column + 1);\(row + 1)M".utf8))
    }

    /// A button-1 release at a 0-based cell.
    func sendMouseRelease(column: Int, row: Int) throws {
        try sendBytes(Array("\u{1B}[<0;\(column + 1);\(row + 1)m".utf8))
    }

    /// A press followed at once by a release at a 0-based cell. When both reach ncurses
    /// in one read it may report only one of them: tests that check both should send
    /// the press, wait for it, then send the release.
    func sendMouseClick(column: Int, row: Int) throws {
        try sendMousePress(column: column, row: row)
        try sendMouseRelease(column: column, row: row)
    }

    /// Resizes the window, as when the kiosk's terminal window changes size.
    func resize(width: Int, height: Int) throws {
        try tmuxChecked("resize-window", "-t", "t", "-x", "\(width)", "-y", "\(height)")
    }

    /// Appends everything the program writes to the terminal from now on to `path`.
    func recordOutput(to path: String) throws {
        try tmuxChecked("pipe-pane", "-t", "t", "-o", "cat >> '\(path)'")
    }

    // MARK: - Reading

    /// The visible screen, one string per row, trailing spaces trimmed; wide characters appear once.
    func capture() throws -> [String] {
        let output = try tmuxChecked("capture-pane", "-p", "-t", "t")
        var lines = output.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            var trimmed = Substring(line)
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }
    }

    /// A tmux format for the pane, e.g. `#{pane_dead}` or `#{alternate_on}`.
    func paneFormat(_ format: String) throws -> String {
        try tmuxChecked("display-message", "-p", "-t", "t", format)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the pane's process.
    func pid() throws -> pid_t {
        pid_t(try paneFormat("#{pane_pid}")) ?? 0
    }

    /// Whether the pane's process has exited.
    func isDead() throws -> Bool { try paneFormat("#{pane_dead}") == "1" }

    /// The exit status of the pane's process once it has exited; -1 when it was
    /// killed by a signal (tmux then reports no status).
    func exitStatus() throws -> Int32? {
        guard try isDead() else { return nil }
        return Int32(try paneFormat("#{pane_dead_status}")) ?? -1
    }

    /// Polls until `text` is on the screen; returns that screen or throws with the last one.
    @discardableResult
    func waitFor(text: String, timeout: Duration = .seconds(5)) throws -> [String] {
        try waitUntil("\"\(text)\" on screen", timeout: timeout) { screen in
            screen.contains { $0.contains(text) }
        }
    }

    /// Polls the screen until `condition` holds; throws with the last screen on timeout.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = .seconds(5), _ condition: ([String]) throws -> Bool) throws -> [String] {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen: [String] = []
        while true {
            screen = try capture()
            if try condition(screen) { return screen }
            if clock.now >= deadline { throw Failure(message: "timed out waiting for \(what)", screen: screen) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Polls until the pane's process has exited and returns its exit status.
    func waitForExit(timeout: Duration = .seconds(5)) throws -> Int32 {
        var status: Int32?
        try waitUntil("the process to exit", timeout: timeout) { _ in
            status = try exitStatus()
            return status != nil
        }
        return status ?? -1
    }

    /// Stops the tmux server (and with it the program). Safe to call twice.
    func kill() {
        guard !killed else { return }
        killed = true
        _ = try? Self.run(["-L", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: configPath)
    }

    // MARK: - Running tmux

    @discardableResult
    private func tmuxChecked(_ arguments: String...) throws -> String {
        try tmuxChecked(arguments)
    }

    @discardableResult
    private func tmuxChecked(_ arguments: [String]) throws -> String {
        let result = try Self.run(["-L", socket, "-f", configPath] + arguments)
        guard result.status == 0 else {
            throw Failure(message: "tmux \(arguments.joined(separator: " ")) failed: \(result.output)", screen: [])
        }
        return result.output
    }

    /// Runs tmux and returns its exit status and combined output.
    ///
    /// Uses `posix_spawn` + `waitpid` with output to a temporary file: the tmux server
    /// started by `new-session` inherits the client's descriptors, so reading a pipe to
    /// its end would wait for the server, and Foundation's `Process` did not reap the
    /// client reliably from Swift Testing's threads here.
    private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let tmux = findExecutable("tmux") else { throw Failure(message: "tmux not found", screen: []) }
        let outputPath = NSTemporaryDirectory() + "/tmux-out-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([tmux] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        // Test runner threads block most signals, and a spawned process inherits the
        // mask: tmux and the program under test would never see SIGWINCH or SIGTERM.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGHUP, SIGINT, SIGTERM, SIGWINCH, SIGCHLD, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure(message: "cannot start tmux: error \(spawned)", screen: []) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let data = FileManager.default.contents(atPath: outputPath) ?? Data()
        let exitStatus: Int32 = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return (exitStatus, String(decoding: data, as: UTF8.self))
    }

    private static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
