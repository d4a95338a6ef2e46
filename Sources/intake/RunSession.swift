import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore
import IntakeTerminal

/// What `intake run` was asked to do, and doing it: a plain value, so the quick command line
/// (``QuickCommandLine``) starts a session without making a `RunCommand`, whose property
/// wrappers cost the runtime ~0.7 M instructions of first-time type and conformance
/// look-ups before the first screen (docs/performance.md).
struct RunSettings {
    var file: String
    var out = RunCommand.defaultOut
    var lang: String?
    var plain = false
    var theme: RunCommand.ThemeOption = .default
    var maxBytes: Int = SourceLimits.maximumFileBytes
    var cache = CacheSettings()
}

extension RunSettings {
    func run() throws {
        // The welcome screen needs only the metadata: the rest may be decoded after it is drawn.
        let starting = try StartingQuestionnaire.load(file, showWarnings: false, maximumBytes: maxBytes, cache: cache.store, staging: true)
        var questionnaire = starting.preview
        let language = try lang.map { try chooseLanguage($0, for: questionnaire) }
        let (store, lock) = try Self.openFolder(out)
        defer {
            // Personal mode leaves only the outputs (and a draft, if unfinished): the lock
            // file is removed while still held. (A second `intake run` starting in the same
            // instant could lock the removed file; the kiosk keeps its lock file.)
            unlink(lock.path)
            lock.release()
        }
        let draft = try Self.personalDraft(store: store, questionnaire: questionnaire)
        let today = PartialDate.today()
        let (file, maxBytes) = (self.file, self.maxBytes)
        // Resuming a draft and plain prompts need every item at once.
        let staged = starting.isStaged && draft == nil
        if starting.isStaged, !staged { questionnaire = try starting.whole(path: file, maximumBytes: maxBytes) }
        // The staged cache file is held by `complete` alone (which lets it go once decoded),
        // or by nothing once the items above are decoded.
        let complete: (() throws -> Wizard)?
        if staged {
            complete = Self.completion(of: consume starting, path: file, maximumBytes: maxBytes, today: today)
        } else {
            _ = consume starting
            complete = nil
        }
        if wantsFullScreen, let terminal = try? CursesTerminal(options: CursesTerminal.Options(theme: theme.theme)) {
            try runFullScreen(fresh: Wizard(questionnaire: questionnaire, today: today), complete: complete,
                              draft: draft, language: language, store: store, terminal: terminal)
            return
        }
        try runPlain(fresh: try complete?() ?? Wizard(questionnaire: questionnaire, today: today), draft: draft, language: language, store: store)
    }

    /// Makes the whole wizard from a staged questionnaire. The closure owns the staged cache
    /// file and keeps only the decoded questionnaire once called, so the file's bytes (~180 KB
    /// for the dermatomyositis questionnaire) are not held through the whole session.
    static func completion(of starting: consuming StartingQuestionnaire, path: String, maximumBytes: Int, today: PartialDate) -> () throws -> Wizard {
        var source = starting
        return {
            let questionnaire = try source.whole(path: path, maximumBytes: maximumBytes)
            source = .whole(questionnaire)
            return Wizard(questionnaire: questionnaire, today: today)
        }
    }

    /// Prepares the folder (0700) and takes its lock; exit 3 with a message otherwise.
    static func openFolder(_ out: String) throws -> (DraftStore, InstanceLock) {
        do {
            try OutputFolder.prepare(out)
            let lock = try InstanceLock.acquire(folder: out)
            return (DraftStore(folder: out), lock)
        } catch {
            printError("error: \(error)")
            throw ExitStatus.inputOutput
        }
    }

    /// A draft of this questionnaire worth offering (personal mode offers whatever its age);
    /// any other draft is discarded.
    static func personalDraft(store: DraftStore, questionnaire: Questionnaire) throws -> SessionDraft? {
        do {
            guard let draft = try store.load() else { return nil }
            switch draft.resumeDecision(for: questionnaire, window: .seconds(3600 * 24 * 365), now: store.clock.now()) {
            case .resume, .expired, .ageUnknown:
                return draft
            case .questionnaireChanged, .alreadyCompleted:
                try store.discard()
                return nil
            }
        } catch {
            printError("error: \(error)")
            throw ExitStatus.inputOutput
        }
    }

    private func runPlain(fresh: Wizard, draft: SessionDraft?, language: String?, store: DraftStore) throws {
        var wizard = fresh
        var language = language
        let io = StandardLineIO()
        var drafts = DraftSession(store: store)
        if let draft {
            io.write(ResumePrompt.title(language ?? draft.language ?? fresh.questionnaire.metadata.defaultLanguage) + "\n")
            let labels = ResumePrompt.labels(language ?? draft.language ?? fresh.questionnaire.metadata.defaultLanguage)
            io.write("  1) \(labels.resume)\n  2) \(labels.startAgain)\n> ")
            guard let line = io.readLine() else { throw ExitStatus.inputOutput }
            if line.trimmingWhitespace() != "2" {
                wizard = draft.makeWizard(questionnaire: fresh.questionnaire).wizard
                language = language ?? draft.language
                drafts = try Self.durably { DraftSession(store: store, writer: try store.resume(draft)) }
            } else {
                try Self.durably { try store.discard() }
            }
        }
        let syncing = SyncingLineIO(io)
        let session = PlainSession(wizard: wizard, language: language, io: syncing)
        var saveError: Error?
        let save: (Wizard, String) -> Void = { wizard, language in
            guard saveError == nil else { return }
            do {
                try drafts.sync(WizardUI(engine: wizard, language: language, showWelcome: false))
            } catch {
                saveError = error
                print(InterfaceText.frontDesk.text(language))
            }
        }
        // Answers are saved as they change; the position (the question now asked) before each line is read.
        session.onChange = save
        syncing.beforeRead = { [unowned session] in save(session.wizard, session.language) }
        switch session.run(askLanguage: language == nil && draft == nil) {
        case .completed:
            do {
                _ = try SubmittedIntake.write(session.wizard, language: session.language, to: out)
                try drafts.discard()
            } catch {
                print(InterfaceText.frontDesk.text(session.language))
                printError("error: the answers could not be saved: \(error)")
                throw ExitStatus.inputOutput
            }
            print(InterfaceText.thankYouTitle.text(session.language))
            print(InterfaceText.thankYouText.text(session.language))
        case .endOfInput:
            drafts.close()
            printError("input ended before the questionnaire was submitted; the answers so far are kept")
            throw ExitStatus.inputOutput
        }
        if saveError != nil { throw ExitStatus.inputOutput }
    }

    /// Runs a durable operation; on failure says so and exits 3. With a `terminal`, the
    /// full screen is given back first, so that the message can be read.
    @discardableResult
    static func durably<T>(closing terminal: CursesTerminal? = nil, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            terminal?.close()
            printError("error: \(error)")
            throw ExitStatus.inputOutput
        }
    }

    /// Terminals on both ends, a TERM that can address the screen, and no --plain.
    private var wantsFullScreen: Bool {
        // getenv, not ProcessInfo: that copies the whole environment into a dictionary first.
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        return !plain && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 && !term.isEmpty && term != "dumb"
    }

    /// - Parameter complete: when given, `fresh` holds only the metadata: the welcome screen
    ///   is drawn from it at once, then the whole wizard is made (the next frame, the same
    ///   welcome screen, writes nothing new to the terminal).
    private func runFullScreen(
        fresh: Wizard, complete: (() throws -> Wizard)?, draft: SessionDraft?, language: String?, store: DraftStore, terminal: CursesTerminal
    ) throws {
        var ui = WizardUI(engine: fresh, language: language, glyphs: terminal.capabilities.glyphs, showWelcome: true)
        if let complete {
            let frame = WizardView.render(ui, size: terminal.size)
            terminal.present(frame.buffer, cursor: frame.cursor)
            do {
                ui = WizardUI(engine: try complete(), language: language, glyphs: terminal.capabilities.glyphs, showWelcome: true)
            } catch {
                terminal.close()
                throw error
            }
        }
        var drafts = DraftSession(store: store)
        if let draft {
            let promptLanguage = language ?? draft.language ?? fresh.questionnaire.metadata.defaultLanguage
            switch ResumePrompt.ask(terminal: terminal, language: promptLanguage) {
            case .resume:
                let wizard = draft.makeWizard(questionnaire: fresh.questionnaire).wizard
                ui = WizardUI(engine: wizard, language: language ?? draft.language, glyphs: terminal.capabilities.glyphs, showWelcome: false)
                do {
                    drafts = DraftSession(store: store, writer: try store.resume(draft))
                } catch {
                    terminal.close()
                    print(InterfaceText.frontDesk.text(promptLanguage))
                    printError("error: \(error)")
                    throw ExitStatus.inputOutput
                }
            case .startAgain:
                try Self.durably(closing: terminal) { try store.discard() }
            case .cancelled, .timedOut:
                terminal.close()
                printError("the terminal went away before the questionnaire was resumed")
                throw ExitStatus.inputOutput
            }
        }
        var saveError: Error?
        let out = self.out
        let (outcome, final) = WizardApp.run(
            terminal: terminal, ui: ui,
            saveDraft: { _, _ in
                // `persist` below saves after every event (only what changed). Deliberately
                // nothing here: after a failed submission the engine is "complete", and a
                // draft recorded as complete would be discarded instead of resumed; the
                // journal already holds every answer and the review position.
            },
            onSubmit: { wizard, language in
                _ = try SubmittedIntake.write(wizard, language: language, to: out)
                try drafts.discard()
            },
            persist: { ui in
                // Written before the next screen is drawn, fsynced after it (below).
                do {
                    try drafts.write(ui)
                    return true
                } catch {
                    saveError = error
                    return false
                }
            },
            completePersist: {
                do {
                    try drafts.completeSync()
                    return true
                } catch {
                    saveError = error
                    return false
                }
            })
        terminal.close()
        drafts.close()
        switch outcome {
        case .submitted:
            if final.submissionFailed { throw ExitStatus.inputOutput }
            return
        case .left:
            printError("left before submitting; the answers so far are kept")
        case .inputEnded:
            printError("the terminal went away before the questionnaire was submitted")
            throw ExitStatus.inputOutput
        case .signalled(let signal):
            Glibc.exit(signal.conventionalExitStatus)
        case .saveFailed:
            print(InterfaceText.frontDesk.text(final.language))
            printError("error: the answers could not be saved: \(saveError.map { "\($0)" } ?? "unknown error")")
            throw ExitStatus.inputOutput
        }
    }
}


/// Plain mode's line I/O, saving the draft before each line is read (so a crash while a
/// question waits for its answer resumes at that question).
final class SyncingLineIO: LineIO {
    private let base: LineIO
    var beforeRead: () -> Void = {}

    init(_ base: LineIO) { self.base = base }

    func readLine() -> String? {
        beforeRead()
        return base.readLine()
    }

    func write(_ text: String) { base.write(text) }
}
