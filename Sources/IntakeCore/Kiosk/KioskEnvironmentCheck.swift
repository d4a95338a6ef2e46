import FoundationEssentials

/// Checks that the machine can run the configured kiosk: the questionnaire loads, the
/// output folder is private, writable and has room, the printer is known to CUPS, the
/// public key reads. Problems point at the configuration line they concern.
public struct KioskEnvironmentCheck: Sendable {
    public var spooler: PrintSpooler

    public init(spooler: PrintSpooler = PrintSpooler()) {
        self.spooler = spooler
    }

    /// Every problem found (errors and warnings), questionnaire diagnostics included.
    public func problems(for configuration: KioskConfiguration) -> [Diagnostic] {
        var result: [Diagnostic] = []
        func fail(_ key: String, _ message: String) { result.append(.error(message, at: configuration.location(of: key))) }
        func warning(_ key: String, _ message: String) { result.append(.warning(message, at: configuration.location(of: key))) }

        let loaded = QuestionnaireLoader.load(path: configuration.questionnaire)
        result += loaded.diagnostics
        if let questionnaire = loaded.questionnaire {
            if let language = configuration.headingLanguage, !questionnaire.metadata.languages.contains(language) {
                fail("heading_language", "the questionnaire offers no '\(language)'\(Suggestion.didYouMean(language, among: questionnaire.metadata.languages)); it offers \(questionnaire.metadata.languages.joined(separator: ", "))")
            }
        } else {
            fail("questionnaire", "the questionnaire '\(configuration.questionnaire)' cannot be used (see the problems above)")
        }

        if FileManager.default.fileExists(atPath: configuration.output) {
            for problem in OutputFolder.problems(configuration.output) { fail("output", problem) }
        } else {
            fail("output", "output folder '\(configuration.output)' does not exist; create it with 'install -d -m 0700 -o intake \(configuration.output)'")
        }

        if configuration.printer != nil || configuration.autoPrint {
            do {
                _ = try spooler.readyPrinter(configuration.printer)
            } catch {
                switch error {
                case .printerDisabled, .notAccepting:
                    warning("printer", "\(error); summaries will wait in the output folder until 'intake print --pending'")
                default:
                    fail(configuration.printer == nil ? "auto_print" : "printer", error.description)
                }
            }
        }

        if let keyFile = configuration.encryptTo {
            do {
                _ = try ClinicPublicKey(contentsOfFile: keyFile)
            } catch {
                fail("encrypt_to", error.description)
            }
        }
        return result
    }
}
