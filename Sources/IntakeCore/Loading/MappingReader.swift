/// Typed, checked access to one YAML mapping. Every problem becomes a diagnostic at the
/// exact key or value, and reading goes on so that all problems are found in one run.
///
/// Lookups scan the mapping's entries in place (mappings have a handful of keys), so
/// reading a mapping copies nothing.
struct MappingReader {
    let node: YAMLNode
    let context: LoadContext
    /// How the mapping is named in messages, e.g. "item 'fever'".
    private(set) var what: String
    private let entries: YAMLTree.Entries

    init?(_ node: YAMLNode, what: String, context: LoadContext) {
        guard let entries = context.tree.entries(of: node) else {
            context.error("\(what) must be a mapping of 'key: value' lines", at: node)
            return nil
        }
        self.node = node
        self.what = what
        self.context = context
        self.entries = entries
        for (key, _) in entries where context.tree.kind(of: key) != .scalar {
            context.error("keys must be plain words", at: key)
        }
    }

    private var tree: YAMLTree { context.tree }

    /// The same mapping, named differently in messages (once its id is known).
    func named(_ what: String) -> MappingReader {
        var copy = self
        copy.what = what
        return copy
    }

    func has(_ key: String) -> Bool { value(key) != nil }

    func value(_ key: String) -> YAMLNode? {
        let tree = self.tree
        for (keyNode, value) in entries where tree.isScalar(keyNode, equalTo: key) { return value }
        return nil
    }

    /// Reports every key not in `allowed`, suggesting the closest allowed one.
    func rejectUnknownKeys(allowed: [String]) {
        for (keyNode, _) in entries {
            guard let key = tree.string(keyNode), !allowed.contains(key) else { continue }
            context.error("unknown key '\(key)' in \(what)\(LoadContext.suggestion(for: key, among: allowed))", at: keyNode)
        }
    }

    func require(_ key: String) -> YAMLNode? {
        if let node = value(key) { return node }
        context.error("\(what) has no '\(key)'", at: node)
        return nil
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = required ? require(key) : value(key) else { return nil }
        guard let text = tree.string(node) else {
            context.error("'\(key)' must be a single value", at: node)
            return nil
        }
        return text
    }

    /// An id: letters, digits and `_`, starting with a letter.
    /// With `allowingHyphens`, a name that expressions never use (questionnaire id, source id).
    func id(_ key: String = "id", allowingHyphens: Bool = false) -> (String, YAMLNode)? {
        guard let text = string(key, required: true), let node = value(key) else { return nil }
        let checked = allowingHyphens ? text.replacingEvery("-", with: "_") : text
        guard LoadContext.isValidID(checked) else {
            context.error("'\(text)' is not a valid id: use letters, digits and '_', starting with a letter", at: node)
            return nil
        }
        return (text, node)
    }

    func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            if let node = value(key) { context.error("'\(key)' must be true or false", at: node) }
            return nil
        }
    }

    func number(_ key: String) -> Double? {
        guard let text = string(key) else { return nil }
        guard let number = Double(text), number.isFinite else {
            if let node = value(key) { context.error("'\(key)' must be a number, not '\(text)'", at: node) }
            return nil
        }
        return number
    }

    func integer(_ key: String, minimum: Int? = nil) -> Int? {
        guard let text = string(key) else { return nil }
        guard let number = Int(text) else {
            if let node = value(key) { context.error("'\(key)' must be a whole number, not '\(text)'", at: node) }
            return nil
        }
        if let minimum, number < minimum, let node = value(key) {
            context.error("'\(key)' must be at least \(minimum)", at: node)
            return nil
        }
        return number
    }

    func sequence(_ key: String, required: Bool = false) -> ArraySlice<YAMLNode>? {
        guard let node = required ? require(key) : value(key) else { return nil }
        guard let elements = tree.elements(of: node) else {
            context.error("'\(key)' must be a list", at: node)
            return nil
        }
        return elements
    }

    /// A list of plain values, such as `[en, de]`.
    func stringList(_ key: String, required: Bool = false) -> [(String, YAMLNode)]? {
        guard let nodes = sequence(key, required: required) else { return nil }
        var result: [(String, YAMLNode)] = []
        for element in nodes {
            guard let text = tree.string(element) else {
                context.error("each entry of '\(key)' must be a single value", at: element)
                continue
            }
            result.append((text, element))
        }
        return result
    }

    /// Translatable text: a plain string (default language) or a map of language code to text.
    func text(_ key: String, required: Bool = false) -> LocalizedText? {
        guard let node = required ? require(key) : value(key) else { return nil }
        return TextReader.read(node, key: key, context: context)
    }

    /// An expression's source and where its first character is in the file.
    func expressionSource(_ key: String, required: Bool = false) -> (String, SourceLocation)? {
        guard let node = required ? require(key) : value(key) else { return nil }
        guard let text = tree.string(node) else {
            context.error("'\(key)' must be an expression written as one value", at: node)
            return nil
        }
        var location = context.location(of: node)
        let style = tree.style(of: node)
        if style == .singleQuoted || style == .doubleQuoted { location.column += 1 }
        return (text, location)
    }
}

/// Reads translatable text and checks it against the file's languages.
enum TextReader {
    static func read(_ node: YAMLNode, key: String, context: LoadContext) -> LocalizedText? {
        let tree = context.tree
        if let string = tree.string(node) {
            let text = LocalizedText([context.defaultLanguage: string], fallback: context.defaultLanguage)
            warnAboutMissing(in: text, at: node, context: context)
            return text
        }
        guard let entries = tree.entries(of: node) else {
            context.error("'\(key)' must be text, or a map from language code to text", at: node)
            return nil
        }
        var translations: [String: String] = [:]
        for (languageNode, valueNode) in entries {
            let language = tree.string(languageNode) ?? ""
            guard context.languages.contains(language) else {
                context.error("'\(language)' is not one of the file's languages (\(context.languages.joined(separator: ", ")))\(LoadContext.suggestion(for: language, among: context.languages))", at: languageNode)
                continue
            }
            guard let string = tree.string(valueNode) else {
                context.error("the '\(language)' text of '\(key)' must be a single value", at: valueNode)
                continue
            }
            translations[language] = string
        }
        let text = LocalizedText(translations, fallback: context.defaultLanguage)
        if translations[context.defaultLanguage] == nil, !translations.isEmpty {
            context.error("'\(key)' has no text in the default language '\(context.defaultLanguage)'", at: node)
        } else {
            warnAboutMissing(in: text, at: node, context: context)
        }
        return text
    }

    private static func warnAboutMissing(in text: LocalizedText, at node: YAMLNode, context: LoadContext) {
        for language in context.languages where text.text(in: language) == nil {
            context.warning("missing '\(language)' translation; '\(context.defaultLanguage)' is shown instead", at: node)
        }
    }
}
