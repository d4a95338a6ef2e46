/// Why a summary was not handed to the printer; the summary then stays in the output
/// folder marked unprinted, and `intake print --pending` retries it.
public enum PrintFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// `lp`/`lpstat` are not installed (package `cups-client`).
    case cupsToolsMissing
    /// The CUPS scheduler does not answer.
    case schedulerUnavailable
    /// No queue of that name.
    case unknownPrinter(String)
    /// No printer named and no CUPS default destination.
    case noDefaultPrinter
    /// The queue is stopped (`cupsdisable`): a job would wait in the spool for hours and
    /// come out when nobody is there to take it.
    case printerDisabled(String)
    /// The queue refuses jobs (`cupsreject`).
    case notAccepting(String)
    /// `lp` refused the job; its first line of explanation.
    case rejected(String)
    /// The file to print cannot be read.
    case unreadable(String)
    /// The file is sealed (`*.sealed`): printing it would print ciphertext.
    case sealed(String)

    public var description: String {
        switch self {
        case .cupsToolsMissing: "the CUPS client programs (lp, lpstat) are not installed"
        case .schedulerUnavailable: "the CUPS scheduler is not running"
        case .unknownPrinter(let name): "CUPS has no printer '\(name)'"
        case .noDefaultPrinter: "no printer given and CUPS has no default printer"
        case .printerDisabled(let name): "printer '\(name)' is stopped"
        case .notAccepting(let name): "printer '\(name)' is not accepting jobs"
        case .rejected(let message): "lp refused the job: \(message)"
        case .unreadable(let path): "cannot read '\(path)'"
        case .sealed(let path): "'\(path)' is sealed; print it from the staff machine with 'intake open FILE --key clinic.key | lp'"
        }
    }
}
