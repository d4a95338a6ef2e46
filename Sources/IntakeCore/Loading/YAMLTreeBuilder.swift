import CLibYAML

/// Builds a ``YAMLTree`` from libyaml's parser events, and refuses, at the event level,
/// what a questionnaire never needs and what could make loading explode:
///
/// - Anchors and aliases. An alias is one event and is never expanded, so the "billion
///   laughs" alias bomb costs no more than its own text. Each anchor is reported once,
///   where it is defined, and an alias points there too.
/// - Nesting deeper than ``SourceLimits/maximumNesting``: the first node too deep on each
///   path is reported. Reading goes on (a syntax error further down is what an author must
///   fix first) until ``hardNestingCeiling``, where it stops so that time and memory stay bounded.
/// - Duplicate keys in a mapping, and a second document in the file.
///
/// As with the Yams composer this replaces, the first syntax error, duplicate key,
/// undefined alias or second document is the only diagnostic; anchors and nesting are
/// reported (up to ``SourceLimits/maximumRepeatedDiagnostics``) only when the file parses.
struct YAMLTreeBuilder {
    /// libyaml 0.2.5 has no nesting limit of its own, and its scanner's work per token grows
    /// with the flow depth (quadratic over a run of `[`), so reading stops at this depth.
    /// Twice the cap still finds every too-deep branch of a file that is merely too deep.
    static let hardNestingCeiling = 2 * SourceLimits.maximumNesting

    /// A tree, or nil with the diagnostics that say why there is none.
    static func build(_ source: SourceText) -> (tree: YAMLTree?, diagnostics: [Diagnostic]) {
        var builder = YAMLTreeBuilder(file: source.file)
        var text = source.text
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { builder.read($0) }
        if done == nil {
            text.makeContiguousUTF8()
            text.utf8.withContiguousStorageIfAvailable { builder.read($0) }
        }
        return builder.outcome()
    }

    /// A collection whose end event has not come yet.
    private struct Frame {
        var record: Int32
        /// Where its finished children start in `pending`.
        var pendingStart: Int
        var anchor: String?
        /// Nothing inside it is reported: it is anchored or already too deep.
        var silences: Bool
    }

    private let file: String
    private var records: [YAMLTree.Record] = []
    private var scalars: [String] = []
    private var children: [YAMLNode] = []
    /// Finished nodes waiting for the end of the collection they belong to.
    private var pending: [YAMLNode] = []
    private var open: [Frame] = []
    /// How many open frames silence their contents.
    private var silencing = 0
    /// Where each anchor was defined, for the aliases that name it.
    private var anchors: [String: (line: Int32, column: Int32)] = [:]
    private var problems: [Diagnostic] = []
    /// The one error that ended reading (syntax, duplicate key, undefined alias, ...).
    private var fatal: Diagnostic?
    private var documents = 0

    private init(file: String) {
        self.file = file
    }

    private func outcome() -> (tree: YAMLTree?, diagnostics: [Diagnostic]) {
        if let fatal { return (nil, [fatal]) }
        if !problems.isEmpty { return (nil, problems.sortedByLocation) }
        if records.isEmpty { return (nil, [.error("the file is empty", at: SourceLocation(file: file, line: 1, column: 1))]) }
        return (YAMLTree(file: file, records: records, scalars: scalars, children: children), [])
    }

    private mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            fatal = .error("YAML: out of memory", at: SourceLocation(file: file, line: 1, column: 1))
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                fatal = Self.syntaxError(parser, file: file)
                return
            }
            let goOn = handle(event)
            let finished = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if !goOn || finished { return }
        }
    }

    /// Takes one event; false when reading must stop.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        let line = Int32(truncatingIfNeeded: event.start_mark.line + 1)
        let column = Int32(truncatingIfNeeded: event.start_mark.column + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let anchor = scalar.anchor.map { String(cString: $0) }
            _ = check(anchored: anchor != nil, line: line, column: column)
            if let anchor { anchors[anchor] = (line, column) }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            addScalar(text, style: Self.style(scalar.style), line: line, column: column)
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let anchor = anchors[name] else {
                fatal = .error("YAML structure: found undefined alias", at: location(line, column))
                return false
            }
            // The alias stands for the anchored node, so it is reported where that is defined.
            if silencing == 0 { reportAnchor(line: anchor.line, column: anchor.column) }
            addScalar("", style: .plain, line: line, column: column)
        case YAML_SEQUENCE_START_EVENT:
            return start(.sequence, anchor: event.data.sequence_start.anchor, line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            return start(.mapping, anchor: event.data.mapping_start.anchor, line: line, column: column)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return end()
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                fatal = .error("YAML structure: but found another document", at: location(line, column))
                return false
            }
        default:
            break
        }
        return true
    }

    private mutating func addScalar(_ text: String, style: YAMLTree.ScalarStyle, line: Int32, column: Int32) {
        let node = YAMLNode(index: Int32(records.count))
        records.append(YAMLTree.Record(kind: .scalar, style: style, line: line, column: column, first: Int32(scalars.count), count: 0))
        scalars.append(text)
        pending.append(node)
    }

    private mutating func start(_ kind: YAMLTree.Kind, anchor: UnsafeMutablePointer<yaml_char_t>?, line: Int32, column: Int32) -> Bool {
        guard open.count < Self.hardNestingCeiling else { return false }
        let silences = check(anchored: anchor != nil, line: line, column: column)
        if silences { silencing += 1 }
        open.append(Frame(
            record: Int32(records.count), pendingStart: pending.count,
            anchor: anchor.map { String(cString: $0) }, silences: silences))
        records.append(YAMLTree.Record(kind: kind, style: .plain, line: line, column: column, first: 0, count: 0))
        return true
    }

    private mutating func end() -> Bool {
        let frame = open.removeLast()
        if frame.silences { silencing -= 1 }
        let index = Int(frame.record)
        let count = pending.count - frame.pendingStart
        if records[index].kind == .mapping, let (key, node) = duplicateKey(among: frame.pendingStart..<pending.count) {
            fatal = .error("duplicate key '\(key)'", at: location(records[Int(node.index)].line, records[Int(node.index)].column))
            return false
        }
        records[index].first = Int32(children.count)
        records[index].count = Int32(count)
        // No slice of `pending` may outlive this line: it would make the removal below copy.
        children.append(contentsOf: pending[frame.pendingStart...])
        pending.removeLast(count)
        pending.append(YAMLNode(index: frame.record))
        if let anchor = frame.anchor { anchors[anchor] = (records[index].line, records[index].column) }
        return true
    }

    /// Reports an anchored or too-deep node unless it is inside one already; returns
    /// whether its contents are to be silenced.
    private mutating func check(anchored: Bool, line: Int32, column: Int32) -> Bool {
        guard silencing == 0 else { return false }
        if anchored {
            reportAnchor(line: line, column: column)
            return true
        }
        if open.count + 1 > SourceLimits.maximumNesting {
            report(.error("nested deeper than \(SourceLimits.maximumNesting) levels", at: location(line, column)))
            return true
        }
        return false
    }

    private mutating func reportAnchor(line: Int32, column: Int32) {
        let place = location(line, column)
        if !problems.contains(where: { $0.location == place }) {
            report(.error("YAML anchors and aliases are not allowed", at: place))
        }
    }

    private mutating func report(_ problem: Diagnostic) {
        if problems.count < SourceLimits.maximumRepeatedDiagnostics { problems.append(problem) }
    }

    /// The alphabetically first key written twice among a mapping's slots in `pending`, at its first
    /// occurrence (the same choice Yams made). Keys are compared as text; a key that is not
    /// a scalar is left to the readers, which refuse it.
    private func duplicateKey(among slots: Range<Int>) -> (String, YAMLNode)? {
        let count = slots.count / 2
        func key(_ entry: Int) -> YAMLNode { pending[slots.lowerBound + 2 * entry] }
        func text(_ node: YAMLNode) -> String? {
            let record = records[Int(node.index)]
            return record.kind == .scalar ? scalars[Int(record.first)] : nil
        }
        var found: (String, YAMLNode)?
        // A later occurrence of the key already found compares equal, not less: the first stays.
        func consider(_ text: String, _ node: YAMLNode) {
            if found.map({ text < $0.0 }) ?? true { found = (text, node) }
        }
        if count <= 32 {
            // Small mappings (every real one): compare pairwise, without allocating.
            for first in 0..<count {
                guard let candidate = text(key(first)) else { continue }
                for later in (first + 1)..<count where text(key(later)) == candidate {
                    consider(candidate, key(first))
                    break
                }
            }
        } else {
            var firstSeen: [String: YAMLNode] = [:]
            for entry in 0..<count {
                guard let candidate = text(key(entry)) else { continue }
                if let earlier = firstSeen[candidate] { consider(candidate, earlier) } else { firstSeen[candidate] = key(entry) }
            }
        }
        return found
    }

    private func location(_ line: Int32, _ column: Int32) -> SourceLocation {
        SourceLocation(file: file, line: Int(line), column: Int(column))
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLTree.ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// libyaml's own error, worded as before: syntax errors at the problem's position.
    private static func syntaxError(_ parser: yaml_parser_t, file: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let start = SourceLocation(file: file, line: 1, column: 1)
        switch parser.error {
        case YAML_READER_ERROR:
            return .error("YAML reader: \(problem)", at: start)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            let mark = parser.problem_mark
            return .error("YAML syntax: \(problem)", at: SourceLocation(file: file, line: mark.line + 1, column: mark.column + 1))
        default:
            return .error("YAML: out of memory", at: start)
        }
    }
}
