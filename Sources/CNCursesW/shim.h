/* The one C boundary of the project: ncursesw with its macros as functions.
 * The wide-character API needs these two defines before curses.h (see docs/platform notes);
 * pkg-config's -D flags are dropped by SwiftPM, so they live here. */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

static inline int cnw_attr_bold(void) { return (int)A_BOLD; }
static inline int cnw_attr_reverse(void) { return (int)A_REVERSE; }
static inline int cnw_attr_underline(void) { return (int)A_UNDERLINE; }
static inline int cnw_attr_dim(void) { return (int)A_DIM; }
static inline int cnw_attr_normal(void) { return (int)A_NORMAL; }
static inline int cnw_key_f(int n) { return KEY_F(n); }
static inline mmask_t cnw_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t cnw_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cnw_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cnw_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cnw_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cnw_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline WINDOW *cnw_stdscr(void) { return stdscr; }
static inline int cnw_lines(void) { return LINES; }
static inline int cnw_cols(void) { return COLS; }
#endif
