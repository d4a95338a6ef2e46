import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Appends changes to an open draft journal, in two steps that the front end may separate:
/// ``write(with:language:)`` puts the records into the file (write(2): the page cache holds
/// them, so a killed or crashed process loses nothing), ``completeSync()`` makes them durable
/// (fsync). The wizard writes before drawing the next screen and completes the sync after
/// drawing but before reading the next key, so the fsync no longer delays the screen while
/// whatever the patient has acted on is still on the device. ``sync(with:language:)`` does
/// both at once. Not thread-safe: one session, one owner.
public final class DraftWriter {
    private var fd: Int32
    public let path: String
    /// Length of the journal including records written but not yet fsynced.
    private var length: Int
    /// Length of the journal up to the last durable record; a failed write or fsync is cut back to it.
    private var durableLength: Int
    /// The state the journal holds (including written, not yet durable records), to record only what changed.
    public private(set) var state: SessionDraft
    /// The state up to the last durable record: what `state` returns to when a write or fsync fails.
    private var durableState: SessionDraft
    private let store: DraftStore
    /// Past this many records the journal is rewritten as one snapshot, bounding its size.
    public var compactionThreshold = 1_000

    /// Makes the file's bytes durable; tests replace it to see a failing device.
    var syncFile: (Int32, String) throws(DurabilityError) -> Void = { fd, path throws(DurabilityError) in
        try POSIXFile.sync(fd, path: path)
    }

    /// Whether records have been written that ``completeSync()`` has not yet made durable.
    public var hasPendingSync: Bool { length != durableLength }

    init(fd: Int32, path: String, length: Int, mirror: SessionDraft, store: DraftStore) {
        self.fd = fd
        self.path = path
        self.length = length
        self.durableLength = length
        self.state = mirror
        self.durableState = mirror
        self.store = store
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }

    /// Closes the file (the draft stays on disk for a resume). Records still waiting for
    /// their fsync get it first, as far as the disk allows.
    public func close() {
        if hasPendingSync { try? completeSync() }
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Records whatever differs between the journal and `wizard` (answers given or
    /// cleared, position, language) in one write and one fsync.
    /// - Returns: how many records were written (0 when nothing changed: no I/O).
    @discardableResult
    public func sync(with wizard: Wizard, language: String?) throws(DurabilityError) -> Int {
        let count = try write(with: wizard, language: language)
        try completeSync()
        return count
    }

    /// Records whatever differs between the journal and `wizard` in one write, without
    /// waiting for the device: call ``completeSync()`` before the patient can act on the
    /// result. A failed write is cut back (see ``append(_:)``) and thrown.
    /// - Returns: how many records were written (0 when nothing changed: no I/O).
    @discardableResult
    public func write(with wizard: Wizard, language: String?) throws(DurabilityError) -> Int {
        let changes = changes(toMatch: wizard, language: language)
        try write(changes)
        return changes.count
    }

    /// What differs between the journal's state and `wizard`, in a stable order.
    private func changes(toMatch wizard: Wizard, language: String?) -> [DraftChange] {
        var changes: [DraftChange] = []
        let given = wizard.allGivenAnswers.mapValues(AnswerSet.jsonValue(of:))
        for (item, value) in given.sorted(by: { $0.key < $1.key }) where state.answers[item] != value {
            changes.append(.answer(item: item, value: value))
        }
        for item in state.answers.keys.sorted() where given[item] == nil {
            changes.append(.answer(item: item, value: nil))
        }
        let position = DraftPosition(wizard.position)
        if position != state.position || wizard.returnsToReview != state.returnsToReview {
            changes.append(.position(at: position, returnsToReview: wizard.returnsToReview))
        }
        if language != state.language, let language {
            changes.append(.language(code: language))
        }
        return changes
    }

    /// Appends the changes as records in one write, then fsyncs. On failure (a full disk)
    /// the file is cut back to its last durable length and the error thrown: the journal
    /// still holds exactly the earlier state.
    public func append(_ changes: [DraftChange]) throws(DurabilityError) {
        try write(changes)
        try completeSync()
    }

    /// Appends the changes as records in one write(2), leaving the fsync to ``completeSync()``.
    /// On failure the file is cut back to its last durable length, the state to the last
    /// durable state, and the error thrown.
    public func write(_ changes: [DraftChange]) throws(DurabilityError) {
        guard !changes.isEmpty else { return }
        guard fd >= 0 else { throw DurabilityError.io(operation: "write", path: path, errno: EBADF) }
        let now = store.clock.now()
        var bytes: [UInt8] = []
        var records: [DraftRecord] = []
        for change in changes {
            let record = DraftRecord(at: now, change: change)
            records.append(record)
            bytes += JournalFraming.frame(try Self.encode(record))
        }
        do {
            try POSIXFile.writeAll(fd, bytes, path: path)
        } catch {
            cutBack()
            throw error
        }
        length += bytes.count
        for record in records { state.apply(record) }
    }

    /// Makes the written records durable (fsync); does nothing when none are pending, so it
    /// may be called before every read of input. On failure the file is cut back to its last
    /// durable length, the state to the last durable state, and the error thrown: the next
    /// write records the difference again.
    public func completeSync() throws(DurabilityError) {
        guard hasPendingSync else { return }
        do {
            try syncFile(fd, path)
        } catch {
            cutBack()
            throw error
        }
        durableLength = length
        durableState = state
        if state.recordCount > compactionThreshold { try compact() }
    }

    /// Returns the file and the mirror to the last durable record.
    private func cutBack() {
        _ = ftruncate(fd, off_t(durableLength))
        _ = fsync(fd)
        length = durableLength
        state = durableState
    }

    /// Rewrites the journal as one snapshot (atomically) and continues appending to it.
    public func compact() throws(DurabilityError) {
        let fresh = try store.start(state)
        close()
        // Take over the new file's descriptor; `fresh` must not close it.
        fd = fresh.takeDescriptor()
        length = fresh.length
        durableLength = fresh.length
        state = fresh.state
        durableState = fresh.state
    }

    private func takeDescriptor() -> Int32 {
        let taken = fd
        fd = -1
        return taken
    }

    static func encode(_ record: DraftRecord) throws(DurabilityError) -> [UInt8] {
        do {
            return try SortedJSONEncoder().encode(record)
        } catch {
            throw DurabilityError.encoding(String(describing: error))
        }
    }
}
