import Foundation
import Testing
@testable import IntakeCore

/// The FHIR R4 QuestionnaireResponse of every invented patient, validated by the python
/// package fhir.resources (Tests/fhir/validate_response.py; `make test` installs it).
@Suite struct FHIRResponseTests {
    static let script = repositoryRoot.appendingPathComponent("Tests/fhir/validate_response.py").path

    func response(_ name: String) throws -> OrderedJSON {
        let wizard = try IntakeFixtures.fixture(name)
        return FHIRResponse.json(wizard: wizard, id: "20261125T143005Z-0badcafe", language: IntakeFixtures.language(of: name), authored: IntakeFixtures.submitted)
    }

    /// Runs the validator on files; returns its exit status and output.
    func validate(_ texts: [String]) throws -> (status: Int32, output: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fhir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, text) in texts.enumerated() {
            let url = folder.appendingPathComponent("\(index).response.json")
            try Data(text.utf8).write(to: url)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script] + paths
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    @Test func everyFixtureResponseIsValidFHIR() throws {
        let texts = try IntakeFixtures.answerSets.map { try response($0).serialized() }
        let (status, output) = try validate(texts)
        #expect(status != 2, "python3 with fhir.resources is required: python3 -m pip install fhir.resources")
        #expect(status == 0, "\(output)")
    }

    @Test func anImportedFHIRQuestionnaireIsAnsweredWithItsOwnLinkIdsAndCalculatedTotal() throws {
        let questionnaire = try loadFHIRFixture("phq9.json")
        let chosen = [1, 2, 3, 0, 1, 2, 3, 0, 1]
        let given = try zip(FHIRFixtureTests.phq9Items, chosen).map { linkID, score in
            (linkID, Answer.choice(try #require(questionnaire.optionID(linkID: linkID, code: FHIRFixtureTests.phq9Codes[score]))))
        }
        let (wizard, problems) = try fill(questionnaire, given)
        #expect(problems.isEmpty)
        let json = FHIRResponse.json(wizard: wizard, id: "20261125T143005Z-0badcafe", language: "en", authored: IntakeFixtures.submitted)
        let text = json.serialized()
        #expect(text.contains("\"linkId\": \"/44250-9\"") || text.contains("\"linkId\":\"/44250-9\""))
        #expect(!text.contains("q44250_9"), "the model's ids never leak into the response")
        #expect(answers(json, of: "/44261-6").first == .object([("valueDecimal", .integer(13))]))
        let (status, output) = try validate([text])
        #expect(status == 0, "\(output)")
    }

    @Test func theValidatorRejectsAnInvalidResponse() throws {
        let bad = """
        {"resourceType": "QuestionnaireResponse", "status": "finished-ish", "item": [{"linkId": "a", "answer": [{"valueBoolean": "maybe"}]}]}
        """
        let (status, _) = try validate([bad])
        #expect(status == 1)
    }

    func answers(_ json: OrderedJSON, of linkID: String) -> [OrderedJSON] {
        guard case .object(let members) = json else { return [] }
        for (key, value) in members {
            if key == "linkId", value == .string(linkID) {
                for (innerKey, inner) in members where innerKey == "answer" {
                    if case .array(let answers) = inner { return answers }
                }
            }
            if case .array(let children) = value {
                for child in children {
                    let found = answers(child, of: linkID)
                    if !found.isEmpty { return found }
                }
            }
        }
        return []
    }

    @Test func choicesCarryTheirOptionScoreAsOrdinalValue() throws {
        let json = try response("classic-weakness")
        let text = try #require(answers(json, of: "fn_hair").first).serialized()
        #expect(text.contains(FHIRResponse.ordinalValueURL))
        #expect(text.contains("\"valueDecimal\": 2"))
        #expect(text.contains("\"code\": \"much_difficulty\""))
        #expect(text.contains("urn:symptomintake:dermatomyositis:fn_hair"))
    }

    @Test func multipleChoiceAndBodyMapGiveOneCodingPerChoice() throws {
        let json = try response("classic-weakness")
        #expect(answers(json, of: "current_meds").count == 2)
        #expect(answers(json, of: "rash_sites").count == 5)
    }

    @Test func durationsAreUCUMQuantities() throws {
        let text = try #require(answers(try response("classic-weakness"), of: "steroid_months").first).serialized()
        #expect(text.contains("\"code\": \"mo\""))
        #expect(text.contains(FHIRResponse.ucum))
    }

    @Test func notSureAndDontRememberAreAskedUnknown() throws {
        let yaml = minimalHead + """
        sections:
          - id: s
            title: S
            items:
              - {id: fever, type: yes_no, not_sure: true, text: Fever?}
              - {id: onset, type: date, precision: month, dont_remember: true, text: When?}
        """
        var wizard = Wizard(questionnaire: try loadValid(yaml), today: fixedToday)
        try wizard.setAnswer(.yesNo(.notSure), for: "fever")
        try wizard.setAnswer(.unknown, for: "onset")
        let json = FHIRResponse.json(wizard: wizard, id: "x1", language: "en", authored: IntakeFixtures.submitted)
        for id in ["fever", "onset"] {
            let text = try #require(answers(json, of: id).first).serialized()
            #expect(text.contains("\"code\": \"asked-unknown\""))
            #expect(text.contains(FHIRResponse.dataAbsentReason))
        }
        let (status, output) = try validate([json.serialized()])
        #expect(status == 0, "\(output)")
    }
}
