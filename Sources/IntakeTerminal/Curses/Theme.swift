/// A colour scheme for the semantic ``Style/Role``s.
public enum Theme: String, Hashable, Sendable, CaseIterable {
    /// Terminal's own background, coloured accents.
    case `default`
    /// White on black with strong contrasts, for low vision.
    case highContrast
    /// No colour at all: roles become bold / reverse / underline. Chosen automatically
    /// when the terminal has no colours (TERM=vt100).
    case monochrome
}
