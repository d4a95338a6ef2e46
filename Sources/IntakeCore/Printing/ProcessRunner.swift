import Foundation

/// Runs a program directly (never through a shell, so no file name or printer name is ever
/// parsed as shell syntax) with the C locale, so CUPS's messages are the English ones the
/// parsers below expect.
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
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        self.searchPath = searchPath ?? (path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin", "/usr/sbin", "/sbin"])
    }

    func find(_ program: String) -> String? {
        searchPath.lazy.map { $0 + "/" + program }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `program` with `arguments`; nil when the program does not exist or cannot start.
    /// - Parameter input: bytes for the program's standard input. They go through a Unix
    ///   socket pair written with `MSG_NOSIGNAL`, not a pipe (a program that exits early
    ///   would kill this one with SIGPIPE) and not a temporary file (plaintext health data
    ///   must not land on disk outside the output folder).
    func run(_ program: String, _ arguments: [String], input: [UInt8]? = nil) -> Result? {
        guard let executable = find(program) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.merge(self.environment) { _, new in new }
        environment["LC_ALL"] = "C"
        environment["LANG"] = "C"
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        var feeder: InputFeeder?
        if let input {
            guard let created = InputFeeder(input) else { return nil }
            feeder = created
            process.standardInput = created.childEnd
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        do {
            try process.run()
        } catch {
            feeder?.cancel()
            return nil
        }
        feeder?.start()
        // Read both pipes before waiting so a chatty program cannot block on a full pipe.
        let errorData = ErrorCollector(errors.fileHandleForReading)
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errorOutput: String(decoding: errorData.finish(), as: UTF8.self))
    }
}

/// Drains a pipe on another thread while the main one reads the other pipe.
private final class ErrorCollector: @unchecked Sendable {
    private let handle: FileHandle
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        self.handle = handle
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func finish() -> Data {
        done.wait()
        return data
    }
}

/// Feeds bytes to a child's standard input through a socket pair, on its own thread.
private final class InputFeeder: @unchecked Sendable {
    let childEnd: FileHandle
    private let ourEnd: Int32
    private let bytes: [UInt8]

    init?(_ bytes: [UInt8]) {
        var pair: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &pair) == 0 else { return nil }
        // The child reads only; we write only.
        shutdown(pair[1], Int32(SHUT_WR))
        childEnd = FileHandle(fileDescriptor: pair[1], closeOnDealloc: true)
        ourEnd = pair[0]
        self.bytes = bytes
    }

    /// Writes everything (or until the child stops reading), then closes our end so the child sees end of input.
    func start() {
        try? childEnd.close()
        Thread.detachNewThread { [self] in
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes { send(ourEnd, $0.baseAddress.map { $0 + offset }, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
                if sent < 0, errno == EINTR { continue }
                if sent <= 0 { break }
                offset += sent
            }
            close(ourEnd)
        }
    }

    func cancel() {
        try? childEnd.close()
        close(ourEnd)
    }
}
