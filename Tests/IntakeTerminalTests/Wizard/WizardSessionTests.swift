import IntakeCore
import Testing
@testable import IntakeTerminal

/// Whole sessions through the UI state machine, by keys and taps, without a terminal.
@Suite struct WizardUISessionTests {
    @Test func aWholeDermatomyositisIntakeByKeys() throws {
        var driver = Driver(try WizardFixtures.dermatomyositis(), welcome: true)
        driver.keys(.enter)  // Start, in English
        var steps = 0
        while driver.ui.page == .step, steps < 400 {
            steps += 1
            if let item = driver.ui.currentItem {
                let before = driver.ui.engine.position
                driver.keys(ShortestPath.presses(for: item).map(\.key))
                #expect(driver.ui.engine.position != before, "stuck on \(item.id): \(driver.screen)")
            } else {
                driver.keys(.enter)  // a section intro
            }
        }
        #expect(driver.ui.page == .review)
        #expect(driver.lines[1].contains("Check your answers"))
        driver.keys(.enter)  // Submit has the focus on arrival
        #expect(driver.ui.page == .confirm)
        driver.keys(.enter)
        #expect(driver.ui.page == .thankYou)
        #expect(driver.effects.contains(.submitted))
        #expect(driver.effects.filter { $0 == .saveDraft }.count == driver.ui.engine.answers.count)
        #expect(driver.screen.contains("Thank you"))
        #expect(!driver.screen.contains("Please tell the front desk now"))
        driver.keys(.enter)
        #expect(driver.effects.last == .finished)
    }
}

extension Driver {
    mutating func keys(_ list: [Key]) { send(list.map { .key($0) }) }
}

/// Going back, changing answers, resizing, dialogs and taps through ``WizardUI``.
@Suite struct WizardUIBehaviourTests {
    /// A driver on the first question of the every-type questionnaire (past the intro).
    func started(size: Size = Size(width: 80, height: 24), glyphs: Glyphs = .unicode) throws -> Driver {
        var driver = Driver(try WizardFixtures.everyType(), size: size, glyphs: glyphs)
        driver.keys(.enter)
        return driver
    }

    /// Moves on until the item `id` is showing, by Enter (answering required ones with "n").
    func advance(_ driver: inout Driver, to id: String) {
        var guardCount = 0
        while driver.item != id, guardCount < 40 {
            guardCount += 1
            if driver.item == "rash", driver.answer("rash") == nil { driver.type("y") }
            driver.keys(.enter)
        }
    }

    @Test func requiredQuestionSaysSoCalmly() throws {
        var driver = try started()
        #expect(driver.item == "rash")
        driver.keys(.enter)
        #expect(driver.item == "rash")
        #expect(driver.lines.contains("  Please answer this question to go on."))
        driver.type("j")  // German "Ja" works in every language
        #expect(driver.answer("rash") == .yesNo(.yes))
        #expect(!driver.screen.contains("Please answer"))
    }

    @Test func goingBackAndChangingAnAnswer() throws {
        var driver = try started()
        driver.type("y")
        driver.keys(.enter)
        #expect(driver.item == "sun")
        driver.keys(.escape)
        #expect(driver.item == "rash")
        #expect(driver.screen.contains("(●) Yes"))
        driver.type("n")
        driver.keys(.enter)
        #expect(driver.answer("rash") == .yesNo(.no))
        // Backspace on a list also goes back; arrows then Enter pick the focused option.
        driver.keys(.down, .down, .enter)
        #expect(driver.answer("sun") == .choice("never"))
        driver.keys(.backspace)
        #expect(driver.item == "sun")
        #expect(driver.lines.contains { $0.hasPrefix("  ▶ (●) 3  Never") })
        driver.keys(.up, .enter)
        #expect(driver.answer("sun") == .choice("sometimes"))
        #expect(driver.effects.filter { $0 == .saveDraft }.count == 4)
    }

    @Test func enterOnAnUntouchedOptionalListSkipsIt() throws {
        var driver = try started()
        advance(&driver, to: "sun")
        driver.keys(.enter)
        #expect(driver.item == "signs")
        #expect(driver.answer("sun") == nil)
    }

    @Test func changingAnAnswerFromTheReviewReturnsThere() throws {
        var driver = try started()
        advance(&driver, to: "words")
        driver.keys(.enter)
        #expect(driver.ui.page == .review)
        let sunRow = try #require(driver.lines.firstIndex { $0.contains("Does sun make your skin worse?") })
        #expect(driver.lines[sunRow].hasSuffix("Not answered"))
        driver.tap(.reviewEntry(1))
        #expect(driver.item == "sun")
        driver.type("1")
        driver.keys(.enter)
        #expect(driver.ui.page == .review)
        #expect(driver.lines[sunRow].hasSuffix("Often"))
    }

    @Test func exclusiveOptionClearsTheOthersAndIsClearedByThem() throws {
        var driver = try started()
        advance(&driver, to: "signs")
        driver.type("12")
        #expect(driver.answer("signs") == .choices(["eyelids", "knuckles"]))
        driver.type("3")
        #expect(driver.answer("signs") == .choices(["none"]))
        #expect(driver.screen.contains("[✓] 3  None of these"))
        #expect(driver.screen.contains("[ ] 1  Purple eyelids"))
        driver.keys(.home)
        driver.type(" ")
        #expect(driver.answer("signs") == .choices(["eyelids"]))
        driver.tap(.option(0))
        #expect(driver.answer("signs") == nil)
    }

    @Test func resizeMidTextEntryKeepsTypedTextAndCursor() throws {
        var driver = try started()
        advance(&driver, to: "name")
        driver.type("Анна 山田")
        driver.keys(.left, .left)
        let wide = driver.frame
        #expect(wide.lines.contains("  [Анна 山田" + String(repeating: " ", count: 32) + "]"))
        #expect(wide.cursor == Point(x: 3 + 5, y: 6))
        driver.send(.resize(Size(width: 40, height: 12)))
        #expect(driver.screen.contains("[Анна 山田"))
        driver.send(.resize(Size(width: 30, height: 10)))
        #expect(driver.lines.contains { $0.contains("Please make this window") })
        driver.type("xyz")  // not seen, so not taken
        driver.send(.resize(Size(width: 120, height: 40)))
        #expect(driver.screen.contains("[Анна 山田 "))
        driver.type("-")
        driver.keys(.enter)
        #expect(driver.answer("name") == .text("Анна -山田"))
    }

    @Test func ctrlCAsksFirstAndKeepsAnswers() throws {
        var driver = try started()
        driver.type("y")
        driver.keys(.control("c"))
        #expect(driver.ui.overlay == .leave(leaveFocused: false))
        #expect(driver.screen.contains("Leave the questionnaire? Your answers are kept."))
        #expect(driver.screen.contains("Stay") && driver.screen.contains("Leave"))
        driver.keys(.enter)  // Stay has the focus
        #expect(driver.ui.overlay == nil)
        #expect(driver.answer("rash") == .yesNo(.yes))
        driver.keys(.control("z"), .control("\\"))
        #expect(driver.ui.overlay == nil && driver.item == "rash")
        driver.keys(.control("c"), .tab, .enter)
        #expect(driver.effects.suffix(2) == [.saveDraft, .quitRequested])
        #expect(driver.answer("rash") == .yesNo(.yes))
    }

    @Test func helpOverlayOpensWithF1OrQuestionMarkAndAnyKeyCloses() throws {
        var driver = try started()
        driver.keys(.function(1))
        #expect(driver.screen.contains("A rash is an area of red or rough skin."))
        #expect(driver.screen.contains("Press any key to close."))
        driver.keys(.enter)
        #expect(driver.ui.overlay == nil && driver.item == "rash")
        driver.type("?")
        #expect(driver.ui.overlay == .help)
        driver.tap(.closeHelp)
        #expect(driver.ui.overlay == nil)
        // In a text field "?" is typed.
        advance(&driver, to: "name")
        driver.type("?")
        #expect(driver.ui.overlay == nil)
        #expect(driver.ui.editor(for: try #require(driver.ui.currentItem)).fields[0].text == "?")
    }

    @Test func numbersAreCheckedInlineWithCalmWords() throws {
        var driver = try started()
        advance(&driver, to: "weight")
        driver.type("abc")  // letters are not taken
        driver.type("500")
        driver.keys(.enter)
        #expect(driver.item == "weight")
        #expect(driver.screen.contains("Please enter a number from 20 to 300."))
        driver.keys(.backspace, .backspace)
        driver.type("2,5")
        driver.keys(.enter)
        #expect(driver.answer("weight") == .number(52.5))
        driver.type("2.5")
        driver.keys(.enter)
        #expect(driver.screen.contains("Please enter a whole number."))
        #expect(driver.answer("days") == nil)
    }

    @Test func datesMoveFieldToFieldAndRefuseImpossibleDays() throws {
        var driver = try started()
        advance(&driver, to: "born")
        driver.type("31021980")
        driver.keys(.enter)
        #expect(driver.screen.contains("This date does not exist. Please check it."))
        driver.keys(.backTab, .backTab)
        driver.keys(.backspace, .backspace)
        driver.type("28")
        #expect(driver.screen.contains("Day [28]  Month [02]  Year [1980]"))
        driver.keys(.enter)
        #expect(driver.answer("born") == .date(PartialDate(year: 1980, month: 2, day: 28)))
        // Month precision with "I don't remember" by tap.
        driver.tap(.dontRemember)
        #expect(driver.answer("first_seen") == .unknown)
        #expect(driver.screen.contains("[✓] I don't remember"))
        driver.keys(.enter)
        #expect(driver.item == "started")
    }

    @Test func durationIsAnAmountAndAUnit() throws {
        var driver = try started()
        advance(&driver, to: "started")
        driver.type("3")
        driver.keys(.enter)
        #expect(driver.screen.contains("Please choose days, weeks, months or years."))
        driver.tap(.unit(1))
        #expect(driver.answer("started") == .duration(DurationAnswer(amount: 3, unit: .months)))
        #expect(driver.screen.contains("(●) months"))
        driver.keys(.right)
        #expect(driver.answer("started") == .duration(DurationAnswer(amount: 3, unit: .years)))
        driver.keys(.enter)
        #expect(driver.item == "name")
    }

    @Test func ratingByDigitsArrowsAndTaps() throws {
        var driver = try started()
        advance(&driver, to: "itch")
        driver.type("10")
        #expect(driver.answer("itch") == .number(10))
        driver.type("3")
        #expect(driver.answer("itch") == .number(3))
        driver.keys(.right, .right)
        #expect(driver.answer("itch") == .number(3))  // arrows move the marker; Enter commits
        driver.keys(.enter)
        #expect(driver.answer("itch") == .number(5))
        driver.keys(.escape)
        driver.tap(.rating(8))
        #expect(driver.answer("itch") == .number(8))
        #expect(driver.screen.contains("[8]"))
    }

    @Test func bodyMapByLettersArrowsAndTapsOnTheFigure() throws {
        var driver = try started()
        advance(&driver, to: "sites")
        driver.type("bQ")
        #expect(driver.answer("sites") == .regions(["eyelids", "shoulders_upper_back"]))
        #expect(driver.screen.contains("( B B )"))
        // A tap on the letter drawn on the back figure (elbows, r).
        let frame = driver.frame
        let elbow = try #require(frame.buffer.hitRegions.first { ($0.action as? WizardAction) == .region("elbows") })
        driver.send(.mouse(MouseEvent(.press, at: Point(x: elbow.rect.x + 1, y: elbow.rect.y))))
        #expect(driver.answer("sites") == .regions(["eyelids", "shoulders_upper_back", "elbows"]))
        driver.keys(.home, .down, .down, .down)
        driver.type(" ")
        #expect(driver.answer("sites") == .regions(["eyelids", "neck_front", "shoulders_upper_back", "elbows"]))
        driver.type("b")
        #expect(driver.answer("sites") == .regions(["neck_front", "shoulders_upper_back", "elbows"]))
    }

    @Test func typedControlCharactersAndBidiOverridesAreRefused() throws {
        var driver = try started()
        advance(&driver, to: "name")
        for character in ["\u{1B}", "\u{9B}", "\u{202E}", "\u{7}", "\u{2066}", "\r"] as [Character] {
            driver.keys(.character(character))
        }
        driver.type("[31mAnna\u{85}")
        driver.keys(.enter)
        #expect(driver.answer("name") == .text("[31mAnna"))
        #expect(!driver.screen.unicodeScalars.contains { TextSanitizer.reason(for: $0) != nil && $0 != "\n" })
    }

    @Test func tapsOnEveryButtonWork() throws {
        var driver = Driver(try WizardFixtures.everyType(), welcome: true)
        driver.tap(.language(2))
        #expect(driver.ui.language == "ru")
        driver.tap(.start)
        driver.tap(.next)  // intro
        #expect(driver.screen.contains("У вас есть сыпь?"))
        driver.tap(.option(1))
        #expect(driver.answer("rash") == .yesNo(.no))
        driver.tap(.next)
        driver.tap(.option(2))
        #expect(driver.answer("sun") == .choice("never"))
        driver.tap(.back)
        #expect(driver.item == "rash")
        driver.send(.key(.function(2)))  // ru -> en
        #expect(driver.ui.language == "en")
        #expect(driver.screen.contains("Do you have a rash?"))
        // Wheel moves through a list without choosing.
        driver.tap(.next)
        driver.send(.mouse(MouseEvent(.wheelUp, column: 10, row: 10)))
        #expect(driver.ui.editor(for: try #require(driver.ui.currentItem)).focus == 1)
        #expect(driver.answer("sun") == .choice("never"))
    }

    @Test func submittingThroughConfirmByTaps() throws {
        var driver = try started()
        driver.type("n")
        advance(&driver, to: "words")
        driver.keys(.enter)
        driver.tap(.submit)
        #expect(driver.ui.page == .confirm)
        #expect(driver.screen.contains("Ready to send?"))
        driver.tap(.confirmBack)
        #expect(driver.ui.page == .review)
        driver.tap(.submit)
        driver.tap(.confirmSend)
        #expect(driver.ui.page == .thankYou)
        #expect(driver.effects.contains(.submitted))
        driver.tap(.finish)
        #expect(driver.effects.last == .finished)
    }

    @Test func urgentFlagsShowCalmMessagesOnTheThankYouScreen() throws {
        var driver = Driver(try WizardFixtures.dermatomyositis())
        var guardCount = 0
        while driver.ui.page == .step, guardCount < 400 {
            guardCount += 1
            guard let item = driver.ui.currentItem else { driver.keys(.enter); continue }
            if item.id == "chest_pain" {
                driver.type("y")
                driver.keys(.enter)
            } else {
                driver.keys(ShortestPath.presses(for: item).map(\.key))
            }
        }
        driver.keys(.enter, .enter)
        #expect(driver.ui.page == .thankYou)
        #expect(driver.screen.contains("Please tell the front desk about your chest pain now."))
        #expect(driver.screen.contains("Please tell the front desk now."))
    }
}

/// A touch screen has no F1 or F2: the hints are tap targets too.
@Suite struct TouchOnlyTests {
    @Test func helpAndLanguageByTapping() throws {
        var driver = Driver(try WizardFixtures.everyType())
        driver.keys(.enter)
        let helpRegions = driver.frame.buffer.hitRegions.filter { ($0.action as? WizardAction) == .help }
        #expect(helpRegions.count == 2)  // the hint under the question and "F1 Help" in the footer
        driver.tap(.help)
        #expect(driver.ui.overlay == .help)
        #expect(driver.screen.contains("Do you have a rash?"))
        driver.tap(.closeHelp)
        driver.tap(.cycleLanguage)
        #expect(driver.ui.language == "de")
        #expect(driver.screen.contains("Haben Sie einen Ausschlag?"))
    }
}
