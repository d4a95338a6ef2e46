/// Which screen of the full-screen wizard is showing.
public enum WizardPage: Hashable, Sendable {
    /// Title, description, language choice and Start.
    case welcome
    /// A section intro or a question (the engine's ``Position/step(_:)``).
    case step
    /// Every answer, each selectable to change it, and Submit.
    case review
    /// "Ready to send?"
    case confirm
    /// Sent: thanks, and calm messages for urgent flags.
    case thankYou
}

/// A layer drawn over the page; the page's state stays as it was.
public enum WizardOverlay: Hashable, Sendable {
    /// The current question's help text (F1 / `?`).
    case help
    /// "Leave the questionnaire?" after Ctrl-C; `leaveFocused` says which button Enter presses.
    case leave(leaveFocused: Bool)
}

/// A problem found in typed input before it reaches the engine, in words the patient reads.
public enum InputProblem: Hashable, Sendable {
    case outOfRange(minimum: Double?, maximum: Double?)
    case notANumber(minimum: Double?, maximum: Double?)
    case wholeNumber
    case invalidDate
    case amountMissing
    case unitMissing
    case tooLong(maximum: Int)
}
