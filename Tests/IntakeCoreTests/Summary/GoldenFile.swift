import Foundation
import Testing

/// Compares text with a golden file in Tests/IntakeCoreTests/Fixtures/golden/; with
/// `UPDATE_GOLDEN=1` in the environment it rewrites the file instead. A mismatch shows
/// a line diff.
enum GoldenFile {
    static let folder = repositoryRoot.appendingPathComponent("Tests/IntakeCoreTests/Fixtures/golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path), let expected = String(data: data, encoding: .utf8) else {
            Issue.record("missing golden file \(name); run with UPDATE_GOLDEN=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let message = "\(name) differs (UPDATE_GOLDEN=1 rewrites it):\n" + lineDiff(expected: expected, actual: actual)
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }

    /// The differing lines, numbered, `-` expected and `+` actual (at most 40 lines).
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out: [String] = []
        for index in 0..<max(old.count, new.count) {
            let a = index < old.count ? old[index] : nil
            let b = index < new.count ? new[index] : nil
            guard a != b else { continue }
            if let a { out.append(String(format: "%4d - %@", index + 1, a)) }
            if let b { out.append(String(format: "%4d + %@", index + 1, b)) }
            if out.count >= 40 { out.append("..."); break }
        }
        return out.joined(separator: "\n")
    }
}
