import Yams

/// Turns checked source text into a YAML node tree with positions, refusing what the
/// format never needs and what could make loading explode: anchors and aliases (the
/// "billion laughs" alias bomb) and nesting beyond ``SourceLimits/maximumNesting``.
enum YAMLDocument {
    static func compose(_ source: SourceText, diagnostics: inout [Diagnostic]) -> Node? {
        let parser: Yams.Parser
        let root: Node?
        do {
            // The basic resolver: every plain scalar stays a string (the readers parse numbers
            // and booleans themselves). The default one runs up to seven regular expressions on
            // every scalar and every mapping key (Yams hashes keys to find duplicates), which was
            // most of the loading time.
            parser = try Yams.Parser(yaml: source.text, resolver: .basic)
            root = try parser.singleRoot()
        } catch let error as YamlError {
            diagnostics.append(diagnostic(for: error, file: source.file))
            return nil
        } catch {
            diagnostics.append(.error("YAML syntax: \(error)", at: SourceLocation(file: source.file, line: 1, column: 1)))
            return nil
        }
        guard let root else {
            diagnostics.append(.error("the file is empty", at: SourceLocation(file: source.file, line: 1, column: 1)))
            return nil
        }
        // Anchors are weak references owned by the parser: keep it alive while checking.
        let problems = withExtendedLifetime(parser) { structuralProblems(in: root, file: source.file) }
        diagnostics += problems
        return problems.isEmpty ? root : nil
    }

    /// Finds anchors, aliases and excessive nesting without ever descending into an
    /// anchored node, so an alias bomb costs no more than its own text.
    private static func structuralProblems(in root: Node, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        check(root, depth: 1, file: file, problems: &problems)
        return problems.sortedByLocation
    }

    /// Pre-order walk in document order (key, then value). Recursion is bounded: it stops
    /// below ``SourceLimits/maximumNesting`` (and libyaml refuses more than 1000 levels).
    /// A location is only computed for a problem: this runs over every node of the file.
    private static func check(_ node: Node, depth: Int, file: String, problems: inout [Diagnostic]) {
        if problems.count >= SourceLimits.maximumRepeatedDiagnostics { return }
        if node.anchor != nil || node.alias != nil {
            // An alias is the anchored node itself, so report each anchor once, where it is defined.
            let location = node.location(in: file)
            if !problems.contains(where: { $0.location == location }) {
                problems.append(.error("YAML anchors and aliases are not allowed", at: location))
            }
            return
        }
        if depth > SourceLimits.maximumNesting {
            problems.append(.error("nested deeper than \(SourceLimits.maximumNesting) levels", at: node.location(in: file)))
            return
        }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                check(key, depth: depth + 1, file: file, problems: &problems)
                check(value, depth: depth + 1, file: file, problems: &problems)
            }
        case .sequence(let sequence):
            for element in sequence { check(element, depth: depth + 1, file: file, problems: &problems) }
        case .scalar, .alias:
            break
        }
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func location(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _):
            return .error("YAML syntax: \(problem)", at: location(mark))
        case let .composer(_, problem, mark, _):
            return .error("YAML structure: \(problem)", at: location(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("duplicate key '\(duplicates.first ?? "")'", at: location(context.mark))
        case let .reader(problem, _, _, _):
            return .error("YAML reader: \(problem)", at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return .error("YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

extension Node {
    func location(in file: String) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }
}
