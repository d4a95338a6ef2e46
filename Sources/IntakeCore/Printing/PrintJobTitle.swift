import Crypto
import FoundationEssentials

/// Job titles are shown by `lpstat`, in the CUPS web page, on banner pages and in
/// `page_log`: they must not carry personal data. Output names of the form
/// `20261125T143005Z-ab12cd34...` are a timestamp and a random id and are used as they
/// are; any other name is replaced by a short digest of itself.
public enum PrintJobTitle {
    public static func title(for file: String) -> String {
        let name = PathText.lastComponent(of: file)
        if let stamp = sessionStamp(in: name) { return "intake " + stamp }
        let digest = SHA256.hash(data: Array(name.utf8)).prefix(4).lowercaseHex
        return "intake " + digest
    }

    /// `YYYYMMDDTHHMMSSZ-xxxxxxxx` at the start of `name`, if it is there.
    static func sessionStamp(in name: String) -> String? {
        let pattern = "ddddddddTddddddZ-hhhhhhhh"
        let scalars = Array(name.unicodeScalars)
        guard scalars.count >= pattern.unicodeScalars.count else { return nil }
        for (index, kind) in pattern.unicodeScalars.enumerated() {
            let scalar = scalars[index]
            let ok: Bool
            switch kind {
            case "d": ok = ("0"..."9").contains(scalar)
            case "h": ok = ("0"..."9").contains(scalar) || ("a"..."f").contains(scalar)
            default: ok = scalar == kind
            }
            guard ok else { return nil }
        }
        return String(String.UnicodeScalarView(scalars[0..<pattern.unicodeScalars.count]))
    }
}
