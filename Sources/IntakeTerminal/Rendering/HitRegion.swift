/// A rectangle on the screen that a mouse press or tap maps back to an action.
///
/// The view that draws an option or button registers its rect together with a value
/// of the caller's own action type (e.g. `WizardAction.choose(optionID)`), so the
/// wizard never has to re-derive layout from coordinates.
///
/// The action is stored as `any Hashable & Sendable` (not `AnyHashable`, which is not
/// `Sendable`) so that a `ScreenBuffer` stays a `Sendable` value.
public struct HitRegion: Hashable, Sendable {
    public var rect: Rect
    /// The caller's value; read it back typed with ``ScreenBuffer/action(at:as:)``.
    public var action: any Hashable & Sendable

    public init(rect: Rect, action: any Hashable & Sendable) {
        self.rect = rect
        self.action = action
    }

    public static func == (lhs: HitRegion, rhs: HitRegion) -> Bool {
        lhs.rect == rhs.rect && AnyHashable(lhs.action) == AnyHashable(rhs.action)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rect)
        hasher.combine(AnyHashable(action))
    }
}
