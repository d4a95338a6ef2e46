import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a small file atomically and durably: temporary file in the same folder,
/// write, fsync, rename over the target, fsync the folder. A reader (or a restart after
/// a power cut) sees the old content or the new one, never a mix.
///
/// Used for draft compaction, print markers and key files. The three session outputs
/// have their own writer in `Output/`; this one stays small on purpose.
public enum DurableWrite {
    public static func replace(_ path: String, with bytes: [UInt8], mode: mode_t = 0o600) throws(DurabilityError) {
        let folder = POSIXFile.parent(of: path)
        let name = PathText.lastComponent(of: path)
        let temporary = folder + "/." + name + ".tmp-\(getpid())"
        unlink(temporary)
        let fd = try POSIXFile.open(temporary, O_WRONLY | O_CREAT | O_EXCL, operation: "create")
        do {
            _ = fchmod(fd, mode)
            try POSIXFile.writeAll(fd, bytes, path: temporary)
            try POSIXFile.sync(fd, path: temporary)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw DurabilityError.from(errno: code, operation: "rename", path: path)
        }
        try POSIXFile.syncDirectory(folder)
    }

    /// Removes a file so that its content is gone from the name and, as far as the file
    /// system allows, from its blocks: truncate (the blocks are released), fsync, unlink,
    /// fsync the folder. Missing files are fine.
    public static func remove(_ path: String) throws(DurabilityError) {
        let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if errno == ENOENT { return }
            // A symlink or unwritable file: still remove the name.
        } else {
            _ = ftruncate(fd, 0)
            _ = fsync(fd)
            close(fd)
        }
        if unlink(path) != 0, errno != ENOENT {
            throw DurabilityError.from(errno: errno, operation: "unlink", path: path)
        }
        try POSIXFile.syncDirectory(POSIXFile.parent(of: path))
    }
}
