/// A layer drawn over the page; the page's state stays as it was.
public enum WizardOverlay: Hashable, Sendable {
    /// The current question's help text (F1 / `?`).
    case help
    /// "Leave the questionnaire?" after Ctrl-C; `leaveFocused` says which button Enter presses.
    case leave(leaveFocused: Bool)
}
