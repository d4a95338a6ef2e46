/// The built-in words of the screens (buttons, hints, prompts) in every language the
/// program ships: English, German and Russian. A questionnaire in another language falls
/// back to English for these until a translation is added here.
///
/// To add a language: add its code to ``languages`` and a translation to every entry;
/// the test suite checks that none is missing.
public enum InterfaceText: String, CaseIterable, Sendable {
    case welcomeGoBackAnyTime
    case welcomeEstimatedMinutes
    case chooseLanguage
    case start
    case next
    case back
    case help
    case review
    case submit
    case yes
    case no
    case notSure
    case dontRemember
    case noneSelected
    case notAnswered
    case skipped
    case answerRequired
    case questionOfTotal
    case minutesLeft
    case reviewTitle
    case reviewHint
    case confirmTitle
    case confirmText
    case thankYouTitle
    case thankYouText
    case tellFrontDeskNow
    case leaveQuestion
    case leaveYes
    case leaveNo
    case enlargeWindow
    case days
    case weeks
    case months
    case years
    case day
    case month
    case year
    case amount
    case unit
    case typeHere
    case charactersLeft
    case outOfRange
    case wholeNumber
    case invalidDate
    case stillThere
    case secondsLeft
    case frontDesk
    case front
    case backView
    case plainModeHelp
    case plainChoose
    case plainKeep
    case plainReviewPrompt
    case plainConfirmPrompt
    case noHelp
    case dontRememberOption
    case helpHint
    case helpClose
    case multipleHint
    case bodyMapHint
    case rangeHint
    case unitMissing
    case finishHint
    case done

    public static let languages = ["en", "de", "ru"]

    /// The text in `language`, falling back to English.
    public func text(_ language: String) -> String {
        Self.translation(self, language) ?? Self.translation(self, "en") ?? rawValue
    }

    /// The text in exactly `language`, if the table has it.
    static func translation(_ text: InterfaceText, _ language: String) -> String? {
        guard let words = table.first(where: { $0.key == text })?.value else { return nil }
        return words.first { $0.key == language }?.value
    }

    /// The text with `{1}`, `{2}`, ... replaced by the arguments.
    public func text(_ language: String, _ arguments: CustomStringConvertible...) -> String {
        var result = text(language)
        for (index, argument) in arguments.enumerated() {
            result = result.replacingEvery("{\(index + 1)}", with: argument.description)
        }
        return result
    }

    /// Ordered pairs, not dictionaries: looked up by comparing, so the first screen does
    /// not hash every built-in text in three languages (and set up two dictionary types) to
    /// show six of them.
    static let table: KeyValuePairs<InterfaceText, KeyValuePairs<String, String>> = [
        .welcomeGoBackAnyTime: ["en": "You can go back and change an answer at any time.", "de": "Sie können jederzeit zurückgehen und eine Antwort ändern.", "ru": "Вы можете в любой момент вернуться и изменить ответ."],
        .welcomeEstimatedMinutes: ["en": "This takes about {1} minutes.", "de": "Das dauert etwa {1} Minuten.", "ru": "Это займёт около {1} минут."],
        .chooseLanguage: ["en": "Language", "de": "Sprache", "ru": "Язык"],
        .start: ["en": "Start", "de": "Beginnen", "ru": "Начать"],
        .next: ["en": "Next", "de": "Weiter", "ru": "Далее"],
        .back: ["en": "Back", "de": "Zurück", "ru": "Назад"],
        .help: ["en": "Help", "de": "Hilfe", "ru": "Помощь"],
        .review: ["en": "Review", "de": "Übersicht", "ru": "Проверка"],
        .submit: ["en": "Submit", "de": "Absenden", "ru": "Отправить"],
        .yes: ["en": "Yes", "de": "Ja", "ru": "Да"],
        .no: ["en": "No", "de": "Nein", "ru": "Нет"],
        .notSure: ["en": "Not sure", "de": "Nicht sicher", "ru": "Не уверен(а)"],
        .dontRemember: ["en": "I don't remember", "de": "Ich weiß es nicht mehr", "ru": "Не помню"],
        .noneSelected: ["en": "None selected", "de": "Nichts ausgewählt", "ru": "Ничего не выбрано"],
        .notAnswered: ["en": "Not answered", "de": "Nicht beantwortet", "ru": "Нет ответа"],
        .skipped: ["en": "Skipped", "de": "Übersprungen", "ru": "Пропущено"],
        .answerRequired: ["en": "Please answer this question to go on.", "de": "Bitte beantworten Sie diese Frage, um fortzufahren.", "ru": "Пожалуйста, ответьте на этот вопрос, чтобы продолжить."],
        .questionOfTotal: ["en": "question {1} of {2}", "de": "Frage {1} von {2}", "ru": "вопрос {1} из {2}"],
        .minutesLeft: ["en": "about {1} min left", "de": "noch etwa {1} Min.", "ru": "осталось около {1} мин"],
        .reviewTitle: ["en": "Check your answers", "de": "Ihre Antworten prüfen", "ru": "Проверьте ваши ответы"],
        .reviewHint: ["en": "Choose an answer to change it.", "de": "Wählen Sie eine Antwort, um sie zu ändern.", "ru": "Выберите ответ, чтобы изменить его."],
        .confirmTitle: ["en": "Ready to send?", "de": "Bereit zum Absenden?", "ru": "Готовы отправить?"],
        .confirmText: ["en": "Your answers go to your care team. You cannot change them after this.", "de": "Ihre Antworten gehen an Ihr Behandlungsteam. Danach können Sie sie nicht mehr ändern.", "ru": "Ваши ответы получит ваша медицинская команда. После этого их нельзя изменить."],
        .thankYouTitle: ["en": "Thank you", "de": "Vielen Dank", "ru": "Спасибо"],
        .thankYouText: ["en": "Your answers have been saved. Please let the front desk know you have finished.", "de": "Ihre Antworten wurden gespeichert. Bitte sagen Sie am Empfang Bescheid, dass Sie fertig sind.", "ru": "Ваши ответы сохранены. Пожалуйста, сообщите в регистратуре, что вы закончили."],
        .tellFrontDeskNow: ["en": "Please tell the front desk now.", "de": "Bitte sagen Sie jetzt am Empfang Bescheid.", "ru": "Пожалуйста, сейчас сообщите об этом в регистратуре."],
        .leaveQuestion: ["en": "Leave the questionnaire? Your answers are kept.", "de": "Fragebogen verlassen? Ihre Antworten bleiben erhalten.", "ru": "Выйти из анкеты? Ваши ответы сохранятся."],
        .leaveYes: ["en": "Leave", "de": "Verlassen", "ru": "Выйти"],
        .leaveNo: ["en": "Stay", "de": "Bleiben", "ru": "Остаться"],
        .enlargeWindow: ["en": "Please make this window larger.", "de": "Bitte vergrößern Sie dieses Fenster.", "ru": "Пожалуйста, увеличьте это окно."],
        .days: ["en": "days", "de": "Tage", "ru": "дней"],
        .weeks: ["en": "weeks", "de": "Wochen", "ru": "недель"],
        .months: ["en": "months", "de": "Monate", "ru": "месяцев"],
        .years: ["en": "years", "de": "Jahre", "ru": "лет"],
        .day: ["en": "Day", "de": "Tag", "ru": "День"],
        .month: ["en": "Month", "de": "Monat", "ru": "Месяц"],
        .year: ["en": "Year", "de": "Jahr", "ru": "Год"],
        .amount: ["en": "How many", "de": "Wie viele", "ru": "Сколько"],
        .unit: ["en": "Unit", "de": "Einheit", "ru": "Единица"],
        .typeHere: ["en": "Type your answer here", "de": "Schreiben Sie Ihre Antwort hier", "ru": "Введите ответ здесь"],
        .charactersLeft: ["en": "{1} characters left", "de": "noch {1} Zeichen", "ru": "осталось символов: {1}"],
        .outOfRange: ["en": "Please enter a number from {1} to {2}.", "de": "Bitte geben Sie eine Zahl von {1} bis {2} ein.", "ru": "Введите число от {1} до {2}."],
        .wholeNumber: ["en": "Please enter a whole number.", "de": "Bitte geben Sie eine ganze Zahl ein.", "ru": "Введите целое число."],
        .invalidDate: ["en": "This date does not exist. Please check it.", "de": "Dieses Datum gibt es nicht. Bitte prüfen Sie es.", "ru": "Такой даты нет. Пожалуйста, проверьте."],
        .stillThere: ["en": "Are you still there?", "de": "Sind Sie noch da?", "ru": "Вы ещё здесь?"],
        .secondsLeft: ["en": "Press any key to continue ({1} s).", "de": "Drücken Sie eine Taste, um fortzufahren ({1} s).", "ru": "Нажмите любую клавишу, чтобы продолжить ({1} с)."],
        .frontDesk: ["en": "Something went wrong on our side. Please ask the front desk for help. Your answers are safe.", "de": "Bei uns ist etwas schiefgegangen. Bitte wenden Sie sich an den Empfang. Ihre Antworten sind sicher.", "ru": "У нас произошла ошибка. Пожалуйста, обратитесь в регистратуру. Ваши ответы в безопасности."],
        .front: ["en": "Front", "de": "Vorne", "ru": "Спереди"],
        .backView: ["en": "Back", "de": "Hinten", "ru": "Сзади"],
        .plainModeHelp: ["en": "Type the number of your answer and press Enter. b = back, ? = help, r = review.", "de": "Geben Sie die Nummer Ihrer Antwort ein und drücken Sie Enter. b = zurück, ? = Hilfe, r = Übersicht.", "ru": "Введите номер ответа и нажмите Enter. b — назад, ? — помощь, r — проверка."],
        .plainChoose: ["en": "Type a number, or several separated by spaces.", "de": "Geben Sie eine Zahl ein, oder mehrere mit Leerzeichen getrennt.", "ru": "Введите номер или несколько номеров через пробел."],
        .plainKeep: ["en": "Enter = keep this answer", "de": "Enter = Antwort behalten", "ru": "Enter — оставить ответ"],
        .plainReviewPrompt: ["en": "Type a number to change that answer, s to submit, b to go back.", "de": "Nummer = Antwort ändern, s = absenden, b = zurück.", "ru": "Номер — изменить ответ, s — отправить, b — назад."],
        .plainConfirmPrompt: ["en": "Type y to send your answers, or n to go back to the review.", "de": "Geben Sie j ein, um Ihre Antworten zu senden, oder n, um zur Übersicht zurückzukehren.", "ru": "Введите д, чтобы отправить ответы, или н, чтобы вернуться к проверке."],
        .noHelp: ["en": "There is no extra help for this question.", "de": "Zu dieser Frage gibt es keine weitere Hilfe.", "ru": "Для этого вопроса нет дополнительной помощи."],
        .dontRememberOption: ["en": "0 = I don't remember", "de": "0 = Ich weiß es nicht mehr", "ru": "0 — не помню"],
        .helpHint: ["en": "Help: F1 or ?", "de": "Hilfe: F1 oder ?", "ru": "Помощь: F1 или ?"],
        .helpClose: ["en": "Press any key to close.", "de": "Drücken Sie eine Taste zum Schließen.", "ru": "Нажмите любую клавишу, чтобы закрыть."],
        .multipleHint: ["en": "Choose all that apply (Space ticks or unticks).", "de": "Wählen Sie alles Zutreffende (Leertaste: Häkchen setzen oder entfernen).", "ru": "Выберите всё подходящее (пробел ставит или снимает отметку)."],
        .bodyMapHint: ["en": "Type a letter or tap the body. Choose all that apply.", "de": "Buchstaben tippen oder den Körper antippen. Alles Zutreffende wählen.", "ru": "Введите букву или коснитесь тела. Выберите всё подходящее."],
        .rangeHint: ["en": "From {1} to {2}", "de": "Von {1} bis {2}", "ru": "От {1} до {2}"],
        .unitMissing: ["en": "Please choose days, weeks, months or years.", "de": "Bitte wählen Sie Tage, Wochen, Monate oder Jahre.", "ru": "Пожалуйста, выберите дни, недели, месяцы или годы."],
        .finishHint: ["en": "Press Enter when you have read this.", "de": "Drücken Sie Enter, wenn Sie dies gelesen haben.", "ru": "Нажмите Enter, когда прочитаете это."],
        .done: ["en": "Done", "de": "Fertig", "ru": "Готово"],
    ]
}

extension InterfaceText {
    /// A language's name in that language, for the language menu. A `switch`, not a
    /// dictionary: the welcome screen names its languages, and the process's first
    /// dictionary of strings costs the runtime a scan of every conformance record.
    public static func languageName(_ code: String) -> String {
        switch code {
        case "en": "English"
        case "de": "Deutsch"
        case "ru": "Русский"
        case "fr": "Français"
        case "es": "Español"
        case "it": "Italiano"
        case "pt": "Português"
        case "nl": "Nederlands"
        case "pl": "Polski"
        case "tr": "Türkçe"
        case "uk": "Українська"
        case "ar": "العربية"
        case "zh": "中文"
        case "ja": "日本語"
        case "ko": "한국어"
        default: code
        }
    }
}
