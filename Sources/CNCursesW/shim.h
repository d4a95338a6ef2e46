/* The one C boundary of the project: ncursesw with its macros as functions.
 * The wide-character API needs these two defines before curses.h (see docs/platform notes);
 * pkg-config's -D flags are dropped by SwiftPM, so they live here.
 * Every macro Swift cannot import is wrapped as a `static inline cnw_*` function; the C
 * globals (stdscr, LINES, COLS, COLORS) are read through functions because Swift 6
 * rejects them as not concurrency-safe. Only IntakeTerminal imports this module. */
#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <string.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>
#include <ncursesw/curses.h>

/* Attributes (A_* are macros). */
static inline attr_t cnw_attr_normal(void) { return (attr_t)A_NORMAL; }
static inline attr_t cnw_attr_bold(void) { return (attr_t)A_BOLD; }
static inline attr_t cnw_attr_reverse(void) { return (attr_t)A_REVERSE; }
static inline attr_t cnw_attr_underline(void) { return (attr_t)A_UNDERLINE; }
static inline attr_t cnw_attr_dim(void) { return (attr_t)A_DIM; }

/* Keys. */
static inline int cnw_key_f(int n) { return KEY_F(n); }
static inline int cnw_key_f0(void) { return KEY_F0; }

/* Mouse masks. ALL_MOUSE_EVENTS without REPORT_MOUSE_POSITION: motion reports would
 * flood the input on every pointer move and the kiosk has no use for them. */
static inline mmask_t cnw_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t cnw_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t cnw_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t cnw_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cnw_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t cnw_button5_pressed(void) { return BUTTON5_PRESSED; }

/* Globals. */
static inline WINDOW *cnw_stdscr(void) { return stdscr; }
static inline int cnw_lines(void) { return LINES; }
static inline int cnw_cols(void) { return COLS; }
static inline int cnw_colors(void) { return COLORS; }
static inline int cnw_ccharw_max(void) { return CCHARW_MAX; }

/* libc's column count for one character in the current locale: what ncurses will
 * advance. glibc declares wcwidth only under _XOPEN_SOURCE, hence the local prototype. */
static inline int cnw_wcwidth(wchar_t c) {
    extern int wcwidth(wchar_t);
    return wcwidth(c);
}

/* Whether the current LC_CTYPE codeset is UTF-8. */
static inline int cnw_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

/* Termination signals as a pending-bit set. The handler only sets a bit with an
 * atomic builtin (async-signal-safe; no curses, no allocation); the terminal's owner
 * takes the bits between short input waits. Installed synchronously with sigaction, so
 * unlike a DispatchSource (registered asynchronously) no early signal is lost, and
 * without SA_RESTART a signal also cuts the current input wait short (EINTR).
 * Only the IntakeTerminal module uses these functions. */
/* The one store of pending bits for the whole program. Not a `static` inside an inline
 * function: optimised builds copy these inline functions into every Swift file that calls
 * them, each copy with its own static, and the handler then set bits that the copy in the
 * input loop never saw (release builds ignored SIGTERM and SIGHUP). A weak definition in the
 * header is emitted wherever it is used and merged into one by the linker. */
__attribute__((weak)) int cnw_pending_signal_bits_storage = 0;

static inline int *cnw_pending_signal_bits(void) {
    return &cnw_pending_signal_bits_storage;
}

/* The write end of a pipe the input loop waits on with `poll`, or -1: every caught signal
 * writes one byte to it, so the loop sleeps until a key, a signal or its deadline instead of
 * waking up periodically to look at the bits. Weak, like the bits, so there is one. */
__attribute__((weak)) int cnw_signal_wake_fd_storage = -1;

static inline void cnw_set_signal_wake_fd(int fd) {
    __atomic_store_n(&cnw_signal_wake_fd_storage, fd, __ATOMIC_SEQ_CST);
}

/* Async-signal-safe: write(2) on a non-blocking pipe (a full pipe already wakes the loop). */
static inline void cnw_wake_input_loop(void) {
    int fd = __atomic_load_n(&cnw_signal_wake_fd_storage, __ATOMIC_SEQ_CST);
    if (fd < 0) return;
    int saved = errno;
    ssize_t ignored = write(fd, "s", 1);
    (void)ignored;
    errno = saved;
}

static inline void cnw_record_signal(int number) {
    if (number > 0 && number < 31) __atomic_fetch_or(cnw_pending_signal_bits(), 1 << number, __ATOMIC_SEQ_CST);
    cnw_wake_input_loop();
}

/* SIGWINCH belongs to ncurses (its handler makes the next read return KEY_RESIZE); ours runs
 * it, then wakes the input loop. The action ncurses installed is kept here (weak: one copy). */
__attribute__((weak)) struct sigaction cnw_curses_winch_action = { .sa_flags = 0 };

static inline void cnw_winch_handler(int number, siginfo_t *info, void *context) {
    struct sigaction *curses = &cnw_curses_winch_action;
    if (curses->sa_flags & SA_SIGINFO) {
        if (curses->sa_sigaction) curses->sa_sigaction(number, info, context);
    } else if (curses->sa_handler != SIG_DFL && curses->sa_handler != SIG_IGN && curses->sa_handler != NULL) {
        curses->sa_handler(number);
    }
    cnw_wake_input_loop();
}

/* Puts cnw_winch_handler in front of the SIGWINCH action ncurses installed (0 on success). */
static inline int cnw_chain_winch(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    if (sigaction(SIGWINCH, NULL, &cnw_curses_winch_action) != 0) return -1;
    action.sa_sigaction = cnw_winch_handler;
    action.sa_flags = SA_SIGINFO | (cnw_curses_winch_action.sa_flags & SA_RESTART);
    sigemptyset(&action.sa_mask);
    return sigaction(SIGWINCH, &action, NULL);
}

/* Gives SIGWINCH back to ncurses' own action. */
static inline void cnw_unchain_winch(void) {
    sigaction(SIGWINCH, &cnw_curses_winch_action, NULL);
}

/* Installs the recording handler for `number` (0 on success). */
static inline int cnw_catch_signal(int number) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = cnw_record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigset_t unblock;
    sigemptyset(&unblock);
    sigaddset(&unblock, number);
    pthread_sigmask(SIG_UNBLOCK, &unblock, NULL);
    return sigaction(number, &action, NULL);
}

/* Restores the default action for `number`. */
static inline void cnw_default_signal(int number) {
    signal(number, SIG_DFL);
}

/* Returns and clears the pending bits (bit n = signal n). */
static inline int cnw_take_pending_signals(void) {
    return __atomic_exchange_n(cnw_pending_signal_bits(), 0, __ATOMIC_SEQ_CST);
}
#endif
