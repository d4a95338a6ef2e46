import Testing
@testable import IntakeCore

/// A questionnaire text in several languages: which one is shown, and that the sorted
/// entries behave as the dictionary they replaced.
@Suite struct LocalizedTextTests {
    let text = LocalizedText(["ru": "Сыпь", "en": "Rash", "de": "Ausschlag"], fallback: "en")

    @Test func theRequestedLanguageThenTheFallbackThenTheFirstByCode() {
        #expect(text.resolved("de") == "Ausschlag")
        #expect(text.resolved("fr") == "Rash")
        let noFallback = LocalizedText(["ru": "Сыпь", "de": "Ausschlag"], fallback: "en")
        #expect(noFallback.resolved("fr") == "Ausschlag", "de comes before ru")
        #expect(LocalizedText([:], fallback: "en").resolved("en") == "")
    }

    @Test func entriesAreSortedByLanguageAndCompareAsTheirDictionary() {
        #expect(text.entries.map(\.language) == ["de", "en", "ru"])
        #expect(text.translations == ["ru": "Сыпь", "en": "Rash", "de": "Ausschlag"])
        #expect(text == LocalizedText(["de": "Ausschlag", "en": "Rash", "ru": "Сыпь"], fallback: "en"))
        #expect(text.text(in: "ru") == "Сыпь" && text.text(in: "fr") == nil)
    }

    @Test func entriesOutOfOrderOrRepeatedArePutInOrderKeepingTheFirst() {
        let read = LocalizedText(sortedEntries: [.init(language: "ru", text: "a"), .init(language: "en", text: "b"), .init(language: "ru", text: "c")], fallback: "en")
        #expect(read.entries == [.init(language: "en", text: "b"), .init(language: "ru", text: "a")])
    }

    @Test func emptyOnlyWhenEveryTextIs() {
        #expect(LocalizedText(["en": "", "de": ""], fallback: "en").isEmpty)
        #expect(!LocalizedText(["en": "", "de": "x"], fallback: "en").isEmpty)
    }
}
