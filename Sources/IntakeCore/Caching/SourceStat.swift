#if canImport(Glibc)
import Glibc
#endif

/// A questionnaire file's identity on disk: device, inode, size, and the modification and
/// change times (nanoseconds). Any write to the file, and any replacement of it, changes
/// at least one of them; the change time cannot be set back by anyone but the kernel.
///
/// It lets `intake run` trust its compiled-questionnaire cache without reading and hashing
/// the file on every start (``CompiledQuestionnaireCache/decode(_:vouchedBy:)``), as `git`
/// trusts its index for unchanged files. Like git, it refuses to vouch for a file written
/// moments ago: file systems stamp times with a coarse clock (a few milliseconds), so a
/// write in the same tick as our read would leave the identity unchanged. Such a file is
/// hashed on the next start instead, and vouched for once it has settled.
public struct SourceStat: Equatable, Sendable {
    /// `dev:inode:size:mtime:ctime`, as stored in a cache file's key.
    public let identity: String
    /// The later of the modification and change times, in nanoseconds since 1970.
    let lastWrittenNanoseconds: Int64

    /// How long after its last write a file is vouched for.
    public static let settlingNanoseconds: Int64 = 2_000_000_000

    /// The identity of the regular file at `path`, or nil if it cannot be examined.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        self.init(identity: "\(info.st_dev):\(info.st_ino):\(info.st_size):\(modified):\(changed)",
                  lastWrittenNanoseconds: max(modified, changed))
    }

    init(identity: String, lastWrittenNanoseconds: Int64) {
        self.identity = identity
        self.lastWrittenNanoseconds = lastWrittenNanoseconds
    }

    /// Whether the file was last written long enough before `now` (nanoseconds since 1970,
    /// ``realtimeNanoseconds()``) to vouch for its bytes; a time in the future never is.
    public func isSettled(now: Int64) -> Bool {
        now - lastWrittenNanoseconds >= Self.settlingNanoseconds
    }

    /// `CLOCK_REALTIME`, the clock file times are stamped with, in nanoseconds.
    public static func realtimeNanoseconds() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000_000 + Int64(spec.tv_nsec)
    }
}
