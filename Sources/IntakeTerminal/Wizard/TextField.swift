import IntakeCore

/// Typed text being edited, with a cursor, before it is committed as an answer.
///
/// Works on grapheme clusters (a CJK character or an accented letter is one step of the
/// cursor). Control characters, line breaks and bidi controls are refused at input, so a
/// field can never hold anything the terminal would act on.
public struct TextField: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Insertion point, 0...characters.count.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }

    /// Whether a typed character may enter a field.
    public static func accepts(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { TextSanitizer.reason(for: $0) == nil && $0 != "\n" && $0 != "\t" }
    }

    /// Inserts at the cursor; false when refused (control character or length limit).
    @discardableResult
    public mutating func insert(_ character: Character, limit: Int? = nil) -> Bool {
        guard Self.accepts(character) else { return false }
        if let limit, characters.count >= limit { return false }
        characters.insert(character, at: cursor)
        cursor += 1
        return true
    }

    /// Deletes before the cursor; false when there was nothing to delete.
    @discardableResult
    public mutating func backspace() -> Bool {
        guard cursor > 0 else { return false }
        characters.remove(at: cursor - 1)
        cursor -= 1
        return true
    }

    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = characters.count }

    /// Moves the cursor to `position` (clamped).
    public mutating func moveTo(_ position: Int) { cursor = min(characters.count, max(0, position)) }

    public mutating func clear() {
        characters = []
        cursor = 0
    }
}
