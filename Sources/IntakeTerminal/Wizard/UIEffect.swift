/// What the app loop must do after ``WizardUI/handle(_:size:)``; the UI state itself never does I/O.
public enum UIEffect: Hashable, Sendable {
    /// An answer was committed: persist a draft before the next screen is shown.
    case saveDraft
    /// The patient confirmed sending: write the outputs.
    case submitted
    /// The patient chose "Leave" in the leave dialog; answers are kept in the draft.
    case quitRequested
    /// The thank-you screen was dismissed: the session is over.
    case finished
}
