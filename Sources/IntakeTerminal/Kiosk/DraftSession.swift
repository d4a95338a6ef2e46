import IntakeCore

/// The durable draft of the session on screen: begun lazily (once the patient has left the
/// welcome screen or given an answer), synced after every event, discarded after submission
/// or a timed-out kiosk session. One per output folder; the caller holds its ``InstanceLock``.
public final class DraftSession {
    public let store: DraftStore
    private var writer: DraftWriter?

    /// - Parameter writer: the writer of a resumed draft, if any.
    public init(store: DraftStore, writer: DraftWriter? = nil) {
        self.store = store
        self.writer = writer
    }

    /// Whether a journal is being written.
    public var isActive: Bool { writer != nil }

    /// Records what changed since the last call (no I/O when nothing did); fsynced on return.
    public func sync(_ ui: WizardUI) throws(DurabilityError) {
        if writer == nil {
            guard ui.page != .welcome || !ui.engine.allGivenAnswers.isEmpty else { return }
            writer = try store.begin(wizard: ui.engine, language: ui.language)
        }
        try writer?.sync(with: ui.engine, language: ui.language)
    }

    /// Removes the journal (truncate, unlink, fsync the folder).
    public func discard() throws(DurabilityError) {
        writer?.close()
        writer = nil
        try store.discard()
    }

    /// Closes the journal, leaving it on disk for a resume.
    public func close() {
        writer?.close()
        writer = nil
    }
}
