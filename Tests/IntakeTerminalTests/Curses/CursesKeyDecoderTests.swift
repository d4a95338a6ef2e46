import CNCursesW
import Testing
@testable import IntakeTerminal

@Suite struct CursesKeyDecoderTests {
    @Test(arguments: [
        (UInt32(0x0D), Key.enter), (0x0A, .enter), (0x09, .tab), (0x1B, .escape),
        (0x7F, .backspace), (0x08, .backspace), (0x03, .control("c")), (0x01, .control("a")),
        (0x1A, .control("z")), (0x00, .control(" ")), (0x1F, .control("_")),
        (0x61, .character("a")), (0x0436, .character("ж")), (0x75DB, .character("痛")),
        (0x00FC, .character("ü")), (0x0301, .character("\u{301}")),
    ])
    func decodesCharacters(value: UInt32, key: Key) {
        #expect(CursesKeyDecoder.decodeCharacter(value) == key)
    }

    @Test(arguments: [UInt32(0x9B), 0x85, 0x202E, 0x2066, 0xD800])
    func dropsControlsThatAreNotKeys(value: UInt32) {
        #expect(CursesKeyDecoder.decodeCharacter(value) == nil)
    }

    @Test func decodesKeyCodes() {
        #expect(CursesKeyDecoder.decodeKeyCode(KEY_UP) == .up)
        #expect(CursesKeyDecoder.decodeKeyCode(KEY_BTAB) == .backTab)
        #expect(CursesKeyDecoder.decodeKeyCode(KEY_DC) == .delete)
        #expect(CursesKeyDecoder.decodeKeyCode(KEY_NPAGE) == .pageDown)
        #expect(CursesKeyDecoder.decodeKeyCode(cnw_key_f(1)) == .function(1))
        #expect(CursesKeyDecoder.decodeKeyCode(cnw_key_f(12)) == .function(12))
        #expect(CursesKeyDecoder.decodeKeyCode(KEY_RESIZE) == nil)
    }

    @Test func decodesMouseButtons() {
        #expect(CursesKeyDecoder.decodeMouse(state: cnw_button1_pressed(), x: 3, y: 4) == MouseEvent(.press, column: 3, row: 4))
        #expect(CursesKeyDecoder.decodeMouse(state: cnw_button1_released(), x: 3, y: 4) == MouseEvent(.release, column: 3, row: 4))
        #expect(CursesKeyDecoder.decodeMouse(state: cnw_button4_pressed(), x: 0, y: 0)?.kind == .wheelUp)
        #expect(CursesKeyDecoder.decodeMouse(state: cnw_button5_pressed(), x: 0, y: 0)?.kind == .wheelDown)
        #expect(CursesKeyDecoder.decodeMouse(state: 0, x: 0, y: 0) == nil)
    }
}
