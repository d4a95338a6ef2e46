import IntakeCore

/// The durable draft of the session on screen: begun lazily (once the patient has left the
/// welcome screen or given an answer), written after every event and made durable before the
/// next input is read (``write(_:)`` then ``completeSync()``), discarded after submission
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
        try write(ui)
        try completeSync()
    }

    /// Writes what changed since the last call (no I/O when nothing did) without waiting for
    /// the device, so the next screen can be drawn at once; a failed write (a full disk) is
    /// thrown before anything is drawn. Call ``completeSync()`` before reading the next input.
    public func write(_ ui: WizardUI) throws(DurabilityError) {
        if writer == nil {
            guard ui.page != .welcome || !ui.engine.allGivenAnswers.isEmpty else { return }
            writer = try store.begin(wizard: ui.engine, language: ui.language)
        }
        try writer?.write(with: ui.engine, language: ui.language)
    }

    /// Makes what ``write(_:)`` wrote durable (fsync); no I/O when nothing is pending. On
    /// failure the journal is back at its last durable state and the error is thrown.
    public func completeSync() throws(DurabilityError) {
        try writer?.completeSync()
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
