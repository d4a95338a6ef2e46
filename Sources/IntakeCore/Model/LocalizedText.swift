/// A user-visible string in several languages: one entry per language code.
///
/// Questionnaire files may write a plain string (it belongs to the default language)
/// or a map such as `{en: "Do you have a fever?", de: "Haben Sie Fieber?"}`.
public struct LocalizedText: Hashable, Sendable {
    public var translations: [String: String]
    /// The language used when the requested one is missing.
    public var fallbackLanguage: String

    public init(_ translations: [String: String], fallback: String) {
        self.translations = translations
        self.fallbackLanguage = fallback
    }

    public init(_ text: String, language: String = "en") {
        self.translations = [language: text]
        self.fallbackLanguage = language
    }

    /// The text in `language`, else in the fallback language, else any text at all.
    public func resolved(_ language: String) -> String {
        translations[language]
            ?? translations[fallbackLanguage]
            ?? translations.sorted { $0.key < $1.key }.first?.value
            ?? ""
    }

    public var isEmpty: Bool { translations.values.allSatisfy(\.isEmpty) }
}
