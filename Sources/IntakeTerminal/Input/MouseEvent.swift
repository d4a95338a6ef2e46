/// A mouse or touch event at a cell.
///
/// Only the primary button and the wheel are reported: a kiosk touch screen produces
/// button-1 presses, and every option must also be reachable by keyboard. Act on
/// ``Kind/press`` (a tap registers at once; an unsteady hand that drifts before
/// lifting still hits what it touched).
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press, release, wheelUp, wheelDown
    }

    public var kind: Kind
    /// The cell under the pointer: `x` column, `y` row, 0-based like ``ScreenBuffer``.
    public var position: Point

    public init(_ kind: Kind, at position: Point) {
        self.kind = kind
        self.position = position
    }

    public init(_ kind: Kind, column: Int, row: Int) {
        self.init(kind, at: Point(x: column, y: row))
    }
}
