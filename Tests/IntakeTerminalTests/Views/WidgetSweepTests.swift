import IntakeCore
import Testing
@testable import IntakeTerminal

/// Every item type, every page and the overlays at the three reference sizes, in
/// English, German and Russian: the question is readable, the hints fit, Next is a tap
/// target, and nothing is drawn outside the grid.
@Suite struct WidgetSweepTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var size: Size
        var language: String
        var glyphs: Glyphs
        var testDescription: String { "\(size) \(language)\(glyphs == .ascii ? " ascii" : "")" }
    }

    static let cases: [Case] = [
        Case(size: Size(width: 80, height: 24), language: "en", glyphs: .unicode),
        Case(size: Size(width: 40, height: 12), language: "en", glyphs: .unicode),
        Case(size: Size(width: 132, height: 43), language: "en", glyphs: .unicode),
        Case(size: Size(width: 80, height: 24), language: "ru", glyphs: .unicode),
        Case(size: Size(width: 40, height: 12), language: "ru", glyphs: .unicode),
        Case(size: Size(width: 80, height: 24), language: "de", glyphs: .ascii),
        Case(size: Size(width: 200, height: 60), language: "de", glyphs: .unicode),
    ]

    @Test(arguments: cases) func everyItemTypeAtEverySize(_ testCase: Case) throws {
        var driver = Driver(try WizardFixtures.everyType(), language: testCase.language, size: testCase.size, glyphs: testCase.glyphs)
        driver.keys(.enter)  // intro
        driver.type("y")
        var seen = 0
        while let item = driver.ui.currentItem {
            seen += 1
            let frame = driver.frame
            let lines = frame.lines
            #expect(lines.count == testCase.size.height)
            #expect(frame.buffer.paddedLines.allSatisfy { $0.displayWidth == testCase.size.width })
            let firstWords = TextWrap.wrap(driver.ui.text(item.text), width: 30).first ?? ""
            let question = String(firstWords.prefix(8))
            #expect(lines.contains { $0.contains(question) }, "\(item.id): \(question)\n\(driver.screen)")
            #expect(lines.last?.contains("Enter") == true, "\(item.id)")
            #expect(frame.buffer.hitRegions.contains { ($0.action as? WizardAction) == .next }, "\(item.id)")
            #expect(frame.buffer.hitRegions.contains { ($0.action as? WizardAction) == .back }, "\(item.id)")
            // Help overlay and leave dialog draw over any question.
            var help = driver
            help.keys(.function(1))
            #expect(help.screen.contains(InterfaceText.helpClose.text(testCase.language)) || testCase.size.height < 14)
            var leave = driver
            leave.keys(.control("c"))
            #expect(leave.screen.contains(InterfaceText.leaveYes.text(testCase.language)))
            driver.keys(.enter)
            #expect(seen < 20)
        }
        #expect(seen == 13)
        #expect(driver.ui.page == .review)
        #expect(driver.frame.buffer.hitRegions.contains { ($0.action as? WizardAction) == .submit })
        driver.keys(.enter)
        #expect(driver.screen.contains(InterfaceText.confirmTitle.text(testCase.language)))
        driver.keys(.enter)
        #expect(driver.screen.contains(InterfaceText.thankYouTitle.text(testCase.language)))
    }

    @Test func hintsDropFromTheEndToFit() {
        var buffer = ScreenBuffer(width: 31, height: 1)
        PageChrome.drawHints([KeyHint(key: "Enter", label: "Next"), KeyHint(key: "Esc", label: "Back"),
                              KeyHint(key: "F1", label: "Help"), KeyHint(key: "F2", label: "Language")],
                             in: Rect(x: 0, y: 0, width: 31, height: 1), into: &buffer)
        #expect(buffer.lines == ["Enter Next · Esc Back · F1 Help"])
    }

    @Test func fileTextIsSanitisedBeforeDrawing() throws {
        // The loader refuses control characters in files; a questionnaire built in memory
        // could still hold them, and the screen must not pass them on.
        var questionnaire = try WizardFixtures.everyType()
        questionnaire.sections[0].items[0].text = LocalizedText("Rash?\u{1B}[2J\u{9B}31m\u{202E}evil", language: "en")
        let driver = Driver(questionnaire, language: "en")
        var started = driver
        started.keys(.enter)
        let text = started.screen
        #expect(!text.unicodeScalars.contains { TextSanitizer.reason(for: $0) != nil && $0 != "\n" })
        #expect(text.contains("Rash?\u{FFFD}[2J\u{FFFD}31mevil"))
    }
}
