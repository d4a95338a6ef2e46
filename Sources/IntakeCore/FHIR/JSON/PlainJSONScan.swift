/// The fast path of ``JSONReader/skipValue()``: one loop over the bytes that moves past a
/// value written plainly (keys without escapes, at most ``JSONReader/KeyLog/linearSearch``
/// keys an object, strings whose escapes are `\"`, `\\`, `\/`, `\n`, `\r` or `\t`, numbers
/// of at most 15 digits without exponent), checking every rule the reader checks: syntax,
/// UTF-8, no control characters, no repeated key, the nesting cap.
///
/// It is conservative: whatever it is not sure of (anything else, and every mistake) it
/// leaves to the reader, which reads the value again from its start and accepts it or
/// says what is wrong and where. So it must never accept what the reader refuses; it may
/// refuse what the reader accepts (`JSONReaderSkipTests` compares the two on random texts).
/// The recorded scores, flags and checklists of a result file, which a summary skips, are
/// written plainly; the reader's own skipping cost about 600 instructions a token.
enum PlainJSONScan {
    /// Where the value that starts at `start` ends, or nil when it is not plainly valid.
    /// `levels` is how many containers deep it may nest.
    static func valueEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, levels: Int) -> Int? {
        stringBytes.withUnsafeBufferPointer { table in
            var scan = Scanner(bytes: bytes, index: start, stringBytes: table)
            return scan.value(levels: min(levels, 64)) ? scan.index : nil
        }
    }

    /// What each byte is inside a string: 0 plain ASCII, 1 not ASCII, 2 a quote, a backslash
    /// or a control character (one table look-up a byte instead of four comparisons).
    private static let stringBytes: [UInt8] = (0...255).map { byte in
        byte == 0x22 || byte == 0x5C || byte < 0x20 ? 2 : byte >= 0x80 ? 1 : 0
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int
        let stringBytes: UnsafeBufferPointer<UInt8>
        /// The keys of the open objects, innermost last; `keyStarts` says where each
        /// object's own keys begin.
        var keys: [Range<Int>] = []
        var keyStarts: [Int] = []

        init(bytes: UnsafeBufferPointer<UInt8>, index: Int, stringBytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            self.index = index
            self.stringBytes = stringBytes
        }

        var current: UInt8 { index < bytes.count ? bytes[index] : 0 }

        mutating func skipWhitespace() {
            while index < bytes.count, JSONReader.isWhitespace(bytes[index]) { index += 1 }
        }

        /// One value, containers and all, iteratively: bit `d` of `objects` tells whether
        /// the container at depth `d` is an object.
        mutating func value(levels: Int) -> Bool {
            var depth = 0
            var objects: UInt64 = 0
            nextValue: while true {
                switch current {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard depth < levels else { return false }
                    let isObject = current == UInt8(ascii: "{")
                    index += 1
                    skipWhitespace()
                    if current == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                        index += 1
                    } else {
                        if isObject {
                            objects |= 1 << UInt64(depth)
                            keyStarts.append(keys.count)
                            guard key() else { return false }
                        } else {
                            objects &= ~(1 << UInt64(depth))
                        }
                        depth += 1
                        continue nextValue
                    }
                case UInt8(ascii: "\""):
                    guard string() != nil else { return false }
                case UInt8(ascii: "t"): guard literal("true") else { return false }
                case UInt8(ascii: "f"): guard literal("false") else { return false }
                case UInt8(ascii: "n"): guard literal("null") else { return false }
                default: guard number() else { return false }
                }
                // After a value: the next member or element, or the end of containers.
                while depth > 0 {
                    skipWhitespace()
                    let isObject = objects & (1 << UInt64(depth - 1)) != 0
                    if current == UInt8(ascii: ",") {
                        index += 1
                        skipWhitespace()
                        if isObject { guard key() else { return false } }
                        continue nextValue
                    }
                    guard current == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { return false }
                    index += 1
                    depth -= 1
                    if isObject { keys.removeSubrange(keyStarts.removeLast()...) }
                }
                return true
            }
        }

        /// A key without escapes, not yet in its object, and the `:` after it.
        mutating func key() -> Bool {
            guard current == UInt8(ascii: "\""), let key = string(), !bytes[key].contains(UInt8(ascii: "\\")) else { return false }
            let own = keyStarts[keyStarts.count - 1]
            guard keys.count - own < JSONReader.KeyLog.linearSearch else { return false }
            for known in keys[own...] where known.count == key.count && bytes[known].elementsEqual(bytes[key]) { return false }
            keys.append(key)
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { return false }
            index += 1
            skipWhitespace()
            return true
        }

        /// A string at the opening quote; returns where its text is (escapes as written).
        mutating func string() -> Range<Int>? {
            index += 1
            let start = index
            var ascii = true
            while index < bytes.count {
                let byte = bytes[index]
                let kind = stringBytes[Int(byte)]
                if kind == 0 {
                    index += 1
                    continue
                }
                if kind == 1 {
                    ascii = false
                    index += 1
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    let text = start..<index
                    index += 1
                    guard ascii || UTF8Scan.firstInvalidOffset(in: bytes[text]) == nil else { return nil }
                    return text
                }
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count else { return nil }
                    switch bytes[index + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"): index += 2
                    default: return nil
                    }
                    continue
                }
                return nil // a control character
            }
            return nil
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        /// `-`, then `0` or digits not starting with `0`, then maybe a fraction: at most 15
        /// digits in all (what the reader makes without parsing text), no exponent.
        mutating func number() -> Bool {
            if current == UInt8(ascii: "-") { index += 1 }
            let first = index
            var digits = digitRun()
            guard digits > 0, bytes[first] != UInt8(ascii: "0") || digits == 1 else { return false }
            if current == UInt8(ascii: ".") {
                index += 1
                let fraction = digitRun()
                guard fraction > 0 else { return false }
                digits += fraction
            }
            return digits <= 15 && current != UInt8(ascii: "e") && current != UInt8(ascii: "E")
        }

        mutating func digitRun() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            return index - start
        }
    }
}
