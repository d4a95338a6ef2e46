import Foundation
import IntakeCore
import Testing
@testable import IntakeTerminal

/// Loading questionnaires and driving ``WizardUI`` with events in tests.
enum WizardFixtures {
    static let today = PartialDate(year: 2026, month: 11, day: 25)

    /// The repository root, found from this file's path.
    static var root: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static func load(_ relativePath: String) throws -> Questionnaire {
        let result = QuestionnaireLoader.load(path: root.appendingPathComponent(relativePath).path)
        return try #require(result.questionnaire, "\(result.diagnostics)")
    }

    static func dermatomyositis() throws -> Questionnaire { try load("Questionnaires/dermatomyositis.yaml") }
    static func cjk() throws -> Questionnaire { try load("Tests/IntakeTerminalTests/Fixtures/cjk.yaml") }

    static func yaml(_ text: String) throws -> Questionnaire {
        let result = QuestionnaireLoader.load(yaml: text)
        return try #require(result.questionnaire, "\(result.diagnostics)")
    }

    /// A questionnaire with one item of every type.
    static let everyTypeYAML = """
    questionnaire: every_type
    version: "1"
    title: {en: Every item type, de: Jeder Fragetyp, ru: Все типы вопросов}
    languages: [en, de, ru]
    estimated_minutes: 5
    sections:
      - id: s
        title: {en: Skin, de: Haut, ru: Кожа}
        intro: {en: The next questions are about your skin., de: Die nächsten Fragen betreffen Ihre Haut., ru: Следующие вопросы о вашей коже.}
        items:
          - id: rash
            type: yes_no
            not_sure: true
            required: true
            text: {en: Do you have a rash?, de: Haben Sie einen Ausschlag?, ru: У вас есть сыпь?}
            help: {en: A rash is an area of red or rough skin., de: Ein Ausschlag ist gerötete Haut., ru: Сыпь — это покрасневшая кожа.}
          - id: sun
            type: single_choice
            text: {en: Does sun make your skin worse?, de: Verschlechtert Sonne Ihre Haut?, ru: Ухудшает ли солнце состояние кожи?}
            options:
              - {id: often, label: {en: Often, de: Oft, ru: Часто}}
              - {id: sometimes, label: {en: Sometimes, de: Manchmal, ru: Иногда}}
              - {id: never, label: {en: Never, de: Nie, ru: Никогда}}
          - id: signs
            type: multiple_choice
            text: {en: Which of these do you have?, de: Was davon haben Sie?, ru: Что из этого у вас есть?}
            options:
              - {id: eyelids, label: {en: Purple eyelids, de: Violette Augenlider, ru: Фиолетовые веки}}
              - {id: knuckles, label: {en: Bumps over the knuckles, de: Knötchen über den Knöcheln, ru: Бугорки над суставами}}
              - {id: none, label: {en: None of these, de: Nichts davon, ru: Ничего из этого}, exclusive: true}
          - id: weight
            type: decimal
            min: 20
            max: 300
            unit: {en: kg, de: kg, ru: кг}
            text: {en: How much do you weigh now?, de: Wie viel wiegen Sie jetzt?, ru: Сколько вы сейчас весите?}
          - id: days
            type: integer
            min: 0
            max: 31
            text: {en: On how many days?, de: An wie vielen Tagen?, ru: Сколько дней?}
          - id: itch
            type: rating
            min_label: {en: No itch, de: Kein Juckreiz, ru: Нет зуда}
            max_label: {en: Worst itch imaginable, de: Schlimmster Juckreiz, ru: Сильнейший зуд}
            text: {en: How itchy was your skin this week?, de: Wie stark juckte Ihre Haut?, ru: Насколько сильно чесалась кожа?}
          - id: born
            type: date
            text: {en: When were you born?, de: Wann sind Sie geboren?, ru: Когда вы родились?}
          - id: first_seen
            type: date
            precision: month
            dont_remember: true
            text: {en: In which month did you first notice it?, de: In welchem Monat?, ru: В каком месяце?}
          - id: started
            type: duration
            units: [weeks, months, years]
            dont_remember: true
            text: {en: How long ago did the rash start?, de: Wann hat der Ausschlag begonnen?, ru: Как давно началась сыпь?}
          - id: name
            type: text
            max_length: 40
            text: {en: What is your name?, de: Wie heißen Sie?, ru: Как вас зовут?}
          - id: sites
            type: body_map
            text: {en: Where is the rash?, de: Wo ist der Ausschlag?, ru: Где сыпь?}
          - id: note
            type: note
            text: {en: Thank you. Now a few words in your own words., de: Danke., ru: Спасибо.}
          - id: words
            type: long_text
            max_length: 300
            text: {en: Is there anything else we should know?, de: Sonst noch etwas?, ru: Что-нибудь ещё?}
    """

    static func everyType() throws -> Questionnaire { try yaml(everyTypeYAML) }
}

/// A ``WizardUI`` with a terminal size, fed events like the app loop does.
struct Driver {
    var ui: WizardUI
    var size: Size
    var effects: [UIEffect] = []

    init(_ questionnaire: Questionnaire, language: String? = nil, size: Size = Size(width: 80, height: 24),
         glyphs: Glyphs = .unicode, welcome: Bool = false) {
        ui = WizardUI(engine: Wizard(questionnaire: questionnaire, today: WizardFixtures.today), language: language,
                      glyphs: glyphs, showWelcome: welcome)
        self.size = size
    }

    mutating func send(_ events: TerminalEvent...) { send(events) }

    mutating func send(_ events: [TerminalEvent]) {
        for event in events {
            if case .resize(let newSize) = event { size = newSize }
            effects += ui.handle(event, size: size)
        }
    }

    mutating func keys(_ keys: Key...) { send(keys.map { .key($0) }) }

    mutating func type(_ text: String) { send(text.map { .key(.character($0)) }) }

    /// Taps the centre of the first hit region whose action is `action`.
    mutating func tap(_ action: WizardAction, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let buffer = frame.buffer
        guard let region = buffer.hitRegions.first(where: { ($0.action as? WizardAction) == action }) else {
            Issue.record("no hit region for \(action)", sourceLocation: sourceLocation)
            return
        }
        let point = Point(x: region.rect.x + region.rect.width / 2, y: region.rect.y + region.rect.height / 2)
        send(.mouse(MouseEvent(.press, at: point)), .mouse(MouseEvent(.release, at: point)))
    }

    var frame: WizardFrame { WizardView.render(ui, size: size) }
    var lines: [String] { frame.lines }
    var screen: String { lines.joined(separator: "\n") }
    var item: String? { ui.currentItem?.id }
    func answer(_ id: String) -> Answer? { ui.engine.answer(for: id) }
}
