import Foundation
import Testing
@testable import IntakeCore

/// `intake run` with the compiled-questionnaire cache, through the real binary: where the
/// file goes, with which permissions, that a matching file is really used, and that
/// `--no-cache`, `validate` and an unwritable folder leave no trace.
@Suite struct CacheFolderEndToEndTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cache-e2e-\(UUID().uuidString)").path

    /// Runs `intake` with `environment` added, no input; returns status and both outputs.
    func intake(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try intakeExecutable())
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// A plain `run` that stops at the first question (its input is empty).
    func run(_ extra: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        // A new output folder each time: a draft left by an earlier run would be offered.
        try intake(["run", IntakeFixtures.questionnairePath, "--plain", "--lang", "en", "--out", folder + "/out-" + UUID().uuidString] + extra,
                   environment: environment)
    }

    func entries(_ path: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
    }

    func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test func theFirstRunStoresTheQuestionnaireOwnerOnly() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = folder + "/new/parents/cache"
        let (status, output) = try run(["--cache-dir", cache])
        #expect(status == 3, "input ended: \(output)")
        let files = entries(cache)
        #expect(files.count == 1 && files[0].hasSuffix(".qcache"), "\(files)")
        #expect(try mode(cache) == 0o700)
        #expect(try mode(cache + "/" + files[0]) == 0o600)
        let again = try run(["--cache-dir", cache])
        #expect(again.output == output)
        #expect(entries(cache) == files)
    }

    @Test func theDefaultFolderIsUnderXDGCacheHome() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run([], environment: ["XDG_CACHE_HOME": folder + "/xdg"])
        #expect(entries(folder + "/xdg/symptomintake").count == 1)
        _ = try run([], environment: ["XDG_CACHE_HOME": "", "HOME": folder + "/home"])
        #expect(entries(folder + "/home/.cache/symptomintake").count == 1)
    }

    @Test func aMatchingCacheFileIsUsedInsteadOfTheYAML() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // A different questionnaire stored under the real file's key: if the run shows its
        // question, the cache was read and the YAML was not parsed.
        let path = IntakeFixtures.questionnairePath
        let source = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var impostor = try #require(QuestionnaireLoader.load(yaml: minimalHead + """
        sections:
          - {id: s, title: S, items: [{id: only, type: yes_no, text: Only the cached question?}]}

        """, file: path).questionnaire)
        impostor.metadata.sourceDigest = CompiledQuestionnaireCache.digest(of: source)
        let key = CompiledQuestionnaireCache.Key(
            sourcePath: path, sourceDigest: impostor.metadata.sourceDigest, executable: try Self.fingerprint(of: try intakeExecutable()))
        let bytes = try #require(CompiledQuestionnaireCache.encode(impostor, key: key))
        try FileManager.default.createDirectory(atPath: folder + "/cache", withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/cache/" + key.fileName))

        #expect(try run(["--cache-dir", folder + "/cache"]).output.contains("Only the cached question?"))
        #expect(try !run(["--cache-dir", folder + "/cache", "--no-cache"]).output.contains("Only the cached question?"))
    }

    @Test func aSettledFileIsVouchedForByItsIdentityWithoutBeingHashed() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // An impostor under the real file's path with a digest no file has: only the
        // recorded identity of the (long-settled) questionnaire file can open it.
        let path = IntakeFixtures.questionnairePath
        var impostor = try #require(QuestionnaireLoader.load(yaml: minimalHead + """
        sections:
          - {id: s, title: S, items: [{id: only, type: yes_no, text: Only the vouched question?}]}

        """, file: path).questionnaire)
        impostor.metadata.sourceDigest = String(repeating: "ab", count: 32)
        let identity = try #require(SourceStat(path: path))
        var key = CompiledQuestionnaireCache.Key(
            sourcePath: path, sourceDigest: impostor.metadata.sourceDigest,
            executable: try Self.fingerprint(of: try intakeExecutable()), sourceStat: identity.identity)
        try FileManager.default.createDirectory(atPath: folder + "/cache", withIntermediateDirectories: true)
        try Data(try #require(CompiledQuestionnaireCache.encode(impostor, key: key))).write(to: URL(fileURLWithPath: folder + "/cache/" + key.fileName))
        #expect(try run(["--cache-dir", folder + "/cache"]).output.contains("Only the vouched question?"))

        // Recorded for another identity (the file was written since): the file is hashed,
        // the digest does not match, the YAML is parsed and the cache file replaced.
        key.sourceStat = identity.identity + "0"
        try Data(try #require(CompiledQuestionnaireCache.encode(impostor, key: key))).write(to: URL(fileURLWithPath: folder + "/cache/" + key.fileName))
        #expect(try !run(["--cache-dir", folder + "/cache"]).output.contains("Only the vouched question?"))
        let stored = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/cache/" + key.fileName)))
        let real = CompiledQuestionnaireCache.Key(sourcePath: path, sourceDigest: "", executable: key.executable, sourceStat: identity.identity)
        let replaced = try #require(CompiledQuestionnaireCache.decode(stored, vouchedBy: real), "the replacement records the file's identity")
        #expect(replaced.metadata.title != impostor.metadata.title)
    }

    @Test func noCacheAndValidateWriteNothing() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try run(["--no-cache"], environment: ["XDG_CACHE_HOME": folder + "/xdg"])
        let validated = try intake(["validate", IntakeFixtures.questionnairePath], environment: ["XDG_CACHE_HOME": folder + "/xdg"])
        #expect(validated.status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/xdg"))
    }

    @Test func anUnwritableFolderOnlyMeansNoCache() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let plain = try run(["--no-cache"])
        let unwritable = try run(["--cache-dir", "/dev/null/cache"])
        #expect(unwritable.status == plain.status)
        #expect(unwritable.output == plain.output)
    }

    /// What the program uses to tell its builds apart (CompiledQuestionnaireStore).
    static func fingerprint(of executable: String) throws -> String {
        var info = stat()
        guard stat(executable, &info) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
