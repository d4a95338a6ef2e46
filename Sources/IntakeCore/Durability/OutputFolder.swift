import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// The folder a kiosk writes sessions into: created owner-only, and checked for what a
/// session needs (writable, on a device with room) before a patient starts typing.
public enum OutputFolder {
    /// Less free space than this and a session might not be saved: `--check` fails.
    public static let minimumFreeBytes: UInt64 = 10 * 1_048_576

    /// Creates the folder (and missing parents) with mode 0700 whatever the umask, or
    /// tightens an existing folder we own to 0700.
    public static func prepare(_ path: String) throws(DurabilityError) {
        var info = stat()
        if lstat(path, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw DurabilityError.notADirectory(path: path) }
            if info.st_uid == geteuid(), info.st_mode & 0o777 != POSIXFile.folderMode {
                guard chmod(path, POSIXFile.folderMode) == 0 else {
                    throw DurabilityError.from(errno: errno, operation: "chmod", path: path)
                }
            }
            return
        }
        let parent = POSIXFile.parent(of: path)
        if parent != path, parent != ".", parent != "/", access(parent, F_OK) != 0 {
            try prepare(parent)
        }
        guard mkdir(path, POSIXFile.folderMode) == 0 || errno == EEXIST else {
            throw DurabilityError.from(errno: errno, operation: "mkdir", path: path)
        }
        // mkdir's mode passes through the umask; chmod does not.
        guard chmod(path, POSIXFile.folderMode) == 0 else {
            throw DurabilityError.from(errno: errno, operation: "chmod", path: path)
        }
        try POSIXFile.syncDirectory(parent)
    }

    /// Bytes available to this (unprivileged) user on the folder's device.
    public static func freeBytes(_ path: String) throws(DurabilityError) -> UInt64 {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { throw DurabilityError.from(errno: errno, operation: "statvfs", path: path) }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// Proves the folder is writable by doing what a session does: create a file, write,
    /// fsync, remove. `access(W_OK)` alone misses read-only mounts and full devices.
    public static func checkWritable(_ path: String) throws(DurabilityError) {
        let probe = path + "/.intake-probe-\(getpid())"
        let fd = try POSIXFile.open(probe, O_WRONLY | O_CREAT | O_EXCL, operation: "create a test file")
        defer {
            Glibc.close(fd)
            unlink(probe)
        }
        try POSIXFile.writeAll(fd, Array("probe\n".utf8), path: probe)
        try POSIXFile.sync(fd, path: probe)
    }

    /// Problems that would stop a session from being saved, as messages; empty when fine.
    public static func problems(_ path: String) -> [String] {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return ["output folder '\(path)' does not exist (\(String(cString: strerror(errno))))"]
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { return ["output folder '\(path)' is not a folder"] }
        var result: [String] = []
        if info.st_mode & 0o077 != 0 {
            result.append("output folder '\(path)' can be read by other users (mode \(String(info.st_mode & 0o777, radix: 8))); it must be 0700")
        }
        do {
            try checkWritable(path)
        } catch {
            result.append("output folder '\(path)' is not writable: \(error)")
        }
        do {
            let free = try freeBytes(path)
            if free < minimumFreeBytes {
                result.append("output folder '\(path)' has only \(free / 1024) KiB free; at least \(minimumFreeBytes / 1_048_576) MiB are needed")
            }
        } catch {
            result.append("cannot tell the free space of '\(path)': \(error)")
        }
        return result
    }
}
