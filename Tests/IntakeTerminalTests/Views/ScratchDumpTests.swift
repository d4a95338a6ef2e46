import Foundation
import IntakeCore
import Testing
@testable import IntakeTerminal

@Suite struct ScratchDumpTests {
    @Test func dump() throws {
        var d = Driver(try WizardFixtures.everyType(), welcome: true)
        var out = ""
        func snap(_ title: String) { out += "=== \(title) [\(d.item ?? "-")]\n" + d.screen + "\n" }
        snap("welcome")
        d.keys(.enter); snap("intro")
        d.keys(.enter); snap("yesno")
        d.type("y"); d.keys(.enter); snap("single")
        d.type("2"); d.keys(.enter); snap("multi")
        d.type("1"); d.keys(.enter); snap("decimal")
        d.type("72,5"); d.keys(.enter); snap("integer")
        d.type("40"); d.keys(.enter); snap("integer-error")
        d.keys(.backspace, .backspace); d.type("4"); d.keys(.enter); snap("rating")
        d.type("7"); d.keys(.enter); snap("date")
        d.type("31121980"); d.keys(.enter); snap("month")
        d.keys(.tab, .tab); d.type(" "); snap("month-unknown")
        d.keys(.enter); snap("duration")
        d.type("3"); d.keys(.tab, .right, .right); d.keys(.enter); snap("text")
        d.type("Анна 山田"); d.keys(.enter); snap("bodymap")
        d.type("bq"); d.keys(.enter); snap("note")
        d.keys(.enter); snap("long")
        d.type("It itches at night."); d.keys(.enter); snap("review")
        d.send(.resize(Size(width: 40, height: 12))); snap("review40")
        d.keys(.tab, .enter); snap("confirm")
        d.keys(.enter); snap("thanks")
        try out.write(toFile: "/tmp/wizard-dump.txt", atomically: true, encoding: .utf8)
    }
}
