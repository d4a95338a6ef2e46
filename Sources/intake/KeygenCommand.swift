import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

/// `intake keygen`: makes the clinic's key pair for sealed outputs, or a staff PIN hash.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Make the clinic key pair for sealed outputs (--out DIR), or a staff PIN hash (--pin).",
        discussion: """
        --out DIR writes DIR/clinic.key (private: keep it off the kiosk) and DIR/clinic.pub \
        (set encrypt_to to it on each kiosk). It never overwrites a key.
        --pin reads a PIN twice without echo and prints the staff_pin_hash line for kiosk.yaml.
        """
    )

    @Option(name: .long, help: "Folder for clinic.key and clinic.pub.")
    var out: String?

    @Flag(name: .long, help: "Hash a staff PIN read from the terminal (or one line of standard input).")
    var pin = false

    func validate() throws {
        if pin == (out != nil) { throw ValidationError("give either --out DIR or --pin") }
    }

    func run() throws {
        if pin {
            try hashPIN()
            return
        }
        guard let out else { throw ExitStatus.usage }
        do {
            let paths = try ClinicPrivateKey.writeNewKeyPair(to: out)
            print("private key: \(paths.privateKey) (keep it off the kiosk; staff need it for 'intake open')")
            print("public key:  \(paths.publicKey) (copy to the kiosk and set encrypt_to)")
        } catch {
            printError("error: \(error)")
            throw ExitStatus.inputOutput
        }
    }

    private func hashPIN() throws {
        let first = PINPrompt.read("Staff PIN: ")
        guard let first, first.count >= 4 else {
            printError("error: the PIN must have at least 4 characters")
            throw ExitStatus.invalidInput
        }
        if PINPrompt.isTerminal {
            guard PINPrompt.read("Again: ") == first else {
                printError("error: the two PINs differ")
                throw ExitStatus.invalidInput
            }
        }
        do {
            print("staff_pin_hash: \"\(try StaffPIN.hash(pin: first))\"")
        } catch {
            printError("error: \(error)")
            throw ExitStatus.invalidInput
        }
    }
}

/// Reads a line with echo off when standard input is a terminal.
enum PINPrompt {
    static var isTerminal: Bool { isatty(STDIN_FILENO) == 1 }

    static func read(_ prompt: String) -> String? {
        guard isTerminal else { return readLine(strippingNewline: true) }
        StandardStream.error(prompt)
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            StandardStream.error("\n")
        }
        return readLine(strippingNewline: true)
    }
}
