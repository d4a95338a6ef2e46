import Testing
@testable import IntakeCore

/// The whole summary of every invented patient, at 80 and 40 columns, against golden files.
@Suite struct SummaryGoldenTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var width: Int
        var clinic: String
        var golden: String { "\(fixture)\(clinic == "en" ? "" : "." + clinic).\(width).txt" }
        var testDescription: String { golden }
    }

    static let cases: [Case] = IntakeFixtures.answerSets.flatMap { name in [80, 40].map { Case(fixture: name, width: $0, clinic: "en") } }
        + [80, 40].map { Case(fixture: "classic-russian", width: $0, clinic: "ru") }
        + [Case(fixture: "classic-weakness", width: 80, clinic: "de")]

    func summary(_ summaryCase: Case) throws -> String {
        let wizard = try IntakeFixtures.fixture(summaryCase.fixture)
        let result = IntakeFixtures.result(wizard, language: IntakeFixtures.language(of: summaryCase.fixture), clinic: summaryCase.clinic)
        return SummaryRenderer.render(wizard: wizard, result: result, options: SummaryOptions(width: summaryCase.width, clinicLanguage: summaryCase.clinic))
    }

    @Test(arguments: cases)
    func summaryMatchesGoldenFile(_ summaryCase: Case) throws {
        try GoldenFile.check(try summary(summaryCase), against: summaryCase.golden)
    }

    @Test(arguments: cases)
    func noLineIsWiderThanThePage(_ summaryCase: Case) throws {
        for (number, line) in try summary(summaryCase).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.replacingOccurrences(of: "\u{0C}", with: "")
            #expect(SummaryText.displayWidth(text) <= summaryCase.width, "line \(number + 1) is \(SummaryText.displayWidth(text)) wide: \(text)")
        }
    }

    @Test(arguments: cases)
    func pageOneHasTheRedFlagBoxAndKeyScores(_ summaryCase: Case) throws {
        let text = try summary(summaryCase)
        let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        #expect(pages.count == 3)
        let first = String(pages[0]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let lang = summaryCase.clinic
        #expect(first.contains("╔═ " + BuiltInText.redFlags.text(lang)))
        #expect(first.contains(BuiltInText.keyScores.text(lang)))
        #expect(first.contains(BuiltInText.notADiagnosis.text(lang)))
        let questionnaire = try #require(IntakeFixtures.questionnaire)
        for id in questionnaire.summaryLayout.keyScores {
            let label = try #require(questionnaire.scores.first { $0.id == id }).label.resolved(lang)
            let firstWord = String(label.split(separator: " ")[0])
            #expect(first.contains(firstWord), "key score \(id) on page 1")
        }
        #expect(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains(BuiltInText.notADiagnosis.text(lang)))
    }

    @Test func urgentFlagsComeBeforeSoonOnes() throws {
        let text = try summary(Case(fixture: "choking", width: 80, clinic: "en"))
        let urgent = try #require(text.range(of: "URGENT"))
        let soon = try #require(text.range(of: "THIS VISIT"))
        #expect(urgent.lowerBound < soon.lowerBound)
    }

    @Test func noFlagsSaysSoInOneLine() throws {
        let text = try summary(Case(fixture: "all-no", width: 80, clinic: "en"))
        #expect(text.contains("║ No red flags were reported."))
    }

    @Test func cyrillicRowsAlign() throws {
        // Every box line ends at the same display column whatever the script.
        let text = try summary(Case(fixture: "classic-russian", width: 80, clinic: "ru"))
        for line in text.split(separator: "\n") where line.hasPrefix("║") {
            #expect(SummaryText.displayWidth(line) == 80)
        }
    }

    @Test func thePatientsOwnWordsAppearVerbatim() throws {
        let text = try summary(Case(fixture: "classic-russian", width: 80, clinic: "en"))
        #expect(text.contains("Хочу снова работать полный день и меньше уставать."))
    }
}
