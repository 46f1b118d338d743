/* ui.h - the planner's state, shared by its parts (tui.c runs the loop
 * and the actions, draw.c paints, input.c reads keys and prompts,
 * keys.c holds the one table of actions). */
#ifndef SCHAAP_UI_H
#define SCHAAP_UI_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "analysis.h"
#include "catalog.h"
#include "plan.h"
#include "undo.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>

#define MIN_COLS 50
#define MIN_ROWS 16

enum act {
	ACT_NONE,
	ACT_LEFT, ACT_RIGHT, ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN,
	ACT_FIRST_SLOT, ACT_LAST_SLOT, ACT_FIRST_PERSON, ACT_LAST_PERSON,
	ACT_TOGGLE, ACT_MORE, ACT_LESS, ACT_SHARE, ACT_LEAD,
	ACT_ADD, ACT_RENAME, ACT_DELETE, ACT_FTE, ACT_EXTERNAL, ACT_NOTE,
	ACT_MOVE_UP, ACT_MOVE_DOWN, ACT_NEED, ACT_TEAM_NAME,
	ACT_UNDO, ACT_REDO, ACT_FOCUS, ACT_JUMP, ACT_PROFILE,
	ACT_SAVE, ACT_SAVE_AS, ACT_HELP, ACT_REDRAW, ACT_QUIT,
	ACT_COUNT
};

/* Stands in the table for the digits 1 to 9. */
#define KEY_DIGIT (KEY_MAX + 1)

struct action {
	enum act id;
	const char *name;   /* stable name, used in the man page */
	int keys[4];        /* 0-terminated */
	const char *help;   /* one line for the help screen */
	const char *hint;   /* short label for the hint bar, or NULL */
};

extern const struct action actions[];
extern const int nactions;

/* The action bound to @key (a curses key code or character), or ACT_NONE. */
enum act action_for_key(int key);

/* "Left", "Space", "Ctrl-R", "h": how @key is written for people. */
const char *key_label(int key);

/* Print the key table, one action a line: name, keys, help (tab separated). */
void actions_print(FILE *out);

enum focus { FOCUS_GRID, FOCUS_FINDINGS };

struct teamfile_text;

struct file_stamp {
	bool known;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

struct ui {
	const struct catalog *cat;
	struct plan *plan;
	struct analysis an;
	struct undo undo;
	char *path;              /* NULL for an untitled plan */
	struct file_stamp stamp; /* the file as last loaded or saved */

	int row, slot;           /* cursor: person row, slot column */
	int top, left;           /* first person row and first slot shown */
	enum focus focus;
	int sel, sel_top;        /* findings panel selection and scroll */
	char message[8192];
	bool message_error;
	bool quit;
	bool colour;
	int status;              /* exit status */
	bool recovered;          /* the plan came from FILE.save */
	struct teamfile_text *text; /* the file as loaded: a save keeps it */

	/* layout, from ui_layout */
	int rows, cols;
	bool too_small;
	int name_w, left_w, cell_w;
	int head_y, grid_y, grid_h, sum_y, detail_y, find_y, find_h, hint_y;

	/* scripted test mode */
	FILE *script;
	FILE *dump;
};

/* Colour roles. */
enum role {
	ROLE_NORMAL = 1, ROLE_TITLE, ROLE_HEADER, ROLE_ROLES, ROLE_TASKS, ROLE_CURSOR, ROLE_ERROR,
	ROLE_WARNING, ROLE_INFO, ROLE_OK, ROLE_MUTED, ROLE_HINT, ROLE_SELECT, ROLE_COUNT
};
attr_t role_attr(const struct ui *ui, enum role r);
void colours_init(struct ui *ui);

/* draw.c */
void ui_layout(struct ui *ui);
void ui_draw(struct ui *ui);
void ui_scroll_into_view(struct ui *ui);
/* Put @s at (@y, @x), escaped and cut to @w columns (padded when @pad). */
void put_text(int y, int x, int w, const char *s, attr_t attr, bool pad);
void draw_help(struct ui *ui, int first);
void draw_profile(struct ui *ui);
/* The grid cell under screen position (@y, @x): returns false if none. */
bool ui_hit_cell(const struct ui *ui, int y, int x, int *row, int *slot);

/* input.c */
/* The next key: a curses key code (KEY_*) or a character. Returns -1 when
 * a script ends, 0 on a timeout with nothing pressed. */
int ui_getkey(struct ui *ui, wint_t *ch);
/* A line of input on the bottom row. Returns false when cancelled. */
bool ui_prompt(struct ui *ui, const char *question, const char *initial, char *out, size_t n);
/* A yes/no question; returns true for yes. */
bool ui_ask(struct ui *ui, const char *question);
/* The mouse event behind the last KEY_MOUSE. */
bool ui_mouse(MEVENT *ev);
void ui_dump(struct ui *ui);
int ui_script_open(struct ui *ui);

/* tui.c: set by the signal handler, read by the loop */
extern volatile int ui_signal;

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
