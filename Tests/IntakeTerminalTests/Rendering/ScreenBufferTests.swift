import IntakeCore
import Testing
@testable import IntakeTerminal

@Suite struct ScreenBufferTests {
    @Test func startsBlank() {
        let screen = ScreenBuffer(width: 4, height: 2)
        #expect(screen.lines == ["", ""])
        #expect(screen.paddedLines == ["    ", "    "])
    }

    @Test func putsTextAndReturnsColumns() {
        var screen = ScreenBuffer(width: 10, height: 1)
        #expect(screen.put("Hi", at: Point(x: 1, y: 0)) == 2)
        #expect(screen.lines == [" Hi"])
    }

    @Test func wideCharactersTakeTwoCells() {
        var screen = ScreenBuffer(width: 8, height: 1)
        #expect(screen.put("你好a", at: .zero) == 5)
        #expect(screen.lines == ["你好a"])
        #expect(screen[0, 0].character == "你")
        #expect(screen[1, 0].isContinuation)
        #expect(screen[4, 0].character == "a")
    }

    @Test func clipsAtRightEdgeAndNeverHalfAWideCharacter() {
        var screen = ScreenBuffer(width: 5, height: 1)
        screen.put("ab你好", at: .zero)
        #expect(screen.lines == ["ab你"])
        #expect(!screen[4, 0].isContinuation)
        screen.put("Привет мир", at: Point(x: 2, y: 0))
        #expect(screen.lines == ["abПри"])
    }

    @Test func clipsOutsideTheGrid() {
        var screen = ScreenBuffer(width: 3, height: 1)
        screen.put("abc", at: Point(x: 0, y: 5))
        screen.put("abc", at: Point(x: 0, y: -1))
        screen.put("xyz", at: Point(x: -2, y: 0))
        #expect(screen.lines == ["z"])
    }

    @Test func overwritingHalfAWideCharacterClearsTheOtherHalf() {
        var screen = ScreenBuffer(width: 6, height: 1)
        screen.put("你好", at: .zero)
        screen.put("x", at: Point(x: 1, y: 0))  // right half of 你
        #expect(screen.lines == [" x好"])
        screen.put("y", at: Point(x: 2, y: 0))  // left half of 好
        #expect(screen.lines == [" xy"])
        #expect(!screen[3, 0].isContinuation)
        screen.put("世", at: Point(x: 3, y: 0))
        screen.put("界", at: Point(x: 2, y: 0))  // straddles y and the left half of 世
        #expect(screen.lines == [" x界"])
        #expect(screen.paddedLines == [" x界  "])
    }

    @Test func combiningMarksStayWithTheirBase() {
        var screen = ScreenBuffer(width: 6, height: 1)
        #expect(screen.put("Gru\u{308}ße", at: .zero) == 5)
        #expect(screen.lines == ["Gru\u{308}ße"])
        #expect(screen[2, 0].character == "u\u{308}")
    }

    @Test func sanitisesText() {
        var screen = ScreenBuffer(width: 12, height: 1)
        screen.put("a\u{1B}[2Jb\u{202E}c\nd", at: .zero)
        #expect(screen.lines == ["a\u{FFFD}[2Jbc d"])
    }

    @Test func maxWidthLimitsColumns() {
        var screen = ScreenBuffer(width: 10, height: 1)
        #expect(screen.put("你好世界", at: .zero, maxWidth: 5) == 4)
        #expect(screen.lines == ["你好"])
    }

    @Test func drawsBoxWithTitle() {
        var screen = ScreenBuffer(width: 9, height: 4)
        let inner = screen.box(Rect(x: 0, y: 0, width: 9, height: 4), title: "Skin")
        screen.put("Rash?", at: inner.origin)
        #expect(screen.lines == [
            "┌ Skin ─┐",
            "│Rash?  │",
            "│       │",
            "└───────┘",
        ])
        #expect(inner == Rect(x: 1, y: 1, width: 7, height: 2))
        #expect(screen[1, 0].style == .title)
        #expect(screen[0, 0].style == .border)
    }

    @Test func boxFallsBackToASCII() {
        var screen = ScreenBuffer(width: 12, height: 3, glyphs: .ascii)
        screen.box(Rect(x: 0, y: 0, width: 12, height: 3), title: "Кожа 皮肤 long")
        #expect(screen.lines == [
            "+ Кожа 皮~ +",
            "|          |",
            "+----------+",
        ])
    }

    @Test func separatorAndLines() {
        var screen = ScreenBuffer(width: 5, height: 3)
        let rect = Rect(x: 0, y: 0, width: 5, height: 3)
        screen.box(rect)
        screen.separator(in: rect, y: 1)
        #expect(screen.lines == ["┌───┐", "├───┤", "└───┘"])
    }

    @Test func wrapsParagraphIntoRect() {
        var screen = ScreenBuffer(width: 12, height: 4)
        let used = screen.paragraph("Do you have muscle weakness?", in: Rect(x: 1, y: 1, width: 10, height: 3))
        #expect(used == 3)
        #expect(screen.lines == ["", " Do you", " have", " muscle…"])
    }

    @Test func paragraphCentersAndHandlesCJK() {
        var screen = ScreenBuffer(width: 8, height: 2)
        let used = screen.paragraph("肌肉无力", in: Rect(x: 0, y: 0, width: 6, height: 2), alignment: .center)
        #expect(used == 2)
        #expect(screen.lines == ["肌肉无", "  力"])
    }

    @Test func progressBar() {
        var screen = ScreenBuffer(width: 10, height: 1)
        screen.progressBar(at: .zero, width: 10, fraction: 0.3)
        #expect(screen.lines == ["███░░░░░░░"])
        #expect(screen.styleLines { $0.role == .progressFilled ? "#" : "." } == ["###......."])
        var ascii = ScreenBuffer(width: 4, height: 1, glyphs: .ascii)
        ascii.progressBar(at: .zero, width: 4, fraction: .nan)
        #expect(ascii.lines == ["----"])
    }

    @Test func fillWithStyle() {
        var screen = ScreenBuffer(width: 4, height: 2)
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 5), with: "x", style: .focus)
        #expect(screen.lines == [" xx", " xx"])
        #expect(screen.styleLines { $0 == .focus ? "F" : " " } == [" FF", " FF"])
    }

    @Test func alignedPutTruncatesWithEllipsis() {
        var screen = ScreenBuffer(width: 10, height: 2)
        screen.put("OK", in: Rect(x: 0, y: 0, width: 10, height: 1), alignment: .right)
        screen.put("Weiter zur nächsten Frage", in: Rect(x: 0, y: 1, width: 10, height: 1), alignment: .left)
        #expect(screen.lines == ["        OK", "Weiter zu…"])
    }

    enum Action: Hashable, Sendable { case option(Int), next }

    @Test func hitRegionsMapPointsToActions() {
        var screen = ScreenBuffer(width: 20, height: 5)
        screen.addHitRegion(Rect(x: 0, y: 0, width: 20, height: 5), action: "background")
        screen.addHitRegion(Rect(x: 2, y: 1, width: 10, height: 1), action: Action.option(1))
        screen.addHitRegion(Rect(x: 15, y: 4, width: 10, height: 3), action: Action.next)  // clipped
        #expect(screen.action(at: Point(x: 5, y: 1), as: Action.self) == .option(1))
        #expect(screen.action(at: Point(x: 19, y: 4), as: Action.self) == .next)
        #expect(screen.action(at: Point(x: 5, y: 2), as: Action.self) == nil)
        #expect(screen.hitTest(Point(x: 5, y: 2)) as? String == "background")
        #expect(screen.hitRegions.last?.rect == Rect(x: 15, y: 4, width: 5, height: 1))
        screen.clear()
        #expect(screen.hitRegions.isEmpty)
    }

    @Test func diffListsOnlyChangedLeadCells() {
        var before = ScreenBuffer(width: 6, height: 2)
        before.put("ab你", at: .zero)
        var after = before
        #expect(after.changedCells(since: before).isEmpty)
        after.put("X", at: Point(x: 1, y: 1))
        #expect(after.changedCells(since: before) == [Point(x: 1, y: 1)])
        var restyled = before
        restyled.put("你", at: Point(x: 2, y: 0), style: .focus)
        #expect(restyled.changedCells(since: before) == [Point(x: 2, y: 0)])
        #expect(before.changedCells(since: nil).count == 5 + 6)
        #expect(before.changedCells(since: ScreenBuffer(width: 3, height: 3)).count == 11)
    }
}
