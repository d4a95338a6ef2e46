import IntakeCore

/// Which urgent flags the final answers raise, for the calm messages on the thank-you screen.
/// The scoring module decides (scores in file order, then every flag); this only picks the
/// urgent ones and their patient messages.
public enum UrgentFlags {
    public static func raised(by wizard: Wizard) -> [FlagDefinition] {
        Scorer.evaluate(wizard).flags.filter { $0.severity == .urgent }
    }

    /// The patient messages of the raised urgent flags, without repeats (several flags share one).
    public static func patientMessages(for wizard: Wizard) -> [LocalizedText] {
        var seen: [LocalizedText] = []
        for flag in raised(by: wizard) where !seen.contains(flag.patientMessage) {
            seen.append(flag.patientMessage)
        }
        return seen
    }
}
