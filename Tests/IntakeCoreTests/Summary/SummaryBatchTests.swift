import Foundation
import Testing
@testable import IntakeCore

/// `intake summarize DIR --out` renders through ``SummaryBatch`` from result files read
/// with ``RecordedAnswers/init(resultJSON:)``; the files it writes must be byte for byte the
/// summaries of the single-result path, for every invented patient, width and clinic language.
@Suite struct SummaryBatchTests {
    /// The result file of a fixture as `intake fill` writes it.
    static func resultFile(_ fixture: String, clinic: String) throws -> (wizard: Wizard, bytes: [UInt8]) {
        let wizard = try IntakeFixtures.fixture(fixture)
        let result = IntakeFixtures.result(wizard, language: IntakeFixtures.language(of: fixture), clinic: clinic)
        return (wizard, IntakeOutputs.resultJSON(result))
    }

    @Test(arguments: SummaryGoldenTests.cases)
    func batchSummaryIsTheSingleSummary(_ summaryCase: SummaryGoldenTests.Case) throws {
        let (wizard, bytes) = try Self.resultFile(summaryCase.fixture, clinic: summaryCase.clinic)
        let options = SummaryOptions(width: summaryCase.width, clinicLanguage: summaryCase.clinic)
        let single = SummaryRenderer.render(wizard: wizard, result: try IntakeOutputs.decodeResult(Data(bytes)), options: options)
        let batch = SummaryBatch(questionnaire: try #require(IntakeFixtures.questionnaire), options: options)
        let batched = try batch.summary(of: try RecordedAnswers(resultJSON: bytes))
        #expect(Array(batched.utf8) == Array(single.utf8))
        try GoldenFile.check(batched, against: summaryCase.golden)
    }

    /// One batch over all fixtures, twice over: what it keeps between results (fresh
    /// wizards per date) never carries one patient's answers into the next summary.
    @Test(arguments: [80, 40], ["en", "de", "ru"])
    func oneBatchOverEveryFixtureMatchesSingleSummaries(width: Int, clinic: String) throws {
        let options = SummaryOptions(width: width, clinicLanguage: clinic)
        let batch = SummaryBatch(questionnaire: try #require(IntakeFixtures.questionnaire), options: options)
        for fixture in IntakeFixtures.answerSets + IntakeFixtures.answerSets.reversed() {
            let (wizard, bytes) = try Self.resultFile(fixture, clinic: clinic)
            let single = SummaryRenderer.render(wizard: wizard, result: try IntakeResult(resultJSON: bytes), options: options)
            #expect(try batch.summary(of: try RecordedAnswers(resultJSON: bytes)) == single, "\(fixture)")
        }
    }

    /// Answer rows are kept up to the cache's capacity; once it is full, rows it does not
    /// hold are laid out as before, and the summaries stay the single ones.
    @Test func aFullRowCacheChangesNoSummary() throws {
        let rows = SummaryRowCache(capacity: 25)
        let options = SummaryOptions()
        let batch = SummaryBatch(questionnaire: try #require(IntakeFixtures.questionnaire), options: options, rowCache: rows)
        for fixture in IntakeFixtures.answerSets + IntakeFixtures.answerSets {
            let (wizard, bytes) = try Self.resultFile(fixture, clinic: "en")
            let single = SummaryRenderer.render(wizard: wizard, result: try IntakeResult(resultJSON: bytes), options: options)
            #expect(try batch.summary(of: try RecordedAnswers(resultJSON: bytes)) == single, "\(fixture)")
        }
        #expect(rows.count == 25)
    }

    @Test func batchStillRefusesAnswersThatDoNotFitTheQuestionnaire() throws {
        let (_, bytes) = try Self.resultFile("all-no", clinic: "en")
        var result = try RecordedAnswers(resultJSON: bytes)
        let batch = SummaryBatch(questionnaire: try #require(IntakeFixtures.questionnaire), options: SummaryOptions())
        _ = try batch.summary(of: result)
        result.answers.append((key: "no_such_item", value: .bool(true)))
        #expect(throws: IntakeResult.ReplayProblem.answers([AnswerSet.Problem(item: "no_such_item", message: "no such item")])) {
            _ = try batch.summary(of: result)
        }
    }

    @Test func batchRefusesAnotherQuestionnaireFile() throws {
        let (_, bytes) = try Self.resultFile("choking", clinic: "en")
        var result = try RecordedAnswers(resultJSON: bytes)
        result.provenance.sha256 = String(repeating: "0", count: 64)
        let batch = SummaryBatch(questionnaire: try #require(IntakeFixtures.questionnaire), options: SummaryOptions())
        #expect(throws: IntakeResult.ReplayProblem.self) { _ = try batch.summary(of: result) }
    }
}

/// The result reader gives what Foundation's `JSONDecoder` gave for the same bytes, and
/// says where a file that is not a result goes wrong; the summary's reader
/// (``RecordedAnswers``) refuses the same files with the same messages.
@Suite struct ResultReadingTests {
    @Test(arguments: IntakeFixtures.answerSets)
    func readsWhatJSONDecoderReads(_ fixture: String) throws {
        let (_, bytes) = try SummaryBatchTests.resultFile(fixture, clinic: "en")
        let expected = try JSONDecoder().decode(IntakeResult.self, from: Data(bytes))
        #expect(try IntakeResult(resultJSON: bytes) == expected)
    }

    @Test func optionalFieldsMayBeMissingOrNull() throws {
        let (_, bytes) = try SummaryBatchTests.resultFile("most-severe", clinic: "en")
        var text = String(decoding: bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"reviewStatus\" : \"", with: "\"unknownKey\" : \"")
        let result = try IntakeResult(resultJSON: Array(text.utf8))
        #expect(result.provenance.reviewStatus == nil)
        #expect(result == (try JSONDecoder().decode(IntakeResult.self, from: Data(text.utf8))))
    }

    @Test(arguments: [
        ("{}", "format: missing"),
        ("[1]", "expected an object"),
        ("{\"format\": 3}", "format: expected a string, found a number"),
        ("{\"format\": \"x\", \"format\": \"y\"}", "duplicate key 'format'"),
        ("<FF>", "the file is not UTF-8 text"),
        ("{\"format\": \"a<FF>b\"}", "the file is not UTF-8 text"),
        ("{\"form<FF>at\": \"x\"}", "the file is not UTF-8 text"),
        ("{\"format\": \"Слабость\", \"x\" <FF>}", "the file is not UTF-8 text"),
        ("{\"format\": \"Слабость\"}", "provenance: missing"),
        ("{\"format\": null}", "format: missing"),
        ("{\"unknown\": {\"deep\": [1, {\"x\": null}]}, \"format\": []}", "format: expected a string, found an array"),
        ("{\"unknown\": " + String(repeating: "[", count: 100), "nested deeper than"),
        ("{\"answers\": {\"a\": [1, {\"b\": tru}]}}", "invalid literal"),
    ])
    func refusesWhatIsNotAResult(text: String, message: String) {
        let bytes = Self.bytes(text)
        #expect {
            _ = try IntakeResult(resultJSON: bytes)
        } throws: { error in
            "\(error)".contains(message)
        }
        #expect {
            _ = try RecordedAnswers(resultJSON: bytes)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    /// The UTF-8 of `text`, where `<FF>` stands for the byte 0xFF, which is never UTF-8.
    static func bytes(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, part) in text.components(separatedBy: "<FF>").enumerated() {
            if index > 0 { bytes.append(0xFF) }
            bytes += Array(part.utf8)
        }
        return bytes
    }

    @Test func aRepeatedAnswerOrTextAfterTheResultIsRefused() throws {
        let (_, bytes) = try SummaryBatchTests.resultFile("choking", clinic: "en")
        let text = String(decoding: bytes, as: UTF8.self)
        let repeated = text.replacingOccurrences(of: "\"answers\" : {", with: "\"answers\" : {\n    \"allergies\" : true,")
        #expect {
            _ = try IntakeResult(resultJSON: Array(repeated.utf8))
        } throws: { error in
            "\(error)".contains("duplicate key 'allergies' in answers")
        }
        #expect {
            _ = try IntakeResult(resultJSON: Array((text + " x").utf8))
        } throws: { error in
            "\(error)".contains("unexpected text after the end")
        }
    }

    @Test func aWrongFieldDeepInsideIsNamedByItsPath() throws {
        let (_, bytes) = try SummaryBatchTests.resultFile("choking", clinic: "en")
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\"status\" : \"reported\"", with: "\"status\" : \"maybe\"")
        #expect {
            _ = try IntakeResult(resultJSON: Array(text.utf8))
        } throws: { error in
            "\(error)".contains("checklists[") && "\(error)".contains("].entries[") && "\(error)".contains("unknown status 'maybe'")
        }
    }
}

/// `intake summarize` reads a result's provenance and answers (``RecordedAnswers``): the
/// summary computes scores, flags and checklists again, so the recorded ones are checked
/// to be arrays of strict JSON and are not read further.
@Suite struct RecordedAnswersReadingTests {
    @Test(arguments: IntakeFixtures.answerSets)
    func readsTheProvenanceAndAnswersOfTheWholeReader(_ fixture: String) throws {
        let (_, bytes) = try SummaryBatchTests.resultFile(fixture, clinic: "en")
        let whole = try IntakeResult(resultJSON: bytes)
        let recorded = try RecordedAnswers(resultJSON: bytes)
        #expect(recorded.provenance == whole.provenance)
        #expect(Dictionary(uniqueKeysWithValues: recorded.answers.map { ($0.key, $0.value) }) == whole.answers)
        #expect(recorded.answers.map(\.key) == whole.answers.keys.sorted(), "in file order, which is by id")
        #expect(recorded.answers.map(\.key) == RecordedAnswers(whole).answers.map(\.key))
    }

    @Test func aWrongValueInsideTheRecordedScoresChangesNoSummary() throws {
        let (wizard, bytes) = try SummaryBatchTests.resultFile("choking", clinic: "en")
        let text = String(decoding: bytes, as: UTF8.self)
        let edited = text.replacingOccurrences(of: "\"status\" : \"reported\"", with: "\"status\" : \"maybe\"")
        #expect(edited != text)
        #expect(throws: IntakeResult.ReadProblem.self) { _ = try IntakeResult(resultJSON: Array(edited.utf8)) }
        let batch = SummaryBatch(questionnaire: try #require(IntakeFixtures.questionnaire), options: SummaryOptions())
        let summary = try batch.summary(of: try RecordedAnswers(resultJSON: Array(edited.utf8)))
        #expect(summary == SummaryRenderer.render(wizard: wizard, result: try IntakeResult(resultJSON: bytes)))
    }

    @Test(arguments: [
        ("\"scores\" : [", "\"renamed\" : [", "scores: missing"),
        ("\"flags\" : [", "\"flags\" : null, \"renamed\" : [", "flags: missing"),
        ("\"checklists\" : [", "\"checklists\" : {}, \"renamed\" : [", "checklists: expected an array, found an object"),
        ("\"status\" : \"reported\"", "\"status\" : tru", "invalid literal"),
        ("\"status\" : \"reported\"", "\"status\" : \"reported\", \"status\" : 1", "duplicate key 'status' in checklists[0].entries["),
        ("\"staff\" : \"", "\"staff\" : \"<FF>", "the file is not UTF-8 text"),
        ("\"staff\" : \"", "\"staff\" : \"\\u0007", "control character"),
        ("\"value\" : ", "\"value\" : 01", "leading zeros"),
    ])
    func theRecordedScoresFlagsAndChecklistsAreStillStrictJSONArrays(find: String, replacement: String, message: String) throws {
        let (_, bytes) = try SummaryBatchTests.resultFile("choking", clinic: "en")
        let text = String(decoding: bytes, as: UTF8.self)
        let edited = text.replacingOccurrences(of: find, with: replacement)
        #expect(edited != text)
        #expect {
            _ = try RecordedAnswers(resultJSON: ResultReadingTests.bytes(edited))
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
