/// A user-visible string in several languages: one entry per language code.
///
/// Questionnaire files may write a plain string (it belongs to the default language)
/// or a map such as `{en: "Do you have a fever?", de: "Haben Sie Fieber?"}`.
public struct LocalizedText: Hashable, Sendable {
    /// One text in one language.
    public struct Translation: Hashable, Sendable {
        public var language: String
        public var text: String
    }

    /// The texts, sorted by language code, each language once. A text has a handful of
    /// languages: finding one by comparing codes is quicker than hashing them, and a
    /// cached questionnaire (thousands of texts) is decoded without a dictionary per text.
    public private(set) var entries: [Translation]
    /// The language used when the requested one is missing.
    public var fallbackLanguage: String

    public init(_ translations: [String: String], fallback: String) {
        self.entries = translations.map { Translation(language: $0.key, text: $0.value) }.sorted { $0.language < $1.language }
        self.fallbackLanguage = fallback
    }

    public init(_ text: String, language: String = "en") {
        self.entries = [Translation(language: language, text: text)]
        self.fallbackLanguage = language
    }

    /// From entries already sorted by language, each once (as the cache stores them);
    /// anything else is put in order, the first text of a repeated language kept.
    init(sortedEntries entries: [Translation], fallback: String) {
        var sorted = true
        for index in entries.indices.dropFirst() where !(entries[index - 1].language < entries[index].language) {
            sorted = false
            break
        }
        if sorted {
            self.entries = entries
        } else {
            var seen: [String: String] = [:]
            for entry in entries where seen[entry.language] == nil { seen[entry.language] = entry.text }
            self.entries = seen.map { Translation(language: $0.key, text: $0.value) }.sorted { $0.language < $1.language }
        }
        self.fallbackLanguage = fallback
    }

    /// The texts by language code.
    public var translations: [String: String] {
        Dictionary(uniqueKeysWithValues: entries.map { ($0.language, $0.text) })
    }

    /// The text in exactly `language`, if there is one.
    public func text(in language: String) -> String? {
        for entry in entries where entry.language == language { return entry.text }
        return nil
    }

    /// The text in `language`, else in the fallback language, else any text at all.
    public func resolved(_ language: String) -> String {
        text(in: language) ?? text(in: fallbackLanguage) ?? entries.first?.text ?? ""
    }

    public var isEmpty: Bool { entries.allSatisfy(\.text.isEmpty) }
}
