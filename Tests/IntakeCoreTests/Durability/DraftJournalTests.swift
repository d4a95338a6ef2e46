import Foundation
import Testing
@testable import IntakeCore

/// The draft journal on a real file system: round trips, torn and damaged tails, resume rules.
@Suite struct DraftJournalTests {
    /// A session with every kind of change, returning the wizard as the patient left it.
    func writeSession(_ store: DraftStore, clock: TestClock) throws -> (Wizard, DraftWriter) {
        var wizard = Wizard(questionnaire: try durabilityQuestionnaire(), today: fixedToday)
        let writer = try store.begin(wizard: wizard, language: "en")
        let steps: [(String, Answer?)] = [
            ("fever", .yesNo(.yes)), ("temp", .number(38.5)), ("story", .text("Started after a trip — \"itchy\".")),
            ("rash", .yesNo(.yes)), ("sites", .regions([])), ("q1", .yesNo(.no)), ("temp", nil), ("q2", .yesNo(.no)),
        ]
        var language = "en"
        for (item, answer) in steps {
            clock.advance(3)
            try wizard.setAnswer(answer, for: item)
            _ = wizard.next()
            if item == "rash" { language = "de" }
            try writer.sync(with: wizard, language: language)
        }
        return (wizard, writer)
    }

    @Test func roundTripRestoresAnswersPositionAndLanguage() throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let store = DraftStore(folder: folder.path, clock: clock)
        let (wizard, writer) = try writeSession(store, clock: clock)
        writer.close()

        let draft = try #require(try store.load())
        #expect(draft.ignoredTailBytes == 0)
        #expect(draft.answers == writer.state.answers)
        #expect(draft.language == "de")
        #expect(draft.header.today == "2026-11-25")
        let (restored, skipped) = draft.makeWizard(questionnaire: try durabilityQuestionnaire())
        #expect(skipped.isEmpty)
        #expect(restored.allGivenAnswers == wizard.allGivenAnswers)
        #expect(restored.position == wizard.position)
        #expect(restored.answerMap == wizard.answerMap)
    }

    @Test func journalFilesArePrivateAndSyncIsIdempotent() throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let store = DraftStore(folder: folder.path, clock: clock)
        let (wizard, writer) = try writeSession(store, clock: clock)
        #expect(try writer.sync(with: wizard, language: "de") == 0, "nothing changed: nothing written")
        var info = stat()
        #expect(stat(store.journalPath, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    /// Every prefix of the journal (a write torn at any byte) and every single-byte change
    /// (damage anywhere) must load as exactly the state of the intact records before it.
    @Test func tornAndDamagedJournalsRecoverThePreviousIntactState() throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let store = DraftStore(folder: folder.path, clock: clock)
        _ = try writeSession(store, clock: clock)
        let bytes = try #require(try POSIXFile.readAll(store.journalPath))

        // Where each record ends, and the state after it.
        var ends: [Int] = []
        var states: [SessionDraft] = []
        var offset = JournalFraming.magic.count
        var previous: SessionDraft?
        for payload in JournalFraming.intactPayloads(bytes).payloads {
            offset += JournalFraming.headerSize + payload.count
            ends.append(offset)
            let record = try JSONDecoder().decode(DraftRecord.self, from: Data(payload))
            var next: SessionDraft
            if let previous {
                next = previous
            } else {
                guard case .begin(let header) = record.change else { Issue.record("first record is not begin"); return }
                next = SessionDraft(header: header)
            }
            next.apply(record)
            states.append(next)
            previous = next
        }
        #expect(ends.last == bytes.count)
        #expect(ends.count >= 10)

        func expected(intactRecords count: Int) -> SessionDraft? { count == 0 ? nil : states[count - 1] }
        func same(_ a: SessionDraft?, _ b: SessionDraft?) -> Bool {
            a?.answers == b?.answers && a?.position == b?.position && a?.language == b?.language
                && a?.recordCount == b?.recordCount && (a == nil) == (b == nil)
        }

        var tried = 0
        let lastRecordStart = ends[ends.count - 2]
        // Truncation at every offset of the whole file (the last record's offsets included).
        for length in 0...bytes.count {
            let loaded = DraftStore.replay(Array(bytes[0..<length]))
            let intact = ends.filter { $0 <= length }.count
            #expect(same(loaded, expected(intactRecords: intact)), "truncated at \(length)")
            if length < bytes.count { #expect(loaded.map { $0.ignoredTailBytes == length - ends[intact - 1] } ?? true) }
            tried += 1
        }
        // One byte changed at every offset of the whole file, two ways.
        for position in 0..<bytes.count {
            for mask: UInt8 in [0xFF, 0x01] {
                var damaged = bytes
                damaged[position] ^= mask
                let loaded = DraftStore.replay(damaged)
                let intact = ends.filter { $0 <= position }.count
                #expect(same(loaded, expected(intactRecords: intact)), "byte \(position) ^ \(mask)")
                tried += 1
            }
        }
        // The same through the file system for the last record: truncate the real file.
        for length in lastRecordStart..<bytes.count {
            let copy = folder.file("copy")
            try OutputFolder.prepare(copy)
            try DurableWrite.replace(copy + "/" + DraftStore.journalName, with: Array(bytes[0..<length]))
            let loaded = try DraftStore(folder: copy).load()
            #expect(same(loaded, states[states.count - 2]), "file truncated at \(length)")
            tried += 1
        }
        print("torn-write offsets tried: \(tried) (journal of \(bytes.count) bytes, \(ends.count) records, last record \(bytes.count - lastRecordStart) bytes)")
    }

    @Test(arguments: [
        [UInt8](), Array("INTAKEJ".utf8), Array("INTAKEJ1".utf8), Array("NOTAJOURNAL-at-all".utf8),
        Array("INTAKEJ1".utf8) + [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0] + Array(repeating: 0x41, count: 100),
        Array("INTAKEJ1".utf8) + JournalFraming.frame(Array("{\"not\":\"a record\"}".utf8)),
        Array("INTAKEJ1".utf8) + JournalFraming.frame(Array("[1,2,3".utf8)),
    ])
    func garbageNeverCrashesAndGivesNoDraft(bytes: [UInt8]) {
        #expect(DraftStore.replay(bytes) == nil)
    }

    @Test func randomGarbageNeverCrashes() {
        var generator = SystemRandomNumberGenerator()
        for size in 0..<300 {
            let bytes = Array("INTAKEJ1".utf8) + (0..<size).map { _ in UInt8.random(in: 0...255, using: &generator) }
            _ = DraftStore.replay(bytes)
        }
    }

    @Test func resumeCompactsTheJournalAndDropsADamagedTail() throws {
        let folder = try TemporaryFolder()
        let clock = TestClock()
        let store = DraftStore(folder: folder.path, clock: clock)
        let (wizard, writer) = try writeSession(store, clock: clock)
        writer.close()
        // A torn append: half a record at the end.
        let handle = try #require(FileHandle(forWritingAtPath: store.journalPath))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(JournalFraming.frame(Array("{\"half\":".utf8)).prefix(11)))
        try handle.close()

        let draft = try #require(try store.load())
        #expect(draft.ignoredTailBytes == 11)
        let resumed = try store.resume(draft)
        let reloaded = try #require(try store.load())
        #expect(reloaded.ignoredTailBytes == 0)
        #expect(reloaded.recordCount == 2, "begin + snapshot")
        #expect(reloaded.answers == draft.answers)
        var (restored, _) = reloaded.makeWizard(questionnaire: try durabilityQuestionnaire())
        #expect(restored.position == wizard.position)
        try restored.setAnswer(.yesNo(.yes), for: "q40")
        #expect(try resumed.sync(with: restored, language: "de") == 1)
        #expect(try store.load()?.answers["q40"] == .bool(true))
    }

    @Test func compactionKeepsTheStateAndBoundsTheFile() throws {
        let folder = try TemporaryFolder()
        let store = DraftStore(folder: folder.path, clock: TestClock())
        var wizard = Wizard(questionnaire: try durabilityQuestionnaire(), today: fixedToday)
        let writer = try store.begin(wizard: wizard, language: "en")
        writer.compactionThreshold = 20
        for round in 0..<60 {
            try wizard.setAnswer(.yesNo(round % 2 == 0 ? .yes : .no), for: "q\(round % 40 + 1)")
            try writer.sync(with: wizard, language: "en")
        }
        let draft = try #require(try store.load())
        #expect(draft.recordCount <= 21)
        #expect(draft.answers == wizard.allGivenAnswers.mapValues(AnswerSet.jsonValue(of:)))
    }

    @Test func discardRemovesTheDraft() throws {
        let folder = try TemporaryFolder()
        let store = DraftStore(folder: folder.path, clock: TestClock())
        _ = try store.begin(wizard: Wizard(questionnaire: try durabilityQuestionnaire(), today: fixedToday), language: "en")
        #expect(try store.load() != nil)
        try store.discard()
        #expect(!FileManager.default.fileExists(atPath: store.journalPath))
        #expect(try store.load() == nil)
        try store.discard() // twice is fine
    }

    @Test func resumeDecisions() throws {
        let questionnaire = try durabilityQuestionnaire()
        let clock = TestClock()
        var draft = SessionDraft(header: DraftHeader(questionnaire: questionnaire, today: fixedToday, started: clock.now()))
        let window = Duration.seconds(15 * 60)
        clock.advance(60)
        #expect(draft.resumeDecision(for: questionnaire, window: window, now: clock.now()) == .resume)
        // The wall clock set back an hour: monotonic time still says one minute.
        clock.setWall(by: -3600)
        #expect(draft.resumeDecision(for: questionnaire, window: window, now: clock.now()) == .resume)
        clock.setWall(by: 3600)
        // A suspended laptop: monotonic time stood still, the wall clock moved on an hour.
        clock.setWall(by: 3600)
        #expect(draft.resumeDecision(for: questionnaire, window: window, now: clock.now()) == .expired(secondsSinceLastChange: 3660))
        // After a reboot ten minutes later: wall clock decides.
        let fresh = TestClock()
        fresh.reboot(boot: "boot-b", wallAdvance: 600)
        #expect(draft.resumeDecision(for: questionnaire, window: window, now: fresh.now()) == .resume)
        let backwards = TestClock()
        backwards.reboot(boot: "boot-b", wallAdvance: -600)
        #expect(draft.resumeDecision(for: questionnaire, window: window, now: backwards.now()) == .ageUnknown)
        // Past the window.
        let late = TestClock()
        late.advance(15 * 60 + 1)
        #expect(draft.resumeDecision(for: questionnaire, window: window, now: late.now()) == .expired(secondsSinceLastChange: 901))
        // Another questionnaire file.
        var changed = questionnaire
        changed.metadata.sourceDigest = String(repeating: "0", count: 64)
        #expect(draft.resumeDecision(for: changed, window: window, now: clock.now()) == .questionnaireChanged)
        draft.position = .complete
        #expect(draft.resumeDecision(for: questionnaire, window: window, now: TestClock().now()) == .alreadyCompleted)
    }

    @Test func crcMatchesTheStandardCheckValue() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    }
}
