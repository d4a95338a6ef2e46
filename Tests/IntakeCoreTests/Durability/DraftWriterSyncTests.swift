import Foundation
import Testing
@testable import IntakeCore

/// The two steps of an append: `write` puts the records in the file (a killed process loses
/// nothing), `completeSync` makes them durable; a failed fsync returns to the last durable state.
@Suite struct DraftWriterSyncTests {
    struct Setup {
        let folder: TemporaryFolder
        let store: DraftStore
        var wizard: Wizard
        let writer: DraftWriter
    }

    func begin() throws -> Setup {
        let folder = try TemporaryFolder()
        let store = DraftStore(folder: folder.path, clock: TestClock())
        let wizard = Wizard(questionnaire: try durabilityQuestionnaire(), today: fixedToday)
        let writer = try store.begin(wizard: wizard, language: "en")
        return Setup(folder: folder, store: store, wizard: wizard, writer: writer)
    }

    func fileSize(_ path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : -1
    }

    @Test func writtenRecordsAreInTheFileBeforeTheSyncCompletes() throws {
        var setup = try begin()
        var syncs = 0
        setup.writer.syncFile = { fd, path throws(DurabilityError) in syncs += 1; try POSIXFile.sync(fd, path: path) }
        try setup.wizard.setAnswer(.yesNo(.yes), for: "fever")
        let before = fileSize(setup.store.journalPath)
        #expect(try setup.writer.write(with: setup.wizard, language: "en") == 1)
        #expect(setup.writer.hasPendingSync)
        #expect(syncs == 0, "write alone does not wait for the device")
        #expect(fileSize(setup.store.journalPath) > before)
        // Another process (a resume after kill -9) already reads the answer.
        #expect(try setup.store.load()?.answers["fever"] == .bool(true))
        try setup.writer.completeSync()
        #expect(!setup.writer.hasPendingSync)
        #expect(syncs == 1)
    }

    @Test func completeSyncIsIdempotent() throws {
        var setup = try begin()
        var syncs = 0
        setup.writer.syncFile = { fd, path throws(DurabilityError) in syncs += 1; try POSIXFile.sync(fd, path: path) }
        try setup.writer.completeSync()
        #expect(syncs == 0, "nothing written: no fsync")
        try setup.wizard.setAnswer(.yesNo(.no), for: "fever")
        try setup.writer.write(with: setup.wizard, language: "en")
        try setup.writer.completeSync()
        try setup.writer.completeSync()
        #expect(syncs == 1)
    }

    @Test func aFailedSyncCutsBackToTheLastDurableRecordAndState() throws {
        var setup = try begin()
        try setup.wizard.setAnswer(.yesNo(.yes), for: "fever")
        try setup.writer.sync(with: setup.wizard, language: "en")
        let durableSize = fileSize(setup.store.journalPath)
        let durableState = setup.writer.state

        setup.writer.syncFile = { _, path throws(DurabilityError) in throw DurabilityError.noSpace(path: path) }
        try setup.wizard.setAnswer(.number(38.5), for: "temp")
        try setup.writer.write(with: setup.wizard, language: "de")
        #expect(fileSize(setup.store.journalPath) > durableSize)
        #expect(throws: DurabilityError.self) { try setup.writer.completeSync() }
        #expect(!setup.writer.hasPendingSync)
        #expect(fileSize(setup.store.journalPath) == durableSize)
        #expect(setup.writer.state == durableState)
        #expect(try setup.store.load()?.answers == durableState.answers)

        // Once the device works again, the next sync records the difference again.
        setup.writer.syncFile = { fd, path throws(DurabilityError) in try POSIXFile.sync(fd, path: path) }
        #expect(try setup.writer.sync(with: setup.wizard, language: "de") == 2)
        let draft = try #require(try setup.store.load())
        #expect(draft.answers["temp"] == AnswerSet.jsonValue(of: .number(38.5)))
        #expect(draft.language == "de")
    }
}
