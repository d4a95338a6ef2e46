import IntakeCore

/// A key hint in the footer: "Enter Next".
struct KeyHint {
    var key: String
    var label: String
    /// What tapping the hint does (a touch screen has no F1 key).
    var action: WizardAction? = nil
}
