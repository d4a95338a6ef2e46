import Foundation
import Testing
@testable import IntakeCore

/// A valid hash with few iterations is refused; this one has enough and is cheap to parse.
let sampleStaffPINHash = "pbkdf2-sha256$600000$c2FsdHNhbHRzYWx0c2FsdA==$" + Data(repeating: 7, count: 32).base64EncodedString()

/// Loads a marked kiosk configuration and checks that exactly the expected errors appear, at the markers.
func expectKioskDiagnostics(
    _ marked: String,
    _ expected: [(marker: Int, message: String)],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let source = MarkedText(marked)
    let (_, diagnostics) = KioskConfigurationLoader.load(yaml: source.text, file: "/etc/intake/kiosk.yaml")
    let actual = diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    let wanted = expected.map { entry -> String in
        let position = source.positions[entry.marker] ?? (0, 0)
        return "\(position.line):\(position.column): error: \(entry.message)"
    }
    #expect(actual == wanted, sourceLocation: sourceLocation)
}

@Suite struct KioskConfigurationTests {
    let head = """
    questionnaire: questionnaires/derm.yaml
    output: /var/lib/intake/out
    staff_pin_hash: "\(sampleStaffPINHash)"

    """

    @Test func fullConfigurationWithDefaultsAndRelativePaths() throws {
        let (configuration, diagnostics) = KioskConfigurationLoader.load(yaml: head + """
        printer: FrontDesk
        clinic_name: Rheumatology clinic
        summary_width: 40
        heading_language: de
        encrypt_to: keys/clinic.pub
        auto_print: yes
        """, file: "/etc/intake/kiosk.yaml")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let loaded = try #require(configuration)
        #expect(loaded.questionnaire == "/etc/intake/questionnaires/derm.yaml")
        #expect(loaded.output == "/var/lib/intake/out")
        #expect(loaded.encryptTo == "/etc/intake/keys/clinic.pub")
        #expect(loaded.printer == "FrontDesk")
        #expect(loaded.idleTimeoutSeconds == 120 && loaded.countdownSeconds == 30 && loaded.resumeWindowMinutes == 15)
        #expect(loaded.resumeWindow == .seconds(900))
        #expect(loaded.summaryWidth == 40 && loaded.headingLanguage == "de" && loaded.autoPrint)
        #expect(loaded.location(of: "printer") == SourceLocation(file: "/etc/intake/kiosk.yaml", line: 4, column: 10))
    }

    @Test func unknownKeySuggestsTheClosest() {
        expectKioskDiagnostics(head + """
        1️⃣idle_timout_seconds: 90
        """, [(1, "unknown key 'idle_timout_seconds' in the kiosk configuration; did you mean 'idle_timeout_seconds'?")])
    }

    @Test func missingRequiredKeys() {
        expectKioskDiagnostics("""
        1️⃣output: /var/lib/intake/out
        clinic_name: X
        """, [
            (1, "the kiosk configuration has no 'questionnaire'"),
            (1, "the kiosk configuration has no 'staff_pin_hash'"),
        ])
    }

    @Test func summaryWidthMustBe80Or40() {
        expectKioskDiagnostics(head + """
        summary_width: 1️⃣72
        """, [(1, "'summary_width' must be 80 (page printers) or 40 (receipt printers), not 72")])
    }

    @Test func numbersAndBooleansAreChecked() {
        expectKioskDiagnostics(head + """
        idle_timeout_seconds: 1️⃣two minutes
        resume_window_minutes: 2️⃣-1
        auto_print: 3️⃣sometimes
        """, [
            (1, "'idle_timeout_seconds' must be a whole number, not 'two minutes'"),
            (2, "'resume_window_minutes' must be at least 0"),
            (3, "'auto_print' must be true or false"),
        ])
    }

    @Test func countdownMustBeShorterThanTheTimeout() {
        expectKioskDiagnostics(head + """
        idle_timeout_seconds: 30
        countdown_seconds: 1️⃣30
        """, [(1, "'countdown_seconds' (30) must be shorter than 'idle_timeout_seconds' (30)")])
    }

    @Test func staffPINMustBeAHashNeverAPIN() {
        expectKioskDiagnostics("""
        questionnaire: q.yaml
        output: out
        staff_pin_hash: 1️⃣1234
        """, [(1, "'staff_pin_hash' is not a staff PIN hash (it must have four parts separated by '$', starting with 'pbkdf2-sha256'); expected pbkdf2-sha256$ITERATIONS$SALT$HASH, made by 'intake keygen --pin'")])
        let weak = "pbkdf2-sha256$1000$c2FsdHNhbHRzYWx0c2FsdA==$" + Data(repeating: 7, count: 32).base64EncodedString()
        expectKioskDiagnostics("""
        questionnaire: q.yaml
        output: out
        staff_pin_hash: 1️⃣"\(weak)"
        """, [(1, "'staff_pin_hash' uses 1000 iterations; at least 100000 are needed (make a new one with 'intake keygen --pin')")])
    }

    @Test func printerAndLanguageNamesAreChecked() {
        expectKioskDiagnostics(head + """
        printer: 1️⃣front desk
        heading_language: 2️⃣English
        """, [
            (1, "'front desk' is not a CUPS queue name (letters, digits, '-', '_' and '.', at most 127)"),
            (2, "'English' is not a language code such as 'en' or 'de'"),
        ])
    }

    @Test func yamlAliasesAreRefusedLikeInQuestionnaires() {
        expectKioskDiagnostics("""
        questionnaire: 1️⃣&q q.yaml
        output: *q
        staff_pin_hash: x
        """, [(1, "YAML anchors and aliases are not allowed")])
    }

    @Test func environmentProblemsPointAtTheirLine() throws {
        let folder = try TemporaryFolder()
        let configPath = folder.file("kiosk.yaml")
        let questionnaire = repositoryRoot.appendingPathComponent("Questionnaires/dermatomyositis.yaml").path
        try OutputFolder.prepare(folder.file("out"))
        let good = """
        questionnaire: \(questionnaire)
        output: out
        staff_pin_hash: "\(sampleStaffPINHash)"
        """
        try good.write(toFile: configPath, atomically: true, encoding: .utf8)
        let loaded = try #require(KioskConfigurationLoader.load(path: configPath).configuration)
        #expect(KioskEnvironmentCheck().problems(for: loaded).filter { $0.severity == .error } == [])

        let bad = """
        questionnaire: \(questionnaire)
        output: missing-folder
        staff_pin_hash: "\(sampleStaffPINHash)"
        heading_language: xx
        encrypt_to: nokey.pub
        """
        try bad.write(toFile: configPath, atomically: true, encoding: .utf8)
        let broken = try #require(KioskConfigurationLoader.load(path: configPath).configuration)
        let problems = KioskEnvironmentCheck().problems(for: broken).filter { $0.severity == .error }.map(\.description)
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.hasPrefix("\(configPath):2:9: error: output folder '\(folder.path)/missing-folder' does not exist") })
        #expect(problems.contains { $0.hasPrefix("\(configPath):4:19: error: the questionnaire offers no 'xx'") })
        #expect(problems.contains { $0.hasPrefix("\(configPath):5:13: error: \(folder.path)/nokey.pub: cannot read the key file") })
    }

    /// `intake kiosk-check` end to end: exit 0 for a usable kiosk, 1 with positions otherwise.
    @Test func kioskCheckCommand() throws {
        let intake = try intakeExecutable()
        let folder = try TemporaryFolder()
        let questionnaire = repositoryRoot.appendingPathComponent("Questionnaires/dermatomyositis.yaml").path
        try OutputFolder.prepare(folder.file("out"))
        let configPath = folder.file("kiosk.yaml")
        try """
        questionnaire: \(questionnaire)
        output: out
        staff_pin_hash: "\(sampleStaffPINHash)"
        """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let good = try runProgram(intake, ["kiosk-check", "--config", configPath])
        #expect(good.status == 0, "\(good.errors)")
        #expect(good.output.contains("ok"))

        try """
        questionnaire: \(questionnaire)
        output: out
        staff_pin_hash: "\(sampleStaffPINHash)"
        printr: FrontDesk
        """.write(toFile: configPath, atomically: true, encoding: .utf8)
        let bad = try runProgram(intake, ["kiosk-check", "--config", configPath])
        #expect(bad.status == 1)
        #expect(bad.errors.hasPrefix("\(configPath):4:1: error: unknown key 'printr' in the kiosk configuration; did you mean 'printer'?"))
    }
}

/// The shipped example configuration stays valid apart from the placeholder PIN hash.
@Suite struct KioskExampleConfigurationTests {
    @Test func exampleLoadsWithOnlyThePlaceholderPINRefused() throws {
        let path = repositoryRoot.appendingPathComponent("deploy/kiosk.yaml.example").path
        let (_, diagnostics) = KioskConfigurationLoader.load(path: path)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("'staff_pin_hash' is not a staff PIN hash") == true)
    }
}
