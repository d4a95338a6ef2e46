import Testing
@testable import IntakeCore

/// The YAML reader under the loaders: libyaml's events become a flat tree whose every node
/// knows where it was written, and what a questionnaire never needs is refused while the
/// events stream by, before anything is built from it.
@Suite struct YAMLTreeBuilderTests {
    /// Builds the tree of `yaml` (already checked as source text).
    static func build(_ yaml: String) -> (tree: YAMLTree?, diagnostics: [String]) {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.check(bytes: Array(yaml.utf8), file: "t.yaml", diagnostics: &diagnostics) else {
            return (nil, diagnostics.map(\.description))
        }
        let (tree, problems) = YAMLTreeBuilder.build(source)
        return (tree, problems.map(\.description))
    }

    /// The value under `key` in the root mapping.
    static func value(_ key: String, in tree: YAMLTree) -> YAMLNode? {
        tree.entries(of: tree.root)?.first { tree.string($0.key) == key }?.value
    }

    static func position(_ node: YAMLNode?, in tree: YAMLTree) -> (Int, Int)? {
        node.map { (tree.location(of: $0).line, tree.location(of: $0).column) }
    }

    @Test func everyScalarKnowsItsTextStyleAndWhereItStarts() throws {
        let source = MarkedText("""
        1️⃣plain: 2️⃣word
        single: 3️⃣'it''s'
        double: 4️⃣"a\\tb"
        literal: 5️⃣|
          line one
          line two
        folded: 6️⃣>
          one
          two

        """)
        let tree = try #require(Self.build(source.text).tree)
        let expected: [(key: String, marker: Int, text: String, style: YAMLTree.ScalarStyle)] = [
            ("plain", 2, "word", .plain),
            ("single", 3, "it's", .singleQuoted),
            ("double", 4, "a\tb", .doubleQuoted),
            ("literal", 5, "line one\nline two\n", .literal),
            ("folded", 6, "one two\n", .folded),
        ]
        for entry in expected {
            let node = try #require(Self.value(entry.key, in: tree))
            #expect(tree.string(node) == entry.text)
            #expect(tree.style(of: node) == entry.style)
            let marker = try #require(source.positions[entry.marker])
            #expect(Self.position(node, in: tree)! == (marker.line, marker.column), "\(entry.key)")
        }
        let firstKey = try #require(tree.entries(of: tree.root)?.first?.key)
        #expect(Self.position(firstKey, in: tree)! == (source.positions[1]!.line, source.positions[1]!.column))
    }

    @Test func flowCollectionsKeepOrderAndPositions() throws {
        let source = MarkedText("item: 1️⃣{id: 2️⃣fever, options: 3️⃣[4️⃣a, 5️⃣b]}\n")
        let tree = try #require(Self.build(source.text).tree)
        let item = try #require(Self.value("item", in: tree))
        let entries = try #require(tree.entries(of: item))
        #expect(entries.map { tree.string($0.key) } == ["id", "options"])
        let options = try #require(tree.elements(of: entries[1].value))
        #expect(options.map { tree.string($0) } == ["a", "b"])
        let nodes = [item, entries[0].value, entries[1].value, options.first!, options.last!]
        for (offset, node) in nodes.enumerated() {
            let marker = source.positions[offset + 1]!
            #expect(Self.position(node, in: tree)! == (marker.line, marker.column), "marker \(offset + 1)")
        }
    }

    @Test func multiLineScalarsAreFoldedAndStartWhereWritten() throws {
        let source = MarkedText("""
        plain: 1️⃣first
          second
        quoted: 2️⃣"one
          two"

        """)
        let tree = try #require(Self.build(source.text).tree)
        let plain = try #require(Self.value("plain", in: tree))
        let quoted = try #require(Self.value("quoted", in: tree))
        #expect(tree.string(plain) == "first second")
        #expect(tree.string(quoted) == "one two")
        #expect(Self.position(plain, in: tree)! == (1, 8))
        #expect(Self.position(quoted, in: tree)! == (3, 9))
    }

    @Test func aKeyWrittenTwiceIsNamedAtItsFirstOccurrence() {
        let yaml = """
        id: a
        text: x
        help: y
        text: z
        help: w

        """
        // Both keys are repeated; the alphabetically first is named, where it first appears.
        #expect(Self.build(yaml).diagnostics == ["t.yaml:3:1: error: duplicate key 'help'"])
        #expect(Self.build("a: 1\nb: 2\n").diagnostics.isEmpty)
    }

    @Test func duplicateKeysAreFoundInLargeMappingsToo() {
        let keys = (0..<100).map { "k\($0): \($0)" } + ["k42: again"]
        #expect(Self.build(keys.joined(separator: "\n")).diagnostics == ["t.yaml:43:1: error: duplicate key 'k42'"])
    }

    @Test func anchorsAreRefusedWhereDefinedAndAliasesPointThere() {
        let source = MarkedText("""
        a: 1️⃣&x [1, 2]
        b: *x
        c: *x
        d: 2️⃣&y text

        """)
        #expect(Self.build(source.text).diagnostics == [
            "t.yaml:1:4: error: YAML anchors and aliases are not allowed",
            "t.yaml:4:4: error: YAML anchors and aliases are not allowed",
        ])
    }

    @Test func anAliasBombIsRefusedWithoutExpandingIt() {
        // Nine levels of nine aliases each: 9^9 nodes if expanded, 90 events as read.
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1..<10 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        let (tree, diagnostics) = Self.build(lines.joined(separator: "\n"))
        #expect(tree == nil)
        #expect(diagnostics == (1...10).map { "t.yaml:\($0):5: error: YAML anchors and aliases are not allowed" })
    }

    @Test func anAliasToAnUndefinedAnchorIsAStructureError() {
        #expect(Self.build("a: *nowhere\n").diagnostics == ["t.yaml:1:4: error: YAML structure: found undefined alias"])
    }

    @Test func nestingUpToTheCapIsReadAndOneLevelMoreIsRefusedWhereItStarts() {
        // The root mapping is level 1, so the value can open 63 more levels.
        let allowed = "a: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "\n"
        #expect(Self.build(allowed).tree != nil)
        let deeper = "a: " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "\n"
        #expect(Self.build(deeper).diagnostics == ["t.yaml:1:67: error: nested deeper than 64 levels"])
    }

    @Test func readingStopsAtTheHardCeilingWithTheNestingDiagnostic() {
        let depth = 50_000
        let hostile = "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        #expect(Self.build(hostile).diagnostics == ["t.yaml:1:67: error: nested deeper than 64 levels"])
    }

    @Test func aSyntaxErrorIsTheOnlyDiagnosticEvenWithAnchorsBefore() {
        let diagnostics = Self.build("a: &x 1\nb: [unclosed\n").diagnostics
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.contains("error: YAML syntax: ") == true)
    }

    @Test func aSecondDocumentIsRefused() {
        #expect(Self.build("a: 1\n---\nb: 2\n").diagnostics == ["t.yaml:2:1: error: YAML structure: but found another document"])
    }

    @Test func aFileWithOnlyCommentsIsEmpty() {
        #expect(Self.build("# nothing here\n").diagnostics == ["t.yaml:1:1: error: the file is empty"])
    }

    @Test func theByteCheckForForbiddenCharactersAgreesWithTextSafety() {
        let disagreements = (UInt32(0)...0xFFFF).compactMap(Unicode.Scalar.init).filter { scalar in
            let bytes = Array("a".utf8) + Array(String(scalar).utf8) + Array("b".utf8)
            return SourceText.containsForbiddenEncoding(bytes) != TextSafety.isForbidden(scalar)
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5).map { TextSafety.codePoint($0) })")
    }
}
