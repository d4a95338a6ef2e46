import Testing
@testable import IntakeCore

/// Scores against values worked out by hand.
@Suite struct ScoringTests {
    func score(_ wizard: Wizard, _ id: String) -> Double? { Scorer.evaluate(wizard).score(id)?.value }

    @Test func classicWeaknessScoresMatchHandComputation() throws {
        let wizard = try IntakeFixtures.fixture("classic-weakness")
        let sheet = Scorer.evaluate(wizard)
        // Categories: dressing 2, arising 2, eating 1, walking 2 (aid), hygiene 1, reach 2, grip 1, activities 1 = 12 / 8.
        #expect(sheet.score("function_score")?.value == 1.5)
        #expect(sheet.score("function_score")?.band?.label.resolved("en") == "moderate to severe difficulty")
        #expect(sheet.score("fn_cat_walking")?.value == 2)
        #expect(sheet.score("fn_categories_answered")?.value == 8)
        // (84 - 82) / 84 * 100 = 2.38 -> 2.4
        #expect(sheet.score("weight_loss_pct")?.value == 2.4)
        #expect(sheet.score("weight_loss_pct")?.band?.label.resolved("en") == "less than 5% lost")
        // 82 / 1.81^2 = 25.03
        #expect(sheet.score("bmi")?.value == 25)
        #expect(sheet.score("itch_score")?.value == 3)
        #expect(sheet.score("skin_sites_count")?.value == 5)
        // 2024-11 (the 15th) to 2026-11-25 = 740 days = 2.03 years
        #expect(sheet.score("disease_duration_years")?.value == 2)
        #expect(sheet.score("age_at_onset")?.value == 52)
    }

    @Test func allNoHasFunctionScoreZero() throws {
        let wizard = try IntakeFixtures.fixture("all-no")
        #expect(score(wizard, "function_score") == 0)
        #expect(score(wizard, "itch_score") == nil, "itch is not asked without skin changes")
        #expect(score(wizard, "skin_sites_count") == 0)
    }

    @Test func anAidRaisesItsCategoryToTwo() throws {
        let wizard = try IntakeFixtures.allNo(changing: ["fn_walk_aid": .bool(true)])
        #expect(score(wizard, "fn_cat_walking") == 2)
        #expect(score(wizard, "function_score") == 0.25) // 2 / 8
    }

    @Test func anAidDoesNotLowerAWorseCategory() throws {
        let wizard = try IntakeFixtures.allNo(changing: ["fn_walk": .string("unable"), "fn_walk_aid": .bool(true)])
        #expect(score(wizard, "fn_cat_walking") == 3)
    }

    @Test func fiveOfEightCategoriesIsNotComputable() throws {
        let removed = ["fn_dress", "fn_hair", "fn_chair", "fn_bed", "fn_cut_food", "fn_cup", "fn_carton"]
        let wizard = try IntakeFixtures.allNo(changing: Dictionary(uniqueKeysWithValues: removed.map { ($0, JSONValue.null) }))
        #expect(score(wizard, "fn_categories_answered") == 5)
        #expect(score(wizard, "function_score") == nil)
        let result = IntakeFixtures.result(wizard)
        #expect(result.score("function_score")?.notComputable == "fewer than 6 of 8 categories answered")
    }

    @Test func sixOfEightCategoriesIsComputable() throws {
        let removed = ["fn_dress", "fn_hair", "fn_chair", "fn_bed"]
        let changes = Dictionary(uniqueKeysWithValues: removed.map { ($0, JSONValue.null) }).merging(["fn_walk": .string("unable")]) { $1 }
        let wizard = try IntakeFixtures.allNo(changing: changes)
        #expect(score(wizard, "fn_categories_answered") == 6)
        #expect(score(wizard, "function_score") == 0.5) // 3 / 6
    }

    @Test func anAidAloneDoesNotMakeACategoryAnswered() throws {
        let wizard = try IntakeFixtures.allNo(changing: ["fn_dress": .null, "fn_hair": .null, "fn_dress_aid": .bool(true)])
        #expect(score(wizard, "fn_cat_dressing") == nil)
        #expect(score(wizard, "fn_categories_answered") == 7)
    }

    @Test func weightLossPercentageAfterForty() throws {
        let wizard = try IntakeFixtures.fixture("weight-loss-after-40")
        // (78 - 70) / 78 * 100 = 10.26 -> 10.3
        #expect(score(wizard, "weight_loss_pct") == 10.3)
        #expect(score(wizard, "age_at_onset") == 66)
    }

    @Test func weightGainIsNegativeLoss() throws {
        let wizard = try IntakeFixtures.allNo(changing: ["weight_now": .number(80)])
        #expect(score(wizard, "weight_loss_pct") == -6.7)
        #expect(Scorer.evaluate(wizard).score("weight_loss_pct")?.band?.label.resolved("en") == "weight gained")
    }

    @Test func missingWeightIsNotComputable() throws {
        let wizard = try IntakeFixtures.allNo(changing: ["weight_6m_ago": .null])
        #expect(score(wizard, "weight_loss_pct") == nil)
    }

    struct ItchCase: CustomTestStringConvertible, Sendable {
        var itch: Double
        var band: String
        var testDescription: String { "itch \(NumberText.format(itch)) is \(band)" }
    }

    @Test(arguments: [
        ItchCase(itch: 0, band: "no itch"), ItchCase(itch: 1, band: "mild"), ItchCase(itch: 3, band: "mild"),
        ItchCase(itch: 4, band: "moderate"), ItchCase(itch: 6, band: "moderate"), ItchCase(itch: 7, band: "severe"),
        ItchCase(itch: 10, band: "severe"),
    ])
    func itchBandsAtTheirBoundaries(_ itchCase: ItchCase) throws {
        let wizard = try IntakeFixtures.allNo(changing: ["skin_changes": .bool(true), "itch": .number(itchCase.itch)])
        let score = try #require(Scorer.evaluate(wizard).score("itch_score"))
        #expect(score.value == itchCase.itch)
        #expect(score.band?.label.resolved("en") == itchCase.band)
    }

    @Test func scoresMayUseEarlierScores() throws {
        let yaml = minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - {id: a, type: integer, text: A?}
        scores:
          - {id: doubled, label: Doubled, value: "a * 2"}
          - {id: plus_one, label: Plus one, value: "doubled + 1"}
        flags:
          - {id: big, severity: info, when: "plus_one > 10", staff: Big., patient: Big.}
        """
        let questionnaire = try loadValid(yaml)
        let sheet = Scorer.evaluate(questionnaire, answers: ["a": .number(5)], today: fixedToday)
        #expect(sheet.score("plus_one")?.value == 11)
        #expect(sheet.flags.map(\.id) == ["big"])
        let empty = Scorer.evaluate(questionnaire, answers: [:], today: fixedToday)
        #expect(empty.score("plus_one")?.value == nil)
        #expect(empty.flags.isEmpty)
    }

    @Test func checklistEntriesAreReportedNotReportedOrToBeAssessed() throws {
        let sheet = Scorer.evaluate(try IntakeFixtures.fixture("classic-weakness"))
        let checklist = try #require(sheet.checklists.first)
        let statuses = Dictionary(uniqueKeysWithValues: zip(checklist.checklist.entries.map(\.id), checklist.statuses))
        #expect(statuses["crit_heliotrope"] == .reported)
        #expect(statuses["crit_age_40"] == .reported)
        #expect(statuses["crit_age_18_40"] == .notReported)
        #expect(statuses["crit_anti_jo1"] == .notReported)
        #expect(statuses["crit_upper_limb"] == .toBeAssessed)
        #expect(statuses["crit_biopsy_rimmed_vacuoles"] == .toBeAssessed)
    }
}
