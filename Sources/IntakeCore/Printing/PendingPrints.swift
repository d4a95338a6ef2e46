import FoundationEssentials

/// Summaries that could not be printed: each has a sibling marker `NAME.unprinted` holding
/// the reason and the time (no personal data). Markers live next to the summary so a
/// folder copied elsewhere keeps them, and a crash between printing and unmarking at
/// worst prints twice, never zero times.
public enum PendingPrints {
    public static let suffix = ".unprinted"

    public static func markerPath(for file: String) -> String { file + suffix }

    /// Marks `file` as not printed, durably.
    public static func mark(_ file: String, reason: PrintFailure, at date: Date = Date()) throws(DurabilityError) {
        let stamp = UTCTimestamp(secondsSince1970: Int(date.timeIntervalSince1970.rounded(.down))).iso8601
        try DurableWrite.replace(markerPath(for: file), with: Array("\(stamp) \(reason)\n".utf8))
    }

    /// Removes the mark after a successful print.
    public static func clear(_ file: String) throws(DurabilityError) {
        guard FileManager.default.fileExists(atPath: markerPath(for: file)) else { return }
        try DurableWrite.remove(markerPath(for: file))
    }

    public static func isPending(_ file: String) -> Bool {
        FileManager.default.fileExists(atPath: markerPath(for: file))
    }

    /// The files in `folder` waiting to be printed, oldest name first. Markers whose file is
    /// gone (deleted by staff) are skipped.
    public static func list(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(suffix) }
            .map { folder + "/" + String($0.dropLast(suffix.count)) }
            .filter { FileManager.default.fileExists(atPath: $0) }
            .sorted()
    }
}
