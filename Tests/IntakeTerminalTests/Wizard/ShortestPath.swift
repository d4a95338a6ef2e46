import IntakeCore
@testable import IntakeTerminal

/// The quickest way through a questionnaire: "No" to yes/no questions, the first (or the
/// exclusive "none") option where an answer is required, skip everything optional.
/// Each step is a list of keys, with the tmux key names to replay them in a real terminal.
enum ShortestPath {
    struct Press {
        var key: Key
        /// How `tmux send-keys` names it.
        var tmux: String
    }

    static let enter = Press(key: .enter, tmux: "Enter")
    static func character(_ c: Character) -> Press { Press(key: .character(c), tmux: String(c)) }
    static func text(_ s: String) -> [Press] { s.map(character) }

    /// The keys that answer `item` and move on.
    static func presses(for item: Item) -> [Press] {
        switch item.kind {
        case .yesNo:
            return [character("n"), enter]
        case .singleChoice:
            return item.required ? [character("1"), enter] : [enter]
        case .multipleChoice(let options):
            guard item.required else { return [enter] }
            let index = options.firstIndex(where: \.exclusive) ?? 0
            // The focus starts on the first option of a question not seen before.
            return Array(repeating: Press(key: .down, tmux: "Down"), count: index)
                + [character(" "), enter]
        case .date(let spec):
            guard item.required else { return [enter] }
            return text(spec.precision == .day ? "01021970" : "021970") + [enter]
        case .integer, .decimal, .rating:
            return item.required ? text("1") + [enter] : [enter]
        case .duration:
            return item.required ? text("2") + [Press(key: .tab, tmux: "Tab"), Press(key: .right, tmux: "Right"), enter] : [enter]
        case .shortText, .longText:
            return item.required ? text("Anna Test") + [enter] : [enter]
        case .bodyMap, .note:
            return [enter]
        }
    }
}
