import Foundation
import Testing
@testable import IntakeCore

/// Every example in docs/expressions.md must compile against the example items the
/// document lists, so the documentation cannot drift from the language.
@Suite struct ExpressionDocumentationTests {
    static let documentURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Expressions
        .deletingLastPathComponent()  // IntakeCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("docs/expressions.md")

    /// The contents of every ```expression fenced block, with the line it starts on.
    static func examples() throws -> [(line: Int, source: String)] {
        let text = try String(contentsOf: documentURL, encoding: .utf8)
        var examples: [(Int, String)] = []
        var current: (line: Int, lines: [String])?
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if var block = current {
                if line == "```" {
                    examples.append((block.line, block.lines.joined(separator: "\n")))
                    current = nil
                } else {
                    block.lines.append(line)
                    current = block
                }
            } else if line == "```expression" {
                current = (index + 2, [])
            }
        }
        return examples
    }

    @Test func documentHasExamples() throws {
        #expect(try Self.examples().count >= 30)
    }

    @Test func everyExampleCompiles() throws {
        for (line, source) in try Self.examples() {
            let location = SourceLocation(file: "docs/expressions.md", line: line, column: 1)
            let (expression, diagnostics) = ExpressionCompiler.compile(
                source, at: location, expecting: nil, in: FakeScope.example)
            #expect(expression != nil && diagnostics.isEmpty, "docs/expressions.md:\(line): \(source): \(diagnostics)")
        }
    }

    @Test func everyExampleIsAConditionOrANumber() throws {
        for (line, source) in try Self.examples() {
            let type = try #require(compile(source).expression).type
            #expect([ValueType.bool, .number, .null].contains(type) || type == .date,
                    "docs/expressions.md:\(line): \(source) gives \(type)")
        }
    }
}
