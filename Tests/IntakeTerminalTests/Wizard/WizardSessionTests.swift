import IntakeCore
import Testing
@testable import IntakeTerminal

/// Whole sessions through the UI state machine, by keys and taps, without a terminal.
@Suite struct WizardUISessionTests {
    @Test func aWholeDermatomyositisIntakeByKeys() throws {
        var driver = Driver(try WizardFixtures.dermatomyositis(), welcome: true)
        driver.keys(.enter)  // Start, in English
        var steps = 0
        while driver.ui.page == .step, steps < 400 {
            steps += 1
            if let item = driver.ui.currentItem {
                let before = driver.ui.engine.position
                driver.keys(ShortestPath.presses(for: item).map(\.key))
                #expect(driver.ui.engine.position != before, "stuck on \(item.id): \(driver.screen)")
            } else {
                driver.keys(.enter)  // a section intro
            }
        }
        #expect(driver.ui.page == .review)
        #expect(driver.lines[1].contains("Check your answers"))
        driver.keys(.enter)  // Submit has the focus on arrival
        #expect(driver.ui.page == .confirm)
        driver.keys(.enter)
        #expect(driver.ui.page == .thankYou)
        #expect(driver.effects.contains(.submitted))
        #expect(driver.effects.filter { $0 == .saveDraft }.count == driver.ui.engine.answers.count)
        #expect(driver.screen.contains("Thank you"))
        #expect(!driver.screen.contains("Please tell the front desk now"))
        driver.keys(.enter)
        #expect(driver.effects.last == .finished)
    }
}

extension Driver {
    mutating func keys(_ list: [Key]) { send(list.map { .key($0) }) }
}
