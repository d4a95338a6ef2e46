import IntakeCore
import Testing
@testable import IntakeTerminal

/// Plain mode: a whole questionnaire answered by typed lines, as a screen-reader user would.
@Suite struct PlainSessionTests {
    static let yaml = """
    questionnaire: plain
    version: "1"
    title: {en: Plain test, de: Klartest}
    languages: [en, de]
    estimated_minutes: 2
    sections:
      - id: s
        title: {en: General, de: Allgemein}
        items:
          - {id: fever, type: yes_no, required: true, text: {en: Fever?, de: Fieber?}}
          - {id: temp, type: decimal, min: 35, max: 43, when: fever, text: {en: Temperature?, de: Temperatur?}}
          - id: signs
            type: multiple_choice
            text: {en: Signs?, de: Zeichen?}
            options:
              - {id: a, label: {en: A, de: A}}
              - {id: b, label: {en: B, de: B}}
              - {id: none, label: {en: None, de: Keine}, exclusive: true}
          - {id: since, type: duration, units: [weeks, months], text: {en: Since when?, de: Seit wann?}}
          - {id: born, type: date, text: {en: Born?, de: Geboren?}}
          - {id: where, type: body_map, regions: [eyelids, elbows], text: {en: Where?, de: Wo?}}
          - {id: words, type: long_text, max_length: 100, text: {en: Anything else?, de: Sonst noch etwas?}}
    """

    func session(_ lines: [String]) throws -> (PlainSession, ScriptedLineIO, PlainSession.Outcome) {
        let questionnaire = try #require(QuestionnaireLoader.load(yaml: Self.yaml).questionnaire)
        let io = ScriptedLineIO(lines)
        let session = PlainSession(wizard: Wizard(questionnaire: questionnaire, today: PartialDate(year: 2026, month: 11, day: 25)), io: io)
        let outcome = session.run()
        return (session, io, outcome)
    }

    @Test func aWholeQuestionnaireByTypedLines() throws {
        let (session, io, outcome) = try session([
            "2",            // Deutsch
            "",             // required: refused
            "1",            // Fieber: Ja
            "50",           // out of range: refused
            "38,5",         // German decimal comma
            "1 3",          // exclusive "none" wins
            "3 2",          // 3 months
            "31.12.1980",   // date with dots
            "1 2",          // eyelids and elbows
            "Мне трудно вставать",
            "s", "j",       // submit, confirm
        ])
        #expect(outcome == .completed)
        #expect(session.language == "de")
        #expect(session.wizard.answerMap == [
            "fever": .yesNo(.yes), "temp": .number(38.5), "signs": .choices(["none"]),
            "since": .duration(DurationAnswer(amount: 3, unit: .months)),
            "born": .date(PartialDate(year: 1980, month: 12, day: 31)),
            "where": .regions(["eyelids", "elbows"]), "words": .text("Мне трудно вставать"),
        ])
        #expect(io.output.contains("Bitte beantworten Sie diese Frage"))
        #expect(io.output.contains("Bitte geben Sie eine Zahl von 35 bis 43 ein."))
        #expect(io.output.contains("Allgemein · Frage 1 von 6"))
    }

    @Test func backAndReviewChangeAnAnswer() throws {
        let (session, _, outcome) = try session([
            "1", "1", "37", "", "", "", "", "",   // English, fever yes, 37, skip the rest
            "1",                                   // review: change answer 1 (fever)
            "2",                                   // no: temperature is hidden again
            "s", "y",
        ])
        #expect(outcome == .completed)
        #expect(session.wizard.answerMap == ["fever": .yesNo(.no)])
    }

    @Test func endOfInputStopsWithoutSpinning() throws {
        let (session, _, outcome) = try session(["1", "1"])
        #expect(outcome == .endOfInput)
        #expect(session.wizard.answerMap == ["fever": .yesNo(.yes)])
    }

    @Test func controlCharactersTypedAreStoredSafelyAndNeverEchoed() throws {
        let (session, io, _) = try session(["1", "2", "", "", "", "", "", "evil \u{1B}[2J text", "s", "y"])
        #expect(session.wizard.answerMap["words"] == nil, "refused: control characters")
        #expect(!io.output.contains("\u{1B}"))
    }
}
