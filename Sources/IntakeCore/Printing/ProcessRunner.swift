#if canImport(Glibc)
import Glibc
#endif

/// Runs a program directly (never through a shell, so no file name or printer name is ever
/// parsed as shell syntax) with the C locale, so CUPS's messages are the English ones the
/// parsers below expect.
///
/// Made with `posix_spawn` and one `poll` loop rather than Foundation's `Process`: that
/// class alone would link all of Foundation and ICU into the executable, several MiB of
/// memory and a slower start for every patient (docs/performance.md).
struct ProcessRunner: Sendable {
    struct Result: Sendable {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Folders searched for programs: `PATH` plus the usual places (a systemd unit's PATH can be short).
    var searchPath: [String]
    /// Variables set for the program on top of this process's environment.
    var environment: [String: String] = [:]

    init(searchPath: [String]? = nil, environment: [String: String] = [:]) {
        self.environment = environment
        let path = getenv("PATH").map { String(cString: $0) } ?? ""
        self.searchPath = searchPath ?? (path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/sbin", "/sbin"])
    }

    func find(_ program: String) -> String? {
        searchPath.lazy.map { $0 + "/" + program }.first(where: Self.isExecutableFile)
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG && access(path, X_OK) == 0
    }

    /// Runs `program` with `arguments`; nil when the program does not exist or cannot start.
    /// - Parameter input: bytes for the program's standard input. They go through a Unix
    ///   socket pair written with `MSG_NOSIGNAL`, not a pipe (a program that exits early
    ///   would kill this one with SIGPIPE) and not a temporary file (plaintext health data
    ///   must not land on disk outside the output folder).
    func run(_ program: String, _ arguments: [String], input: [UInt8]? = nil) -> Result? {
        guard let executable = find(program) else { return nil }
        guard let output = ChildPipe(), let errors = ChildPipe() else { return nil }
        guard let standardInput = input.map({ InputSocket($0) }) ?? InputSocket(nil) else { return nil }
        guard let pid = spawn(executable, arguments, standardInput: standardInput.childEnd,
                              output: output.writeEnd, errors: errors.writeEnd) else {
            output.closeBoth(); errors.closeBoth(); standardInput.closeBoth()
            return nil
        }
        output.closeWriteEnd(); errors.closeWriteEnd(); standardInput.closeChildEnd()
        // Read both pipes and feed the input in one loop, so a chatty program can never block
        // on a full pipe while we wait on another.
        var streams = StreamPump(output: output.readEnd, errors: errors.readEnd, input: standardInput)
        streams.pumpUntilClosed()
        return Result(status: Self.waitForExit(pid),
                      output: String(decoding: streams.outputBytes, as: UTF8.self),
                      errorOutput: String(decoding: streams.errorBytes, as: UTF8.self))
    }

    /// Starts the program with its three standard streams on the given descriptors, every
    /// signal at its default action and none blocked (the kiosk ignores and catches some).
    private func spawn(_ executable: String, _ arguments: [String], standardInput: Int32, output: Int32, errors: Int32) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        posix_spawn_file_actions_adddup2(&actions, output, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t(), allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = CStringArray([executable] + arguments)
        let envp = CStringArray(childEnvironment())
        defer { argv.free(); envp.free() }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv.pointers, envp.pointers)
        return status == 0 ? pid : nil
    }

    /// This process's environment with ours on top and the C locale.
    private func childEnvironment() -> [String] {
        var variables: [(name: Substring, entry: String)] = []
        var index = 0
        while let entry = environ[index] {
            let text = String(cString: entry)
            index += 1
            guard let equals = text.firstIndex(of: "=") else { continue }
            variables.append((text[..<equals], text))
        }
        var overrides = environment
        overrides["LC_ALL"] = "C"
        overrides["LANG"] = "C"
        let kept = variables.filter { overrides[String($0.name)] == nil }.map(\.entry)
        return kept + overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
    }

    /// The exit status, or the signal number for a program killed by a signal (as `Process` reports it).
    private static func waitForExit(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : signal
    }
}

/// A pipe from the child to us, both ends closed on exec.
private struct ChildPipe {
    let readEnd: Int32
    let writeEnd: Int32

    init?() {
        var ends: [Int32] = [-1, -1]
        // pipe2 needs _GNU_SOURCE, which Swift's Glibc module does not define.
        guard pipe(&ends) == 0 else { return nil }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    func closeWriteEnd() { close(writeEnd) }
    func closeBoth() { close(readEnd); close(writeEnd) }
}

/// The child's standard input: a socket pair carrying `bytes`, or `/dev/null` when there are none.
private struct InputSocket {
    let childEnd: Int32
    /// Our writing end; -1 without input.
    let ourEnd: Int32
    let bytes: [UInt8]

    init?(_ bytes: [UInt8]?) {
        guard let bytes else {
            childEnd = open("/dev/null", O_RDONLY | O_CLOEXEC)
            ourEnd = -1
            self.bytes = []
            if childEnd < 0 { return nil }
            return
        }
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else { return nil }
        // The child reads only; we write only.
        shutdown(pair[1], Int32(SHUT_WR))
        childEnd = pair[1]
        ourEnd = pair[0]
        self.bytes = bytes
    }

    func closeChildEnd() { close(childEnd) }
    func closeBoth() {
        close(childEnd)
        if ourEnd >= 0 { close(ourEnd) }
    }
}

/// Collects the child's output and error streams and writes its input, all with `poll`.
private struct StreamPump {
    private(set) var outputBytes: [UInt8] = []
    private(set) var errorBytes: [UInt8] = []
    private var output: Int32
    private var errors: Int32
    private var input: Int32
    private let inputBytes: [UInt8]
    private var sent = 0

    init(output: Int32, errors: Int32, input: InputSocket) {
        self.output = output
        self.errors = errors
        self.input = input.ourEnd
        self.inputBytes = input.bytes
        if self.input >= 0, inputBytes.isEmpty { closeInput() }
    }

    mutating func pumpUntilClosed() {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while output >= 0 || errors >= 0 || input >= 0 {
            var watched = [pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: input, events: Int16(POLLOUT), revents: 0)]
            // poll skips negative descriptors.
            if poll(&watched, 3, -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            if watched[0].revents != 0 { drain(&output, into: &outputBytes, chunk: &chunk) }
            if watched[1].revents != 0 { drain(&errors, into: &errorBytes, chunk: &chunk) }
            if watched[2].revents != 0 { feed() }
        }
        for fd in [output, errors, input] where fd >= 0 { close(fd) }
    }

    /// Reads what is there; closes the descriptor at end of stream or on an error.
    private func drain(_ fd: inout Int32, into bytes: inout [UInt8], chunk: inout [UInt8]) {
        let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if count > 0 {
            bytes += chunk[0..<count]
        } else if count == 0 || errno != EINTR {
            close(fd)
            fd = -1
        }
    }

    /// Sends what the socket takes now; stops when everything is sent or the child stopped reading.
    private mutating func feed() {
        let count = inputBytes.withUnsafeBytes {
            send(input, $0.baseAddress.map { $0 + sent }, inputBytes.count - sent, Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
        }
        if count > 0 {
            sent += count
            if sent == inputBytes.count { closeInput() }
        } else if errno != EINTR, errno != EAGAIN {
            closeInput()
        }
    }

    private mutating func closeInput() {
        close(input)
        input = -1
    }
}

/// NUL-terminated C strings for `argv` and `envp`, freed by ``free()``.
private struct CStringArray {
    let pointers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>

    init(_ strings: [String]) {
        pointers = .allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() { pointers[index] = strdup(string) }
        pointers[strings.count] = nil
    }

    func free() {
        var index = 0
        while let string = pointers[index] {
            Glibc.free(string)
            index += 1
        }
        pointers.deallocate()
    }
}
