import ArgumentParser
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import IntakeCore

/// `--cache-dir` and `--no-cache`, shared by `run` and `kiosk`.
struct CacheOptions: ParsableArguments {
    @Option(help: "Folder for compiled questionnaires (default: $XDG_CACHE_HOME/symptomintake or ~/.cache/symptomintake).")
    var cacheDir: String?

    @Flag(help: "Parse and check the questionnaire file without the compiled-questionnaire cache.")
    var noCache = false

    var settings: CacheSettings { CacheSettings(cacheDir: cacheDir, noCache: noCache) }

    /// The store these options choose, or nil when caching is off or has no place.
    var store: CompiledQuestionnaireStore? { settings.store }
}

/// ``CacheOptions`` as a plain value (see ``RunSettings``).
struct CacheSettings {
    var cacheDir: String?
    var noCache = false

    /// The store these settings choose, or nil when caching is off or has no place.
    var store: CompiledQuestionnaireStore? {
        noCache ? nil : CompiledQuestionnaireStore(directory: cacheDir)
    }

    /// The options that give these settings, for a command made without the parser (the
    /// kiosk's quick way, ``QuickCommandLine``).
    var options: CacheOptions {
        var options = CacheOptions()
        options.cacheDir = cacheDir
        options.noCache = noCache
        return options
    }
}

/// The compiled-questionnaire cache on disk (see ``CompiledQuestionnaireCache`` for the
/// format and docs/performance.md for why): one file per questionnaire path and content.
///
/// Every failure here only means "no cache": a missing, unreadable or damaged file is
/// ignored and the questionnaire parsed; an unwritable folder leaves nothing behind.
/// Only questionnaires are stored, never answers.
struct CompiledQuestionnaireStore {
    let directory: String
    /// This build of the program; nil (no caching) where it cannot be identified.
    let executable: String

    /// `directory` as given, else `$XDG_CACHE_HOME/symptomintake` (only an absolute one,
    /// as the XDG specification says), else `~/.cache/symptomintake`; nil without either.
    init?(directory: String?, environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) {
        guard let executable = Self.executableFingerprint() else { return nil }
        self.executable = executable
        if let directory, !directory.isEmpty {
            self.directory = directory
        } else if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            self.directory = xdg + "/symptomintake"
        } else if let home = environment("HOME"), home.hasPrefix("/") {
            self.directory = home + "/.cache/symptomintake"
        } else {
            return nil
        }
    }

    /// Device, inode, size and modification time of the running executable: any rebuild
    /// or reinstall changes at least one of them.
    static func executableFingerprint() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// What a look-up found: the questionnaire, or the key to store it under once parsed
    /// (with the bytes read for it, so they are not read again), or nothing usable.
    enum Lookup {
        case hit(Questionnaire)
        /// Found by the file's identity with `staging`: checked, only the metadata decoded.
        case staged(CompiledQuestionnaireCache.Staged)
        case miss(CompiledQuestionnaireCache.Key, source: [UInt8])
        case unreadable
    }

    /// The cached questionnaire for the file at `path`, if a sound cache file holds it.
    ///
    /// First without reading the questionnaire file at all: the cache file vouches for it
    /// when the file's identity (``SourceStat``) is the one recorded. Otherwise the file is
    /// read and hashed and the cache file must hold that digest; a file that has settled
    /// is then recorded with its identity, so the next start need not read it.
    ///
    /// With `staging`, a file vouched for by its identity comes back ``Lookup/staged(_:)``:
    /// its header and metadata checked and the metadata decoded; the rest is checked and
    /// decoded later (``CompiledQuestionnaireCache/Staged/finish()``).
    func lookUp(path: String, limit: Int, staging: Bool = false) -> Lookup {
        let identity = SourceStat(path: path)
        let cached = RawFile.read(directory + "/" + CompiledQuestionnaireCache.fileName(forPath: path), limit: SourceLimits.maximumFileBytes * 8)
        if let identity, let cached, let staged = CompiledQuestionnaireCache.stage(
            cached, vouchedBy: .init(sourcePath: path, sourceDigest: "", executable: executable, sourceStat: identity.identity)) {
            if staging { return .staged(staged) }
            if let questionnaire = staged.finish() { return .hit(questionnaire) }
        }
        guard let source = RawFile.read(path, limit: limit) else { return .unreadable }
        let settled = identity.map { $0.isSettled(now: SourceStat.realtimeNanoseconds()) } ?? false
        let key = CompiledQuestionnaireCache.Key(
            sourcePath: path, sourceDigest: CompiledQuestionnaireCache.digest(of: source), executable: executable,
            sourceStat: settled ? identity?.identity ?? "" : "")
        guard let cached, let questionnaire = CompiledQuestionnaireCache.decode(cached, key: key) else {
            return .miss(key, source: source)
        }
        if settled { save(questionnaire, key: key) }
        return .hit(questionnaire)
    }

    /// Stores `questionnaire` under `key`: a temporary file (0600) renamed into place, in a
    /// folder created 0700. Silently does nothing when that is not possible.
    func save(_ questionnaire: Questionnaire, key: CompiledQuestionnaireCache.Key) {
        guard let bytes = CompiledQuestionnaireCache.encode(questionnaire, key: key),
              RawFile.makeDirectories(directory) else { return }
        _ = RawFile.replace(directory + "/" + key.fileName, with: bytes)
    }
}

/// Whole-file reads and atomic writes with plain system calls: on the start-up path,
/// without Foundation's file APIs.
enum RawFile {
    /// The file's bytes, or nil if it cannot be read or has more than `limit` bytes.
    static func read(_ path: String, limit: Int) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) <= limit else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0, errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { return nil }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Creates `path` and missing parents, each 0700; true if it is a directory afterwards.
    static func makeDirectories(_ path: String) -> Bool {
        if mkdir(path, 0o700) == 0 || errno == EEXIST { return isDirectory(path) }
        guard errno == ENOENT else { return false }
        let parent = PathText.deletingLastComponent(of: path)
        guard !parent.isEmpty, parent != path, makeDirectories(parent) else { return false }
        return mkdir(path, 0o700) == 0 || (errno == EEXIST && isDirectory(path))
    }

    private static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Writes `bytes` to a new temporary file (0600) beside `path` and renames it over
    /// `path`, so a reader sees the old file or the new one, never half of one.
    static func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return false }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + written, buffer.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        let closed = close(fd) == 0
        guard written == bytes.count, closed, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
