/* The floor: the least an ncurses program can do to show a question.
 * One box, a title, a 10-option list with a highlighted line; Up/Down move the
 * highlight (only the two changed lines are redrawn by curses), Enter or q quits.
 * Built by `make bench` with: cc -O2 -o box box.c -lncursesw */
#define _XOPEN_SOURCE_EXTENDED 1
#include <curses.h>
#include <locale.h>

static const char *options[10] = {
    "A rash", "Muscle weakness", "Both at once", "Muscle pain", "Joint pain",
    "Tiredness", "Trouble swallowing", "Shortness of breath", "Something else", "Not sure",
};

static void line(WINDOW *w, int i, int selected) {
    if (i == selected) wattron(w, A_REVERSE);
    mvwprintw(w, 3 + i, 4, "(%c) %-30s", i == selected ? '*' : ' ', options[i]);
    if (i == selected) wattroff(w, A_REVERSE);
}

int main(void) {
    setlocale(LC_ALL, "");
    initscr();
    raw();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    WINDOW *w = newwin(16, 60, 2, 10);
    keypad(w, TRUE);
    box(w, 0, 0);
    mvwprintw(w, 1, 2, "What was the first thing you noticed?");
    int selected = 0;
    for (int i = 0; i < 10; i++) line(w, i, selected);
    mvwprintw(w, 14, 2, "Question 1 of 1");
    wrefresh(w);
    for (;;) {
        int c = wgetch(w);
        int before = selected;
        if (c == KEY_DOWN && selected < 9) selected++;
        else if (c == KEY_UP && selected > 0) selected--;
        else if (c == '\r' || c == '\n' || c == 'q' || c == ERR) break;
        if (before != selected) { line(w, before, selected); line(w, selected, selected); wrefresh(w); }
    }
    endwin();
    return 0;
}
