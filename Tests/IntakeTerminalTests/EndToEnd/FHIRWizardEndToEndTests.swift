import Foundation
import Testing

/// A real FHIR Questionnaire (PHQ-9 from the LHC-Forms fixtures) answered in the
/// full-screen wizard on a real pseudo-terminal: digits pick options, Enter goes on.
@Suite(
    .serialized,
    .enabled(if: TmuxSession.isAvailable, "tmux is not installed (make test installs it)"),
    .enabled(if: TmuxSession.intakeBinary != nil, "intake binary not built: run `swift build` first or set INTAKE_BINARY")
)
struct FHIRWizardEndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let phq9 = root.appendingPathComponent("Tests/fhir/fixtures/phq9.json").path

    /// The first words of each question, and the option number (1 = "Not at all" = 0 points) chosen.
    static let answers: [(question: String, option: Int)] = [
        ("Little interest", 2), ("Feeling down", 3), ("Trouble falling", 4), ("Feeling tired", 1),
        ("Poor appetite", 2), ("Feeling bad", 3), ("Trouble concentrating", 4), ("Moving or speaking", 1),
        ("Thoughts that you", 2), ("How difficult", 1),
    ]

    @Test(.enabled(if: FileManager.default.fileExists(atPath: phq9), "Tests/fhir/fixtures/phq9.json is missing"))
    func phq9InTheWizardGivesTheTotalAHumanComputes() throws {
        let binary = try #require(TmuxSession.intakeBinary)
        let out = NSTemporaryDirectory() + "/phq9-e2e-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let tmux = try TmuxSession(command: "sh -c '\"\(binary)\" run \"\(Self.phq9)\" --out \"\(out)\"; echo EXIT=$?; sleep 60'")
        defer { tmux.kill() }

        try tmux.waitFor(text: "PHQ-9")
        try tmux.sendKeys("Enter") // the welcome screen
        for (question, option) in Self.answers {
            try tmux.waitFor(text: question)
            try tmux.sendKeys(String(option))
            try tmux.sendKeys("Enter")
        }
        try tmux.waitFor(text: "Check your answers")
        try tmux.sendKeys("Enter") // Submit
        try tmux.waitFor(text: "Ready to send?")
        try tmux.sendKeys("Enter") // Send
        try tmux.waitFor(text: "Thank you")
        Thread.sleep(forTimeInterval: 1.6)
        try tmux.sendKeys("Enter")
        try tmux.waitFor(text: "EXIT=0")

        // Points 1 2 3 0 1 2 3 0 1 for the nine questions: 13.
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        let resultName = try #require(files.first { $0.hasSuffix(".result.json") })
        let result = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/" + resultName))) as? [String: Any]
        let scores = try #require(result?["scores"] as? [[String: Any]])
        #expect(scores.contains { ($0["value"] as? Double) == 13 }, "\(scores)")
        let responseName = try #require(files.first { $0.hasSuffix(".response.json") })
        let response = try String(contentsOfFile: out + "/" + responseName, encoding: .utf8)
        #expect(response.contains("/44250-9"), "the response keeps the questionnaire's own linkIds")
    }
}
