import Testing
@testable import IntakeCore

/// A batch lays out texts through a ``WrapCache``: what it returns, first time or from
/// what it kept, is exactly the summary's own layout, and it never grows without bound.
@Suite struct WrapCacheTests {
    static let texts = [
        "",
        "Short label",
        "Short label with trailing spaces   ",
        "Do you have difficulty climbing stairs or getting up from a low chair without using your arms?",
        "Muskelschwäche beim Treppensteigen oder beim Aufstehen aus einem tiefen Stuhl ohne Hilfe der Arme",
        "Слабость в мышцах при подъёме по лестнице или когда вы встаёте со стула без помощи рук",
        "階段を上るときや低い椅子から立ち上がるときに、腕を使わずに立ち上がるのが難しいですか。",
        "First paragraph of the patient's own words\n\nand a second one after an empty line",
        "averyveryverylongwordwithoutanyspacesthatmustbehardbrokenatgraphemeboundaries",
    ]

    @Test(arguments: [1, 4, 12, 30, 38, 80])
    func givesTheSummaryLayoutFirstTimeAndFromWhatItKept(width: Int) {
        let cache = WrapCache()
        for text in Self.texts {
            let expected = SummaryText.wrap(text, width: width)
            #expect(cache.wrap(text, width: width) == expected, "\(text)")
            #expect(cache.wrap(text, width: width) == expected, "\(text) (kept)")
        }
    }

    @Test func keepsTheSameTextApartAtDifferentWidths() {
        let cache = WrapCache()
        let text = Self.texts[3]
        #expect(cache.wrap(text, width: 20) == SummaryText.wrap(text, width: 20))
        #expect(cache.wrap(text, width: 40) == SummaryText.wrap(text, width: 40))
        #expect(cache.wrap(text, width: 20) != cache.wrap(text, width: 40))
    }

    @Test func keepsNoTextThatFitsOneLine() {
        let cache = WrapCache()
        _ = cache.wrap("Short label", width: 80)
        _ = cache.wrap("", width: 80)
        #expect(cache.count == 0)
        _ = cache.wrap(Self.texts[3], width: 30)
        #expect(cache.count == 1)
    }

    @Test func stopsKeepingTextsWhenFullButStillLaysThemOut() {
        let cache = WrapCache()
        for number in 0..<(WrapCache.capacity + 10) {
            _ = cache.wrap("free text number \(number) that is too long for the column", width: 10)
        }
        #expect(cache.count == WrapCache.capacity)
        let late = "one more free text written after the cache is full"
        #expect(cache.wrap(late, width: 10) == SummaryText.wrap(late, width: 10))
        #expect(cache.count == WrapCache.capacity)
    }
}
