import IntakeCore

/// A button at the bottom of a page; a tap target and (when focused) what Enter presses.
struct ButtonSpec {
    enum Placement { case left, right }
    var label: String
    var action: WizardAction
    var focused: Bool
    var placement: Placement
}
