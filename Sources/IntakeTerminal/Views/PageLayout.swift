import IntakeCore

/// Where things go on a screen of a given size: a readable centred column (at most 76
/// columns of text), and a compact arrangement for small terminals.
struct PageLayout {
    static let maximumTextWidth = 76

    let size: Size
    /// Small terminal: shorter hints, one-row buttons, no separator line.
    let compact: Bool
    /// The centred column everything is drawn in (full height).
    let column: Rect

    init(size: Size) {
        self.size = size
        compact = size.width < 60 || size.height < 20
        let width = min(Self.maximumTextWidth, size.width - 2)
        column = Rect(x: (size.width - width) / 2, y: 0, width: width, height: size.height)
    }
}
