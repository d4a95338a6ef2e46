// The Swift floor: box.c's screen (one box, a title, a 10-option list with a highlighted
// line; Up/Down move it, Enter or q quits) written in Swift on the same ncursesw, through
// the project's C shim. Built statically by `make bench`, like the kiosk's intake:
//   swiftc -O -static-stdlib -I Sources/CNCursesW -o box-swift bench/peers/box.swift
// Its start-up and memory are what any statically linked Swift ncurses program pays
// before doing anything of its own (the Swift runtime, libstdc++, the bigger executable).
import CNCursesW
import Glibc

let options = [
    "A rash", "Muscle weakness", "Both at once", "Muscle pain", "Joint pain",
    "Tiredness", "Trouble swallowing", "Shortness of breath", "Something else", "Not sure",
]

func line(_ window: UnsafeMutablePointer<WINDOW>?, _ index: Int, _ selected: Int) {
    let text = "(" + (index == selected ? "*" : " ") + ") " + options[index]
    let padded = text + String(repeating: " ", count: max(0, 34 - text.count))
    if index == selected { wattr_on(window, cnw_attr_reverse(), nil) }
    mvwaddstr(window, Int32(3 + index), 4, padded)
    if index == selected { wattr_off(window, cnw_attr_reverse(), nil) }
}

setlocale(LC_ALL, "")
initscr()
raw()
noecho()
keypad(cnw_stdscr(), true)
curs_set(0)
let window = newwin(16, 60, 2, 10)
keypad(window, true)
box(window, 0, 0)
mvwaddstr(window, 1, 2, "What was the first thing you noticed?")
var selected = 0
for index in 0..<10 { line(window, index, selected) }
mvwaddstr(window, 14, 2, "Question 1 of 1")
wrefresh(window)
while true {
    let key = wgetch(window)
    let before = selected
    if key == KEY_DOWN, selected < 9 {
        selected += 1
    } else if key == KEY_UP, selected > 0 {
        selected -= 1
    } else if key == 13 || key == 10 || key == Int32(UInt8(ascii: "q")) || key == ERR {
        break
    }
    if before != selected {
        line(window, before, selected)
        line(window, selected, selected)
        wrefresh(window)
    }
}
endwin()
