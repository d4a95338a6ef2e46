import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One intake per output folder: an exclusive `flock` on `.intake.lock`, held for the
/// life of the process. Two kiosks writing one draft journal would corrupt each other's
/// sessions; the kernel drops the lock when the process dies, so a crash never leaves a
/// stale lock behind (unlike a pid file alone).
public final class InstanceLock {
    public static let fileName = ".intake.lock"

    private var fd: Int32
    public let path: String

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    deinit { release() }

    /// Takes the lock without waiting.
    /// - Throws: ``DurabilityError/lockHeld(path:pid:)`` with the holder's pid when another
    ///   process has it; other errors when the file cannot be opened.
    public static func acquire(folder: String) throws(DurabilityError) -> InstanceLock {
        let path = folder + "/" + fileName
        let fd = try POSIXFile.open(path, O_RDWR | O_CREAT, operation: "open lock file")
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            let holder = readPID(fd)
            Glibc.close(fd)
            if code == EWOULDBLOCK { throw DurabilityError.lockHeld(path: path, pid: holder) }
            throw DurabilityError.from(errno: code, operation: "lock", path: path)
        }
        // The pid is only for the message a second instance prints; the lock is the flock.
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        return InstanceLock(fd: fd, path: path)
    }

    /// Gives the lock up early (it is also released at exit or crash).
    public func release() {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        Glibc.close(fd)
        fd = -1
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self).trimmingWhitespace()
        return Int32(text)
    }
}
