/// Shared state while one file is loaded: the YAML tree, where diagnostics go and which
/// languages translatable text must provide.
final class LoadContext {
    let file: String
    let tree: YAMLTree
    private(set) var diagnostics: [Diagnostic] = []
    var languages: [String] = ["en"]
    var defaultLanguage = "en"

    init(tree: YAMLTree) {
        self.file = tree.file
        self.tree = tree
    }

    func location(of node: YAMLNode) -> SourceLocation { tree.location(of: node) }

    func error(_ message: String, at node: YAMLNode) {
        diagnostics.append(.error(message, at: location(of: node)))
    }

    func warning(_ message: String, at node: YAMLNode) {
        diagnostics.append(.warning(message, at: location(of: node)))
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    func report(_ more: [Diagnostic]) {
        diagnostics += more
    }

    /// ` did you mean 'x'?` or nothing.
    static func suggestion(for word: String, among candidates: [String]) -> String {
        Suggestion.didYouMean(word, among: candidates)
    }

    /// Ids are letters, digits and `_`, starting with a letter, and not a word of the expression
    /// language (`and`, `true`, ...): safe in expressions and file names.
    static func isValidID(_ id: String) -> Bool {
        guard !ExpressionCompiler.reservedWords.contains(id) else { return false }
        guard let first = id.unicodeScalars.first, first.isASCIILetter else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
