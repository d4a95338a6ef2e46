/// How a cell looks, by meaning rather than by colour.
///
/// Views say *what* a cell is (a title, the focused button, an error); the terminal
/// adapter's theme decides colours, and falls back to bold/reverse/underline on a
/// terminal without colours. That keeps screens readable in every theme and lets tests
/// assert roles instead of escape codes.
public struct Style: Hashable, Sendable {
    /// The meaning of a cell; each theme maps it to colours or attributes.
    public enum Role: Int, Hashable, Sendable, CaseIterable {
        /// Ordinary text on the screen background.
        case normal
        /// Screen and box titles.
        case title
        /// Secondary text: hints, help lines, the question counter.
        case muted
        /// Highlighted words, key hints such as `[Enter]`.
        case accent
        /// A chosen option (a ticked checkbox, the chosen radio button).
        case selected
        /// The option or field the keyboard cursor is on.
        case focus
        /// Validation errors.
        case error
        /// Warnings, e.g. "this answer will be sent to the nurse".
        case warning
        /// A button that does not have focus.
        case button
        /// The button that has focus; Enter activates it.
        case buttonFocused
        /// The done part of a progress bar.
        case progressFilled
        /// The remaining part of a progress bar.
        case progressEmpty
        /// Box borders and separators.
        case border
    }

    /// Extra attributes on top of the role's look.
    public struct Attributes: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }

        public static let bold = Attributes(rawValue: 1 << 0)
        public static let reverse = Attributes(rawValue: 1 << 1)
        public static let underline = Attributes(rawValue: 1 << 2)
    }

    public var role: Role
    public var attributes: Attributes

    public init(_ role: Role = .normal, _ attributes: Attributes = []) {
        self.role = role
        self.attributes = attributes
    }

    /// This style with `attributes` added.
    public func adding(_ attributes: Attributes) -> Style {
        Style(role, self.attributes.union(attributes))
    }

    public static let normal = Style(.normal)
    public static let title = Style(.title)
    public static let muted = Style(.muted)
    public static let accent = Style(.accent)
    public static let selected = Style(.selected)
    public static let focus = Style(.focus)
    public static let error = Style(.error)
    public static let warning = Style(.warning)
    public static let button = Style(.button)
    public static let buttonFocused = Style(.buttonFocused)
    public static let progressFilled = Style(.progressFilled)
    public static let progressEmpty = Style(.progressEmpty)
    public static let border = Style(.border)
}
