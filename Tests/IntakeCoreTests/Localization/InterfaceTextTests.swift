import Testing
@testable import IntakeCore

@Suite struct InterfaceTextTests {
    @Test(arguments: InterfaceText.allCases)
    func everyTextExistsInEveryShippedLanguage(text: InterfaceText) {
        for language in InterfaceText.languages {
            #expect(InterfaceText.translation(text, language)?.isEmpty == false, "\(text) has no '\(language)'")
        }
    }

    @Test func theTableHasEveryTextOnceAndEachLanguageOncePerText() {
        let keys = InterfaceText.table.map(\.key)
        #expect(keys.count == Set(keys).count, "a text is in the table twice")
        #expect(Set(keys) == Set(InterfaceText.allCases))
        for (text, words) in InterfaceText.table {
            let languages = words.map(\.key)
            #expect(languages.count == Set(languages).count, "\(text) has a language twice")
        }
    }

    @Test func placeholdersAreFilledInOrder() {
        #expect(InterfaceText.questionOfTotal.text("de", 3, 9) == "Frage 3 von 9")
    }

    @Test func unknownLanguagesFallBackToEnglish() {
        #expect(InterfaceText.next.text("fr") == "Next")
    }
}
