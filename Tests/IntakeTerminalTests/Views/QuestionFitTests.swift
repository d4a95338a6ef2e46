import IntakeCore
import Testing
@testable import IntakeTerminal

/// Every question of the dermatomyositis questionnaire, in every language, is shown in
/// full at 80x24, and at 40x12 (the smallest size) all but a very few.
@Suite struct QuestionFitTests {
    @Test(arguments: ["en", "de", "ru"]) func questionsFit(_ language: String) throws {
        // Skip logic off, so that every question can be opened.
        var questionnaire = try WizardFixtures.dermatomyositis()
        for section in questionnaire.sections.indices {
            questionnaire.sections[section].when = nil
            for item in questionnaire.sections[section].items.indices { questionnaire.sections[section].items[item].when = nil }
        }
        var cut: [String: [String]] = [:]
        for size in [Size(width: 80, height: 24), Size(width: 40, height: 12)] {
            for item in questionnaire.items where item.kind.typeName != "note" {
                var driver = Driver(questionnaire, language: language, size: size)
                let opened = driver.ui.engine.jump(to: item.id)
                #expect(opened, "\(item.id)")
                let text = TextSanitizer.sanitize(item.text.resolved(language))
                let lastWord = String(text.split(separator: " ").last ?? "")
                if !driver.screen.contains(lastWord) { cut["\(size)", default: []].append(item.id) }
            }
        }
        #expect(cut["80x24"] == nil, "\(cut)")
        // At the smallest size a very few long questions end in "…"; F1 shows them whole.
        #expect((cut["40x12"]?.count ?? 0) <= 1, "\(cut)")
    }
}

