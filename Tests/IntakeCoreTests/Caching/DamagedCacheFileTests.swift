import Foundation
import Testing
@testable import IntakeCore

/// A truncated or damaged cache file is never used and never crashes the program: the
/// caller then parses the questionnaire as if there were no cache.
@Suite struct DamagedCacheFileTests {
    static let smallYAML = minimalHead + """
    sections:
      - id: s
        title: S
        items:
          - {id: a, type: yes_no, not_sure: true, text: A?}
          - {id: b, type: single_choice, when: "a == true", text: B?, options: [{id: x, label: X, score: 1}, {id: y, label: Y}]}
          - {id: c, type: integer, min: 0, max: 9, text: C?, validate: [{rule: "c != 3", message: Not three.}]}
    scores:
      - {id: total, label: Total, value: "score(b) + coalesce(c, 0)", bands: [{below: 2, label: Low}, {from: 2, label: High}]}
    flags:
      - {id: f, severity: soon, when: "total > 5", staff: High total., patient: Please wait.}

    """

    static func smallFile() throws -> (bytes: [UInt8], key: CompiledQuestionnaireCache.Key) {
        let questionnaire = try loadValid(smallYAML)
        let key = CacheFixtures.key(for: questionnaire)
        return (try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key)), key)
    }

    @Test func everyTruncationIsRefused() throws {
        let (bytes, key) = try Self.smallFile()
        for length in 0..<bytes.count {
            #expect(CompiledQuestionnaireCache.decode(Array(bytes[..<length]), key: key) == nil, "first \(length) bytes")
        }
        #expect(CompiledQuestionnaireCache.decode(bytes + [0], key: key) == nil, "a byte too many")
    }

    @Test func everyChangedByteIsRefused() throws {
        let (bytes, key) = try Self.smallFile()
        for offset in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[offset] ^= flip
                #expect(CompiledQuestionnaireCache.decode(damaged, key: key) == nil, "byte \(offset) ^ \(flip)")
            }
        }
    }

    /// Staged for a welcome screen, a damaged file is refused as soon as the damage is
    /// read: in the header or the metadata before the first screen, in the rest when it is
    /// finished; never does a damaged file give a questionnaire.
    @Test func everyChangedByteIsRefusedWhenStagedByTheTimeItIsRead() throws {
        let questionnaire = try loadValid(Self.smallYAML)
        var key = CacheFixtures.key(for: questionnaire)
        key.sourceStat = "1:2:300:4000:5000"
        let bytes = try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key))
        var payload = CacheWriter()
        var metadata = CacheWriter()
        try questionnaire.write(to: &payload)
        try questionnaire.metadata.write(to: &metadata)
        let metadataEnd = bytes.count - (payload.bytes.count - metadata.bytes.count)
        let asked = CompiledQuestionnaireCache.Key(sourcePath: key.sourcePath, sourceDigest: "", executable: key.executable, sourceStat: key.sourceStat)
        #expect(CompiledQuestionnaireCache.stage(bytes, vouchedBy: asked)?.finish() != nil)
        for offset in bytes.indices {
            var damaged = bytes
            damaged[offset] ^= 0x01
            let staged = CompiledQuestionnaireCache.stage(damaged, vouchedBy: asked)
            if offset >= metadataEnd - metadata.bytes.count && offset < metadataEnd {
                #expect(staged == nil, "metadata byte \(offset)")
            }
            if offset >= metadataEnd { #expect(staged != nil, "a byte of the rest, \(offset), is read after the first screen") }
            #expect(staged?.finish() == nil, "byte \(offset)")
        }
    }

    @Test func changedBytesInTheShippedQuestionnairesFileAreRefused() throws {
        let questionnaire = try #require(IntakeFixtures.questionnaire)
        let key = CacheFixtures.key(for: questionnaire)
        let bytes = try #require(CompiledQuestionnaireCache.encode(questionnaire, key: key))
        for offset in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 500)) {
            var damaged = bytes
            damaged[offset] ^= 0x20
            #expect(CompiledQuestionnaireCache.decode(damaged, key: key) == nil, "byte \(offset)")
        }
    }

    /// Below the checksum: the payload decoder alone meets every truncation and changed byte
    /// (as if the checksum had been forged) and throws or decodes, but never traps.
    @Test func thePayloadDecoderSurvivesAnyDamageWithoutTheChecksum() throws {
        let questionnaire = try loadValid(Self.smallYAML)
        var writer = CacheWriter()
        try questionnaire.write(to: &writer)
        let payload = writer.bytes
        var refused = 0
        func decode(_ bytes: [UInt8]) {
            var reader = CacheReader(bytes)
            if (try? Questionnaire.read(from: &reader)) == nil || !reader.isAtEnd { refused += 1 }
        }
        for length in 0..<payload.count { decode(Array(payload[..<length])) }
        #expect(refused == payload.count, "every truncation is refused")
        for offset in payload.indices {
            for value: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFF] {
                var damaged = payload
                damaged[offset] = value
                decode(damaged)
            }
        }
    }

    @Test func deeplyNestedGarbageIsRefusedWithoutExhaustingTheStack() {
        // Tag 2 is `negate`: a million of them in a row would recurse a million times.
        var reader = CacheReader([UInt8](repeating: 2, count: 1_000_000))
        #expect(throws: CacheDecodingError.self) { try ExpressionNode.read(from: &reader) }
        var lists = CacheReader([UInt8](repeating: 6, count: 1_000_000))
        #expect(throws: CacheDecodingError.self) { try ValueType.read(from: &lists) }
    }

    @Test func aHugeCountIsRefusedBeforeAnythingIsAllocated() {
        var writer = CacheWriter()
        writer.write(UInt64.max >> 1)
        var reader = CacheReader(writer.bytes)
        #expect(throws: CacheDecodingError.self) { try [String].read(from: &reader) }
    }
}
