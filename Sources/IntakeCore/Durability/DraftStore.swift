import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The crash-proof draft of the session in one output folder: a journal file
/// (`.intake-draft`) that every change is appended to and fsynced before the screen moves
/// on. See docs/durability.md for the format and the guarantees.
///
/// Typical use by the front end:
/// ```swift
/// let store = DraftStore(folder: output)
/// if let draft = try store.load(), draft.resumeDecision(...) == .resume {
///     var (wizard, _) = draft.makeWizard(questionnaire: q)
///     let writer = try store.resume(draft)          // compacts the journal
/// } else {
///     try store.discard()
///     let writer = try store.begin(wizard: wizard, language: "en")
/// }
/// try writer.sync(with: wizard, language: language) // after every event
/// try store.discard()                               // after the outputs are written
/// ```
/// The caller holds the folder's ``InstanceLock``, so one process writes the journal.
public struct DraftStore: Sendable {
    public static let journalName = ".intake-draft"

    public let folder: String
    public let clock: any SessionClock

    public init(folder: String, clock: any SessionClock = SystemClock()) {
        self.folder = folder
        self.clock = clock
    }

    public var journalPath: String { folder + "/" + Self.journalName }

    /// Replays the journal's intact prefix. A torn or damaged tail is ignored (its size is
    /// in ``SessionDraft/ignoredTailBytes``); nothing in the file can crash this.
    /// - Returns: nil when there is no journal, or not even its first record is intact.
    public func load() throws(DurabilityError) -> SessionDraft? {
        guard let bytes = try POSIXFile.readAll(journalPath) else { return nil }
        return Self.replay(bytes)
    }

    /// Replays journal bytes (exposed for tests of torn and damaged files).
    static func replay(_ bytes: [UInt8]) -> SessionDraft? {
        let (payloads, intactLength) = JournalFraming.intactPayloads(bytes)
        let decoder = JSONDecoder()
        var draft: SessionDraft?
        var consumed = JournalFraming.magic.count
        for payload in payloads {
            // A record that passed its checksum but does not decode (written by a newer
            // version?) ends the replay like a damaged one.
            guard let record = try? decoder.decode(DraftRecord.self, from: Data(payload)) else { break }
            if var current = draft {
                current.apply(record)
                draft = current
            } else {
                guard case .begin(let header) = record.change else { return nil }
                var first = SessionDraft(header: header)
                first.apply(record)
                draft = first
            }
            consumed += JournalFraming.headerSize + payload.count
        }
        draft?.ignoredTailBytes = bytes.count - min(consumed, intactLength)
        return draft
    }

    /// Starts a new journal for a fresh session (replacing any old one) and returns the
    /// writer for its changes. Durable when it returns.
    public func begin(wizard: Wizard, language: String?) throws(DurabilityError) -> DraftWriter {
        let header = DraftHeader(questionnaire: wizard.questionnaire, today: wizard.today, started: clock.now())
        var draft = SessionDraft(header: header)
        draft.answers = wizard.allGivenAnswers.mapValues(AnswerSet.jsonValue(of:))
        draft.position = DraftPosition(wizard.position)
        draft.returnsToReview = wizard.returnsToReview
        draft.language = language
        return try start(draft)
    }

    /// Continues a loaded draft: the journal is rewritten as one snapshot (dropping any torn
    /// tail, so appends never follow damage) and a writer is returned.
    public func resume(_ draft: SessionDraft) throws(DurabilityError) -> DraftWriter {
        try start(draft)
    }

    /// Writes `magic + begin + snapshot` atomically in place of the journal, then opens it for appending.
    func start(_ draft: SessionDraft) throws(DurabilityError) -> DraftWriter {
        let now = clock.now()
        let records = [
            DraftRecord(at: now, change: .begin(header: draft.header)),
            DraftRecord(at: now, change: .snapshot(state: draft.snapshot)),
        ]
        var bytes = JournalFraming.magic
        for record in records { bytes += JournalFraming.frame(try DraftWriter.encode(record)) }
        try DurableWrite.replace(journalPath, with: bytes)
        let fd = try POSIXFile.open(journalPath, O_WRONLY | O_APPEND, operation: "open")
        var mirror = draft
        mirror.lastChange = now
        mirror.recordCount = records.count
        mirror.ignoredTailBytes = 0
        return DraftWriter(fd: fd, path: journalPath, length: bytes.count, mirror: mirror, store: self)
    }

    /// Removes the draft: truncate, unlink, fsync the folder. After a completed, abandoned
    /// or timed-out session nothing of it remains in the journal's name or blocks.
    public func discard() throws(DurabilityError) {
        try DurableWrite.remove(journalPath)
    }
}
