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
    func run(_ program: String, _ arguments: [String]) -> Result? {
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
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return nil
        }
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
