import Foundation
import Testing
@testable import IntakeCore

/// The result JSON: what it records, that it reads back, and that a summary can be made
/// again from it only with the same questionnaire file.
@Suite struct ResultTests {
    @Test func resultRecordsProvenanceScoresFlagsAndAnswers() throws {
        let wizard = try IntakeFixtures.fixture("choking")
        let result = IntakeFixtures.result(wizard)
        let questionnaire = try #require(IntakeFixtures.questionnaire)
        #expect(result.format == "symptomintake-result/1")
        #expect(result.provenance.questionnaireID == "dermatomyositis")
        #expect(result.provenance.sha256 == questionnaire.metadata.sourceDigest)
        #expect(result.provenance.sha256.count == 64)
        #expect(result.provenance.submitted.iso8601 == "2026-11-25T14:30:05Z")
        #expect(result.provenance.sessionDate == "2026-11-25")
        #expect(result.flags.map(\.severity) == ["urgent", "soon", "soon"])
        #expect(result.scores.map(\.id) == questionnaire.scores.map(\.id))
        #expect(result.answers["choke_cough"] == .bool(true))
        #expect(result.answers.count == wizard.answerMap.count)
    }

    @Test func resultJSONReadsBackEqual() throws {
        let result = IntakeFixtures.result(try IntakeFixtures.fixture("most-severe"))
        let bytes = IntakeOutputs.resultJSON(result)
        #expect(try IntakeOutputs.decodeResult(Data(bytes)) == result)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"value\" : null") || !result.scores.contains { $0.value == nil }, "not computable is an explicit null")
    }

    @Test func replayGivesTheSameSummary() throws {
        let wizard = try IntakeFixtures.fixture("classic-russian")
        let result = IntakeFixtures.result(wizard, language: "ru")
        let decoded = try IntakeOutputs.decodeResult(Data(IntakeOutputs.resultJSON(result)))
        let replayed = try decoded.replay(on: try #require(IntakeFixtures.questionnaire))
        #expect(SummaryRenderer.render(wizard: replayed, result: decoded) == SummaryRenderer.render(wizard: wizard, result: result))
    }

    @Test func replayRefusesAChangedQuestionnaire() throws {
        var result = IntakeFixtures.result(try IntakeFixtures.fixture("all-no"))
        result.provenance.sha256 = String(repeating: "0", count: 64)
        #expect(throws: IntakeResult.ReplayProblem.self) {
            _ = try result.replay(on: try #require(IntakeFixtures.questionnaire))
        }
    }

    @Test func timestampsFormatAndParse() throws {
        let time = IntakeFixtures.submitted
        #expect(time.compact == "20261125T143005Z")
        #expect(time.readable == "2026-11-25 14:30 UTC")
        #expect(UTCTimestamp(iso8601: time.iso8601) == time)
        #expect(UTCTimestamp(iso8601: "2026-02-30T00:00:00Z") == nil)
        for wrong in ["2026-11-25T24:00:00Z", "2026-11-25T14:60:05Z", "2026-11-25T14:30:61Z", "2026-11-25T+1:30:05Z",
                      "2026-11-25 14:30:05Z", "2026-11-25T14:30:05", "2026-11-25T14:30:05Zx", "2026-11-25T14:3é:05Z"] {
            #expect(UTCTimestamp(iso8601: wrong) == nil, "\(wrong)")
        }
        #expect(UTCTimestamp(iso8601: "2026-11-25T23:59:60Z") == UTCTimestamp(iso8601: "2026-11-26T00:00:00Z"))
        #expect(UTCTimestamp(secondsSince1970: 0).iso8601 == "1970-01-01T00:00:00Z")
    }
}
