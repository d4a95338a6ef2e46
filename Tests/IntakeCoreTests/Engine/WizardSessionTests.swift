import Testing
@testable import IntakeCore

/// Whole sessions through the engine, as lists of events, without a terminal.
@Suite struct WizardSessionTests {
    static let yaml = minimalHead + """
    estimated_minutes: 4
    sections:
      - id: general
        title: General
        items:
          - {id: fever, type: yes_no, text: Fever?, required: true}
          - {id: temp, type: decimal, text: Temperature?, min: 35, max: 43, when: fever,
             validate: [{rule: "temp > 36", message: That seems low.}]}
          - {id: note, type: note, text: Thanks.}
      - id: skin
        title: Skin
        intro: About your skin.
        when: "not fever"
        items:
          - {id: rash, type: yes_no, text: Rash?}
          - {id: sites, type: body_map, text: Where?, when: rash}
    """

    func wizard() throws -> Wizard { Wizard(questionnaire: try loadValid(Self.yaml), today: fixedToday) }

    @Test func requiredItemBlocksNext() throws {
        var wizard = try wizard()
        #expect(wizard.currentItem?.id == "fever")
        #expect(wizard.handle(.next) == [.blocked(.answerRequired(item: "fever"))])
        #expect(wizard.currentItem?.id == "fever")
    }

    @Test func skipLogicShowsFollowUpsOnlyWhenTheyApply() throws {
        var wizard = try wizard()
        _ = wizard.handle(.answer(item: "fever", .yesNo(.yes)))
        _ = wizard.handle(.next)
        #expect(wizard.currentItem?.id == "temp")
        _ = wizard.handle(.answer(item: "temp", .number(38.5)))
        _ = wizard.handle(.next)
        #expect(wizard.currentItem?.id == "note")
        _ = wizard.handle(.next)
        #expect(wizard.position == .review, "the skin section is skipped when there is a fever")
    }

    @Test func sectionIntroIsAStepWhenTheSectionShows() throws {
        var wizard = try wizard()
        _ = wizard.handle(.answer(item: "fever", .yesNo(.no)))
        _ = wizard.handle(.next)
        #expect(wizard.currentItem?.id == "note")
        _ = wizard.handle(.next)
        #expect(wizard.currentStep == .intro(section: 1))
        _ = wizard.handle(.next)
        #expect(wizard.currentItem?.id == "rash")
    }

    @Test func validationRuleBlocksWithItsMessage() throws {
        var wizard = try wizard()
        _ = wizard.handle(.answer(item: "fever", .yesNo(.yes)))
        _ = wizard.handle(.next)
        _ = wizard.handle(.answer(item: "temp", .number(35.5)))
        let effects = wizard.handle(.next)
        #expect(effects == [.blocked(.ruleFailed(item: "temp", message: LocalizedText("That seems low.")))])
    }

    @Test func outOfRangeAnswerIsRefusedAndNotStored() throws {
        var wizard = try wizard()
        _ = wizard.handle(.answer(item: "fever", .yesNo(.yes)))
        #expect(wizard.handle(.answer(item: "temp", .number(50))) == [.refused("the answer to 'temp' must be between 35 and 43")])
        #expect(wizard.answer(for: "temp") == nil)
    }

    @Test func hidingAnItemDropsItsAnswerFromTheResult() throws {
        var wizard = try wizard()
        _ = wizard.handle(.answer(item: "fever", .yesNo(.yes)))
        _ = wizard.handle(.answer(item: "temp", .number(38)))
        _ = wizard.handle(.answer(item: "fever", .yesNo(.no)))
        #expect(wizard.answerMap == ["fever": .yesNo(.no)])
        _ = wizard.handle(.answer(item: "fever", .yesNo(.yes)))
        #expect(wizard.answerMap["temp"] == .number(38), "a re-shown item gets its earlier answer back")
    }

    @Test func editingFromReviewReturnsToReview() throws {
        var wizard = try wizard()
        _ = wizard.handle(.answer(item: "fever", .yesNo(.no)))
        _ = wizard.handle(.review)
        _ = wizard.handle(.jump(item: "rash"))
        #expect(wizard.currentItem?.id == "rash")
        _ = wizard.handle(.answer(item: "rash", .yesNo(.yes)))
        _ = wizard.handle(.next)
        #expect(wizard.position == .review)
        #expect(wizard.reviewEntries.map(\.item.id) == ["fever", "rash", "sites"])
    }

    @Test func submitOpensTheFirstBlockingItem() throws {
        var wizard = try wizard()
        _ = wizard.handle(.review)
        #expect(wizard.handle(.submit) == [.blocked(.answerRequired(item: "fever"))])
        #expect(wizard.currentItem?.id == "fever")
        _ = wizard.handle(.answer(item: "fever", .yesNo(.no)))
        _ = wizard.handle(.next)
        #expect(wizard.position == .review)
        #expect(wizard.handle(.submit) == [.completed])
        #expect(wizard.position == .complete)
    }

    @Test func progressCountsVisibleItemsAndMinutesLeft() throws {
        var wizard = try wizard()
        // Until fever is answered, neither its follow-up nor the skin section (when: not fever) counts.
        #expect(wizard.progress == Progress(answered: 0, total: 1, sectionPosition: 1, sectionTotal: 1, minutesLeft: 4))
        _ = wizard.handle(.answer(item: "fever", .yesNo(.no)))
        _ = wizard.handle(.next)
        #expect(wizard.currentItem?.id == "note")
        #expect(wizard.progress == Progress(answered: 1, total: 2, sectionPosition: 1, sectionTotal: 1, minutesLeft: 2))
        _ = wizard.handle(.next)
        _ = wizard.handle(.next)
        #expect(wizard.currentItem?.id == "rash")
        #expect(wizard.progress == Progress(answered: 1, total: 2, sectionPosition: 1, sectionTotal: 1, minutesLeft: 2))
    }

    @Test func progressPerSectionCountsOnlyShownItems() throws {
        var wizard = try wizard()
        _ = wizard.handle(.answer(item: "fever", .yesNo(.no)))
        #expect(wizard.sectionProgress == [
            SectionProgress(sectionID: "general", answered: 1, total: 1),
            SectionProgress(sectionID: "skin", answered: 0, total: 1),
        ])
    }

    @Test func answersAreSavedOnlyWhenTheyChange() throws {
        var wizard = try wizard()
        #expect(wizard.handle(.answer(item: "fever", .yesNo(.no))) == [.saveDraft])
        #expect(wizard.handle(.answer(item: "fever", .yesNo(.no))) == [])
    }

    @Test func backAtTheStartStaysPut() throws {
        var wizard = try wizard()
        #expect(wizard.handle(.back) == [])
        #expect(wizard.currentItem?.id == "fever")
    }
}
