import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

/// `intake journal-demo` (hidden): the crash test's child process. It answers the first N
/// items of a questionnaire one by one, as the wizard records them: each answer is written
/// (`saved K` is printed then, as the wizard draws its next screen) and fsynced before the
/// next one, so the last answer is still waiting for its fsync when the program kills itself
/// with SIGKILL: no clean-up, no atexit, no flush. The page cache must still hand it over.
struct JournalDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal-demo",
        abstract: "Test helper: write N answers to a draft, then die by SIGKILL.",
        shouldDisplay: false
    )

    @Option(name: .long, help: "A questionnaire with yes/no questions (the first N are answered).")
    var questionnaire: String

    @Option(name: .long, help: "The output folder.")
    var out: String

    @Option(name: .long, help: "How many answers to write before dying.")
    var answers: Int

    func run() throws {
        let loaded = try loadQuestionnaire(questionnaire, showWarnings: false)
        try OutputFolder.prepare(out)
        let lock = try InstanceLock.acquire(folder: out)
        let store = DraftStore(folder: out)
        var wizard = Wizard(questionnaire: loaded, today: PartialDate(year: 2026, month: 11, day: 25))
        let writer = try store.begin(wizard: wizard, language: "en")
        for (index, item) in loaded.items.filter({ if case .yesNo = $0.kind { true } else { false } }).prefix(answers).enumerated() {
            try writer.completeSync()
            try wizard.setAnswer(.yesNo(index % 2 == 0 ? .yes : .no), for: item.id)
            try writer.write(with: wizard, language: "en")
            StandardStream.output("saved \(index + 1)\n")
        }
        withExtendedLifetime(lock) { _ = kill(getpid(), SIGKILL) }
    }
}
