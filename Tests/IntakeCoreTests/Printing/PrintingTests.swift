import Foundation
import Testing
@testable import IntakeCore

@Suite struct PrintJobTitleTests {
    @Test func sessionNamesAreKeptAndOtherNamesHidden() {
        #expect(PrintJobTitle.title(for: "/var/lib/intake/20261125T143005Z-ab12cd34.summary.txt") == "intake 20261125T143005Z-ab12cd34")
        let other = PrintJobTitle.title(for: "/home/x/Jane Doe summary.txt")
        #expect(other.hasPrefix("intake ") && !other.contains("Jane") && other.count == "intake ".count + 8)
        #expect(PrintJobTitle.title(for: "20261125T143005Z-AB12CD34.txt") != "intake 20261125T143005Z-AB12CD34", "upper-case hex is not our format")
    }

    @Test func missingCUPSToolsLeaveTheFilePending() throws {
        let folder = try TemporaryFolder()
        let file = folder.file("20261125T143005Z-ab12cd34.summary.txt")
        try "summary\n".write(toFile: file, atomically: true, encoding: .utf8)
        let spooler = PrintSpooler(searchPath: [folder.file("no-bin")])
        #expect(try spooler.printOrMark(file, printer: "Any") == .pending(.cupsToolsMissing))
        #expect(PendingPrints.isPending(file))
        #expect(PendingPrints.list(in: folder.path) == [file])
        var info = stat()
        #expect(stat(PendingPrints.markerPath(for: file), &info) == 0 && info.st_mode & 0o777 == 0o600)
        let marker = try String(contentsOfFile: PendingPrints.markerPath(for: file), encoding: .utf8)
        #expect(marker.hasSuffix(" the CUPS client programs (lp, lpstat) are not installed\n"))
        // No scheduler answering: pending, with that reason (not "unknown printer").
        if PrintSpooler().runner.find("lp") != nil {
            let nowhere = PrintSpooler(cupsServer: folder.file("no-cupsd.sock"))
            #expect(try nowhere.printOrMark(file, printer: "Any") == .pending(.schedulerUnavailable))
        }
        // A marker whose summary was deleted is not listed.
        unlink(file)
        #expect(PendingPrints.list(in: folder.path).isEmpty)
    }
}

/// Printing through a real CUPS scheduler: `scripts/start-cups-for-tests.sh` starts cupsd
/// and makes a raw queue whose device writes each job's bytes to a file. When CUPS cannot
/// be started these tests fail (set INTAKE_SKIP_CUPS_TESTS=1 to skip them on purpose).
@Suite(.serialized) struct CUPSPrintingTests {
    let queue = "intake-test-\(getpid())"
    let spooler = PrintSpooler()

    /// Starts CUPS with the test queue; nil when skipping was asked for.
    func startCUPS(capture: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Bool {
        if ProcessInfo.processInfo.environment["INTAKE_SKIP_CUPS_TESTS"] == "1" {
            print("SKIPPED CUPS tests: INTAKE_SKIP_CUPS_TESTS=1")
            return false
        }
        let script = repositoryRoot.appendingPathComponent("scripts/start-cups-for-tests.sh").path
        let run = try runProgram(script, [queue, capture])
        if run.status != 0 {
            Issue.record("CUPS could not be started for the printing tests: \(run.errors)", sourceLocation: sourceLocation)
            return false
        }
        return true
    }

    func removeQueue() { _ = try? runProgram("/usr/sbin/lpadmin", ["-x", queue]) }

    /// Waits for CUPS to hand `count` jobs to the device; returns their bytes by job file name.
    func receivedJobs(in capture: String, count: Int) -> [String: [UInt8]] {
        for _ in 0..<150 {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: capture)) ?? []).filter { $0.hasPrefix("job-") && !$0.hasSuffix(".part") }
            if names.count >= count {
                return Dictionary(uniqueKeysWithValues: names.map { ($0, FileManager.default.contents(atPath: capture + "/" + $0).map(Array.init) ?? []) })
            }
            usleep(100_000)
        }
        return [:]
    }

    func summary(_ folder: TemporaryFolder, _ id: String, _ text: String) throws -> String {
        let path = folder.file("20261125T1430\(id)Z-ab12cd34.summary.txt")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func printedBytesArriveExactly() throws {
        let folder = try TemporaryFolder()
        let capture = folder.file("capture")
        guard try startCUPS(capture: capture) else { return }
        defer { removeQueue() }
        let text = "SUMMARY\nФиброз — ščř — 皮疹\n" + String(repeating: "line of the summary\n", count: 200)
        let file = try summary(folder, "05", text)
        let outcome = try spooler.printOrMark(file, printer: queue)
        guard case .printed(let id) = outcome else {
            Issue.record("not printed: \(outcome)")
            return
        }
        #expect(id.hasPrefix(queue + "-"))
        let jobs = receivedJobs(in: capture, count: 1)
        #expect(jobs.count == 1)
        #expect(jobs.values.first == Array(text.utf8))
        #expect(!PendingPrints.isPending(file))
    }

    @Test func stoppedOrUnknownPrinterLeavesJobsPendingUntilRetried() throws {
        let folder = try TemporaryFolder()
        let capture = folder.file("capture")
        guard try startCUPS(capture: capture) else { return }
        defer { removeQueue() }
        let first = try summary(folder, "01", "first summary\n")
        let second = try summary(folder, "02", "second summary\n")

        #expect(try spooler.printOrMark(first, printer: "intake-no-such-queue") == .pending(.unknownPrinter("intake-no-such-queue")))
        #expect(try runProgram("/usr/sbin/cupsdisable", [queue]).status == 0)
        #expect(try spooler.printOrMark(second, printer: queue) == .pending(.printerDisabled(queue)))
        #expect(PendingPrints.list(in: folder.path) == [first, second])
        usleep(500_000)
        #expect(receivedJobs(in: capture, count: 0).isEmpty, "nothing reached the printer")

        // Still stopped: --pending keeps them pending and says so (exit 3).
        let intake = try intakeExecutable()
        let stillStopped = try runProgram(intake, ["print", "--pending", "--out", folder.path, "--printer", queue])
        #expect(stillStopped.status == 3)
        #expect(stillStopped.errors.contains("still pending: printer '\(queue)' is stopped"))

        #expect(try runProgram("/usr/sbin/cupsenable", [queue]).status == 0)
        let retry = try runProgram(intake, ["print", "--pending", "--out", folder.path, "--printer", queue])
        #expect(retry.status == 0, "\(retry.errors)")
        #expect(retry.output.contains("printed"))
        let jobs = receivedJobs(in: capture, count: 2)
        #expect(Set(jobs.values) == [Array("first summary\n".utf8), Array("second summary\n".utf8)])
        #expect(PendingPrints.list(in: folder.path).isEmpty)
    }

    @Test func printCommandPrintsOneFile() throws {
        let folder = try TemporaryFolder()
        let capture = folder.file("capture")
        guard try startCUPS(capture: capture) else { return }
        defer { removeQueue() }
        let file = try summary(folder, "03", "printed by the command\n")
        let run = try runProgram(try intakeExecutable(), ["print", file, "--printer", queue])
        #expect(run.status == 0, "\(run.errors)")
        #expect(receivedJobs(in: capture, count: 1).values.first == Array("printed by the command\n".utf8))
        let unknown = try runProgram(try intakeExecutable(), ["print", file, "--printer", "intake-no-such-queue"])
        #expect(unknown.status == 3)
        #expect(unknown.errors.contains("CUPS has no printer 'intake-no-such-queue'"))
        #expect(PendingPrints.isPending(file))
    }

    /// With sealing on, the plaintext goes to lp from memory and never touches the disk;
    /// the sealed file itself is refused (it would print ciphertext).
    @Test func plaintextOfASealedSummaryPrintsFromMemory() throws {
        let folder = try TemporaryFolder()
        let capture = folder.file("capture")
        guard try startCUPS(capture: capture) else { return }
        defer { removeQueue() }
        let plaintext = Array(("sealed summary\n" + String(repeating: "x", count: 300_000) + "\n").utf8)
        let key = ClinicPrivateKey.generate()
        let sealedPath = folder.file("20261125T143004Z-ab12cd34.summary.txt.sealed")
        try DurableWrite.replace(sealedPath, with: try key.publicKey.seal(plaintext))

        #expect(try spooler.printOrMark(sealedPath, printer: queue) == .pending(.sealed(sealedPath)))
        let outcome = try spooler.printOrMark(bytes: plaintext, of: sealedPath, printer: queue)
        guard case .printed = outcome else {
            Issue.record("not printed: \(outcome)")
            return
        }
        #expect(receivedJobs(in: capture, count: 1).values.first == plaintext)
        #expect(!PendingPrints.isPending(sealedPath))
        #expect(try spooler.printOrMark(bytes: plaintext, of: sealedPath, printer: "intake-no-such-queue") == .pending(.unknownPrinter("intake-no-such-queue")))
        #expect(PendingPrints.isPending(sealedPath))
    }
}
