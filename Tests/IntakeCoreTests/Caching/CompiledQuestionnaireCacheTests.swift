import Foundation
import Testing
@testable import IntakeCore

/// The compiled-questionnaire cache gives back exactly the questionnaire that was loaded,
/// and nothing at all (so the caller parses) for a file that is stale or damaged.
@Suite struct CompiledQuestionnaireCacheTests {
    @Test(arguments: CacheFixtures.yamlFiles)
    func aDecodedFileHoldsEveryStoredPropertyOfTheLoadedOne(_ path: String) throws {
        let loaded = try CacheFixtures.load(path)
        let decoded = try CacheFixtures.roundTrip(loaded)
        #expect(structuralDump(decoded) == structuralDump(loaded))
    }

    @Test func everyItemTypeExpressionAndSectionOfTheModelSurvivesTheRoundTrip() throws {
        let loaded = try CacheFixtures.everything()
        let decoded = try CacheFixtures.roundTrip(loaded)
        #expect(structuralDump(decoded) == structuralDump(loaded))
        // The dump compares something: it differs as soon as one text does.
        var changed = loaded
        changed.sections[1].items[0].help = LocalizedText("Different.")
        #expect(structuralDump(changed) != structuralDump(loaded))
    }

    @Test(arguments: CacheFixtures.yamlFiles)
    func aDecodedFileDescribesItselfAlike(_ path: String) throws {
        let loaded = try CacheFixtures.load(path)
        let decoded = try CacheFixtures.roundTrip(loaded)
        for language in loaded.metadata.languages {
            let original = try QuestionnaireDescription(loaded, language: language).jsonData()
            let copy = try QuestionnaireDescription(decoded, language: language).jsonData()
            #expect(copy == original, "describe --json --lang \(language)")
        }
    }

    @Test(arguments: IntakeFixtures.answerSets)
    func aDecodedQuestionnaireFillsToTheSameOutputs(_ answers: String) throws {
        let loaded = try #require(IntakeFixtures.questionnaire)
        let decoded = try CacheFixtures.roundTrip(loaded)
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/IntakeCoreTests/Fixtures/answers/\(answers).json"))
        let language = IntakeFixtures.language(of: answers)
        func outputs(_ questionnaire: Questionnaire) -> [String] {
            let (decodedAnswers, problems) = AnswerSet.decode(data, for: questionnaire)
            let (wizard, fillProblems) = NonInteractiveFill.run(questionnaire, answers: decodedAnswers, today: fixedToday)
            #expect(problems.isEmpty && fillProblems.isEmpty)
            let files = IntakeOutputs(wizard: wizard, language: language, clinicLanguage: "en", width: 80, submitted: IntakeFixtures.submitted, randomID: "0123abcd").files
            return files.map { $0.name + "\n" + String(decoding: $0.contents, as: UTF8.self) }
        }
        #expect(outputs(decoded) == outputs(loaded))
    }

    @Test func theSameQuestionnaireAlwaysGivesTheSameBytes() throws {
        let questionnaire = try CacheFixtures.everything()
        let key = CacheFixtures.key(for: questionnaire)
        let first = try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key))
        let again = try #require(CompiledQuestionnaireCache.encode(try CacheFixtures.roundTrip(questionnaire), key: key))
        #expect(first == again)
    }

    @Test func aFileWrittenForAnotherKeyIsNotUsed() throws {
        let questionnaire = try CacheFixtures.everything()
        let key = CacheFixtures.key(for: questionnaire)
        let bytes = try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key))
        var otherBuild = key
        otherBuild.executable = "1:2:3:4.6"
        var otherContent = key
        otherContent.sourceDigest = String(repeating: "0", count: 64)
        var otherPath = key
        otherPath.sourcePath = "elsewhere.yaml"
        for stale in [otherBuild, otherContent, otherPath] {
            #expect(CompiledQuestionnaireCache.decode(bytes, key: stale) == nil, "\(stale)")
        }
        #expect(CompiledQuestionnaireCache.decode(bytes, key: key) != nil)
    }

    @Test func aFileOfAnotherFormatVersionIsNotUsed() throws {
        let questionnaire = try CacheFixtures.everything()
        let key = CacheFixtures.key(for: questionnaire)
        var bytes = try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key))
        // The version follows the four magic bytes.
        bytes[4] = UInt8(CompiledQuestionnaireCache.formatVersion + 1)
        #expect(CompiledQuestionnaireCache.decode(bytes, key: key) == nil)
    }

    @Test func aQuestionnaireLoadedFromOtherBytesIsNotStoredUnderTheKey() throws {
        let questionnaire = try CacheFixtures.everything()
        var key = CacheFixtures.key(for: questionnaire)
        key.sourceDigest = CompiledQuestionnaireCache.digest(of: Array("another file".utf8))
        #expect(CompiledQuestionnaireCache.encode(questionnaire, key: key) == nil)
    }

    @Test func anImportedFHIRQuestionnaireIsNotCached() throws {
        let result = QuestionnaireLoader.load(yaml: """
        {"resourceType": "Questionnaire", "status": "active", "url": "http://example.org/q", "item": [
          {"linkId": "g", "type": "group", "text": "Group", "item": [
            {"linkId": "q1", "type": "boolean", "text": "Fever?"},
            {"linkId": "q2", "type": "string", "text": "Since when?",
             "enableWhen": [{"question": "q1", "operator": "=", "answerBoolean": true}]}]}]}
        """, file: "test.json")
        let questionnaire = try #require(result.questionnaire, "\(result.diagnostics)")
        #expect(CompiledQuestionnaireCache.encode(questionnaire, key: CacheFixtures.key(for: questionnaire)) == nil)
    }

    @Test func theKeyNamesOneFilePerPath() throws {
        let key = CompiledQuestionnaireCache.Key(sourcePath: "a.yaml", sourceDigest: "00", executable: "x")
        var otherBuild = key
        otherBuild.executable = "y"
        var otherContent = key
        otherContent.sourceDigest = "11"
        var otherPath = key
        otherPath.sourcePath = "b.yaml"
        #expect(key.fileName == otherBuild.fileName, "a new build replaces the old file")
        #expect(key.fileName == otherContent.fileName, "so does a new version of the questionnaire")
        #expect(key.fileName != otherPath.fileName)
        #expect(key.fileName.hasSuffix(".qcache") && !key.fileName.contains("/"))
    }

    @Test func aRecordedFileIdentityVouchesForTheBytesWithoutTheirDigest() throws {
        let questionnaire = try CacheFixtures.everything()
        var key = CacheFixtures.key(for: questionnaire)
        key.sourceStat = "1:2:300:4000:5000"
        let bytes = try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key))
        var asked = CompiledQuestionnaireCache.Key(sourcePath: key.sourcePath, sourceDigest: "", executable: key.executable, sourceStat: key.sourceStat)
        #expect(CompiledQuestionnaireCache.decode(bytes, vouchedBy: asked)?.metadata.sourceDigest == questionnaire.metadata.sourceDigest)
        #expect(CompiledQuestionnaireCache.decode(bytes, key: key) != nil, "the digest still opens it")

        var written = asked
        written.sourceStat = "1:2:300:4000:5001"
        #expect(CompiledQuestionnaireCache.decode(bytes, vouchedBy: written) == nil, "the file was written since")
        var rebuilt = asked
        rebuilt.executable = "another build"
        #expect(CompiledQuestionnaireCache.decode(bytes, vouchedBy: rebuilt) == nil)
        asked.sourceStat = ""
        #expect(CompiledQuestionnaireCache.decode(bytes, vouchedBy: asked) == nil, "no identity, no vouching")
    }

    /// `intake run` draws its welcome screen from a staged file, then finishes it: the
    /// metadata is checked first, the rest when finishing, and what it finishes into is what
    /// a full decode gives.
    @Test func aStagedFileIsCheckedWholeAndFinishesIntoTheSameQuestionnaire() throws {
        let questionnaire = try CacheFixtures.everything()
        var key = CacheFixtures.key(for: questionnaire)
        key.sourceStat = "1:2:300:4000:5000"
        let bytes = try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key))
        var asked = CompiledQuestionnaireCache.Key(sourcePath: key.sourcePath, sourceDigest: "", executable: key.executable, sourceStat: key.sourceStat)
        let staged = try #require(CompiledQuestionnaireCache.stage(bytes, vouchedBy: asked))
        #expect(staged.metadata.title == questionnaire.metadata.title)
        #expect(staged.preview.sections.isEmpty)
        let finished = try #require(staged.finish())
        #expect(structuralDump(finished) == structuralDump(questionnaire))

        var damaged = bytes
        damaged[damaged.count - 1] ^= 0x01
        let stagedDamaged = try #require(CompiledQuestionnaireCache.stage(damaged, vouchedBy: asked), "the metadata is sound")
        #expect(stagedDamaged.finish() == nil, "the last byte is checked before the items are decoded")
        #expect(CompiledQuestionnaireCache.decode(damaged, vouchedBy: asked) == nil)
        asked.sourceStat = "1:2:300:4000:5001"
        #expect(CompiledQuestionnaireCache.stage(bytes, vouchedBy: asked) == nil)
    }

    @Test func aFileStoredWithoutAnIdentityIsNeverVouchedFor() throws {
        let questionnaire = try CacheFixtures.everything()
        let key = CacheFixtures.key(for: questionnaire)
        let bytes = try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key))
        let asked = CompiledQuestionnaireCache.Key(sourcePath: key.sourcePath, sourceDigest: "", executable: key.executable, sourceStat: "")
        #expect(CompiledQuestionnaireCache.decode(bytes, vouchedBy: asked) == nil)
    }
}
