import ArgumentParser
import IntakeCore

/// `intake kiosk-check`: validates a kiosk configuration and the machine it runs on,
/// before a patient meets a broken kiosk. `intake kiosk --check` runs the same check;
/// the kiosk loop (`intake kiosk`) reads the same file.
struct KioskCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk-check",
        abstract: "Check a kiosk configuration and its environment (questionnaire, output folder, printer, key).",
        discussion: "Problems go to standard error as file:line:column. Exit 0 when the kiosk can run, 1 when it cannot."
    )

    @Option(name: .long, help: "The kiosk configuration file.")
    var config = "/etc/intake/kiosk.yaml"

    func run() throws {
        let (configuration, diagnostics) = KioskConfigurationLoader.load(path: config)
        for diagnostic in diagnostics { printError(diagnostic.description) }
        guard let configuration else {
            printError("\(config): the configuration has errors")
            throw ExitStatus.invalidInput
        }
        let problems = KioskEnvironmentCheck().problems(for: configuration)
        for problem in problems { printError(problem.description) }
        if problems.hasErrors || diagnostics.hasErrors {
            printError("\(config): the kiosk cannot run until the errors above are fixed")
            throw ExitStatus.invalidInput
        }
        print("\(config): ok (questionnaire, output folder\(configuration.printer != nil || configuration.autoPrint ? ", printer" : "")\(configuration.encryptTo != nil ? ", public key" : ""))")
    }
}
