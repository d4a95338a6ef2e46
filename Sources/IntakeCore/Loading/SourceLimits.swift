/// Hard limits that keep a hostile or broken file from hanging or exhausting the program.
public enum SourceLimits {
    /// Files above this size are refused before parsing.
    public static let maximumFileBytes = 4 * 1024 * 1024
    /// Mappings and sequences nested deeper than this are refused.
    public static let maximumNesting = 64
    /// At most this many diagnostics of one pre-parse kind (control characters, ...) are listed.
    public static let maximumRepeatedDiagnostics = 20
}
