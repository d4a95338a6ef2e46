import IntakeCore
import Testing

/// Source text with markers (`1️⃣`, `2️⃣`, ...) where diagnostics must point, in the style
/// of swift-format's MarkedText: the markers are stripped and their line:column kept.
struct MarkedText {
    static let markers: [Character] = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣"]

    let text: String
    /// Marker number (1-based) to its 1-based line and column.
    let positions: [Int: (line: Int, column: Int)]

    init(_ marked: String) {
        var text = ""
        var positions: [Int: (line: Int, column: Int)] = [:]
        var line = 1
        var column = 1
        for character in marked {
            if let number = Self.markers.firstIndex(of: character) {
                positions[number + 1] = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        self.positions = positions
    }
}

/// Loads marked YAML and checks that exactly the expected diagnostics appear, at the markers.
func expectDiagnostics(
    _ marked: String,
    _ expected: [(marker: Int, severity: Diagnostic.Severity, message: String)],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let source = MarkedText(marked)
    let result = QuestionnaireLoader.load(yaml: source.text, file: "test.yaml")
    let actual = result.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    let wanted = expected.map { entry -> String in
        let position = source.positions[entry.marker] ?? (0, 0)
        return "\(position.line):\(position.column): \(entry.severity.rawValue): \(entry.message)"
    }
    #expect(actual == wanted, sourceLocation: sourceLocation)
}

/// A valid minimal questionnaire head to build fixtures on.
let minimalHead = """
questionnaire: test
version: "1"
title: Test
languages: [en]

"""
