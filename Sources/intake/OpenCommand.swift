import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

/// `intake open`: prints the plaintext of a sealed output, for staff holding the private key.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Decrypt a sealed output (*.sealed) to standard output.",
        discussion: "Exit 0 on success; 1 when the file is not sealed, sealed to another key, or damaged; 3 when a file cannot be read."
    )

    @Argument(help: "The sealed file.")
    var file: String

    @Option(name: .long, help: "The clinic private key file (clinic.key).")
    var key: String

    func run() throws {
        let privateKey: ClinicPrivateKey
        do {
            privateKey = try ClinicPrivateKey(contentsOfFile: key)
        } catch {
            printError("error: \(error)")
            throw ExitStatus.inputOutput
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            printError("\(file): cannot read the file")
            throw ExitStatus.inputOutput
        }
        do {
            let plaintext = try privateKey.open(Array(data))
            StandardStream.output(plaintext)
        } catch {
            printError("\(file): \(error)")
            throw ExitStatus.invalidInput
        }
    }
}
