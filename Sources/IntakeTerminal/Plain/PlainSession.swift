import FoundationEssentials
import IntakeCore

/// The questionnaire as numbered line prompts on standard input and output: for screen
/// readers, serial consoles, `TERM=dumb`, pipes, and whenever curses cannot start.
///
/// It drives the same ``Wizard`` as the full-screen front end; nothing here decides what
/// is asked, only how it is read and typed. No cursor movement, no colour.
public final class PlainSession {
    public enum Outcome {
        /// Submitted: the wizard is complete.
        case completed
        /// Input ended (the terminal went away): the answers so far are in the wizard.
        case endOfInput
    }

    public private(set) var wizard: Wizard
    public private(set) var language: String
    private let io: LineIO
    /// Called after every change of answers, before the next prompt (drafts are saved here).
    public var onChange: (Wizard, String) -> Void = { _, _ in }

    public init(wizard: Wizard, language: String? = nil, io: LineIO) {
        self.wizard = wizard
        self.language = language ?? wizard.questionnaire.metadata.defaultLanguage
        self.io = io
    }

    public func run(askLanguage: Bool = true) -> Outcome {
        guard welcome(askLanguage: askLanguage) else { return .endOfInput }
        while true {
            switch wizard.position {
            case .complete:
                return .completed
            case .review:
                guard reviewPage() else { return .endOfInput }
            case .step:
                guard stepPage() else { return .endOfInput }
            }
        }
    }

    // MARK: Pages

    private func welcome(askLanguage: Bool) -> Bool {
        let meta = wizard.questionnaire.metadata
        if askLanguage && meta.languages.count > 1 {
            say(InterfaceText.chooseLanguage.text(language) + ":")
            for (index, code) in meta.languages.enumerated() { say("  \(index + 1)) \(InterfaceText.languageName(code))") }
            guard let line = ask() else { return false }
            if let number = Int(line), meta.languages.indices.contains(number - 1) { language = meta.languages[number - 1] }
        }
        say("")
        say(text(meta.title))
        if let description = meta.description { say(text(description)) }
        if let minutes = meta.estimatedMinutes { say(InterfaceText.welcomeEstimatedMinutes.text(language, minutes)) }
        say(InterfaceText.welcomeGoBackAnyTime.text(language))
        say(InterfaceText.plainModeHelp.text(language))
        return true
    }

    /// One step: shows it, reads one line, applies it. False at end of input.
    private func stepPage() -> Bool {
        guard let step = wizard.currentStep else { return true }
        let section = wizard.questionnaire.sections[step.sectionIndex]
        say("")
        say("── " + progressLine(section: section) + " ──")
        guard let item = wizard.currentItem else {
            // A section intro.
            say(text(section.intro ?? section.title))
            say("(Enter = \(InterfaceText.next.text(language)) · b = \(InterfaceText.back.text(language)))")
            guard let line = ask() else { return false }
            if line == "b" { wizard.back() } else { wizard.next() }
            return true
        }
        say(text(item.text))
        showChoices(for: item)
        let current = wizard.answer(for: item.id)
        if item.takesAnswer, current != nil {
            say("[\(AnswerText.display(current, for: item, language: language))] \(InterfaceText.plainKeep.text(language))")
        }
        guard let line = ask() else { return false }
        switch line.trimmingWhitespace() {
        case "b", "B":
            wizard.back()
        case "?":
            say(item.help.map(text) ?? InterfaceText.noHelp.text(language))
        case "r", "R":
            wizard.goToReview()
        case "":
            move()
        default:
            guard item.takesAnswer else { move(); return true }
            switch TypedAnswer.parse(line, for: item, language: language) {
            case .invalid(let message):
                say(message)
            case .answer(let answer):
                do {
                    try wizard.setAnswer(answer, for: item.id)
                    onChange(wizard, language)
                    move()
                } catch {
                    say(message(for: error, item: item))
                }
            }
        }
        return true
    }

    private func move() {
        if let problem = wizard.next() { say(message(for: problem)) }
    }

    private func reviewPage() -> Bool {
        say("")
        say("── " + InterfaceText.reviewTitle.text(language) + " ──")
        let entries = wizard.reviewEntries
        var lastSection = ""
        for (index, entry) in entries.enumerated() {
            if entry.section.id != lastSection {
                say(text(entry.section.title))
                lastSection = entry.section.id
            }
            let label = text(entry.item.summaryLabel ?? entry.item.text)
            say("  \(index + 1)) \(label): \(AnswerText.display(entry.answer, for: entry.item, language: language))")
        }
        say(InterfaceText.plainReviewPrompt.text(language))
        guard let line = ask() else { return false }
        switch line.trimmingWhitespace().lowercased() {
        case "s":
            say(InterfaceText.confirmTitle.text(language) + " " + InterfaceText.confirmText.text(language))
            say(InterfaceText.plainConfirmPrompt.text(language))
            guard let answer = ask() else { return false }
            if ["y", "j", "д", "yes", "ja", "да"].contains(answer.lowercased()) {
                if let problem = wizard.submit() { say(message(for: problem)) } else { onChange(wizard, language) }
            }
        case "b":
            wizard.back()
        default:
            if let number = Int(line.trimmingWhitespace()), entries.indices.contains(number - 1) {
                wizard.jump(to: entries[number - 1].item.id)
            }
        }
        return true
    }

    // MARK: Pieces

    private func showChoices(for item: Item) {
        switch item.kind {
        case .yesNo(let notSure):
            let choices: [YesNo] = notSure ? [.yes, .no, .notSure] : [.yes, .no]
            for (index, choice) in choices.enumerated() { say("  \(index + 1)) \(TypedAnswer.label(choice, language))") }
        case .singleChoice(let options):
            for (index, option) in options.enumerated() { say("  \(index + 1)) \(text(option.label))") }
        case .multipleChoice(let options):
            for (index, option) in options.enumerated() { say("  \(index + 1)) \(text(option.label))") }
            say(InterfaceText.plainChoose.text(language))
        case .bodyMap(let spec):
            for (index, region) in spec.regions.enumerated() { say("  \(index + 1)) \(text(region.label))") }
            say(InterfaceText.plainChoose.text(language))
        case .integer(let spec), .decimal(let spec):
            if let unit = spec.unit { say("(\(text(unit)))") }
        case .rating(let spec):
            let low = spec.minimumLabel.map { " = " + text($0) } ?? ""
            let high = spec.maximumLabel.map { " = " + text($0) } ?? ""
            say("\(spec.minimum)\(low) … \(spec.maximum)\(high)")
        case .date(let spec):
            say(spec.precision == .day ? "(31.12.1980)" : "(12.1980)")
            if spec.allowsUnknown { say(InterfaceText.dontRememberOption.text(language)) }
        case .duration(let spec):
            let units = spec.units.enumerated().map { "\($0.offset + 1)) \(AnswerText.unitName($0.element, language: language))" }
            say("\(InterfaceText.amount.text(language)) + \(InterfaceText.unit.text(language)): \(units.joined(separator: "  "))  (3 2)")
            if spec.allowsUnknown { say(InterfaceText.dontRememberOption.text(language)) }
        case .shortText, .longText, .note:
            break
        }
    }

    private func progressLine(section: Section) -> String {
        let progress = wizard.progress
        var parts = [text(section.title)]
        if let position = progress.sectionPosition {
            parts.append(InterfaceText.questionOfTotal.text(language, position, progress.sectionTotal))
        }
        if let minutes = progress.minutesLeft { parts.append(InterfaceText.minutesLeft.text(language, minutes)) }
        return parts.joined(separator: " · ")
    }

    private func message(for problem: GateProblem) -> String {
        switch problem {
        case .answerRequired: InterfaceText.answerRequired.text(language)
        case .ruleFailed(_, let message): text(message)
        }
    }

    private func message(for error: AnswerProblem, item: Item) -> String {
        switch error {
        case .outOfRange(_, let minimum, let maximum):
            InterfaceText.outOfRange.text(language, minimum.map { Value.number($0).description } ?? "…", maximum.map { Value.number($0).description } ?? "…")
        case .notWholeNumber: InterfaceText.wholeNumber.text(language)
        case .tooLong(_, let maximum): InterfaceText.charactersLeft.text(language, 0) + " (\(maximum))"
        case .precision: InterfaceText.invalidDate.text(language)
        default: InterfaceText.answerRequired.text(language)
        }
    }

    private func text(_ localized: LocalizedText) -> String {
        TextSanitizer.sanitize(localized.resolved(language))
    }

    private func say(_ line: String) { io.write(line + "\n") }

    private func ask() -> String? {
        io.write("> ")
        return io.readLine()
    }
}
