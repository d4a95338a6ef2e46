import PropertyBased
import Testing
@testable import IntakeCore

/// Display width, sanitising, wrapping, the body drawing and the change column.
@Suite struct SummaryTextTests {
    /// Sanitising decides from the UTF-8 bytes whether anything must go; for any text
    /// it gives what applying the rule scalar by scalar gives (controls, C1, bidi controls
    /// next to their neighbours in the code chart, line breaks kept or not): the quick
    /// checks never skip a text the rule would change.
    @Test func sanitisingGivesWhatTheScalarByScalarRuleGives() async {
        let alphabet: [String] = ["a", " ", "\n", "\r", "\t", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "—",
                                  "\u{2029}", "\u{202A}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "肌", "👍🏽", "\u{1B}"]
        let texts = Gen.int(in: 0...(alphabet.count - 1)).array(of: 0...12).map { $0.map { alphabet[$0] }.joined() }
        await propertyCheck(count: 2000, input: texts, Gen.int(in: 0...1)) { text, keep in
            #expect(SummaryText.sanitized(text, keepingLineBreaks: keep == 1) == SummaryText.removingUnsafeScalars(text, keepingLineBreaks: keep == 1), "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        ("abc", 3), ("Жжж", 3), ("日本", 4), ("e\u{301}", 1), ("", 0), ("👍", 2), ("a\u{200B}b", 2),
    ])
    func displayWidthCountsCellsNotBytes(_ text: String, _ width: Int) {
        #expect(SummaryText.displayWidth(text) == width)
    }

    @Test func sanitizingRemovesControlsAndBidiOverrides() {
        #expect(SummaryText.sanitized("a\u{1B}[31mb\u{202E}c\u{2066}d\u{85}e") == "a[31mbcde")
        #expect(SummaryText.sanitized("one\r\ntwo\tthree") == "one two three")
        #expect(SummaryText.sanitized("one\r\ntwo", keepingLineBreaks: true) == "one\ntwo")
    }

    @Test func wrappingKeepsWordsAndBreaksOverlongOnes() {
        #expect(SummaryText.wrap("the quick brown fox", width: 9) == ["the quick", "brown fox"])
        #expect(SummaryText.wrap("Привет мир как дела", width: 10) == ["Привет мир", "как дела"])
        #expect(SummaryText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(SummaryText.wrap("日本語の文", width: 4) == ["日本", "語の", "文"])
        #expect(SummaryText.wrap("a\n\nb", width: 5) == ["a", "", "b"])
    }

    @Test func leaderTableAlignsCyrillicLikeLatin() {
        let lines = SummaryText.leaderTable([("Рост", "170 см"), ("Height", "170 cm")], width: 40, indent: 2)
        #expect(lines == ["  Рост ... 170 см", "  Height . 170 cm"])
    }

    @Test func bodyFiguresHaveEqualWidthAndEveryRegionLetter() {
        for figure in [BodyFigure.front, BodyFigure.back] {
            #expect(figure.allSatisfy { $0.count == BodyFigure.figureWidth })
        }
        let letters = Set((BodyFigure.front + BodyFigure.back).joined().filter(\.isLetter))
        #expect(letters == Set(BodyRegion.all.map(\.key)))
    }

    @Test func bodyDrawingMarksOnlyTheReportedRegions() {
        let lines = BodyFigure.lines(marking: ["eyelids", "elbows"], frontCaption: "FRONT", backCaption: "BACK", width: 40)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("( B B )"))
        #expect(text.contains("/ R /|"))
        #expect(!text.contains("E"))
        #expect(lines.allSatisfy { SummaryText.displayWidth($0) <= 40 })
    }

    @Test(arguments: [
        (Double?.some(6.8), Double?.some(5.0), "5 ▲ +36%"),
        (6, 5, "5 ▲ +20%"),
        (5.9, 5, "5"),
        (4, 5, "5 ▼ -20%"),
        (4.5, 5, "5"),
        (nil, 5, "5"),
        (3, nil, "–"),
        (2, 0, "0 ▲"),
        (0, 0, "0"),
    ] as [(Double?, Double?, String)])
    func changeSinceLastVisitMarksTwentyPercent(_ now: Double?, _ before: Double?, _ expected: String) {
        #expect(ScoreChange.text(now: now, before: before) == expected)
    }

    @Test func previousVisitAddsAChangeColumn() throws {
        let wizard = try IntakeFixtures.fixture("classic-weakness")
        let result = IntakeFixtures.result(wizard)
        var earlier = result
        earlier.provenance.submitted = UTCTimestamp(secondsSince1970: IntakeFixtures.submitted.secondsSince1970 - 180 * 86_400)
        for index in earlier.scores.indices where earlier.scores[index].id == "patient_global_score" { earlier.scores[index].value = 4 }
        for width in [80, 40] {
            let text = SummaryRenderer.render(wizard: wizard, result: result, options: SummaryOptions(width: width, previous: earlier))
            let first = String(text.split(separator: "\u{0C}")[0])
            #expect(first.contains("4 ▲ +50%"))
            #expect(first.contains("2026-05-29"))
            #expect(text.split(separator: "\n").allSatisfy { SummaryText.displayWidth($0.replacingOccurrences(of: "\u{0C}", with: "")) <= width })
        }
    }

    @Test func builtInTextExistsInEveryLanguage() {
        for language in BuiltInText.languages {
            for key in BuiltInText.allCases {
                #expect(BuiltInText.tables[language]?[key] != nil, "\(key) in \(language)")
            }
        }
        #expect(BuiltInText.yes.text("fr") == "Yes")
        #expect(BuiltInPlural.duration(2, .years, language: "ru") == "2 года")
        #expect(BuiltInPlural.duration(5, .months, language: "ru") == "5 месяцев")
        #expect(BuiltInPlural.duration(21, .days, language: "ru") == "21 день")
        #expect(BuiltInPlural.duration(1, .weeks, language: "de") == "1 Woche")
    }
}
