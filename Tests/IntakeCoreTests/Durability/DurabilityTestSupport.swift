import Foundation
import Testing
@testable import IntakeCore

/// A fresh private folder under /tmp, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init(_ label: String = "intake-test") throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent(label)
        var template = Array((base + "-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let created else { throw DurabilityError.io(operation: "mkdtemp", path: label, errno: errno) }
        path = created
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

/// A clock the test moves by hand: monotonic and wall time independently.
final class TestClock: SessionClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: DraftTimestamp

    init(wall: Double = 1_795_000_000, monotonic: UInt64 = 5_000_000_000, boot: String = "boot-a") {
        current = DraftTimestamp(wallSeconds: wall, monotonicNanoseconds: monotonic, bootID: boot)
    }

    func now() -> DraftTimestamp { lock.withLock { current } }

    /// Both clocks move on by `seconds`.
    func advance(_ seconds: Double) {
        lock.withLock {
            current.wallSeconds += seconds
            current.monotonicNanoseconds += UInt64(seconds * 1e9)
        }
    }

    /// Someone sets the date: only the wall clock jumps.
    func setWall(by seconds: Double) { lock.withLock { current.wallSeconds += seconds } }

    /// A reboot: monotonic time restarts, the boot id changes.
    func reboot(boot: String, wallAdvance: Double) {
        lock.withLock {
            current = DraftTimestamp(wallSeconds: current.wallSeconds + wallAdvance, monotonicNanoseconds: 1_000_000_000, bootID: boot)
        }
    }
}

/// A questionnaire with skip logic, a text item and many yes/no items (big batches of records).
let durabilityQuestionnaireYAML = minimalHead + """
sections:
  - id: general
    title: General
    items:
      - {id: fever, type: yes_no, text: Fever?}
      - {id: temp, type: decimal, text: Temperature?, min: 35, max: 43, when: fever}
      - {id: story, type: long_text, text: Tell us more.}
  - id: skin
    title: Skin
    intro: About your skin.
    items:
      - {id: rash, type: yes_no, text: Rash?}
      - {id: sites, type: body_map, text: Where?, when: rash}

""" + (1...40).map { "      - {id: q\($0), type: yes_no, text: Question \($0)?}" }.joined(separator: "\n") + "\n"

func durabilityQuestionnaire() throws -> Questionnaire { try loadValid(durabilityQuestionnaireYAML) }

/// The `intake` executable under test: `$INTAKE_BINARY` (`make test` runs the end-to-end
/// suites a second time against the static release build), else the one built next to the
/// test bundle in the build folder.
func intakeExecutable(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    let candidates = (ProcessInfo.processInfo.environment["INTAKE_BINARY"].map { [$0] } ?? [])
        + [bundle.appendingPathComponent("intake").path, bundle.deletingLastPathComponent().appendingPathComponent("intake").path]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        Issue.record("the intake executable is not built next to the tests (looked in \(candidates)); run 'swift build' first", sourceLocation: sourceLocation)
        throw CancellationError()
    }
    return found
}

/// Runs a program and returns its exit status (or negative signal) and output.
@discardableResult
func runProgram(_ path: String, _ arguments: [String], input: String? = nil) throws -> (status: Int32, signaled: Bool, output: String, errors: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    if let input {
        let pipe = Pipe()
        process.standardInput = pipe
        try process.run()
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try pipe.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, process.terminationReason == .uncaughtSignal,
            String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
}
