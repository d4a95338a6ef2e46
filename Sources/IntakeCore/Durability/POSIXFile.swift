import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Thin wrappers over the system calls durability depends on. Foundation's `FileHandle`
/// hides `fsync` of folders, `O_EXCL`/`O_NOFOLLOW` and exact errno values, all of which
/// matter here, so the few calls needed are made directly.
enum POSIXFile {
    /// Files hold health data: owner read/write only, whatever the umask.
    static let fileMode: mode_t = 0o600
    /// Folders: owner only, whatever the umask.
    static let folderMode: mode_t = 0o700

    /// Opens `path` with `flags` plus close-on-exec and no-follow (a planted symlink must
    /// not redirect health data elsewhere); created files get mode 0600 exactly.
    static func open(_ path: String, _ flags: Int32, operation: String = "open") throws(DurabilityError) -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC | O_NOFOLLOW, fileMode)
        guard fd >= 0 else { throw DurabilityError.from(errno: errno, operation: operation, path: path) }
        if flags & O_CREAT != 0 {
            // The umask may have removed bits (harmless) but never adds any; fchmod makes it exact.
            _ = fchmod(fd, fileMode)
        }
        return fd
    }

    /// Writes every byte or throws; a short write is retried, EINTR is retried.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(DurabilityError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw DurabilityError.from(errno: errno, operation: "write", path: path)
            }
            if written == 0 { throw DurabilityError.noSpace(path: path) }
            offset += written
        }
    }

    /// Flushes the file's data and size to the device.
    static func sync(_ fd: Int32, path: String) throws(DurabilityError) {
        guard fsync(fd) == 0 else { throw DurabilityError.from(errno: errno, operation: "fsync", path: path) }
    }

    /// Flushes a folder's entries, so a created, renamed or removed name survives a power cut:
    /// without it the file's data may be on disk while its name is not.
    static func syncDirectory(_ path: String) throws(DurabilityError) {
        let fd = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw DurabilityError.from(errno: errno, operation: "open folder", path: path) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw DurabilityError.from(errno: errno, operation: "fsync folder", path: path) }
    }

    /// The whole file, or nil when it does not exist.
    static func readAll(_ path: String) throws(DurabilityError) -> [UInt8]? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw DurabilityError.from(errno: errno, operation: "open", path: path)
        }
        defer { close(fd) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw DurabilityError.from(errno: errno, operation: "read", path: path)
            }
            if count == 0 { return result }
            result += chunk[0..<count]
        }
    }

    /// The folder part of a path ("." for a bare name).
    static func parent(of path: String) -> String {
        let parent = PathText.deletingLastComponent(of: path)
        return parent.isEmpty ? "." : parent
    }
}
