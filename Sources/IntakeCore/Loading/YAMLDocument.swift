/// Turns checked source text into a ``YAMLTree`` with positions, refusing what the format
/// never needs and what could make loading explode (see ``YAMLTreeBuilder``): anchors and
/// aliases (the "billion laughs" alias bomb) and nesting beyond ``SourceLimits/maximumNesting``.
enum YAMLDocument {
    /// The tree, or nil after recording why the file cannot be read.
    static func compose(_ source: SourceText, diagnostics: inout [Diagnostic]) -> YAMLTree? {
        let (tree, problems) = YAMLTreeBuilder.build(source)
        diagnostics += problems
        return tree
    }
}
