import IntakeCore
import Testing
@testable import IntakeTerminal

/// Screens as lines of text (never escape bytes): full screens for the key pages, and
/// key lines for the rest, at 80x24, 40x12 and 132x43, in English, Russian and Japanese.
@Suite struct WizardSnapshotTests {
    /// Compares the whole screen (trailing blank rows ignored) with a line-by-line report.
    func expectScreen(_ driver: Driver, _ expected: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var actual = driver.lines
        while actual.last == "" { actual.removeLast() }
        for index in 0..<max(actual.count, expected.count) {
            let got = index < actual.count ? actual[index] : "<none>"
            let want = index < expected.count ? expected[index] : "<none>"
            #expect(got == want, "row \(index)", sourceLocation: sourceLocation)
        }
    }

    func everyType(size: Size = Size(width: 80, height: 24), glyphs: Glyphs = .unicode) throws -> Driver {
        var driver = Driver(try WizardFixtures.everyType(), size: size, glyphs: glyphs)
        driver.keys(.enter)
        return driver
    }

    @Test func yesNoAt80x24() throws {
        expectScreen(try everyType(), [
            "  Every item type",
            "  Skin · question 1 of 12 · about 5 min left               ░░░░░░░░░░░░░░░░░░░",
            "  ────────────────────────────────────────────────────────────────────────────",
            "",
            "  Do you have a rash?",
            "  Help: F1 or ?",
            "",
            "  ┌─────────────────┐  ┌─────────────────┐  ┌─────────────────┐",
            "  │     ( ) Yes     │  │     ( ) No      │  │  ( ) Not sure   │",
            "  └─────────────────┘  └─────────────────┘  └─────────────────┘",
            "  Y = Yes · N = No · 3 = Not sure",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "  ┌──────────┐                                                    ┏━━━━━━━━━━┓",
            "  │   Back   │                                                    ┃   Next   ┃",
            "  └──────────┘                                                    ┗━━━━━━━━━━┛",
            "  Enter Next · Esc Back · F1 Help · F2 Language",
        ])
    }

    @Test func yesNoAt132x43IsACentredColumn() throws {
        let driver = try everyType(size: Size(width: 132, height: 43))
        let lines = driver.lines
        #expect(lines.count == 43)
        #expect(lines[0] == String(repeating: " ", count: 28) + "Every item type")
        #expect(lines[8].hasPrefix(String(repeating: " ", count: 28) + "│     ( ) Yes     │"))
        #expect(lines[39].hasSuffix("┏━━━━━━━━━━┓") && lines[39].count == 104)
        #expect(lines[42] == String(repeating: " ", count: 28) + "Enter Next · Esc Back · F1 Help · F2 Language")
    }

    @Test func yesNoAt40x12IsAList() throws {
        let driver = try everyType(size: Size(width: 40, height: 12))
        expectScreen(driver, [
            " Every item type",
            " Skin · question 1 of 12 · about 5 min…",
            " Do you have a rash?",
            " Help: F1 or ?",
            " ▶ ( ) Y  Yes",
            "   ( ) N  No",
            "   ( ) 3  Not sure",
            "",
            "",
            "",
            " [ Back ]                      [ Next ]",
            " Enter Next · Esc Back · F1 Help",
        ])
    }

    @Test func singleChoiceAt40x12() throws {
        var driver = try everyType()
        driver.type("y")
        driver.keys(.enter)
        driver.send(.resize(Size(width: 40, height: 12)))
        expectScreen(driver, [
            " Every item type",
            " Skin · question 2 of 12 · about 5 min…",
            " Does sun make your skin worse?",
            " ▶ ( ) 1  Often",
            "   ( ) 2  Sometimes",
            "   ( ) 3  Never",
            "",
            "",
            "",
            "",
            " [ Back ]                      [ Next ]",
            " Enter Next · Esc Back · F1 Help",
        ])
    }

    @Test func tooSmallNoticeKeepsEverything() throws {
        var driver = try everyType()
        driver.type("y")
        driver.send(.resize(Size(width: 39, height: 12)))
        expectScreen(driver, [
            "",
            "",
            "",
            "",
            "",
            "    Please make this window larger.",
        ])
        driver.send(.resize(Size(width: 80, height: 11)))
        #expect(driver.lines.contains { $0.contains("Please make this window larger.") })
        driver.send(.resize(Size(width: 80, height: 24)))
        #expect(driver.screen.contains("(●) Yes"))
    }

    @Test func bodyMapFiguresAt80x24() throws {
        var driver = try everyType()
        driver.type("y")
        for _ in 0..<10 { driver.keys(.enter) }
        #expect(driver.item == "sites")
        driver.type("bq")
        expectScreen(driver, [
            "  Every item type",
            "  Skin · question 11 of 12 · about 1 min left              ███░░░░░░░░░░░░░░░░",
            "  ────────────────────────────────────────────────────────────────────────────",
            "  Where is the rash?",
            "  Type a letter or tap the body. Choose all that apply.",
            "         Front                Back            [ ] c  Face (cheeks, nose)     ▲",
            "         .-a-.                .---.           [ ] d  Front of neck",
            "        ( B B )              (     )          [ ] e  Upper chest",
            "        (  c  )              (     )          [ ] f  Upper arms",
            #"         \ d /                \ p /           [ ] g  Forearms"#,
            "     .---' e '---.        .---' Q '---.       [ ] h  Palms",
            #"    / f |     | f \      /   |  Q  |   \      [ ] i  Sides of fingers"#,
            #"   / /  |  j  |  \ \    / r  |     |  r \     [ ] j  Belly"#,
            #"  / g/  |     |  \g \  / /   |  u  |   \ \    [ ] k  Front of thighs"#,
            "  h i   |_____|   i h  s t   |_____|   t s    [ ] l  Knees",
            #"        / k|k \             v/ w|w \v         [ ] m  Lower legs"#,
            "        | l|l |              |  |  |          [ ] n  Inner ankles",
            "        | m|m |              |  |  |          [ ] o  Feet",
            "        |n | n|              |  |  |        Back",
            #"       o_/   \_o            __/   \__         [ ] p  Back of neck"#,
            "                                            ▶ [✓] q  Shoulders and upper back▼",
            "",
            "  [ Back ]                                                            [ Next ]",
            "  Enter Next · Esc Back · F1 Help · F2 Language",
        ])
    }

    @Test func bodyMapIsAChecklistInASCII() throws {
        var driver = try everyType(glyphs: .ascii)
        driver.type("y")
        for _ in 0..<10 { driver.keys(.enter) }
        driver.type("bq")
        expectScreen(driver, [
            "  Every item type",
            "  Skin · question 11 of 12 · about 1 min left              ###----------------",
            "  ----------------------------------------------------------------------------",
            "",
            "  Where is the rash?",
            "  Type a letter or tap the body. Choose all that apply.",
            "",
            "    [ ] g  Forearms                                                          ^",
            "    [ ] h  Palms",
            "    [ ] i  Sides of fingers",
            "    [ ] j  Belly",
            "    [ ] k  Front of thighs",
            "    [ ] l  Knees",
            "    [ ] m  Lower legs",
            "    [ ] n  Inner ankles",
            "    [ ] o  Feet",
            "  Back",
            "    [ ] p  Back of neck",
            "  > [x] q  Shoulders and upper back                                          v",
            "",
            "  +----------+                                                    +----------+",
            "  |   Back   |                                                    |   Next   |",
            "  +----------+                                                    +----------+",
            "  Enter Next · Esc Back · F1 Help · F2 Language",
        ])
    }

    @Test func bodyMapIsAChecklistAt40x12() throws {
        var driver = try everyType(size: Size(width: 40, height: 12))
        driver.type("y")
        for _ in 0..<10 { driver.keys(.enter) }
        driver.type("bq")
        expectScreen(driver, [
            " Every item type",
            " Skin · question 11 of 12 · about 1 mi…",
            " Where is the rash?",
            " Type a letter or tap the body. Choose…",
            "   [ ] n  Inner ankles                ▲",
            "   [ ] o  Feet",
            " Back",
            "   [ ] p  Back of neck",
            " ▶ [✓] q  Shoulders and upper back    ▼",
            "",
            " [ Back ]                      [ Next ]",
            " Enter Next · Esc Back · F1 Help",
        ])
    }

    @Test func reviewAt80x24() throws {
        var driver = try everyType()
        driver.type("y"); driver.keys(.enter); driver.type("2"); driver.keys(.enter)
        driver.type("3"); driver.keys(.enter); driver.type("72,5"); driver.keys(.enter, .enter)
        driver.type("7"); driver.keys(.enter); driver.type("31121980"); driver.keys(.enter)
        driver.tap(.dontRemember); driver.keys(.enter); driver.type("3"); driver.tap(.unit(1)); driver.keys(.enter)
        driver.type("Анна 山田"); driver.keys(.enter)
        driver.type("bq"); driver.keys(.enter, .enter); driver.type("It itches at night."); driver.keys(.enter)
        driver.keys(.up, .up, .up)
        expectScreen(driver, [
            "  Every item type",
            "  Check your answers · Choose an answer to change it.      █████████████████░░",
            "  ────────────────────────────────────────────────────────────────────────────",
            "",
            "  Skin",
            "    Do you have a rash?                     Yes",
            "    Does sun make your skin worse?          Sometimes",
            "    Which of these do you have?             None of these",
            "    How much do you weigh now?              72.5 kg",
            "    On how many days?                       Not answered",
            "    How itchy was your skin this week?      7 / 10",
            "    When were you born?                     1980-12-31",
            "    In which month did you first notice it? I don't remember",
            "    How long ago did the rash start?        3 months",
            "  ▶ What is your name?                      Анна 山田",
            "    Where is the rash?                      Eyelids; Shoulders and upper back",
            "    Is there anything else we should know?  It itches at night.",
            "",
            "",
            "",
            "  ┌──────────┐                                                    ┌──────────┐",
            "  │   Back   │                                                    │  Submit  │",
            "  └──────────┘                                                    └──────────┘",
            "  ↑↓ Choose an answer to change it. · Tab Submit · Esc Back",
        ])
        driver.keys(.end)  // Submit
        driver.send(.resize(Size(width: 40, height: 12)))
        expectScreen(driver, [
            " Every item type",
            " Check your answers · Choose an answer…",
            " Skin",
            "   Do you have a ras… Yes",
            "   Does sun make you… Sometimes",
            "   Which of these do… None of these",
            "   How much do you w… 72.5 kg",
            "   On how many days?  Not answered",
            "   How itchy was you… 7 / 10",
            "   When were you bor… 1980-12-31      ▼",
            " [ Back ]                    [ Submit ]",
            " ↑↓ Choose an answer to change it.",
        ])
    }

    @Test func welcomeAt80x24And40x12() throws {
        var driver = Driver(try WizardFixtures.dermatomyositis(), welcome: true)
        expectScreen(driver, [
            "  Questions before your visit (skin and muscle clinic)",
            "  ────────────────────────────────────────────────────────────────────────────",
            "",
            "  These questions help your doctor prepare for your visit. Most people need",
            "  about 12 minutes. There are no right or wrong answers. If you do not know an",
            "  answer, you may skip it. Press F1 or ? on any question for help.",
            "",
            "  This takes about 12 minutes.",
            "",
            "  You can go back and change an answer at any time.",
            "",
            "",
            "",
            "",
            "",
            "",
            "  Language",
            "  ▶ (●) 1  English",
            "    ( ) 2  Deutsch",
            "    ( ) 3  Русский",
            "                                                                  ┏━━━━━━━━━━┓",
            "                                                                  ┃  Start   ┃",
            "                                                                  ┗━━━━━━━━━━┛",
            "  Enter Start · ↑↓ Language · F1 Help",
        ])
        driver.send(.resize(Size(width: 40, height: 12)))
        expectScreen(driver, [
            " Questions before your visit (skin and…",
            " These questions help your doctor",
            " prepare for your visit. Most people",
            " need about 12 minutes. There are no",
            " right or wrong answers. If you do not…",
            "",
            " Language",
            " ▶ (●) 1  English",
            "   ( ) 2  Deutsch",
            "   ( ) 3  Русский",
            "                              [ Start ]",
            " Enter Start · ↑↓ Language · F1 Help",
        ])
    }

    @Test func russian() throws {
        var driver = Driver(try WizardFixtures.dermatomyositis(), language: "ru")
        expectScreen(driver, [
            "  Вопросы перед приёмом (приём по болезням кожи и мышц)",
            "  О вас · осталось около 12 мин                            ░░░░░░░░░░░░░░░░░░░",
            "  ────────────────────────────────────────────────────────────────────────────",
            "",
            "  О вас",
            "",
            "  Сначала несколько вопросов о вас.",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "  ┌──────────┐                                                    ┏━━━━━━━━━━┓",
            "  │  Назад   │                                                    ┃  Далее   ┃",
            "  └──────────┘                                                    ┗━━━━━━━━━━┛",
            "  Enter Далее · Esc Назад · F1 Помощь · F2 Язык",
        ])
        driver.keys(.enter)
        driver.send(.resize(Size(width: 40, height: 12)))
        expectScreen(driver, [
            " Вопросы перед приёмом (приём по болез…",
            " О вас · вопрос 1 из 7 · осталось окол…",
            " Как вас зовут (фамилия, имя,",
            " отчество)?",
            " [                                    ]",
            "                  осталось символов: 80",
            "",
            "",
            "",
            "",
            " [ Назад ]                    [ Далее ]",
            " Enter Далее · Esc Назад · F1 Помощь",
        ])
    }

    @Test func japaneseAt80x24And40x12() throws {
        var driver = Driver(try WizardFixtures.cjk())
        expectScreen(driver, [
            "  皮膚と筋肉の問診票",
            "  皮膚 · question 1 of 3 · about 2 min left                ░░░░░░░░░░░░░░░░░░░",
            "  ────────────────────────────────────────────────────────────────────────────",
            "",
            "  まぶたに紫色の発疹がありますか？",
            "  Help: F1 or ?",
            "",
            "  ┌────────────┐  ┌────────────┐",
            "  │  ( ) Yes   │  │   ( ) No   │",
            "  └────────────┘  └────────────┘",
            "  Y = Yes · N = No",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "  ┌──────────┐                                                    ┏━━━━━━━━━━┓",
            "  │   Back   │                                                    ┃   Next   ┃",
            "  └──────────┘                                                    ┗━━━━━━━━━━┛",
            "  Enter Next · Esc Back · F1 Help",
        ])
        driver.send(.resize(Size(width: 40, height: 12)))
        expectScreen(driver, [
            " 皮膚と筋肉の問診票",
            " 皮膚 · question 1 of 3 · about 2 min …",
            " まぶたに紫色の発疹がありますか？",
            " Help: F1 or ?",
            " ┌────────────┐  ┌────────────┐",
            " │  ( ) Yes   │  │   ( ) No   │",
            " └────────────┘  └────────────┘",
            " Y = Yes · N = No",
            "",
            "",
            " [ Back ]                      [ Next ]",
            " Enter Next · Esc Back · F1 Help",
        ])
        driver.type("y")
        driver.keys(.enter, .enter)
        driver.type("日光で悪化します")
        expectScreen(driver, [
            " 皮膚と筋肉の問診票",
            " 皮膚 · question 3 of 3 · about 1 min …",
            " ほかに伝えたいことはありますか？",
            " [日光で悪化します                    ]",
            "                     32 characters left",
            "",
            "",
            "",
            "",
            "",
            " [ Back ]                      [ Next ]",
            " Enter Next · Esc Back · F1 Help",
        ])
        #expect(driver.frame.cursor == Point(x: 2 + 16, y: 3))
    }

    @Test func overlaysReplaceThePageCalmly() throws {
        var driver = Driver(try WizardFixtures.everyType(), language: "ru", size: Size(width: 40, height: 12))
        driver.keys(.enter)
        driver.keys(.control("c"))
        expectScreen(driver, [
            " Все типы вопросов",
            "",
            "",
            " ┌────────────────────────────────────┐",
            " │ Выйти из анкеты? Ваши ответы       │",
            " │ сохранятся.                        │",
            " │                                    │",
            " │ [ Остаться ]             [ Выйти ] │",
            " └────────────────────────────────────┘",
        ])
        driver.keys(.escape)
        driver.send(.resize(Size(width: 80, height: 24)))
        driver.keys(.function(1))
        #expect(driver.lines[2].hasPrefix("  ┌ Помощь ─"))
        #expect(driver.lines[3] == "  │ У вас есть сыпь?" + String(repeating: " ", count: 57) + "│")
        #expect(driver.lines[5].hasPrefix("  │ Сыпь — это покрасневшая кожа."))
        #expect(driver.lines[21].hasPrefix("  │ Нажмите любую клавишу, чтобы закрыть."))
    }
}
