import Foundation
import IntakeCore
import Testing
@testable import IntakeTerminal

/// Digit keys in choice lists: 1–9 choose options 1–9 and 0 the tenth, as dialog and
/// whiptail menus do; the key is shown beside its option.
struct OptionDigitTests {
    /// A single choice with eleven options: the tenth gets 0, the eleventh no key.
    static let elevenOptions = """
    questionnaire: eleven
    version: "1"
    title: {en: Eleven}
    languages: [en]
    sections:
      - id: s
        title: {en: Section}
        items:
          - id: where
            type: single_choice
            text: {en: Where did it start?}
            options:
    \((1...9).map { "          - {id: o\($0), label: {en: Place \($0)}}" }.joined(separator: "\n"))
              - {id: o10, label: {en: Not sure}}
              - {id: o11, label: {en: Somewhere else}}
    """

    @Test func zeroChoosesTheTenthOptionAndNothingChoosesTheEleventh() throws {
        var driver = Driver(try WizardFixtures.yaml(Self.elevenOptions), size: Size(width: 80, height: 30))
        driver.type("0")
        #expect(driver.answer("where") == .choice("o10"))
        driver.type("9")
        #expect(driver.answer("where") == .choice("o9"))
        driver.type("1")
        #expect(driver.answer("where") == .choice("o1"))
    }

    @Test func theTenthOptionShowsZeroAsItsKey() throws {
        let driver = Driver(try WizardFixtures.yaml(Self.elevenOptions), size: Size(width: 80, height: 30))
        let lines = driver.lines
        #expect(lines.contains { $0.contains("( ) 9  Place 9") })
        #expect(lines.contains { $0.contains("( ) 0  Not sure") })
        #expect(lines.contains { $0.contains("( )    Somewhere else") })
    }

    @Test func digitsMapToOptionsOneToTen() {
        #expect((0..<11).map(OptionDigit.label(forIndex:)) == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", nil])
        #expect(OptionDigit.index(of: "0", count: 10) == 9)
        #expect(OptionDigit.index(of: "0", count: 9) == nil)
        #expect(OptionDigit.index(of: "3", count: 2) == nil)
        #expect(OptionDigit.index(of: "x", count: 10) == nil)
    }
}
