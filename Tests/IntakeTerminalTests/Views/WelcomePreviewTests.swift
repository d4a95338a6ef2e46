import IntakeCore
import Testing
@testable import IntakeTerminal

/// `intake run` draws the welcome screen from the questionnaire's metadata alone (the rest
/// is decoded from the cache after it is shown): that screen must be the one the whole
/// questionnaire gives, cell for cell, in every language, size and glyph set.
@Suite struct WelcomePreviewTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 40, height: 12), Size(width: 132, height: 43), Size(width: 20, height: 6)]

    static func questionnaires() throws -> [Questionnaire] {
        [try WizardFixtures.dermatomyositis(), try WizardFixtures.cjk(), try WizardFixtures.everyType()]
    }

    @Test func theWelcomeScreenNeedsOnlyTheMetadata() throws {
        var compared = 0
        for whole in try Self.questionnaires() {
            let preview = Questionnaire(metadata: whole.metadata, sections: [])
            for language in [nil] + whole.metadata.languages.map(Optional.some) {
                for glyphs in [Glyphs.unicode, .ascii] {
                    for size in Self.sizes {
                        let expected = Self.welcome(whole, language: language, glyphs: glyphs, size: size)
                        let drawn = Self.welcome(preview, language: language, glyphs: glyphs, size: size)
                        #expect(drawn.buffer == expected.buffer, "\(whole.metadata.id) \(language ?? "default") \(size)")
                        #expect(drawn.cursor == expected.cursor)
                        compared += 1
                    }
                }
            }
        }
        #expect(compared >= 3 * 2 * 2 * 4)
    }

    /// The comparison above can fail: a questionnaire with other metadata draws another screen.
    @Test func anotherTitleDrawsAnotherScreen() throws {
        let whole = try WizardFixtures.dermatomyositis()
        var other = Questionnaire(metadata: whole.metadata, sections: [])
        other.metadata.title = LocalizedText("Another title")
        #expect(Self.welcome(other, language: nil, glyphs: .unicode, size: Self.sizes[0]).buffer
            != Self.welcome(whole, language: nil, glyphs: .unicode, size: Self.sizes[0]).buffer)
    }

    static func welcome(_ questionnaire: Questionnaire, language: String?, glyphs: Glyphs, size: Size) -> WizardFrame {
        let ui = WizardUI(engine: Wizard(questionnaire: questionnaire, today: WizardFixtures.today), language: language,
                          glyphs: glyphs, showWelcome: true)
        return WizardView.render(ui, size: size)
    }
}
