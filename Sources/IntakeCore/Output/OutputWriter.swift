#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why output files could not be written, with the system's reason. Never a crash; when
/// it is thrown, no output file and no temporary file of the batch is left behind.
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Operation: String, Hashable, Sendable {
        /// Creating the output folder.
        case createFolder = "create the output folder"
        /// Creating, writing or syncing a temporary file.
        case write = "write"
        /// Renaming a temporary file to its final name.
        case rename = "rename"
        /// Syncing the folder after the renames.
        case syncFolder = "sync the output folder"
    }

    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        /// ENOSPC / EDQUOT: the disk or quota is full.
        case noSpace
        /// EACCES / EPERM: not allowed to write there.
        case permissionDenied
        /// EROFS: the file system is read-only.
        case readOnly
        /// ENOENT / ENOTDIR: a folder on the path does not exist or is a file.
        case noSuchFolder
        /// EEXIST: the final name is taken.
        case exists
        /// Another error number, with the system's message.
        case other(errno: Int32, message: String)

        init(errno code: Int32) {
            switch code {
            case ENOSPC, EDQUOT: self = .noSpace
            case EACCES, EPERM: self = .permissionDenied
            case EROFS: self = .readOnly
            case ENOENT, ENOTDIR: self = .noSuchFolder
            case EEXIST: self = .exists
            default: self = .other(errno: code, message: String(cString: strerror(code)))
            }
        }

        public var description: String {
            switch self {
            case .noSpace: "the disk is full"
            case .permissionDenied: "permission denied"
            case .readOnly: "the file system is read-only"
            case .noSuchFolder: "a folder on the path does not exist"
            case .exists: "the file already exists"
            case .other(let code, let message): "\(message) (errno \(code))"
            }
        }
    }

    public var operation: Operation
    public var path: String
    public var reason: Reason

    public var description: String { "cannot \(operation.rawValue) '\(path)': \(reason)" }
}

/// Writes a batch of files into one folder all-or-nothing and durably: each goes to a
/// temporary file in the same folder (mode 0600), is `fsync`ed, then renamed into place,
/// and the folder is `fsync`ed after the renames. A folder it creates is mode 0700. Modes
/// are set with `fchmod`/`chmod`, so the umask does not matter.
public enum OutputWriter {
    public static let fileMode: mode_t = 0o600
    public static let folderMode: mode_t = 0o700

    /// Writes `files` (name → contents) into `folder`, creating it (and missing parents)
    /// with mode 0700. Returns the final paths in the order given.
    ///
    /// With `sync: false` nothing is fsynced (the files still appear whole or not at all):
    /// for batches of many files, which call ``syncEverything(folder:)`` once at the end
    /// instead of paying two fsyncs per file.
    @discardableResult
    public static func write(_ files: [(name: String, contents: [UInt8])], into folder: String, sync: Bool = true) throws(OutputError) -> [String] {
        try createFolder(folder)
        var temporaries: [String] = []
        var finals: [String] = []
        func cleanUp() {
            for path in temporaries { unlink(path) }
            for path in finals { unlink(path) }
        }
        do throws(OutputError) {
            for file in files {
                let temporary = folder + "/." + file.name + ".tmp"
                temporaries.append(temporary)
                try writeFile(temporary, contents: file.contents, sync: sync)
            }
            for (index, file) in files.enumerated() {
                let final = folder + "/" + file.name
                var status = stat()
                if lstat(final, &status) == 0 { throw OutputError(operation: .rename, path: final, reason: .exists) }
                guard rename(temporaries[index], final) == 0 else { throw OutputError(operation: .rename, path: final, reason: .init(errno: errno)) }
                finals.append(final)
                temporaries[index] = ""
            }
            temporaries.removeAll()
            if sync { try syncFolder(folder) }
        } catch {
            cleanUp()
            if !finals.isEmpty { try? syncFolder(folder) }
            throw error
        }
        return finals
    }

    /// Creates the folder and missing parents with mode 0700; an existing folder is left as it is.
    static func createFolder(_ folder: String) throws(OutputError) {
        var status = stat()
        if stat(folder, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else { throw OutputError(operation: .createFolder, path: folder, reason: .noSuchFolder) }
            return
        }
        let parent = parentFolder(of: folder)
        if let parent, parent != folder { try createFolder(parent) }
        if mkdir(folder, folderMode) != 0 {
            let code = errno
            if code == EEXIST, stat(folder, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR { return }
            throw OutputError(operation: .createFolder, path: folder, reason: .init(errno: code))
        }
        // mkdir applies the umask; set the mode exactly.
        guard chmod(folder, folderMode) == 0 else { throw OutputError(operation: .createFolder, path: folder, reason: .init(errno: errno)) }
    }

    static func parentFolder(of path: String) -> String? {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        let parent = trimmed[..<slash]
        return parent.isEmpty ? "/" : String(parent)
    }

    /// Creates `path` (which must not exist), mode 0600, writes everything, fsyncs, closes.
    static func writeFile(_ path: String, contents: [UInt8], sync: Bool = true) throws(OutputError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw OutputError(operation: .write, path: path, reason: .init(errno: errno)) }
        do throws(OutputError) {
            guard fchmod(descriptor, fileMode) == 0 else { throw OutputError(operation: .write, path: path, reason: .init(errno: errno)) }
            try writeAll(descriptor, contents, path: path)
            guard !sync || fsync(descriptor) == 0 else { throw OutputError(operation: .write, path: path, reason: .init(errno: errno)) }
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = OutputError.Reason(errno: errno)
            unlink(path)
            throw OutputError(operation: .write, path: path, reason: reason)
        }
    }

    /// Writes all bytes, retrying short writes and EINTR.
    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(OutputError) {
        var offset = 0
        while offset < bytes.count {
            let written: Int = bytes.withUnsafeBytes { buffer in
                guard let base = buffer.baseAddress else { return 0 }
                return systemWrite(descriptor, base + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(operation: .write, path: path, reason: .init(errno: errno))
            }
            offset += written
        }
    }

    /// Makes everything written so far durable: `sync()` (all file systems; Glibc offers
    /// no `syncfs` to Swift), then an fsync of `folder` itself.
    public static func syncEverything(folder: String) throws(OutputError) {
        sync()
        try syncFolder(folder)
    }

    static func syncFolder(_ folder: String) throws(OutputError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(operation: .syncFolder, path: folder, reason: .init(errno: errno)) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw OutputError(operation: .syncFolder, path: folder, reason: .init(errno: errno)) }
    }
}

/// The C `write`, named apart from ``OutputWriter/write(_:into:)``.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
