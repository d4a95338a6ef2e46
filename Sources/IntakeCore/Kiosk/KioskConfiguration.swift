/// How one kiosk is set up, read from a YAML file (`/etc/intake/kiosk.yaml`) by
/// ``KioskConfigurationLoader``. Relative paths in the file are resolved against the
/// file's folder, so a configuration can be moved together with its questionnaire.
public struct KioskConfiguration: Hashable, Sendable {
    /// The configuration file itself (for messages).
    public var file: String
    public var questionnaire: String
    public var output: String
    /// CUPS queue; nil prints to the CUPS default destination (if auto_print is on).
    public var printer: String?
    public var idleTimeoutSeconds = 120
    public var countdownSeconds = 30
    public var resumeWindowMinutes = 15
    /// `pbkdf2-sha256$...` (see ``StaffPIN``); never the PIN itself.
    public var staffPINHash: String
    public var clinicName = ""
    /// 80 for A4/Letter printers, 40 for receipt printers.
    public var summaryWidth = 80
    /// Language of the summary's headings for staff; nil: the questionnaire's default.
    public var headingLanguage: String?
    /// Public key file: when set, outputs are sealed to it (`*.sealed`).
    public var encryptTo: String?
    /// Print the summary when a session completes.
    public var autoPrint = false
    /// Where each key's value is in the file, for environment problems reported as `file:line:column`.
    public var locations: [String: SourceLocation] = [:]

    public init(file: String, questionnaire: String, output: String, staffPINHash: String) {
        self.file = file
        self.questionnaire = questionnaire
        self.output = output
        self.staffPINHash = staffPINHash
    }

    /// The location of `key`'s value, or the top of the file.
    public func location(of key: String) -> SourceLocation {
        locations[key] ?? SourceLocation(file: file, line: 1, column: 1)
    }

    /// The resume window as a duration.
    public var resumeWindow: Duration { .seconds(resumeWindowMinutes * 60) }
}
