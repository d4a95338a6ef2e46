import Testing
@testable import IntakeTerminal

@Suite struct ScriptedTerminalTests {
    @Test func playsEventsThenEndsInput() {
        let terminal = ScriptedTerminal(events: [
            .key(.down), .resize(Size(width: 40, height: 10)), .mouse(MouseEvent(.press, column: 3, row: 4)),
        ])
        #expect(terminal.nextEvent(timeout: nil) == .key(.down))
        #expect(terminal.size == Size(width: 80, height: 24))
        #expect(terminal.nextEvent(timeout: .seconds(1)) == .resize(Size(width: 40, height: 10)))
        #expect(terminal.makeBuffer().size == Size(width: 40, height: 10))
        #expect(terminal.nextEvent(timeout: nil) == .mouse(MouseEvent(.press, at: Point(x: 3, y: 4))))
        #expect(terminal.nextEvent(timeout: nil) == .endOfInput)
        #expect(terminal.requestedTimeouts == [nil, .seconds(1), nil, nil])
    }

    @Test func recordsPresentedBuffers() {
        let terminal = ScriptedTerminal(size: Size(width: 10, height: 2), capabilities: .minimal, events: [])
        var screen = terminal.makeBuffer()
        #expect(screen.glyphs == .ascii)
        screen.put("Hallo", at: .zero)
        terminal.present(screen, cursor: Point(x: 5, y: 0))
        #expect(terminal.lastPresented?.lines == ["Hallo", ""])
        #expect(terminal.cursors == [Point(x: 5, y: 0)])
        terminal.close()
        #expect(terminal.isClosed)
    }
}
