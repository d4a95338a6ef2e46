#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment in UTC, to the second: when a questionnaire was submitted. Injected in tests.
public struct UTCTimestamp: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: Int

    public init(secondsSince1970: Int) {
        self.secondsSince1970 = secondsSince1970
    }

    /// The current time.
    public static func now() -> UTCTimestamp { UTCTimestamp(secondsSince1970: Int(time(nil))) }

    /// Parses `2026-11-25T14:30:05Z` (the form ``iso8601`` writes).
    public init?(iso8601 text: String) {
        // Over the bytes: every character of the format is ASCII (splitting the text into
        // Characters cost more than the rest of reading a result's provenance).
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let date = PartialDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)), let day = date.day,
              let hour = Self.twoDigits(bytes, at: 11), let minute = Self.twoDigits(bytes, at: 14),
              let second = Self.twoDigits(bytes, at: 17),
              hour < 24, minute < 60, second < 61
        else { return nil }
        let days = PartialDate(year: date.year, month: date.month, day: day).ordinalDay - UTCTimestamp.epochOrdinal
        self.init(secondsSince1970: days * 86_400 + hour * 3600 + minute * 60 + second)
    }

    /// The number written by the two ASCII digits at `offset`, nil if either is not a digit.
    private static func twoDigits(_ bytes: [UInt8], at offset: Int) -> Int? {
        let (tens, ones) = (bytes[offset] &- UInt8(ascii: "0"), bytes[offset + 1] &- UInt8(ascii: "0"))
        guard tens < 10, ones < 10 else { return nil }
        return Int(tens) * 10 + Int(ones)
    }

    private static let epochOrdinal = PartialDate(year: 1970, month: 1, day: 1).ordinalDay

    private var parts: (date: PartialDate, hour: Int, minute: Int, second: Int) {
        let days = Int((Double(secondsSince1970) / 86_400).rounded(.down))
        let rest = secondsSince1970 - days * 86_400
        return (PartialDate(civilDaysSince1970: days), rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// The calendar day in UTC.
    public var date: PartialDate { parts.date }

    /// `2026-11-25T14:30:05Z`.
    public var iso8601: String {
        let p = parts
        return "\(p.date)T\(Self.two(p.hour)):\(Self.two(p.minute)):\(Self.two(p.second))Z"
    }

    /// `20261125T143005Z`, for file names.
    public var compact: String {
        let p = parts
        return String(p.date.description.filter { $0 != "-" }) + "T\(Self.two(p.hour))\(Self.two(p.minute))\(Self.two(p.second))Z"
    }

    /// `2026-11-25 14:30 UTC`, for people.
    public var readable: String {
        let p = parts
        return "\(p.date) \(Self.two(p.hour)):\(Self.two(p.minute)) UTC"
    }

    public var description: String { iso8601 }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    public static func < (lhs: UTCTimestamp, rhs: UTCTimestamp) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = UTCTimestamp(iso8601: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a UTC time like 2026-11-25T14:30:05Z"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso8601)
    }
}
