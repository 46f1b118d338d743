/* ui.h - the planner's state, shared by its parts: tui.c runs the one
 * loop and its screen states, actions.c holds one handler per action,
 * draw.c paints, input.c reads keys and edits the prompt line, keys.c
 * holds the one table of actions. */
#ifndef SCHAAP_UI_H
#define SCHAAP_UI_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "analysis.h"
#include "catalog.h"
#include "decide.h"
#include "i18n.h"
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
	ACT_UNDO, ACT_REDO, ACT_FOCUS, ACT_JUMP, ACT_FIND, ACT_INFO, ACT_PROFILE, ACT_LEGEND,
	ACT_STRENGTHS, ACT_FOLLOW,
	ACT_SAVE, ACT_SAVE_AS, ACT_HELP, ACT_REDRAW, ACT_QUIT,
	ACT_WHATIF, ACT_CANDIDATES,
	ACT_COUNT
};

/* Stands in the table for the digits 1 to 9. */
#define KEY_DIGIT (KEY_MAX + 1)

/* What ui_getkey returns besides keys: the test script ended; the
 * terminal hung up or its input ended; a character wider than ASCII,
 * left in *ch. 0 means nothing was pressed (a timeout or a signal). */
#define UI_KEY_END (-1)
#define UI_KEY_HANGUP (KEY_MAX + 2)
#define UI_KEY_WIDE 0x10000000

struct ui;

struct action {
	enum act id;
	const char *name;   /* stable name, used in the man page */
	int keys[4];        /* 0-terminated */
	const char *help;   /* one line for the help screen */
	const char *hint;   /* short label for the hint bar, or NULL */
	void (*run)(struct ui *ui, int key);
};

extern const struct action actions[];
extern const int nactions;

/* The action bound to @key (a curses key code or character), or NULL. */
const struct action *action_for_key(int key);

/* "Left", "Space", "Ctrl-R", "h": how @key is written for people. */
const char *key_label(int key);

/* Print the key table, one action a line: name, keys, help (tab separated). */
void actions_print(FILE *out);

enum focus { FOCUS_GRID, FOCUS_FINDINGS };

struct teamfile_text;

/* The screen states of the one loop: each has a draw and a key function
 * in tui.c, and every state hears the signals and the hang-up there. */
enum mode { MODE_GRID, MODE_HELP, MODE_PROFILE, MODE_LEGEND, MODE_PROMPT, MODE_ASK, MODE_LOAD_ERROR,
	    MODE_KNOCKOUT, MODE_CANDIDATES };

#define PROMPT_MAX 8192

/* The line being edited on the bottom row. @done gets the answer when
 * Enter is pressed; Escape, Ctrl-G and Ctrl-C cancel. */
struct prompt {
	char question[256];
	char text[PROMPT_MAX];
	size_t len, cur;         /* bytes; the cursor is a byte offset */
	bool selected;           /* the filled-in value goes at the first key */
	void (*done)(struct ui *ui, const char *answer);
	void (*cancel)(struct ui *ui);
};

/* A yes/no question on the bottom row. */
struct ask {
	char question[4400];
	void (*yes)(struct ui *ui);
	void (*no)(struct ui *ui);
};

/* The knock-out of one person (decide_view.c). */
#define KO_LINES 48
struct ko_view {
	int row;
	int errors, warnings;
	int n;
	enum severity sev[KO_LINES];
	char lines[KO_LINES][600];
};

/* The ranked candidates for one slot (decide_view.c). */
#define CAND_MAX 9
struct cand_view {
	int slot;
	int n, sel, total, within;
	struct candidate c[CAND_MAX];
	char lines[CAND_MAX][600];
};

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
	enum mode mode;
	int help_first;          /* first help line shown */
	struct prompt prompt;
	struct ask ask;
	char pending[PROMPT_MAX]; /* a file name or name waiting for an answer */
	int pending_fte;         /* the new person's FTE, while adding */
	bool hide_info;          /* the findings panel leaves out info findings */
	char load_error[8192];   /* why the team file did not load (MODE_LOAD_ERROR) */
	int load_error_line;
	struct timespec last_press; /* for double clicks */
	int press_row, press_slot;
	char message[8192];
	bool message_error;
	bool quit;
	bool stale;              /* the grid must be drawn again under a prompt */
	bool colour;
	int status;              /* exit status */
	bool recovered;          /* the plan came from FILE.save */
	struct teamfile_text *text; /* the file as loaded: a save keeps it */

	/* layout, from ui_layout */
	int rows, cols;
	bool too_small;
	int name_w, left_w, cell_w;
	int head_y, grid_y, grid_h, sum_y, detail_y, find_y, find_h, hint_y;

	struct ko_view ko;
	struct cand_view cand;

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
/* One line of prose, cut at a word with an ellipsis when too long. */
void put_line(int y, int x, int w, const char *s, attr_t attr);
void draw_help(struct ui *ui, int first);
void draw_profile(struct ui *ui);
/* The person row and slot under screen position (@y, @x): false if no
 * person is there; *@on_cell is false on the name and figures. */
bool ui_hit_cell(const struct ui *ui, int y, int x, int *row, int *slot, bool *on_cell);

void draw_legend(struct ui *ui);
int legend_lines(void);
void draw_load_error(struct ui *ui);
/* The findings the panel lists: all, or all but the info findings. */
int findings_shown(const struct ui *ui);
void draw_prompt(struct ui *ui);
void draw_ask(struct ui *ui);

/* input.c */
/* The next key: a curses key code (KEY_*), a character, UI_KEY_WIDE with
 * the character in *@ch, UI_KEY_HANGUP when the terminal is gone or its
 * input ended, UI_KEY_END when a test script ends, or 0 when nothing was
 * pressed within half a second or a signal came. Never blocks longer. */
int ui_getkey(struct ui *ui, wint_t *ch);
/* Whether more keys wait already (a paste): drawing can wait for them. */
bool ui_keys_waiting(const struct ui *ui);
/* Edit the prompt line with @key; returns false for a key it does not
 * take (Enter, Escape and the like are the caller's). Linear in the
 * line's length at worst. */
bool prompt_edit(struct prompt *pr, int key, wint_t ch);
/* The first byte of the prompt text to show so that the cursor fits in
 * @room columns, and the cursor's column from there. */
size_t prompt_window(const struct prompt *pr, int room, int *cursor_col);
/* The mouse event behind the last KEY_MOUSE. */
bool ui_mouse(MEVENT *ev);
void ui_dump(struct ui *ui);
int ui_script_open(struct ui *ui);

/* tui.c: set by the signal handler, read by the loop */
extern volatile int ui_signal;

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Open the prompt (the value @initial filled in) or the question; the
 * loop calls back when it is answered. */
void ui_prompt(struct ui *ui, const char *question, const char *initial,
	       void (*done)(struct ui *, const char *), void (*cancel)(struct ui *));
void ui_ask(struct ui *ui, const char *question, void (*yes)(struct ui *), void (*no)(struct ui *));

/* tui.c: saving, used by the actions */
void ui_save(struct ui *ui);
void ui_save_as(struct ui *ui);
void ui_reanalyse(struct ui *ui);

/* actions.c: one handler per action, named in the key table */
void act_left(struct ui *ui, int key);
void act_right(struct ui *ui, int key);
void act_up(struct ui *ui, int key);
void act_down(struct ui *ui, int key);
void act_page_up(struct ui *ui, int key);
void act_page_down(struct ui *ui, int key);
void act_first_slot(struct ui *ui, int key);
void act_last_slot(struct ui *ui, int key);
void act_first_person(struct ui *ui, int key);
void act_last_person(struct ui *ui, int key);
void act_toggle(struct ui *ui, int key);
void act_more(struct ui *ui, int key);
void act_less(struct ui *ui, int key);
void act_share(struct ui *ui, int key);
void act_lead(struct ui *ui, int key);
void act_add(struct ui *ui, int key);
void act_rename(struct ui *ui, int key);
void act_delete(struct ui *ui, int key);
void act_fte(struct ui *ui, int key);
void act_external(struct ui *ui, int key);
void act_note(struct ui *ui, int key);
void act_strengths(struct ui *ui, int key);
void act_follow(struct ui *ui, int key);
void act_move_up(struct ui *ui, int key);
void act_move_down(struct ui *ui, int key);
void act_need(struct ui *ui, int key);
void act_team_name(struct ui *ui, int key);
void act_undo(struct ui *ui, int key);
void act_redo(struct ui *ui, int key);
void act_focus(struct ui *ui, int key);
void act_jump(struct ui *ui, int key);
void act_find(struct ui *ui, int key);
void act_info(struct ui *ui, int key);
void act_legend(struct ui *ui, int key);
void act_profile(struct ui *ui, int key);
void act_save(struct ui *ui, int key);
void act_save_as(struct ui *ui, int key);
void act_help(struct ui *ui, int key);
void act_redraw(struct ui *ui, int key);
void act_quit(struct ui *ui, int key);
void act_click(struct ui *ui);
void act_whatif(struct ui *ui, int key);
void act_candidates(struct ui *ui, int key);

/* decide_view.c: the knock-out and candidates views */
void knockout_key(struct ui *ui, int key);
void draw_knockout(struct ui *ui);
bool knockout_struck(const struct ui *ui, int row);
void candidates_key(struct ui *ui, int key);
void draw_candidates(struct ui *ui);

#endif
