#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to standard output and standard error, made with `write(2)` instead of
/// Foundation's `FileHandle` (which would link all of Foundation and ICU into the kiosk's
/// executable). Never traps: when the terminal has gone away (EIO) the rest is dropped.
public enum StandardStream {
    public static func output(_ bytes: some Collection<UInt8>) { write(bytes, to: STDOUT_FILENO) }
    public static func output(_ text: String) { output(Array(text.utf8)) }
    public static func error(_ text: String) { write(Array(text.utf8), to: STDERR_FILENO) }

    private static func write(_ bytes: some Collection<UInt8>, to fd: Int32) {
        // Text printed with print() first, so the two orders never interleave.
        fflush(nil)
        let bytes = Array(bytes)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0, errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}
