/* undo.c - a list of edit records with their before and after states.
 *
 * Person edits keep whole snapshots of the person: a person is small
 * (a few strings and one cell per slot), and a snapshot makes every
 * person edit undo the same way. */
#include "undo.h"

#include <stdlib.h>
#include <string.h>

enum rec_kind { REC_PERSON, REC_INSERT, REC_REMOVE, REC_MOVE, REC_NEED, REC_TEAM };

struct undo_rec {
	enum rec_kind kind;
	int row, row2, slot;
	struct person *before, *after; /* snapshots owned by the record */
	int need_before, need_after;
	char *text_before, *text_after;
};

void undo_init(struct undo *u)
{
	memset(u, 0, sizeof *u);
}

static void rec_free(struct undo_rec *r)
{
	person_free(r->before);
	person_free(r->after);
	free(r->text_before);
	free(r->text_after);
}

void undo_release(struct undo *u)
{
	int i;

	for (i = 0; i < u->n; i++)
		rec_free(&u->recs[i]);
	free(u->recs);
	undo_init(u);
}

bool undo_can_undo(const struct undo *u)
{
	return u->pos > 0;
}

bool undo_can_redo(const struct undo *u)
{
	return u->pos < u->n;
}

bool undo_dirty(const struct undo *u)
{
	return u->pos != u->saved;
}

void undo_mark_saved(struct undo *u)
{
	u->saved = u->pos;
}

/* Make room for one more record after dropping the redo tail. */
static struct undo_rec *push(struct undo *u)
{
	struct undo_rec *r;
	int i;

	for (i = u->pos; i < u->n; i++)
		rec_free(&u->recs[i]);
	u->n = u->pos;
	if (u->saved > u->n)
		u->saved = -1; /* the saved state can no longer be reached */
	if (u->n == u->cap) {
		int cap = u->cap ? u->cap * 2 : 64;
		struct undo_rec *grown = realloc(u->recs, (size_t)cap * sizeof *grown);

		if (!grown)
			return NULL;
		u->recs = grown;
		u->cap = cap;
	}
	r = &u->recs[u->n];
	memset(r, 0, sizeof *r);
	r->slot = -1;
	return r;
}

static void commit(struct undo *u)
{
	u->n++;
	u->pos = u->n;
}

/* Swap the person at @row for a clone of @snapshot. */
static bool restore(struct plan *p, int row, const struct person *snapshot)
{
	struct person *copy = person_clone(snapshot, p->cat->nslots);
	bool id_changed;

	if (!copy)
		return false;
	id_changed = strcmp(p->people[row]->id, copy->id) != 0;
	person_free(p->people[row]);
	p->people[row] = copy;
	if (id_changed)
		p->version++;
	return true;
}

static bool apply(struct plan *p, const struct undo_rec *r, bool forward,
		  struct undo_place *where)
{
	struct person *copy;

	where->row = -1;
	where->slot = r->slot;
	switch (r->kind) {
	case REC_PERSON:
		where->row = r->row;
		return restore(p, r->row, forward ? r->after : r->before);
	case REC_INSERT:
	case REC_REMOVE:
		if ((r->kind == REC_INSERT) == forward) {
			copy = person_clone(r->kind == REC_INSERT ? r->after : r->before,
					    p->cat->nslots);
			if (!copy || plan_put_person(p, copy, r->row) < 0) {
				person_free(copy);
				return false;
			}
			where->row = r->row;
		} else {
			person_free(plan_take_person(p, r->row));
			where->row = r->row < p->npeople ? r->row : p->npeople - 1;
		}
		return true;
	case REC_MOVE:
		plan_move_person(p, forward ? r->row : r->row2, forward ? r->row2 : r->row);
		where->row = forward ? r->row2 : r->row;
		return true;
	case REC_NEED:
		p->need[r->slot] = forward ? r->need_after : r->need_before;
		return true;
	case REC_TEAM:
		return plan_set_team_name(p, forward ? r->text_after : r->text_before, NULL) == 0;
	}
	return false;
}

bool undo_undo(struct undo *u, struct plan *p, struct undo_place *where)
{
	if (!undo_can_undo(u) || !apply(p, &u->recs[u->pos - 1], false, where))
		return false;
	u->pos--;
	return true;
}

bool undo_redo(struct undo *u, struct plan *p, struct undo_place *where)
{
	if (!undo_can_redo(u) || !apply(p, &u->recs[u->pos], true, where))
		return false;
	u->pos++;
	return true;
}

/* ---- person edits: snapshot, change, snapshot --------------------------- */

enum person_change {
	CH_CELL, CH_NAME, CH_ID, CH_NOTE, CH_FTE, CH_EXTERNAL, CH_STRENGTHS, CH_FOLLOWS
};

struct change {
	enum person_change what;
	int slot, share, number;
	uint32_t mask;
	bool flag;
	const char *text;
};

static int change_person(struct undo *u, struct plan *p, int row, const struct change *c,
			 struct error *err)
{
	struct person *before, *after;
	struct undo_rec *r;
	int rc = 0;

	if (row < 0 || row >= p->npeople) {
		error_set(err, NULL, 0, "no such person");
		return -1;
	}
	before = person_clone(p->people[row], p->cat->nslots);
	if (!before)
		goto oom;
	switch (c->what) {
	case CH_CELL: rc = plan_set_cell(p, row, c->slot, c->share, c->flag, err); break;
	case CH_NAME: rc = plan_set_person_name(p, row, c->text, err); break;
	case CH_ID: rc = plan_set_person_id(p, row, c->text, err); break;
	case CH_NOTE: rc = plan_set_person_note(p, row, c->text, err); break;
	case CH_FTE: rc = plan_set_person_fte(p, row, c->number, err); break;
	case CH_EXTERNAL: plan_set_person_external(p, row, c->flag); break;
	case CH_STRENGTHS:
		rc = plan_set_person_strengths(p, row, c->flag, c->mask, err);
		break;
	case CH_FOLLOWS: rc = plan_set_follows(p, row, c->slot, c->flag, err); break;
	}
	if (rc < 0) {
		person_free(before);
		return -1;
	}
	after = person_clone(p->people[row], p->cat->nslots);
	r = after ? push(u) : NULL;
	if (!r) {
		/* put the person back as it was */
		restore(p, row, before);
		person_free(before);
		person_free(after);
		goto oom;
	}
	r->kind = REC_PERSON;
	r->row = row;
	r->slot = c->what == CH_CELL || c->what == CH_FOLLOWS ? c->slot : -1;
	r->before = before;
	r->after = after;
	commit(u);
	return 0;
oom:
	error_set(err, NULL, 0, "out of memory");
	return -1;
}

int edit_cell(struct undo *u, struct plan *p, int row, int slot, int share, bool lead,
	      struct error *err)
{
	struct change c = { .what = CH_CELL, .slot = slot, .share = share, .flag = lead };

	return change_person(u, p, row, &c, err);
}

int edit_person_name(struct undo *u, struct plan *p, int row, const char *name,
		     struct error *err)
{
	struct change c = { .what = CH_NAME, .text = name };

	if (!*name) {
		error_set(err, NULL, 0, "a name cannot be empty");
		return -1;
	}
	return change_person(u, p, row, &c, err);
}

int edit_person_id(struct undo *u, struct plan *p, int row, const char *id, struct error *err)
{
	struct change c = { .what = CH_ID, .text = id };

	return change_person(u, p, row, &c, err);
}

int edit_person_note(struct undo *u, struct plan *p, int row, const char *note,
		     struct error *err)
{
	struct change c = { .what = CH_NOTE, .text = note };

	return change_person(u, p, row, &c, err);
}

int edit_person_fte(struct undo *u, struct plan *p, int row, int fte, struct error *err)
{
	struct change c = { .what = CH_FTE, .number = fte };

	return change_person(u, p, row, &c, err);
}

int edit_person_external(struct undo *u, struct plan *p, int row, bool external,
			 struct error *err)
{
	struct change c = { .what = CH_EXTERNAL, .flag = external };

	return change_person(u, p, row, &c, err);
}

int edit_person_strengths(struct undo *u, struct plan *p, int row, bool known, uint32_t legs,
			  struct error *err)
{
	struct change c = { .what = CH_STRENGTHS, .flag = known, .mask = legs };

	return change_person(u, p, row, &c, err);
}

int edit_follows(struct undo *u, struct plan *p, int row, int slot, bool follows,
		 struct error *err)
{
	struct change c = { .what = CH_FOLLOWS, .slot = slot, .flag = follows };

	return change_person(u, p, row, &c, err);
}

int edit_add_person(struct undo *u, struct plan *p, const char *name, int at,
		    struct error *err)
{
	char id[ID_MAX + 1];
	struct undo_rec *r;
	struct person *snap;
	int row;

	if (!*name) {
		error_set(err, NULL, 0, "a name cannot be empty");
		return -1;
	}
	plan_unique_id(p, name, id);
	row = plan_add_person(p, id, name, at, err);
	if (row < 0)
		return -1;
	snap = person_clone(p->people[row], p->cat->nslots);
	r = snap ? push(u) : NULL;
	if (!r) {
		person_free(snap);
		person_free(plan_take_person(p, row));
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	r->kind = REC_INSERT;
	r->row = row;
	r->after = snap;
	commit(u);
	return row;
}

int edit_delete_person(struct undo *u, struct plan *p, int row, struct error *err)
{
	struct undo_rec *r;

	if (row < 0 || row >= p->npeople) {
		error_set(err, NULL, 0, "no such person");
		return -1;
	}
	r = push(u);
	if (!r) {
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	r->kind = REC_REMOVE;
	r->row = row;
	r->before = plan_take_person(p, row);
	commit(u);
	return 0;
}

int edit_move_person(struct undo *u, struct plan *p, int from, int to, struct error *err)
{
	struct undo_rec *r;

	if (from < 0 || to < 0 || from >= p->npeople || to >= p->npeople || from == to) {
		error_set(err, NULL, 0, "cannot move there");
		return -1;
	}
	r = push(u);
	if (!r) {
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	plan_move_person(p, from, to);
	r->kind = REC_MOVE;
	r->row = from;
	r->row2 = to;
	commit(u);
	return 0;
}

int edit_need(struct undo *u, struct plan *p, int slot, int need, struct error *err)
{
	int before = p->need[slot];
	struct undo_rec *r;

	if (plan_set_need(p, slot, need, err) < 0)
		return -1;
	r = push(u);
	if (!r) {
		p->need[slot] = before;
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	r->kind = REC_NEED;
	r->slot = slot;
	r->need_before = before;
	r->need_after = need;
	commit(u);
	return 0;
}

int edit_team_name(struct undo *u, struct plan *p, const char *name, struct error *err)
{
	char *before = strdup(p->name), *after = strdup(name);
	struct undo_rec *r;

	if (!before || !after)
		goto oom;
	if (plan_set_team_name(p, name, err) < 0) {
		free(before);
		free(after);
		return -1;
	}
	r = push(u);
	if (!r) {
		plan_set_team_name(p, before, NULL);
		goto oom;
	}
	r->kind = REC_TEAM;
	r->text_before = before;
	r->text_after = after;
	commit(u);
	return 0;
oom:
	free(before);
	free(after);
	error_set(err, NULL, 0, "out of memory");
	return -1;
}
