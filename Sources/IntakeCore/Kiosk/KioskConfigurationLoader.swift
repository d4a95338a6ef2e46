import FoundationEssentials
/// Reads and checks a kiosk configuration the way questionnaires are checked: every
/// problem reported at once as `file:line:column: error: ...`, with "did you mean" for
/// misspelt keys. It only checks the file; ``KioskEnvironmentCheck`` checks the machine.
public enum KioskConfigurationLoader {
    /// Every key the file may have.
    public static let keys = [
        "questionnaire", "output", "printer", "idle_timeout_seconds", "countdown_seconds",
        "resume_window_minutes", "staff_pin_hash", "clinic_name", "summary_width",
        "heading_language", "encrypt_to", "auto_print",
    ]

    public static func load(path: String) -> (configuration: KioskConfiguration?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.read(path: path, diagnostics: &diagnostics) else { return (nil, diagnostics) }
        return load(source, diagnostics: diagnostics)
    }

    /// Loads YAML held in memory; `file` names it in diagnostics and anchors relative paths.
    public static func load(yaml: String, file: String) -> (configuration: KioskConfiguration?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard let source = SourceText.check(bytes: Array(yaml.utf8), file: file, diagnostics: &diagnostics) else {
            return (nil, diagnostics)
        }
        return load(source, diagnostics: diagnostics)
    }

    private static func load(_ source: SourceText, diagnostics: [Diagnostic]) -> (KioskConfiguration?, [Diagnostic]) {
        var diagnostics = diagnostics
        guard let tree = YAMLDocument.compose(source, diagnostics: &diagnostics) else {
            return (nil, diagnostics.sortedByLocation)
        }
        let context = LoadContext(tree: tree)
        context.report(diagnostics)
        let configuration = read(tree.root, context: context)
        let all = context.diagnostics.sortedByLocation
        return (all.hasErrors ? nil : configuration, all)
    }

    private static func read(_ root: YAMLNode, context: LoadContext) -> KioskConfiguration? {
        guard let reader = MappingReader(root, what: "the kiosk configuration", context: context) else { return nil }
        reader.rejectUnknownKeys(allowed: keys)
        let folder = POSIXFile.parent(of: context.file)
        func path(_ key: String, required: Bool) -> String? {
            guard let text = reader.string(key, required: required) else { return nil }
            guard !text.isEmpty else {
                if let node = reader.value(key) { context.error("'\(key)' must not be empty", at: node) }
                return nil
            }
            return text.hasPrefix("/") ? text : folder + "/" + text
        }
        let questionnaire = path("questionnaire", required: true)
        let output = path("output", required: true)
        let pin = reader.string("staff_pin_hash", required: true)
        if let pin, let node = reader.value("staff_pin_hash") {
            do {
                let stored = try StaffPIN.Stored(parsing: pin)
                if stored.iterations < StaffPIN.minimumIterations {
                    context.error("'staff_pin_hash' uses \(stored.iterations) iterations; at least \(StaffPIN.minimumIterations) are needed (make a new one with 'intake keygen --pin')", at: node)
                }
            } catch {
                context.error("'staff_pin_hash' is \(error)", at: node)
            }
        }
        var configuration = KioskConfiguration(
            file: context.file, questionnaire: questionnaire ?? "", output: output ?? "", staffPINHash: pin ?? "")
        configuration.printer = reader.string("printer")
        if let printer = configuration.printer, let node = reader.value("printer"), !isValidQueueName(printer) {
            context.error("'\(printer)' is not a CUPS queue name (letters, digits, '-', '_' and '.', at most 127)", at: node)
        }
        configuration.idleTimeoutSeconds = reader.integer("idle_timeout_seconds", minimum: 10) ?? configuration.idleTimeoutSeconds
        configuration.countdownSeconds = reader.integer("countdown_seconds", minimum: 5) ?? configuration.countdownSeconds
        configuration.resumeWindowMinutes = reader.integer("resume_window_minutes", minimum: 0) ?? configuration.resumeWindowMinutes
        if let width = reader.integer("summary_width"), let node = reader.value("summary_width") {
            if width == 80 || width == 40 {
                configuration.summaryWidth = width
            } else {
                context.error("'summary_width' must be 80 (page printers) or 40 (receipt printers), not \(width)", at: node)
            }
        }
        configuration.clinicName = reader.string("clinic_name") ?? ""
        if let language = reader.string("heading_language"), let node = reader.value("heading_language") {
            if isLanguageCode(language) {
                configuration.headingLanguage = language
            } else {
                context.error("'\(language)' is not a language code such as 'en' or 'de'", at: node)
            }
        }
        configuration.encryptTo = path("encrypt_to", required: false)
        configuration.autoPrint = reader.bool("auto_print") ?? false
        if configuration.countdownSeconds >= configuration.idleTimeoutSeconds, let node = reader.value("countdown_seconds") {
            context.error("'countdown_seconds' (\(configuration.countdownSeconds)) must be shorter than 'idle_timeout_seconds' (\(configuration.idleTimeoutSeconds))", at: node)
        }
        for key in keys {
            if let node = reader.value(key) { configuration.locations[key] = context.location(of: node) }
        }
        guard questionnaire != nil, output != nil, pin != nil else { return nil }
        return configuration
    }

    /// CUPS accepts printable characters except space, '/', '\\', '#', quotes; a narrower
    /// set keeps names safe to pass to `lp` and to show.
    static func isValidQueueName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 127 && name.unicodeScalars.allSatisfy {
            $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
    }

    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) } }
    }
}
