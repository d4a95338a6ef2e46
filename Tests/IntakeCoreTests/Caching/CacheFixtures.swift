import Foundation
import Testing
@testable import IntakeCore

/// Questionnaires for the cache tests and a key to store them under.
enum CacheFixtures {
    /// Every YAML questionnaire of the repository: the shipped one and the test fixtures.
    static let yamlFiles: [String] = {
        let folders = ["Questionnaires", "Tests/IntakeTerminalTests/Fixtures"]
        return folders.flatMap { folder -> [String] in
            let path = repositoryRoot.appendingPathComponent(folder).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".yaml") }.sorted().map { path + "/" + $0 }
        }
    }()

    /// Every item type, every option setting and every kind of expression node, literal and
    /// value type; a checklist with both bases; score bands; all three flag severities.
    static let everythingYAML = """
    questionnaire: cache_everything
    version: "2.1"
    title: {en: Everything, de: Alles, ru: Всё}
    description: {en: All kinds of things., de: Allerlei., ru: Всякое.}
    languages: [en, de, ru]
    estimated_minutes: 3
    review_status: wording awaiting clinical review
    sources:
      - {id: eular, text: "Lundberg IE et al. 2017", url: "https://example.org/eular"}
      - {id: local, text: Local notes}
    summary:
      name_item: name
      birth_date_item: born
      key_scores: [total]
      key_items: [treatment]
    sections:
      - id: about
        title: About you
        intro: {en: A few questions first., de: Zuerst ein paar Fragen., ru: Сначала несколько вопросов.}
        items:
          - {id: name, type: text, max_length: 80, text: Your name?}
          - {id: born, type: date, text: Born?, required: true}
          - {id: started, type: date, precision: month, dont_remember: true, text: Since when?}
          - {id: since, type: duration, units: [weeks, months], dont_remember: true, text: How long?}
          - {id: treatment, type: long_text, max_length: 500, text: Treatment?}
          - id: weight
            type: decimal
            min: 20.5
            max: 300
            unit: {en: kg, de: kg, ru: кг}
            text: Weight?
            validate:
              - {rule: "weight >= 30 or weight == null", message: {en: Check the weight., de: Gewicht prüfen., ru: Проверьте вес.}}
          - {id: days, type: integer, min: -3, text: Days?}
          - {id: pain, type: rating, min: 1, max: 5, min_label: None, max_label: Worst, text: Pain?}
          - {id: note1, type: note, text: Thank you.}
      - id: skin
        title: Skin
        when: "answered(born) and not (days > 2)"
        summary_when_skipped: No skin questions.
        items:
          - {id: rash, type: yes_no, not_sure: true, text: Rash?, help: Red skin., summary: Rash}
          - {id: itch, type: yes_no, text: Itch?}
          - id: colour
            type: single_choice
            text: Colour?
            options:
              - {id: red, label: Red, score: 2}
              - {id: purple, label: Purple, score: 3.5}
              - {id: other, label: Other}
          - id: signs
            type: multiple_choice
            when: "rash == true and colour in ['red', 'purple']"
            text: Signs?
            options:
              - {id: eyelids, label: Eyelids, score: 1}
              - {id: knuckles, label: Knuckles, score: 1}
              - {id: none, label: None of these, exclusive: true}
          - {id: sites, type: body_map, regions: [eyelids, back_of_hands, upper_chest], text: Where?}
          - {id: all_sites, type: body_map, text: Anywhere else?}
    scores:
      - id: total
        label: {en: Total, de: Summe, ru: Сумма}
        unit: points
        value: "sum(score(signs), if(rash == true, 1, 0), coalesce(pain, 0) * 2 - -1) / 2 + count(signs) + round(mean(pain, 3), 1) + abs(min(days, 0)) + max(days, 1)"
        not_computable: Too few answers.
        bands:
          - {below: 2, label: Low, meaning: Little.}
          - {from: 2, below: 5, label: Middle}
          - {from: 5, label: High, meaning: {en: Much., de: Viel., ru: Много.}}
      - id: age
        label: Age
        value: "years_between(born, today())"
      - id: age_then
        label: Age then
        value: "age_at(born, date('2020-06-01')) + days_between(born, date('2020-06')) * 0"
    flags:
      - {id: urgent_one, severity: urgent, when: "'eyelids' in signs and total >= 5", staff: Act today., patient: Please tell the staff.}
      - {id: soon_one, severity: soon, when: "weight < 40 or name != 'x'", staff: This visit., patient: We will talk.}
      - {id: info_one, severity: info, when: "itch == true or not answered(rash)", staff: Worth knowing., patient: Noted.}
    checklists:
      - id: eular
        title: EULAR/ACR items
        source: eular
        weight_columns: [Without biopsy, With biopsy]
        entries:
          - {id: heliotrope, label: Heliotrope rash, weights: [3.1, 3.2], reported: "'eyelids' in signs"}
          - {id: cpk, label: Raised CK, weights: [1.3, 1.4], assessed_by: Laboratory}

    """

    static func everything() throws -> Questionnaire { try loadValid(everythingYAML) }

    static func load(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Questionnaire {
        let result = QuestionnaireLoader.load(path: path)
        return try #require(result.questionnaire, "\(result.diagnostics)", sourceLocation: sourceLocation)
    }

    static func key(for questionnaire: Questionnaire, executable: String = "1:2:3:4.5") -> CompiledQuestionnaireCache.Key {
        CompiledQuestionnaireCache.Key(
            sourcePath: questionnaire.metadata.sourceFile, sourceDigest: questionnaire.metadata.sourceDigest, executable: executable)
    }

    /// Encodes and decodes `questionnaire` under one key; fails the test if either step fails.
    static func roundTrip(_ questionnaire: Questionnaire, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Questionnaire {
        let key = key(for: questionnaire)
        let bytes = try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key), sourceLocation: sourceLocation)
        return try #require(CompiledQuestionnaireCache.decode(bytes, key: key), sourceLocation: sourceLocation)
    }
}
