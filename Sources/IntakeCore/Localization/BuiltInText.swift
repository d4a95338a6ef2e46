/// The program's own words (headings of the summary, yes/no, units), in English, German
/// and Russian. Questionnaire files bring their own texts; these are the words around them.
/// A language without a table falls back to English.
public enum BuiltInText: String, CaseIterable, Sendable {
    case summaryTitle
    case patient
    case dateOfBirth
    case age
    case completed
    case patientLanguage
    case page
    case continued
    case redFlags
    case noRedFlags
    case severityUrgent
    case severitySoon
    case severityInfo
    case keyScores
    case keyItems
    case lastVisit
    case changeSinceLastVisit
    case answersBySection
    case notAnswered
    case notComputable
    case notAsked
    case noAnswersInSection
    case yes
    case no
    case notSure
    case dontRemember
    case seeOwnWords
    case seeDrawing
    case bodyMapTitle
    case front
    case back
    case bodyMapKey
    case noRegionsMarked
    case criterion
    case status
    case weights
    case reported
    case notReported
    case toBeAssessed
    case checklistNote
    case ownWords
    case questionnaire
    case version
    case file
    case reviewStatus
    case notADiagnosis
    case generatedBy

    /// The text in `language`, or English when that language has no table or no entry.
    public func text(_ language: String) -> String {
        BuiltInText.tables[language]?[self] ?? BuiltInText.english[self] ?? rawValue
    }

    /// Languages with a complete table.
    public static let languages = ["en", "de", "ru"]

    static let tables: [String: [BuiltInText: String]] = ["en": english, "de": german, "ru": russian]

    static let english: [BuiltInText: String] = [
        .summaryTitle: "PRE-CONSULTATION SUMMARY",
        .patient: "Patient",
        .dateOfBirth: "Date of birth",
        .age: "age",
        .completed: "Completed",
        .patientLanguage: "Patient's language",
        .page: "page",
        .continued: "continued",
        .redFlags: "RED FLAGS",
        .noRedFlags: "No red flags were reported.",
        .severityUrgent: "URGENT",
        .severitySoon: "THIS VISIT",
        .severityInfo: "NOTE",
        .keyScores: "KEY SCORES",
        .keyItems: "KEY ANSWERS",
        .lastVisit: "last visit",
        .changeSinceLastVisit: "Change since last visit",
        .answersBySection: "ANSWERS BY SECTION",
        .notAnswered: "not answered",
        .notComputable: "not computable",
        .notAsked: "not asked",
        .noAnswersInSection: "No answers in this section",
        .yes: "Yes",
        .no: "No",
        .notSure: "Not sure",
        .dontRemember: "Does not remember",
        .seeOwnWords: "see the patient's own words",
        .seeDrawing: "see the drawing below",
        .bodyMapTitle: "Rash marked by the patient",
        .front: "FRONT",
        .back: "BACK",
        .bodyMapKey: "Capital letters: regions marked; · not marked.",
        .noRegionsMarked: "No regions marked.",
        .criterion: "Criterion",
        .status: "Status",
        .weights: "Weights",
        .reported: "reported",
        .notReported: "not reported",
        .toBeAssessed: "to be assessed",
        .checklistNote: "Published weights. Self-reported items must be confirmed. No probability is computed from self-report.",
        .ownWords: "IN THE PATIENT'S OWN WORDS",
        .questionnaire: "Questionnaire",
        .version: "version",
        .file: "File",
        .reviewStatus: "Review status",
        .notADiagnosis: "Patient-reported information, not a diagnosis.",
        .generatedBy: "SymptomIntake",
    ]

    static let german: [BuiltInText: String] = [
        .summaryTitle: "ZUSAMMENFASSUNG VOR DEM TERMIN",
        .patient: "Patient/in",
        .dateOfBirth: "Geburtsdatum",
        .age: "Alter",
        .completed: "Ausgefüllt",
        .patientLanguage: "Sprache des Patienten",
        .page: "Seite",
        .continued: "Fortsetzung",
        .redFlags: "WARNZEICHEN",
        .noRedFlags: "Keine Warnzeichen angegeben.",
        .severityUrgent: "DRINGEND",
        .severitySoon: "DIESER TERMIN",
        .severityInfo: "HINWEIS",
        .keyScores: "WICHTIGE WERTE",
        .keyItems: "WICHTIGE ANGABEN",
        .lastVisit: "letzter Termin",
        .changeSinceLastVisit: "Änderung seit letztem Termin",
        .answersBySection: "ANTWORTEN NACH ABSCHNITT",
        .notAnswered: "nicht beantwortet",
        .notComputable: "nicht berechenbar",
        .notAsked: "nicht gefragt",
        .noAnswersInSection: "Keine Antworten in diesem Abschnitt",
        .yes: "Ja",
        .no: "Nein",
        .notSure: "Nicht sicher",
        .dontRemember: "Weiß es nicht mehr",
        .seeOwnWords: "siehe Worte des Patienten",
        .seeDrawing: "siehe Zeichnung unten",
        .bodyMapTitle: "Vom Patienten markierter Ausschlag",
        .front: "VORNE",
        .back: "HINTEN",
        .bodyMapKey: "Großbuchstaben: markierte Regionen; · nicht markiert.",
        .noRegionsMarked: "Keine Regionen markiert.",
        .criterion: "Kriterium",
        .status: "Status",
        .weights: "Gewichte",
        .reported: "angegeben",
        .notReported: "nicht angegeben",
        .toBeAssessed: "zu beurteilen",
        .checklistNote: "Veröffentlichte Gewichte. Selbstangaben müssen bestätigt werden. Aus Selbstangaben wird keine Wahrscheinlichkeit berechnet.",
        .ownWords: "IN DEN WORTEN DES PATIENTEN",
        .questionnaire: "Fragebogen",
        .version: "Version",
        .file: "Datei",
        .reviewStatus: "Prüfstatus",
        .notADiagnosis: "Angaben des Patienten, keine Diagnose.",
        .generatedBy: "SymptomIntake",
    ]

    static let russian: [BuiltInText: String] = [
        .summaryTitle: "СВОДКА ПЕРЕД ПРИЁМОМ",
        .patient: "Пациент",
        .dateOfBirth: "Дата рождения",
        .age: "возраст",
        .completed: "Заполнено",
        .patientLanguage: "Язык пациента",
        .page: "стр.",
        .continued: "продолжение",
        .redFlags: "ТРЕВОЖНЫЕ ПРИЗНАКИ",
        .noRedFlags: "Тревожных признаков не отмечено.",
        .severityUrgent: "СРОЧНО",
        .severitySoon: "НА ЭТОМ ПРИЁМЕ",
        .severityInfo: "К СВЕДЕНИЮ",
        .keyScores: "ОСНОВНЫЕ ПОКАЗАТЕЛИ",
        .keyItems: "ОСНОВНЫЕ ОТВЕТЫ",
        .lastVisit: "прошлый визит",
        .changeSinceLastVisit: "Изменение с прошлого визита",
        .answersBySection: "ОТВЕТЫ ПО РАЗДЕЛАМ",
        .notAnswered: "нет ответа",
        .notComputable: "не вычисляется",
        .notAsked: "не спрашивали",
        .noAnswersInSection: "В этом разделе нет ответов",
        .yes: "Да",
        .no: "Нет",
        .notSure: "Не уверен(а)",
        .dontRemember: "Не помнит",
        .seeOwnWords: "см. слова пациента",
        .seeDrawing: "см. рисунок ниже",
        .bodyMapTitle: "Сыпь, отмеченная пациентом",
        .front: "СПЕРЕДИ",
        .back: "СЗАДИ",
        .bodyMapKey: "Заглавные буквы: отмеченные области; · не отмечено.",
        .noRegionsMarked: "Области не отмечены.",
        .criterion: "Критерий",
        .status: "Статус",
        .weights: "Веса",
        .reported: "отмечено",
        .notReported: "не отмечено",
        .toBeAssessed: "требует оценки",
        .checklistNote: "Опубликованные веса. Данные со слов пациента требуют подтверждения. Вероятность по ним не вычисляется.",
        .ownWords: "СЛОВАМИ ПАЦИЕНТА",
        .questionnaire: "Опросник",
        .version: "версия",
        .file: "Файл",
        .reviewStatus: "Статус проверки",
        .notADiagnosis: "Сведения со слов пациента, не диагноз.",
        .generatedBy: "SymptomIntake",
    ]
}

/// Words that change with a number: units of durations and ages.
public enum BuiltInPlural {
    /// "3 months", "3 Monate", "3 месяца".
    public static func duration(_ amount: Double, _ unit: DurationUnit, language: String) -> String {
        let number = NumberText.format(amount)
        let forms: [String]
        switch (language, unit) {
        case ("de", .days): forms = ["Tag", "Tage"]
        case ("de", .weeks): forms = ["Woche", "Wochen"]
        case ("de", .months): forms = ["Monat", "Monate"]
        case ("de", .years): forms = ["Jahr", "Jahre"]
        case ("ru", .days): forms = ["день", "дня", "дней"]
        case ("ru", .weeks): forms = ["неделя", "недели", "недель"]
        case ("ru", .months): forms = ["месяц", "месяца", "месяцев"]
        case ("ru", .years): forms = ["год", "года", "лет"]
        case (_, .days): forms = ["day", "days"]
        case (_, .weeks): forms = ["week", "weeks"]
        case (_, .months): forms = ["month", "months"]
        case (_, .years): forms = ["year", "years"]
        }
        return number + " " + choose(forms, for: amount, language: language)
    }

    /// Picks the form for a number: one/other, or Russian one/few/many (fractions take "few").
    static func choose(_ forms: [String], for amount: Double, language: String) -> String {
        if forms.count == 3 {
            guard amount.rounded() == amount, let whole = Int(exactly: abs(amount)) else { return forms[1] }
            let lastTwo = whole % 100
            let last = whole % 10
            if last == 1 && lastTwo != 11 { return forms[0] }
            if (2...4).contains(last) && !(12...14).contains(lastTwo) { return forms[1] }
            return forms[2]
        }
        return amount == 1 ? forms[0] : forms[1]
    }

    /// The name of a language in the clinic's language, e.g. "German (de)".
    public static func languageName(_ code: String, in language: String) -> String {
        let names: [String: [String: String]] = [
            "en": ["en": "English", "de": "German", "ru": "Russian"],
            "de": ["en": "Englisch", "de": "Deutsch", "ru": "Russisch"],
            "ru": ["en": "английский", "de": "немецкий", "ru": "русский"],
        ]
        guard let name = (names[language] ?? names["en"])?[code] else { return code }
        return "\(name) (\(code))"
    }
}

/// Numbers as the summary prints them: no trailing zeros, at most `digits` decimals, "." as decimal mark.
public enum NumberText {
    public static func format(_ value: Double, maxDigits digits: Int = 2) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded.rounded() == rounded, abs(rounded) < 1e15 { return String(Int(rounded)) }
        var text = String(rounded)
        if text.contains("e") { return text }
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
