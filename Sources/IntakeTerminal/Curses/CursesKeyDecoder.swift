import CNCursesW
import IntakeCore

/// Turns what `wget_wch` returns into ``Key`` values. Pure, so it is unit-tested.
enum CursesKeyDecoder {
    /// A character `wget_wch` returned with `OK`: raw-mode control bytes and text.
    ///
    /// Returns nil for values that are not keys a patient can mean (C1 controls, bidi
    /// controls, invalid scalars): they are dropped rather than typed into an answer.
    static func decodeCharacter(_ value: UInt32) -> Key? {
        switch value {
        case 0x0D, 0x0A: return .enter  // Enter is CR in raw mode; Ctrl-J is LF
        case 0x09: return .tab
        case 0x1B: return .escape
        case 0x7F, 0x08: return .backspace  // DEL from most terminals, BS (Ctrl-H) from some
        case 0x00: return .control(" ")  // Ctrl-Space / Ctrl-@
        case 0x01...0x1A:
            guard let scalar = Unicode.Scalar(0x60 + value) else { return nil }
            return .control(Character(scalar))  // 0x03 -> "c"
        case 0x1C: return .control("\\")
        case 0x1D: return .control("]")
        case 0x1E: return .control("^")
        case 0x1F: return .control("_")
        default:
            guard let scalar = Unicode.Scalar(value), TextSanitizer.reason(for: scalar) == nil else {
                return nil
            }
            return .character(Character(scalar))
        }
    }

    /// A function-key code `wget_wch` returned with `KEY_CODE_YES` (not resize or mouse).
    static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        default:
            let f0 = cnw_key_f0()
            if code > f0 && code <= f0 + 63 { return .function(Int(code - f0)) }
            return nil
        }
    }

    /// A mouse event from `getmouse`'s button state, or nil for buttons the app ignores.
    static func decodeMouse(state: mmask_t, x: Int32, y: Int32) -> MouseEvent? {
        let position = Point(x: Int(x), y: Int(y))
        // A press and release read together may arrive merged; the press is what counts.
        if state & cnw_button1_pressed() != 0 { return MouseEvent(.press, at: position) }
        if state & cnw_button1_clicked() != 0 { return MouseEvent(.press, at: position) }
        if state & cnw_button1_released() != 0 { return MouseEvent(.release, at: position) }
        if state & cnw_button4_pressed() != 0 { return MouseEvent(.wheelUp, at: position) }
        if state & cnw_button5_pressed() != 0 { return MouseEvent(.wheelDown, at: position) }
        return nil
    }
}
