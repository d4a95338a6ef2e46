import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends changes to an open draft journal. Every call returns only after the bytes are
/// on the device (fsync), so whatever the patient has seen acknowledged survives a crash
/// or a power cut. Not thread-safe: one session, one owner.
public final class DraftWriter {
    private var fd: Int32
    public let path: String
    /// Length of the journal up to the last durable record; a failed append is cut back to it.
    private var length: Int
    /// The state the journal holds, to record only what changed.
    public private(set) var state: SessionDraft
    private let store: DraftStore
    /// Past this many records the journal is rewritten as one snapshot, bounding its size.
    public var compactionThreshold = 1_000

    init(fd: Int32, path: String, length: Int, mirror: SessionDraft, store: DraftStore) {
        self.fd = fd
        self.path = path
        self.length = length
        self.state = mirror
        self.store = store
    }

    deinit {
        if fd >= 0 { Glibc.close(fd) }
    }

    /// Closes the file (the draft stays on disk for a resume).
    public func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Records whatever differs between the journal and `wizard` (answers given or
    /// cleared, position, language) in one write and one fsync.
    /// - Returns: how many records were written (0 when nothing changed: no I/O).
    @discardableResult
    public func sync(with wizard: Wizard, language: String?) throws(DurabilityError) -> Int {
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
        try append(changes)
        return changes.count
    }

    /// Appends the changes as records in one write, then fsyncs. On failure (a full disk)
    /// the file is cut back to its previous length and the error thrown: the journal
    /// still holds exactly the earlier state.
    public func append(_ changes: [DraftChange]) throws(DurabilityError) {
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
            try POSIXFile.sync(fd, path: path)
        } catch {
            _ = ftruncate(fd, off_t(length))
            _ = fsync(fd)
            throw error
        }
        length += bytes.count
        for record in records { state.apply(record) }
        if state.recordCount > compactionThreshold { try compact() }
    }

    /// Rewrites the journal as one snapshot (atomically) and continues appending to it.
    public func compact() throws(DurabilityError) {
        let fresh = try store.start(state)
        close()
        // Take over the new file's descriptor; `fresh` must not close it.
        fd = fresh.takeDescriptor()
        length = fresh.length
        state = fresh.state
    }

    private func takeDescriptor() -> Int32 {
        let taken = fd
        fd = -1
        return taken
    }

    static func encode(_ record: DraftRecord) throws(DurabilityError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(record))
        } catch {
            throw DurabilityError.encoding(String(describing: error))
        }
    }
}
