/* undo.h - edits that can be undone and redone, without limit.
 *
 * Every change the planner makes to a plan goes through an edit_*
 * function: it validates, applies and records the change with its before
 * and after state. A new edit drops the redo tail. The history knows
 * which position was last saved, so "unsaved changes" survives undoing
 * back to the saved state. */
#ifndef SCHAAP_UNDO_H
#define SCHAAP_UNDO_H

#include <stdbool.h>

#include "error.h"
#include "plan.h"

struct undo_rec;

struct undo {
	struct undo_rec *recs;
	int n;      /* records kept */
	int pos;    /* records applied; undo steps back from here */
	int cap;
	int saved;  /* pos at the last save or load, -1 when unreachable */
};

/* Where an undone or redone edit happened, for the cursor. */
struct undo_place {
	int row;  /* -1 when no person row applies */
	int slot; /* -1 when no slot applies */
};

void undo_init(struct undo *u);
void undo_release(struct undo *u);

bool undo_can_undo(const struct undo *u);
bool undo_can_redo(const struct undo *u);

/* Step back or forward one edit. Returns false when there is none or
 * memory ran out (the plan is then unchanged). */
bool undo_undo(struct undo *u, struct plan *p, struct undo_place *where);
bool undo_redo(struct undo *u, struct plan *p, struct undo_place *where);

/* Changes since the last undo_mark_saved. */
bool undo_dirty(const struct undo *u);
void undo_mark_saved(struct undo *u);

/* The edits. Each returns 0, or -1 with @err set and the plan unchanged. */
int edit_cell(struct undo *u, struct plan *p, int row, int slot, int share, bool lead,
	      struct error *err);
int edit_person_name(struct undo *u, struct plan *p, int row, const char *name,
		     struct error *err);
int edit_person_id(struct undo *u, struct plan *p, int row, const char *id,
		   struct error *err);
int edit_person_note(struct undo *u, struct plan *p, int row, const char *note,
		     struct error *err);
int edit_person_fte(struct undo *u, struct plan *p, int row, int fte, struct error *err);
int edit_person_external(struct undo *u, struct plan *p, int row, bool external,
			 struct error *err);
/* The person's strengths (a leg mask; @known false: not known), and
 * whether the person follows up @slot (refused for an external). */
int edit_person_strengths(struct undo *u, struct plan *p, int row, bool known, uint32_t legs,
			  struct error *err);
int edit_follows(struct undo *u, struct plan *p, int row, int slot, bool follows,
		 struct error *err);
/* Add a person named @name with an id derived from it; returns the row. */
int edit_add_person(struct undo *u, struct plan *p, const char *name, int at,
		    struct error *err);
int edit_delete_person(struct undo *u, struct plan *p, int row, struct error *err);
int edit_move_person(struct undo *u, struct plan *p, int from, int to, struct error *err);
int edit_need(struct undo *u, struct plan *p, int slot, int need, struct error *err);
int edit_team_name(struct undo *u, struct plan *p, const char *name, struct error *err);

#endif
