import Foundation
import Testing
@testable import IntakeCore

/// A questionnaire file's identity (``SourceStat``) changes with every write, and vouches
/// for the bytes only once the file has settled.
@Suite struct SourceStatTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("stat-\(UUID().uuidString).yaml").path

    @Test func anyWriteChangesTheIdentity() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("title: a\n".utf8).write(to: URL(fileURLWithPath: path))
        let first = try #require(SourceStat(path: path))
        #expect(SourceStat(path: path) == first, "examining it again changes nothing")
        // Same size, other bytes, at once: the change time moves even if the clock tick is coarse.
        usleep(20_000)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.write(contentsOf: Data("title: b\n".utf8))
        try handle.close()
        let second = try #require(SourceStat(path: path))
        #expect(second.identity != first.identity)
    }

    @Test func aFileJustWrittenIsNotSettled() throws {
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("title: a\n".utf8).write(to: URL(fileURLWithPath: path))
        let identity = try #require(SourceStat(path: path))
        let now = SourceStat.realtimeNanoseconds()
        #expect(!identity.isSettled(now: now))
        #expect(identity.isSettled(now: now + SourceStat.settlingNanoseconds + 1_000_000))
        #expect(!identity.isSettled(now: now - 3_600_000_000_000), "a file time in the future never is")
    }

    @Test func onlyARegularFileHasAnIdentity() {
        #expect(SourceStat(path: path) == nil, "missing")
        #expect(SourceStat(path: FileManager.default.temporaryDirectory.path) == nil, "a folder")
    }
}
