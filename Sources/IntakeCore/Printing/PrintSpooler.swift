import FoundationEssentials

/// Hands summaries to CUPS with `lp`, checking the queue with `lpstat` first, and keeps
/// what could not be printed marked for a retry (``PendingPrints``).
public struct PrintSpooler: Sendable {
    /// What happened to one file.
    public enum Outcome: Hashable, Sendable {
        /// CUPS accepted the job (its request id, e.g. "FrontDesk-42").
        case printed(requestID: String)
        /// Not printed; the file is marked unprinted.
        case pending(PrintFailure)
    }

    /// Extra `-o name=value` options for every job (e.g. `cpi=17` for a receipt printer).
    public var options: [String]
    let runner: ProcessRunner

    /// - Parameters:
    ///   - cupsServer: the scheduler to use (`CUPS_SERVER`, e.g. `/run/cups/cups.sock`);
    ///     nil: CUPS's own default.
    ///   - searchPath: folders to find `lp` and `lpstat` in; nil: `PATH` and the usual places.
    public init(options: [String] = [], cupsServer: String? = nil, searchPath: [String]? = nil) {
        self.options = options
        self.runner = ProcessRunner(searchPath: searchPath, environment: cupsServer.map { ["CUPS_SERVER": $0] } ?? [:])
    }

    /// Checks that `printer` (or the default destination) exists, is enabled and accepts
    /// jobs; returns the queue name to use.
    public func readyPrinter(_ printer: String?) throws(PrintFailure) -> String {
        guard runner.find("lpstat") != nil, runner.find("lp") != nil else { throw .cupsToolsMissing }
        // With the scheduler down every queue looks unknown; say what is really wrong.
        guard let scheduler = runner.run("lpstat", ["-r"]) else { throw .cupsToolsMissing }
        guard scheduler.output.contains("scheduler is running") else { throw .schedulerUnavailable }
        let name: String
        if let printer {
            name = printer
        } else {
            guard let result = runner.run("lpstat", ["-d"]) else { throw .cupsToolsMissing }
            let text = result.output
            guard let range = text.firstByteRange(of: "system default destination: ") else {
                if result.errorOutput.contains("scheduler") || result.status != 0 { throw .schedulerUnavailable }
                throw .noDefaultPrinter
            }
            name = text[range.upperBound...].trimmingWhitespace()
        }
        guard let status = runner.run("lpstat", ["-p", name]) else { throw .cupsToolsMissing }
        if status.status != 0 || !status.output.contains("printer \(name) ") {
            let message = status.errorOutput + status.output
            if message.contains("scheduler") || message.contains("connect") { throw .schedulerUnavailable }
            throw .unknownPrinter(name)
        }
        if status.output.contains("printer \(name) disabled") { throw .printerDisabled(name) }
        if let accepting = runner.run("lpstat", ["-a", name]), accepting.output.contains("not accepting") {
            throw .notAccepting(name)
        }
        return name
    }

    /// Submits `file` as one job; throws when the queue is not ready or `lp` refuses.
    public func submit(_ file: String, printer: String?) throws(PrintFailure) -> String {
        let absolute = file.hasPrefix("/") ? file : FileManager.default.currentDirectoryPath + "/" + file
        guard !absolute.hasSuffix(SealedFormat.suffix) else { throw .sealed(file) }
        guard FileManager.default.isReadableFile(atPath: absolute) else { throw .unreadable(file) }
        // An absolute path never starts with '-', so lp cannot take it for an option.
        return try submit(arguments: [absolute], input: nil, title: PrintJobTitle.title(for: absolute), printer: printer)
    }

    /// Submits bytes held in memory as one job, titled after `file`: with sealing on, the
    /// kiosk prints the plaintext summary this way and only the sealed file is ever written.
    public func submit(bytes: [UInt8], titledAfter file: String, printer: String?) throws(PrintFailure) -> String {
        try submit(arguments: [], input: bytes, title: PrintJobTitle.title(for: file), printer: printer)
    }

    private func submit(arguments files: [String], input: [UInt8]?, title: String, printer: String?) throws(PrintFailure) -> String {
        let queue = try readyPrinter(printer)
        var arguments = ["-d", queue, "-t", title]
        for option in options { arguments += ["-o", option] }
        arguments += files
        guard let result = runner.run("lp", arguments, input: input) else { throw .cupsToolsMissing }
        guard result.status == 0 else {
            let line = (result.errorOutput + result.output).split(separator: "\n").first.map(String.init) ?? "exit status \(result.status)"
            throw .rejected(line)
        }
        // "request id is FrontDesk-42 (1 file(s))"
        let words = result.output.split(separator: " ")
        if let index = words.firstIndex(of: "is"), index + 1 < words.count { return String(words[index + 1]) }
        return queue
    }

    /// Prints `file`, or marks it unprinted with the reason. Never throws for printing
    /// problems: a kiosk must go on to the next patient.
    /// - Throws: only when the marker itself cannot be written (then the caller must tell staff).
    public func printOrMark(_ file: String, printer: String?) throws(DurabilityError) -> Outcome {
        let id: String
        do {
            id = try submit(file, printer: printer)
        } catch {
            try PendingPrints.mark(file, reason: error)
            return .pending(error)
        }
        try PendingPrints.clear(file)
        return .printed(requestID: id)
    }

    /// Prints `bytes` (the plaintext of `file`, which is sealed), or marks `file` unprinted.
    public func printOrMark(bytes: [UInt8], of file: String, printer: String?) throws(DurabilityError) -> Outcome {
        let id: String
        do {
            id = try submit(bytes: bytes, titledAfter: file, printer: printer)
        } catch {
            try PendingPrints.mark(file, reason: error)
            return .pending(error)
        }
        try PendingPrints.clear(file)
        return .printed(requestID: id)
    }

    /// Retries every pending file in `folder`, in name order.
    public func printPending(in folder: String, printer: String?) -> [(file: String, outcome: Result<Outcome, DurabilityError>)] {
        PendingPrints.list(in: folder).map { file in
            (file, Result { () throws(DurabilityError) -> Outcome in try printOrMark(file, printer: printer) })
        }
    }
}
