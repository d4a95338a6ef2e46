/// One node of a ``YAMLTree``: an index, so handing nodes around copies 4 bytes and
/// touches no reference counts. Only meaningful together with the tree that made it.
struct YAMLNode: Hashable {
    let index: Int32
}

/// A YAML document as the loaders need it, stored flat: one fixed-size record per node in
/// document order, every scalar's text once, and the children of each collection side by
/// side (a mapping's as key, value, key, value, ...). Built by ``YAMLTreeBuilder`` straight
/// from libyaml's events, so building costs a few appends per node instead of a tree of
/// enum values that are copied, hashed and released.
///
/// Positions are libyaml's marks, 1-based: a node's line and column are where its text
/// starts, including an anchor or tag written before it.
final class YAMLTree {
    enum Kind: UInt8 {
        case scalar, sequence, mapping
    }

    /// How a scalar was written. Quoted styles matter for positions inside the text: the
    /// text starts one column after the mark.
    enum ScalarStyle: UInt8 {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    struct Record {
        var kind: Kind
        var style: ScalarStyle
        var line: Int32
        var column: Int32
        /// A scalar's index in `scalars`; a collection's first child in `children`.
        var first: Int32
        /// How many child slots a collection has (two per mapping entry).
        var count: Int32
    }

    /// The file name that locations carry.
    let file: String
    let records: [Record]
    let scalars: [String]
    let children: [YAMLNode]

    init(file: String, records: [Record], scalars: [String], children: [YAMLNode]) {
        self.file = file
        self.records = records
        self.scalars = scalars
        self.children = children
    }

    /// The document's top node: the first one written.
    var root: YAMLNode { YAMLNode(index: 0) }

    func kind(of node: YAMLNode) -> Kind { records[Int(node.index)].kind }

    /// A scalar's text, or nil for a collection.
    func string(_ node: YAMLNode) -> String? {
        let record = records[Int(node.index)]
        return record.kind == .scalar ? scalars[Int(record.first)] : nil
    }

    /// Whether `node` is a scalar whose text is `text` (mapping lookups; no copy of the text).
    func isScalar(_ node: YAMLNode, equalTo text: String) -> Bool {
        let record = records[Int(node.index)]
        return record.kind == .scalar && scalars[Int(record.first)] == text
    }

    /// The style of a scalar (``ScalarStyle/plain`` for collections).
    func style(of node: YAMLNode) -> ScalarStyle { records[Int(node.index)].style }

    func location(of node: YAMLNode) -> SourceLocation {
        let record = records[Int(node.index)]
        return SourceLocation(file: file, line: Int(record.line), column: Int(record.column))
    }

    /// The line a node starts on, without building a location.
    func line(of node: YAMLNode) -> Int { Int(records[Int(node.index)].line) }

    /// A sequence's elements, or nil when the node is not a sequence.
    func elements(of node: YAMLNode) -> ArraySlice<YAMLNode>? {
        let record = records[Int(node.index)]
        guard record.kind == .sequence else { return nil }
        return children[Int(record.first)..<Int(record.first + record.count)]
    }

    /// A mapping's entries in the order written, or nil when the node is not a mapping.
    func entries(of node: YAMLNode) -> Entries? {
        let record = records[Int(node.index)]
        guard record.kind == .mapping else { return nil }
        return Entries(slots: children[Int(record.first)..<Int(record.first + record.count)])
    }

    /// The key/value pairs of one mapping, over the tree's child slots (no copy).
    struct Entries: RandomAccessCollection {
        let slots: ArraySlice<YAMLNode>

        var startIndex: Int { 0 }
        var endIndex: Int { slots.count / 2 }

        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            let slot = slots.startIndex + 2 * position
            return (slots[slot], slots[slot + 1])
        }
    }
}
