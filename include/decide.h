/* decide.h - the manager's decisions of SPEC section 7: what changed
 * between two plans, what an absence would do, and who could take a slot.
 *
 * Findings are compared as facts: a finding frozen with its subject's id
 * and its message, so two plans (or one plan before and after an edit)
 * compare without sharing rows. A finding is known by its code and its
 * subject (and, for poor-combination, by its pair): the same key with
 * another message is `changed`, not gone and new.
 *
 * The knock-out table and the suggestions never run the whole analysis
 * per person or per candidate: a decide context keeps the analysis of the
 * plan as it is and re-evaluates only what one change touches (a removal:
 * the person's slots and the team rules; a candidate cell: that slot,
 * that person and the team rules). */
#ifndef SCHAAP_DECIDE_H
#define SCHAAP_DECIDE_H

#include <stdbool.h>

#include "analysis.h"
#include "plan.h"

/* ---- facts and their diff ---- */

struct fact {
	enum finding_code code;
	enum severity sev;
	enum subject_kind kind;
	char subject[ID_MAX + 1]; /* slot id, person id or "team" */
	int detail;               /* poor-combination: the pair; else 0 */
	char *message;            /* unescaped: may hold names from the file */
};

struct factset {
	struct fact *v;
	int n;
	int count[SEV_COUNT];
};

/* Freeze the findings of @a (whose plan must still be as analysed), in
 * report order. Returns 0 or -1 when memory runs out (@fs then empty). */
int factset_take(struct factset *fs, const struct analysis *a);
void factset_free(struct factset *fs);

enum fact_status { FACT_NEW, FACT_GONE, FACT_CHANGED, FACT_STATUSES };

struct fact_change {
	enum fact_status status;
	const struct fact *before; /* NULL for new */
	const struct fact *after;  /* NULL for gone */
};

struct fact_diff {
	struct fact_change *v; /* new, then gone, then changed; report order within */
	int n;
	int count[FACT_STATUSES];
	int worse; /* errors and warnings new or changed */
};

/* Compare two fact sets. The diff points into both: keep them alive. */
int fact_diff(struct fact_diff *d, const struct factset *before, const struct factset *after);
void fact_diff_free(struct fact_diff *d);

const char *fact_status_name(enum fact_status s);

/* ---- what changed in the plan ---- */

enum plan_change_op { PC_ADDED = '+', PC_REMOVED = '-', PC_MODIFIED = 'M' };

struct plan_change {
	char op;                 /* '+', '-' or 'M' */
	char who[ID_MAX + 1];    /* person id, "team" or "needs" */
	char what[ID_MAX + 1];   /* field or slot id; "" for a whole person */
	char *before, *after;    /* values as text ("-" when absent) */
};

struct plan_diff {
	struct plan_change *v;
	int n;
};

/* People (by id) added and removed; name, fte, external, note and cells
 * of the people in both; needs; team fields. Both plans share a catalog. */
int plan_diff(struct plan_diff *d, const struct plan *before, const struct plan *after);
void plan_diff_free(struct plan_diff *d);

/* ---- effects of one change, found incrementally ---- */

/* One finding an effect creates or clears. */
struct effect_item {
	enum finding_code code;
	enum subject_kind kind;
	int subject; /* slot index or person row of the base plan; 0: team */
	int detail;
	bool cleared;
};

#define EFFECT_ITEMS 48

/* What a change does to errors and warnings (info is left out). */
struct effect {
	int cleared[SEV_INFO]; /* by severity: errors, warnings */
	int created[SEV_INFO];
	int nitems;            /* may exceed EFFECT_ITEMS; items kept up to it */
	struct effect_item items[EFFECT_ITEMS];
};

struct decide;

/* A context over @a, the current analysis of its plan. It reads the
 * analysis, and sets one cell of the plan for the length of a decide_cell
 * (to let the analysis recompute that person's figures), putting it back
 * before it returns. Rebuild it (decide_free, decide_new) after any edit. */
struct decide *decide_new(const struct analysis *a);
void decide_free(struct decide *d);

/* The effect of removing the people at @rows (@n of them, distinct). */
void decide_removal(struct decide *d, const int *rows, int n, struct effect *e);

/* The effect of setting one cell of @row in @slot. */
void decide_cell(struct decide *d, int row, int slot, int share, bool lead, struct effect *e);

/* The subject id of an item, against the base plan. */
const char *effect_subject(const struct decide *d, const struct effect_item *it);

/* The cleared (or created) ones of @n items as "uncovered training,
 * no-owner" into @buf; "" when there are none. Returns the length. */
size_t effect_items_text(const struct decide *d, const struct effect_item *items, int n,
			 bool cleared, char *buf, size_t size);

/* ---- the knock-out table and the bus factor ---- */

struct knockout_row {
	int row;
	int errors, warnings; /* created by this person's absence alone */
	bool uncovers;        /* creates an uncovered slot */
	int first, nitems;    /* their created items in knockout.items */
};

struct knockout {
	struct knockout_row *rows; /* worst first: errors, warnings, then id */
	int nrows;
	struct effect_item *items;
	int nitems;
	int bus;      /* 1..3; 4 means more than 3; 0: no needed slot is covered */
	int bus_slot; /* a slot the bus factor's people hold (first by id), or -1 */
};

int knockout_run(struct decide *d, struct knockout *k);
void knockout_free(struct knockout *k);

/* The bus factor as text: "1", "2", "3", ">3" or "none". */
const char *knockout_bus_text(int bus);

/* ---- suggestions ---- */

/* The findings on a slot that suggest acts on, in the order it names
 * them (uncovered, understaffed, no-lead, external-only); their number in
 * *@n. */
const enum finding_code *suggest_codes(int *n);

/* Whether @slot has a finding suggest acts on (suggest_codes). */
bool suggest_wanted(const struct analysis *a, int slot);

struct candidate {
	int row;
	int share;       /* the cell's share after (percent) */
	int share_before;
	bool lead;
	int load;        /* the person's load after */
	bool over;       /* the load after is above max_load */
	uint32_t fit;    /* legs the slot asks for that the person has */
	int nfit;
	int err_gain;    /* errors cleared minus created */
	int warn_gain;   /* warnings cleared minus created */
};

/* Rank the candidates for @slot, best first, into @out (room for @max).
 * Returns how many were written; *@total (when not NULL) gets how many
 * there were in all, *@within how many of those stay within max_load.
 * Candidates over the load limit rank after every other. */
int suggest_slot(struct decide *d, int slot, struct candidate *out, int max,
		 int *total, int *within);

/* The ranking, as a comparison: below 0 when @x ranks before @y. Over the
 * load limit last; then errors cleared minus created, warnings, fit (more
 * first), load after (less first), then the person's id in @p (when
 * @p is not NULL). */
int suggest_rank(const struct plan *p, const struct candidate *x, const struct candidate *y);

/* The effect of a candidate, with its items, for showing why. */
void suggest_effect(struct decide *d, int slot, const struct candidate *c, struct effect *e);

/* A candidate as a manager reads it, with @e from suggest_effect:
 * "Mirjam de Boer +10% \u2014 clears uncovered training; creates nothing;
 * load 20%; has organising". The name is not escaped. */
void suggest_line(const struct decide *d, const struct candidate *c, const struct effect *e,
		  char *buf, size_t size);

#endif
