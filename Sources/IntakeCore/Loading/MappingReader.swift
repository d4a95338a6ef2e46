import Yams

/// Typed, checked access to one YAML mapping. Every problem becomes a diagnostic at the
/// exact key or value, and reading goes on so that all problems are found in one run.
import Foundation

struct MappingReader {
    let node: Node
    let context: LoadContext
    /// How the mapping is named in messages, e.g. "item 'fever'".
    private(set) var what: String
    private let pairs: [(key: String, keyNode: Node, value: Node)]

    init?(_ node: Node, what: String, context: LoadContext) {
        guard case .mapping(let mapping) = node else {
            context.error("\(what) must be a mapping of 'key: value' lines", at: node)
            return nil
        }
        self.node = node
        self.what = what
        self.context = context
        var pairs: [(String, Node, Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                context.error("keys must be plain words", at: key)
                continue
            }
            pairs.append((scalar.string, key, value))
        }
        self.pairs = pairs
    }

    var keys: [String] { pairs.map(\.key) }

    /// The same mapping, named differently in messages (once its id is known).
    func named(_ what: String) -> MappingReader {
        var copy = self
        copy.what = what
        return copy
    }

    func has(_ key: String) -> Bool { pairs.contains { $0.key == key } }

    func value(_ key: String) -> Node? { pairs.first { $0.key == key }?.value }

    func keyNode(_ key: String) -> Node? { pairs.first { $0.key == key }?.keyNode }

    /// Reports every key not in `allowed`, suggesting the closest allowed one.
    func rejectUnknownKeys(allowed: [String]) {
        for pair in pairs where !allowed.contains(pair.key) {
            context.error("unknown key '\(pair.key)' in \(what)\(LoadContext.suggestion(for: pair.key, among: allowed))", at: pair.keyNode)
        }
    }

    func require(_ key: String) -> Node? {
        if let node = value(key) { return node }
        context.error("\(what) has no '\(key)'", at: node)
        return nil
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let node = required ? require(key) : value(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            context.error("'\(key)' must be a single value", at: node)
            return nil
        }
        return scalar.string
    }

    /// An id: letters, digits and `_`, starting with a letter.
    /// With `allowingHyphens`, a name that expressions never use (questionnaire id, source id).
    func id(_ key: String = "id", allowingHyphens: Bool = false) -> (String, Node)? {
        guard let text = string(key, required: true), let node = value(key) else { return nil }
        let checked = allowingHyphens ? text.replacingOccurrences(of: "-", with: "_") : text
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

    func sequence(_ key: String, required: Bool = false) -> [Node]? {
        guard let node = required ? require(key) : value(key) else { return nil }
        guard case .sequence(let sequence) = node else {
            context.error("'\(key)' must be a list", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// A list of plain values, such as `[en, de]`.
    func stringList(_ key: String, required: Bool = false) -> [(String, Node)]? {
        guard let nodes = sequence(key, required: required) else { return nil }
        var result: [(String, Node)] = []
        for element in nodes {
            guard case .scalar(let scalar) = element else {
                context.error("each entry of '\(key)' must be a single value", at: element)
                continue
            }
            result.append((scalar.string, element))
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
        guard case .scalar(let scalar) = node else {
            context.error("'\(key)' must be an expression written as one value", at: node)
            return nil
        }
        var location = context.location(of: node)
        if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { location.column += 1 }
        return (scalar.string, location)
    }
}

/// Reads translatable text and checks it against the file's languages.
enum TextReader {
    static func read(_ node: Node, key: String, context: LoadContext) -> LocalizedText? {
        switch node {
        case .scalar(let scalar):
            let text = LocalizedText([context.defaultLanguage: scalar.string], fallback: context.defaultLanguage)
            warnAboutMissing(in: text, at: node, context: context)
            return text
        case .mapping(let mapping):
            var translations: [String: String] = [:]
            for (languageNode, valueNode) in mapping {
                let language = languageNode.scalar?.string ?? ""
                guard context.languages.contains(language) else {
                    context.error("'\(language)' is not one of the file's languages (\(context.languages.joined(separator: ", ")))\(LoadContext.suggestion(for: language, among: context.languages))", at: languageNode)
                    continue
                }
                guard case .scalar(let scalar) = valueNode else {
                    context.error("the '\(language)' text of '\(key)' must be a single value", at: valueNode)
                    continue
                }
                translations[language] = scalar.string
            }
            let text = LocalizedText(translations, fallback: context.defaultLanguage)
            if translations[context.defaultLanguage] == nil, !translations.isEmpty {
                context.error("'\(key)' has no text in the default language '\(context.defaultLanguage)'", at: node)
            } else {
                warnAboutMissing(in: text, at: node, context: context)
            }
            return text
        default:
            context.error("'\(key)' must be text, or a map from language code to text", at: node)
            return nil
        }
    }

    private static func warnAboutMissing(in text: LocalizedText, at node: Node, context: LoadContext) {
        for language in context.languages where text.translations[language] == nil {
            context.warning("missing '\(language)' translation; '\(context.defaultLanguage)' is shown instead", at: node)
        }
    }
}
