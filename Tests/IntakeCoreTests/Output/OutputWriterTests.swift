import Foundation
import Testing
@testable import IntakeCore

#if canImport(Glibc)
import Glibc
#endif

/// Atomic, private output files: modes whatever the umask, no temporary files left,
/// typed errors instead of crashes.
@Suite(.serialized) struct OutputWriterTests {
    func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("out-\(UUID().uuidString)").path
    }

    func mode(_ path: String) -> mode_t {
        var status = stat()
        stat(path, &status)
        return status.st_mode & 0o777
    }

    func outputs() throws -> IntakeOutputs {
        IntakeOutputs(wizard: try IntakeFixtures.fixture("classic-weakness"), language: "en", submitted: IntakeFixtures.submitted, randomID: "0badcafe")
    }

    @Test(arguments: [mode_t(0o000), mode_t(0o077), mode_t(0o022)])
    func filesAre0600AndTheFolder0700WhateverTheUmask(_ mask: mode_t) throws {
        let base = scratch()
        let folder = base + "/nested/out"
        defer { try? FileManager.default.removeItem(atPath: base) }
        let outputs = try outputs()
        let old = umask(mask)
        let paths: [String]
        do {
            defer { umask(old) }
            paths = try outputs.write(into: folder)
        }
        #expect(paths.map { ($0 as NSString).lastPathComponent } == [
            "20261125T143005Z-0badcafe.summary.txt", "20261125T143005Z-0badcafe.response.json", "20261125T143005Z-0badcafe.result.json",
        ])
        for path in paths { #expect(mode(path) == 0o600, "\(path)") }
        #expect(mode(folder) == 0o700)
        #expect(mode(base + "/nested") == 0o700)
        let listing = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(listing.count == 3, "no temporary files: \(listing)")
        #expect(try String(contentsOfFile: paths[0], encoding: .utf8) == outputs.summary)
    }

    @Test func anExistingFolderKeepsItsMode() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        mkdir(folder, 0o750)
        chmod(folder, 0o750)
        try OutputWriter.write([("a.txt", Array("a".utf8))], into: folder)
        #expect(mode(folder) == 0o750)
        #expect(mode(folder + "/a.txt") == 0o600)
    }

    @Test func aTakenNameFailsAndLeavesNothingOfTheBatch() throws {
        let folder = scratch()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try OutputWriter.write([("b.txt", Array("old".utf8))], into: folder)
        #expect(throws: OutputError(operation: .rename, path: folder + "/b.txt", reason: .exists)) {
            try OutputWriter.write([("a.txt", Array("a".utf8)), ("b.txt", Array("b".utf8))], into: folder)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["b.txt"])
        #expect(try String(contentsOfFile: folder + "/b.txt", encoding: .utf8) == "old")
    }

    @Test(.enabled(if: getuid() != 0, "root ignores permissions"))
    func aReadOnlyFolderGivesPermissionDenied() throws {
        let folder = scratch()
        defer { chmod(folder, 0o700); try? FileManager.default.removeItem(atPath: folder) }
        mkdir(folder, 0o500)
        chmod(folder, 0o500)
        #expect(throws: OutputError(operation: .write, path: folder + "/.a.txt.tmp", reason: .permissionDenied)) {
            try OutputWriter.write([("a.txt", Array("a".utf8))], into: folder)
        }
    }

    @Test func aFolderThatCannotBeCreatedIsATypedError() throws {
        // /proc refuses new entries even for root.
        do {
            try OutputWriter.write([("a.txt", Array("a".utf8))], into: "/proc/self/intake-output")
            Issue.record("expected an error")
        } catch {
            #expect(error.operation == .createFolder)
            #expect(error.description.hasPrefix("cannot create the output folder '/proc/self/intake-output': "))
        }
    }

    @Test func aFullDiskIsATypedError() throws {
        // /dev/full fails every write with ENOSPC: the write loop must report it, not crash.
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        #expect(throws: OutputError(operation: .write, path: "/dev/full", reason: .noSpace)) {
            try OutputWriter.writeAll(descriptor, Array(repeating: 65, count: 10_000), path: "/dev/full")
        }
        #expect(OutputError(operation: .write, path: "x", reason: .noSpace).description == "cannot write 'x': the disk is full")
    }

    @Test func errnoValuesMapToReasons() {
        #expect(OutputError.Reason(errno: ENOSPC) == .noSpace)
        #expect(OutputError.Reason(errno: EACCES) == .permissionDenied)
        #expect(OutputError.Reason(errno: EROFS) == .readOnly)
        #expect(OutputError.Reason(errno: ENOENT) == .noSuchFolder)
    }
}
