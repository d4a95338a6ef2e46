import ArgumentParser
import IntakeCore

@main
struct Intake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "intake",
        abstract: "A symptom questionnaire for the terminal.",
        subcommands: [TerminalDemoCommand.self]
    )
}
