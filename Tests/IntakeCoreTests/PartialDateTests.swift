import Testing
@testable import IntakeCore

@Suite struct PartialDateTests {
    @Test(arguments: [
        ("2024-02-29", true), ("2023-02-29", false), ("2024-13-01", false),
        ("2024-04", true), ("24-04-01", false), ("2024-4-01", false), ("2024-04-31", false),
        ("0000-01", false), ("+999-01", false), ("2024-04-", false), ("2024-04-011", false), ("2024-04-01 ", false),
        ("2024/04/01", false), ("２０２４-04", false), ("2024-0٤", false), ("", false), ("2024", false),
    ])
    func parsesOnlyRealDates(text: String, valid: Bool) {
        #expect((PartialDate(iso: text) != nil) == valid)
    }

    @Test func countsAgeLikePeople() {
        let birth = PartialDate(year: 1980, month: 6, day: 15)
        #expect(birth.wholeYears(until: PartialDate(year: 2020, month: 6, day: 14)) == 39)
        #expect(birth.wholeYears(until: PartialDate(year: 2020, month: 6, day: 15)) == 40)
    }

    @Test func ordinalDaysDifferByOneAcrossMidnight() {
        let a = PartialDate(year: 2023, month: 12, day: 31)
        let b = PartialDate(year: 2024, month: 1, day: 1)
        #expect(b.ordinalDay - a.ordinalDay == 1)
    }

    /// Written as ISO 8601 with leading zeros, and read back to the same date.
    @Test(arguments: [(1, 1, 5, "0001-01-05"), (999, 12, nil, "0999-12"), (2026, 3, 9, "2026-03-09"), (12345, 10, 31, "12345-10-31")])
    func writesISODates(year: Int, month: Int, day: Int?, text: String) {
        let date = PartialDate(year: year, month: month, day: day)
        #expect(date.description == text)
        if year <= 9999 { #expect(PartialDate(iso: text) == date) }
    }
}
