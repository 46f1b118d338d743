/* report.h - the board report as one table model (SPEC section 8).
 *
 * report_build turns one analysed plan into facts and tables, once; a
 * writer per format (Markdown, HTML, CSV, and check's text and TSV) only
 * lays them out, so a new format is one file that walks this model.
 *
 * Every string in the model is free of control characters and stray
 * bytes (they are already turned into visible escapes such as "\x1b"),
 * but it is not escaped for any format: `<`, `&`, `|`, quotes and
 * backslashes are the writer's business.
 *
 * Each piece of text comes twice: `text` for people (labels, names,
 * figures with units) and `value` for scripts (ids, point decimals, plain
 * numbers, codes). A writer for people reads text, one for scripts reads
 * value. Core code: no curses, no iniparser, no I/O. */
#ifndef SCHAAP_REPORT_H
#define SCHAAP_REPORT_H

#include <stdbool.h>

#include "analysis.h"

/* The colour a cell would have, from the state it reports. Writers that
 * use colour must also show the text (a symbol), so black and white
 * reads the same. */
enum report_tone {
	TONE_NONE,
	TONE_ERROR,   /* uncovered */
	TONE_WARNING, /* a warning on the slot, an over-load, a sheep */
	TONE_THIN,    /* one holder only */
	TONE_OK,
	TONE_OFF,     /* not needed in this team */
};

enum report_align { ALIGN_LEFT, ALIGN_RIGHT };

struct report_cell {
	const char *text;  /* for people; "" when empty */
	const char *value; /* for scripts; "" when empty */
	enum report_tone tone;
	int severity;      /* enum severity of what the cell shows, or -1 */
	bool mark;         /* grid: the holder is lead */
};

struct report_column {
	const char *key;   /* for scripts: "slot", "staffed_fte", a slot id */
	const char *title; /* for people */
	enum report_align align;
	bool hidden;       /* only for writers that print values */
	int group;         /* column group (index into groups), or -1 */
};

struct report_table {
	const char *id;    /* "people", "grid", "coverage", "error", ... */
	const char *title;
	const char *note;  /* a sentence under the title, or "" */
	int level;         /* heading level: 2 a section, 3 within one */
	int ncols, nrows;  /* a table of no columns is a heading only */
	int foot;          /* the last @foot rows sum up the others */
	struct report_column *cols;
	struct report_cell *cells;  /* nrows x ncols, row by row */
	int *row_group;    /* per row: group index, or -1 */
	const char *groups[4];      /* titles of row or column groups */
	const char *group_keys[4];  /* the same for scripts */
	int ngroups;
};

struct report_fact {
	const char *key;   /* "team", "file", "reports_to", "people", ... */
	const char *title;
	const char *text;
	const char *value;
};

struct report_chunk;

struct report {
	const char *title; /* the team's name, or a stand-in */
	struct report_fact facts[12];
	int nfacts;
	struct report_table tables[12];
	int ntables;
	int count[SEV_COUNT];
	int npeople;
	struct report_chunk *pool; /* every string and array above */
};

/* Build the report of the analysed plan @a (see analysis_run), read
 * from @file. @date is shown as given, or not at all when NULL. Returns
 * NULL when memory runs out. */
struct report *report_build(const struct analysis *a, const char *file, const char *date);
void report_free(struct report *r);

/* The table with @id, or NULL. */
const struct report_table *report_table(const struct report *r, const char *id);

/* The fact with @key, or NULL. */
const struct report_fact *report_fact(const struct report *r, const char *key);

/* The column of @t with @key, or -1. */
int report_column(const struct report_table *t, const char *key);

/* The cell at @row, @col of @t. */
const struct report_cell *report_cell(const struct report_table *t, int row, int col);

/* The cell at @row in the column @key (an empty cell when there is no
 * such column). */
const struct report_cell *report_cell_at(const struct report_table *t, int row, const char *key);

/* What the finding @code ("no-lead") is called on the board ("No lead"),
 * or @code itself when the report does not know it; and what to do about
 * it, or "". */
const char *report_rule_title(const char *code);
const char *report_rule_advice(const char *code);

/* A load bar of @load percent against @max_load in text: ten cells for
 * the allowed load, filled and empty, and a different glyph for each
 * tenth over it. */
void report_load_bar(int load, int max_load, char *out, size_t n);

#endif
