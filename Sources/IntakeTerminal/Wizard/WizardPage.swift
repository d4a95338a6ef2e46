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
