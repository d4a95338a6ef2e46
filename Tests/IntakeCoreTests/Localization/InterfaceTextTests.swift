import Testing
@testable import IntakeCore

@Suite struct InterfaceTextTests {
    @Test(arguments: InterfaceText.allCases)
    func everyTextExistsInEveryShippedLanguage(text: InterfaceText) {
        for language in InterfaceText.languages {
            #expect(InterfaceText.table[text]?[language]?.isEmpty == false, "\(text) has no '\(language)'")
        }
    }

    @Test func placeholdersAreFilledInOrder() {
        #expect(InterfaceText.questionOfTotal.text("de", 3, 9) == "Frage 3 von 9")
    }

    @Test func unknownLanguagesFallBackToEnglish() {
        #expect(InterfaceText.next.text("fr") == "Next")
    }
}
