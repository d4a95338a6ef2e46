import IntakeCore

/// The full-screen wizard's state: the questionnaire engine plus everything the screens
/// need on top of it (page, overlay, focus, typed text, language).
///
/// Elm-style: ``handle(_:size:)`` applies one terminal event and returns the effects the
/// app loop must carry out; ``WizardView/render(_:size:)`` draws the state into a grid.
/// Nothing here depends on the terminal's size except mouse hit-testing and scrolling,
/// so a resize never loses focus, cursor or typed text.
public struct WizardUI: Sendable {
    /// The smallest size the wizard draws in; below it a "make this window larger" notice shows.
    public static let minimumSize = Size(width: 40, height: 12)

    public internal(set) var engine: Wizard
    public internal(set) var language: String
    public internal(set) var page: WizardPage
    public internal(set) var overlay: WizardOverlay?
    /// Unicode or ASCII symbols; ASCII also switches the body map to its checklist.
    public let glyphs: Glyphs
    /// Widget state per item id.
    public internal(set) var editors: [String: ItemEditor] = [:]
    /// Welcome screen: focused language index.
    public internal(set) var languageFocus = 0
    /// Review page: focused row (an index into the review entries, or `entries.count` for Submit).
    public internal(set) var reviewFocus = Int.max
    public internal(set) var reviewScroll = 0
    /// Help overlay: first visible line.
    public internal(set) var helpScroll = 0
    /// Confirmation: whether Send (true) or Back has the focus.
    public internal(set) var confirmSendFocused = true
    /// Patient messages of urgent flags raised by the submitted answers.
    public internal(set) var urgentMessages: [LocalizedText] = []
    /// Set when the outputs could not be written: the thank-you screen asks for the front desk.
    public internal(set) var submissionFailed = false

    /// - Parameters:
    ///   - language: the language to start in; nil uses the questionnaire's default.
    ///   - showWelcome: false starts at the first question (e.g. resuming a draft).
    public init(engine: Wizard, language: String? = nil, glyphs: Glyphs = .unicode, showWelcome: Bool = true) {
        self.engine = engine
        let languages = engine.questionnaire.metadata.languages
        let chosen = language ?? engine.questionnaire.metadata.defaultLanguage
        self.language = chosen
        self.languageFocus = languages.firstIndex(of: chosen) ?? 0
        self.glyphs = glyphs
        self.page = showWelcome ? .welcome : Self.page(for: engine.position)
    }

    static func page(for position: Position) -> WizardPage {
        switch position {
        case .step: .step
        case .review: .review
        case .complete: .thankYou
        }
    }

    public static func isTooSmall(_ size: Size) -> Bool {
        size.width < minimumSize.width || size.height < minimumSize.height
    }

    /// The item on screen, if a question is showing.
    public var currentItem: Item? { page == .step ? engine.currentItem : nil }

    /// The editor of the current item (a fresh one showing its answer if none yet).
    public func editor(for item: Item) -> ItemEditor {
        editors[item.id] ?? ItemEditor(item: item, answer: engine.rememberedAnswer(for: item.id))
    }

    /// The text of a localized string in the current language, made safe to draw.
    public func text(_ localized: LocalizedText) -> String {
        TextSanitizer.sanitize(localized.resolved(language))
    }

    public func text(_ interface: InterfaceText) -> String { interface.text(language) }

    // MARK: Events

    /// Applies one terminal event. `size` is the terminal's current size: mouse presses are
    /// mapped through the hit regions of the screen drawn at that size.
    public mutating func handle(_ event: TerminalEvent, size: Size) -> [UIEffect] {
        var effects: [UIEffect] = []
        switch event {
        case .key(let key):
            guard !Self.isTooSmall(size) else { return [] }
            effects = handleKey(key)
        case .mouse(let mouse):
            guard !Self.isTooSmall(size) else { return [] }
            switch mouse.kind {
            case .press:
                let frame = WizardView.render(self, size: size)
                if let action = frame.buffer.action(at: mouse.position, as: WizardAction.self) {
                    effects = perform(action)
                }
            case .wheelUp:
                effects = handleKey(.up, fromWheel: true)
            case .wheelDown:
                effects = handleKey(.down, fromWheel: true)
            case .release:
                break
            }
        case .resize, .timeout, .endOfInput, .signal:
            break
        }
        syncScroll(size: size)
        return effects
    }

    /// Keeps stored scroll offsets equal to what the view shows (the view keeps the focus visible).
    mutating func syncScroll(size: Size) {
        guard !Self.isTooSmall(size) else { return }
        let frame = WizardView.render(self, size: size)
        if let top = frame.listTop {
            if page == .review {
                reviewScroll = top
            } else if let item = currentItem {
                var editor = editor(for: item)
                editor.scroll = top
                editors[item.id] = editor
            }
        }
        if let top = frame.helpTop { helpScroll = top }
    }

    /// Carries out what a tap means.
    public mutating func perform(_ action: WizardAction) -> [UIEffect] {
        if let overlay {
            switch (overlay, action) {
            case (.leave, .leave):
                self.overlay = nil
                return [.saveDraft, .quitRequested]
            case (.leave, .stay), (.help, .closeHelp):
                self.overlay = nil
            default:
                break
            }
            return []
        }
        switch action {
        case .start:
            return startQuestions()
        case .language(let index):
            let languages = engine.questionnaire.metadata.languages
            if languages.indices.contains(index) {
                languageFocus = index
                language = languages[index]
            }
            return []
        case .next:
            return page == .step ? commitAndNext() : []
        case .back:
            return goBack()
        case .help:
            openHelp()
            return []
        case .cycleLanguage:
            cycleLanguage()
            return []
        case .reviewEntry(let index):
            guard page == .review else { return [] }
            reviewFocus = index
            return openReviewEntry(index)
        case .submit:
            if page == .review { page = .confirm; confirmSendFocused = true }
            return []
        case .confirmSend:
            return page == .confirm ? send() : []
        case .confirmBack:
            if page == .confirm { page = .review }
            return []
        case .finish:
            return page == .thankYou ? [.finished] : []
        case .option, .region, .field, .unit, .dontRemember, .rating:
            guard page == .step, let item = engine.currentItem else { return [] }
            return tapWidget(action, item: item)
        case .leave, .stay, .closeHelp:
            return []
        }
    }

    // MARK: Moving

    mutating func startQuestions() -> [UIEffect] {
        page = Self.page(for: engine.position)
        return []
    }

    mutating func openHelp() {
        guard page == .step || page == .review || page == .welcome else { return }
        helpScroll = 0
        overlay = .help
    }

    /// Back: to the previous step, from the first step to the welcome screen, from the
    /// confirmation to the review. Valid typed text is kept as the answer on the way.
    mutating func goBack() -> [UIEffect] {
        switch page {
        case .welcome, .thankYou:
            return []
        case .confirm:
            page = .review
            return []
        case .review:
            engine.back()
            page = Self.page(for: engine.position)
            return []
        case .step:
            var effects: [UIEffect] = []
            if let item = engine.currentItem, hasTypedFields(item) {
                effects = commitTyped(item: item, silently: true)
            }
            if !engine.back() { page = .welcome }
            return effects
        }
    }

    mutating func openReviewEntry(_ index: Int) -> [UIEffect] {
        let entries = engine.reviewEntries
        guard entries.indices.contains(index) else { return [] }
        if engine.jump(to: entries[index].item.id) {
            page = .step
        }
        return []
    }

    /// Commits the current widget's answer and moves on; the engine may refuse (required,
    /// rule), and then shows its problem.
    mutating func commitAndNext() -> [UIEffect] {
        guard let item = engine.currentItem else {
            engine.next()
            page = Self.page(for: engine.position)
            return []
        }
        var effects: [UIEffect] = []
        var editor = editor(for: item)
        editor.problem = nil
        editors[item.id] = editor
        switch item.kind {
        case .yesNo(let notSure):
            let choices: [YesNo] = notSure ? [.yes, .no, .notSure] : [.yes, .no]
            if editor.touched, choices.indices.contains(editor.focus) {
                effects += setAnswer(.yesNo(choices[editor.focus]), for: item)
            }
        case .singleChoice(let options):
            if editor.touched, options.indices.contains(editor.focus) {
                effects += setAnswer(.choice(options[editor.focus].id), for: item)
            }
        case .rating:
            if let value = editor.ratingValue { effects += setAnswer(.number(Double(value)), for: item) }
        case .integer, .decimal, .date, .duration, .shortText, .longText:
            let typed = commitTyped(item: item, silently: false)
            if editors[item.id]?.problem != nil { return typed }
            effects += typed
        case .multipleChoice, .bodyMap, .note:
            break
        }
        engine.next()
        page = Self.page(for: engine.position)
        if page == .review { reviewFocus = Int.max }
        return effects
    }

    /// Sends the answers: the engine checks every visible item once more.
    mutating func send() -> [UIEffect] {
        if engine.submit() != nil {
            // The engine opened the item that blocks, with its problem; Next returns to review.
            page = Self.page(for: engine.position)
            return []
        }
        urgentMessages = UrgentFlags.patientMessages(for: engine)
        page = .thankYou
        return [.submitted]
    }

    /// Called by the app loop when writing the outputs failed: the thank-you screen then
    /// asks the patient to go to the front desk (their answers are in the draft).
    public mutating func markSubmissionFailed() {
        submissionFailed = true
    }

    /// Stores an answer through the engine; `.saveDraft` when it changed.
    mutating func setAnswer(_ answer: Answer?, for item: Item) -> [UIEffect] {
        let effects = engine.handle(.answer(item: item.id, answer))
        return effects.contains(.saveDraft) ? [.saveDraft] : []
    }

    mutating func cycleLanguage() {
        let languages = engine.questionnaire.metadata.languages
        guard !languages.isEmpty else { return }
        let index = ((languages.firstIndex(of: language) ?? -1) + 1) % languages.count
        language = languages[index]
        languageFocus = index
    }
}
