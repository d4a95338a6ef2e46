import Testing
@testable import IntakeCore

/// Every red flag of the dermatomyositis questionnaire: raised by one change to all-no.json,
/// not raised by a change just below its threshold.
@Suite struct FlagTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var flag: String
        var raising: [String: JSONValue]
        var justBelow: [String: JSONValue]
        var testDescription: String { flag }
    }

    static let prednisone: [String: JSONValue] = ["current_meds": .array([.string("prednisone")]), "steroid_side_effects": .array([.string("se_none")])]

    static let cases: [Case] = [
        Case(flag: "urgent_breathing",
             raising: ["breathless": .bool(true), "breathless_rest": .bool(true)],
             justBelow: ["breathless": .bool(true), "breathless_exertion": .bool(true), "breathless_rest": .bool(false), "breath_worsening": .bool(false), "breathless_new": .bool(false)]),
        Case(flag: "urgent_aspiration",
             raising: ["choke_cough": .bool(true)],
             justBelow: ["swallow_trouble": .bool(true), "food_sticks": .bool(true)]),
        Case(flag: "urgent_respiratory_muscles",
             raising: ["weak_cough": .bool(true)],
             justBelow: ["breathless": .bool(true), "breathless_exertion": .bool(true), "breathless_flat": .bool(false)]),
        Case(flag: "urgent_chest_pain", raising: ["chest_pain": .bool(true)], justBelow: ["chest_pain": .bool(false), "palpitations": .bool(false)]),
        Case(flag: "urgent_palpitations", raising: ["palpitations": .bool(true)], justBelow: ["palpitations": .bool(false)]),
        Case(flag: "urgent_fainting", raising: ["fainting": .bool(true)], justBelow: ["fainting": .bool(false)]),
        Case(flag: "urgent_ankle_swelling", raising: ["ankle_swelling": .bool(true)], justBelow: ["ankle_swelling": .bool(false)]),
        Case(flag: "urgent_rapid_weakness",
             raising: ["weakness_ever": .bool(true), "weakness_now": .bool(true), "weakness_trend": .string("trend_fast_worse"), "rapid_loss": .array([.string("loss_none")])],
             justBelow: ["weakness_ever": .bool(true), "weakness_now": .bool(true), "weakness_trend": .string("trend_slowly_worse"), "rapid_loss": .array([.string("loss_none")])]),
        Case(flag: "urgent_fever_immunosuppressed",
             raising: prednisone.merging(["fever": .bool(true)]) { $1 },
             justBelow: ["fever": .bool(true), "current_meds": .array([.string("hydroxychloroquine")])]),
        Case(flag: "soon_weight_loss",
             raising: ["weight_now": .number(71.25)], // exactly 5.0% of 75
             justBelow: ["weight_now": .number(71.3)]), // 4.9%
        Case(flag: "soon_cancer_screening",
             raising: ["weight_now": .number(70), "birth_date": .string("1983-05-01")], // onset 2023-05 at 40
             justBelow: ["weight_now": .number(70), "birth_date": .string("1983-06-01")]), // onset at 39
        Case(flag: "soon_new_lump", raising: ["new_lump": .bool(true)], justBelow: ["new_lump": .bool(false)]),
        Case(flag: "soon_ulcers_palm_papules",
             raising: ["skin_changes": .bool(true), "mouth_ulcers": .bool(true)],
             justBelow: ["skin_changes": .bool(true), "mouth_ulcers": .bool(false), "skin_ulcers": .bool(false), "palm_bumps": .bool(false)]),
        Case(flag: "soon_swallowing_voice", raising: ["voice_change": .bool(true)], justBelow: ["voice_change": .bool(false)]),
        Case(flag: "soon_steroid_side_effects",
             raising: prednisone.merging(["steroid_side_effects": .array([.string("se_cataract")])]) { $1 },
             justBelow: prednisone.merging(["steroid_side_effects": .array([.string("se_weight_gain")])]) { $1 }),
        Case(flag: "soon_pregnancy", raising: ["pregnancy_plans": .bool(true)], justBelow: ["pregnancy_plans": .bool(false)]),
        Case(flag: "info_treatment_resistance",
             raising: ["past_meds": .array([.string("methotrexate"), .string("azathioprine")]), "stop_methotrexate": .string("did_not_work"), "stop_azathioprine": .string("did_not_work")],
             justBelow: ["past_meds": .array([.string("methotrexate"), .string("azathioprine")]), "stop_methotrexate": .string("did_not_work"), "stop_azathioprine": .string("side_effects")]),
        Case(flag: "info_infection_history", raising: ["tb_ever": .bool(true)], justBelow: ["tb_ever": .bool(false), "hepatitis_ever": .bool(false)]),
    ]

    func raised(_ changes: [String: JSONValue]) throws -> [String] {
        Scorer.evaluate(try IntakeFixtures.allNo(changing: changes)).flags.map(\.id)
    }

    @Test(arguments: cases)
    func flagIsRaisedByItsTrigger(_ flagCase: Case) throws {
        #expect(try raised(flagCase.raising).contains(flagCase.flag))
    }

    @Test(arguments: cases)
    func flagIsNotRaisedJustBelowItsThreshold(_ flagCase: Case) throws {
        #expect(try !raised(flagCase.justBelow).contains(flagCase.flag))
    }

    @Test func everyFlagOfTheQuestionnaireHasACase() throws {
        let questionnaire = try #require(IntakeFixtures.questionnaire)
        #expect(Set(questionnaire.flags.map(\.id)) == Set(Self.cases.map(\.flag)))
    }

    @Test func allNoRaisesNoUrgentOrSoonFlag() throws {
        let flags = Scorer.evaluate(try IntakeFixtures.fixture("all-no")).flags
        #expect(flags.filter { $0.severity != .info }.isEmpty)
    }

    @Test func mostSevereRaisesEveryUrgentFlag() throws {
        let questionnaire = try #require(IntakeFixtures.questionnaire)
        let raised = Set(Scorer.evaluate(try IntakeFixtures.fixture("most-severe")).flags.map(\.id))
        let urgent = Set(questionnaire.flags.filter { $0.severity == .urgent }.map(\.id))
        #expect(urgent.subtracting(raised).isEmpty)
        #expect(Set(questionnaire.flags.map(\.id)).subtracting(raised).isEmpty, "the fixture is meant to raise every flag")
    }

    struct FixtureCase: CustomTestStringConvertible, Sendable {
        var name: String
        var flags: [String]
        var testDescription: String { name }
    }

    @Test(arguments: [
        FixtureCase(name: "all-no", flags: []),
        FixtureCase(name: "amyopathic-rash-only", flags: []),
        FixtureCase(name: "classic-weakness", flags: ["soon_swallowing_voice"]),
        FixtureCase(name: "classic-russian", flags: []),
        FixtureCase(name: "urgent-breathing", flags: ["urgent_breathing", "urgent_fever_immunosuppressed", "soon_ulcers_palm_papules"]),
        FixtureCase(name: "choking", flags: ["urgent_aspiration", "soon_swallowing_voice", "soon_steroid_side_effects"]),
        FixtureCase(name: "weight-loss-after-40", flags: ["soon_weight_loss", "soon_cancer_screening"]),
    ])
    func fixturesRaiseTheDocumentedFlagsUrgentFirst(_ fixture: FixtureCase) throws {
        #expect(Scorer.evaluate(try IntakeFixtures.fixture(fixture.name)).flags.map(\.id) == fixture.flags)
    }
}
