/// What the patient answered to one item.
public enum Answer: Hashable, Sendable {
    case yesNo(YesNo)
    /// The id of the chosen option of a single-choice item.
    case choice(String)
    /// The ids of the chosen options of a multiple-choice item, in option order.
    case choices([String])
    /// A number, rating or integer answer.
    case number(Double)
    case date(PartialDate)
    case duration(DurationAnswer)
    case text(String)
    /// The ids of the chosen body regions, in vocabulary order.
    case regions([String])
    /// "I don't remember" / "not known", where the item allows it.
    case unknown
}

public enum YesNo: String, Hashable, Sendable, CaseIterable {
    case yes
    case no
    case notSure = "not_sure"
}

/// A date that may lack its day (month/year questions).
public struct PartialDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int?

    public init(year: Int, month: Int, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM` (ASCII digits only), checking that the date exists.
    public init?(iso text: String) {
        // Read byte by byte: a batch summary reads a few dates per result, and splitting
        // the text into substrings and counting their characters cost twenty times this.
        var utf8 = text.utf8.makeIterator()
        func digits(_ count: Int) -> Int? {
            var value = 0
            for _ in 0..<count {
                guard let byte = utf8.next(), byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = digits(4), utf8.next() == UInt8(ascii: "-"), let month = digits(2),
              (1...12).contains(month), year >= 1
        else { return nil }
        var day: Int?
        switch utf8.next() {
        case nil: break
        case UInt8(ascii: "-"):
            guard let value = digits(2), utf8.next() == nil, (1...PartialDate.daysIn(month: month, year: year)).contains(value) else { return nil }
            day = value
        default: return nil
        }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD` or `YYYY-MM`, written digit by digit (summaries write dates on every page).
    public var description: String {
        var text: [UInt8] = []
        text.reserveCapacity(10)
        Self.appendPadded(year, 4, to: &text)
        text.append(UInt8(ascii: "-"))
        Self.appendPadded(month, 2, to: &text)
        if let day {
            text.append(UInt8(ascii: "-"))
            Self.appendPadded(day, 2, to: &text)
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// `number` in decimal with leading zeros to `width` digits (a negative number keeps its sign first).
    private static func appendPadded(_ number: Int, _ width: Int, to text: inout [UInt8]) {
        guard number >= 0 else {
            text.append(contentsOf: String(number).utf8)
            return
        }
        var digits: [UInt8] = []
        var rest = number
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        if digits.count < width { text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: width - digits.count)) }
        text.append(contentsOf: digits.reversed())
    }

    /// Days since 0001-01-01 of the day (the 15th when the day is unknown, the middle of the month).
    public var ordinalDay: Int {
        let d = day ?? 15
        // Days before this year, proleptic Gregorian.
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += PartialDate.daysIn(month: m, year: year) }
        return days + d - 1
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Whole years from `self` to `later`, as an age is counted (birthday not yet reached: one less).
    public func wholeYears(until later: PartialDate) -> Int {
        var years = later.year - year
        if (later.month, later.day ?? 15) < (month, day ?? 15) { years -= 1 }
        return years
    }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool { lhs.ordinalDay < rhs.ordinalDay }
}

/// "How long ago": an amount of a unit.
public struct DurationAnswer: Hashable, Sendable {
    public var amount: Double
    public var unit: DurationUnit

    public init(amount: Double, unit: DurationUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// The length in days, as expressions see durations (a month is 30.44 days, a year 365.25).
    public var days: Double { amount * unit.days }
}

public enum DurationUnit: String, Hashable, Sendable, CaseIterable {
    case days
    case weeks
    case months
    case years

    public var days: Double {
        switch self {
        case .days: 1
        case .weeks: 7
        case .months: 30.4375
        case .years: 365.25
        }
    }
}
