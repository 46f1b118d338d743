/* decide.c - what changed, what if someone leaves, who could take a slot.
 *
 * The incremental evaluation works on a scratch analysis: a copy of the
 * per-slot and per-person figures of the base analysis. A change patches
 * the figures of the few subjects it touches (a removal: the person's
 * slots; a cell: its slot and its person), asks the rule table
 * (rule_fires) about exactly those subjects and the team, compares with
 * the base, and restores the figures. Slot figures are patched in
 * constant time by analysis_slot_add_cell, the accounting the full
 * analysis counts with: a removal takes the person's cells away, a cell
 * set in the plan for that moment is taken away as it was and added as it
 * would be; a person's figures are recomputed by analysis_update_person. tests/test_decide.c holds every such result against a
 * full analysis_run of the changed plan. */
#include "decide.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define DEFAULT_SHARE 10 /* a share to offer for a slot that needs "someone" */

/* ---- facts ---- */

static char *dup_message(const struct analysis *a, const struct finding *f)
{
	char buf[2048];
	int n = finding_message(a, f, buf, sizeof buf);

	if (n < 0)
		buf[0] = '\0';
	return strdup(buf);
}

void factset_free(struct factset *fs)
{
	int i;

	for (i = 0; i < fs->n; i++)
		free(fs->v[i].message);
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}

int factset_take(struct factset *fs, const struct analysis *a)
{
	int i;

	memset(fs, 0, sizeof *fs);
	fs->v = calloc((size_t)(a->nfindings ? a->nfindings : 1), sizeof *fs->v);
	if (!fs->v)
		return -1;
	for (i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];
		struct fact *x = &fs->v[i];

		x->code = f->code;
		x->sev = finding_severity(f->code);
		x->kind = f->kind;
		snprintf(x->subject, sizeof x->subject, "%s", finding_subject_id(a, f));
		x->detail = f->code == F_POOR_COMBINATION ? f->detail : 0;
		x->message = dup_message(a, f);
		fs->n = i + 1;
		if (!x->message) {
			factset_free(fs);
			return -1;
		}
		fs->count[x->sev]++;
	}
	return 0;
}

static int fact_key_cmp(const struct fact *x, const struct fact *y)
{
	int c;

	if (x->sev != y->sev)
		return x->sev < y->sev ? -1 : 1;
	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	c = strcmp(x->subject, y->subject);
	if (c)
		return c;
	return (x->detail > y->detail) - (x->detail < y->detail);
}

static int fact_ptr_cmp(const void *a, const void *b)
{
	return fact_key_cmp(*(const struct fact *const *)a, *(const struct fact *const *)b);
}

static const struct fact **sorted_facts(const struct factset *fs)
{
	const struct fact **v = malloc((size_t)(fs->n ? fs->n : 1) * sizeof *v);
	int i;

	if (!v)
		return NULL;
	for (i = 0; i < fs->n; i++)
		v[i] = &fs->v[i];
	qsort(v, (size_t)fs->n, sizeof *v, fact_ptr_cmp);
	return v;
}

const char *fact_status_name(enum fact_status s)
{
	static const char *const names[FACT_STATUSES] = { "new", "gone", "changed" };

	return names[s];
}

static int change_cmp(const void *a, const void *b)
{
	const struct fact_change *x = a, *y = b;

	if (x->status != y->status)
		return x->status < y->status ? -1 : 1;
	return fact_key_cmp(x->after ? x->after : x->before, y->after ? y->after : y->before);
}

int fact_diff(struct fact_diff *d, const struct factset *before, const struct factset *after)
{
	const struct fact **b = sorted_facts(before), **a = sorted_facts(after);
	int i = 0, j = 0;

	memset(d, 0, sizeof *d);
	d->v = malloc((size_t)(before->n + after->n + 1) * sizeof *d->v);
	if (!a || !b || !d->v) {
		free(a);
		free(b);
		free(d->v);
		d->v = NULL;
		return -1;
	}
	while (i < before->n || j < after->n) {
		int c = i == before->n ? 1 : j == after->n ? -1 : fact_key_cmp(b[i], a[j]);
		struct fact_change *ch = &d->v[d->n];

		if (c < 0) {
			*ch = (struct fact_change){ FACT_GONE, b[i++], NULL };
		} else if (c > 0) {
			*ch = (struct fact_change){ FACT_NEW, NULL, a[j++] };
		} else {
			if (strcmp(b[i]->message, a[j]->message) == 0) {
				i++;
				j++;
				continue;
			}
			*ch = (struct fact_change){ FACT_CHANGED, b[i++], a[j++] };
		}
		d->count[ch->status]++;
		if (ch->status != FACT_GONE && ch->after->sev != SEV_INFO)
			d->worse++;
		d->n++;
	}
	qsort(d->v, (size_t)d->n, sizeof *d->v, change_cmp);
	free(a);
	free(b);
	return 0;
}

void fact_diff_free(struct fact_diff *d)
{
	free(d->v);
	memset(d, 0, sizeof *d);
}

/* ---- plan changes ---- */

static int add_change(struct plan_diff *d, int *cap, char op, const char *who,
		      const char *what, const char *before, const char *after)
{
	struct plan_change *c;

	if (d->n == *cap) {
		int want = *cap ? *cap * 2 : 16;
		struct plan_change *grown = realloc(d->v, (size_t)want * sizeof *grown);

		if (!grown)
			return -1;
		d->v = grown;
		*cap = want;
	}
	c = &d->v[d->n];
	c->op = op;
	snprintf(c->who, sizeof c->who, "%s", who);
	snprintf(c->what, sizeof c->what, "%s", what);
	c->before = strdup(before);
	c->after = strdup(after);
	if (!c->before || !c->after) {
		free(c->before);
		free(c->after);
		return -1;
	}
	d->n++;
	return 0;
}

void plan_diff_free(struct plan_diff *d)
{
	int i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].before);
		free(d->v[i].after);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}

static void cell_text(const struct cell *c, char *out, size_t n)
{
	if (!c->share)
		snprintf(out, n, "-");
	else
		snprintf(out, n, "%d%s", c->share, c->lead ? " lead" : "");
}

static void need_text(int need, char *out, size_t n)
{
	if (need == NEED_UNSET)
		snprintf(out, n, "-");
	else
		text_format_decimal(need, FTE_DECIMALS, out, n);
}

static int *rows_by_id(const struct plan *p)
{
	int *v = malloc((size_t)(p->npeople ? p->npeople : 1) * sizeof *v);

	if (v)
		plan_rows_by_id(p, v);
	return v;
}

/* Row of @id in @p, through its id order @by_id; -1 when absent. */
static int find_row(const struct plan *p, const int *by_id, const char *id)
{
	int lo = 0, hi = p->npeople - 1;

	while (lo <= hi) {
		int mid = (lo + hi) / 2, c = strcmp(p->people[by_id[mid]]->id, id);

		if (c == 0)
			return by_id[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* A whole person added or removed: their name, then each of their cells. */
static int whole_person(struct plan_diff *d, int *cap, char op, const struct person *x,
			const struct catalog *c)
{
	char v[32];
	int s;

	if (add_change(d, cap, op, x->id, "", op == '+' ? "-" : x->name,
		       op == '+' ? x->name : "-") < 0)
		return -1;
	for (s = 0; s < c->nslots; s++) {
		if (!x->cells[s].share)
			continue;
		cell_text(&x->cells[s], v, sizeof v);
		if (add_change(d, cap, op, x->id, c->slots[s].id, op == '+' ? "-" : v,
			       op == '+' ? v : "-") < 0)
			return -1;
	}
	return 0;
}

int plan_diff(struct plan_diff *d, const struct plan *before, const struct plan *after)
{
	const struct catalog *c = after->cat;
	int *bb = rows_by_id(before), *ab = rows_by_id(after);
	int cap = 0, i, s, rc = -1;
	char x[32], y[32];

	memset(d, 0, sizeof *d);
	if (!bb || !ab)
		goto out;
	if (strcmp(before->name, after->name) &&
	    add_change(d, &cap, 'M', "team", "name", before->name, after->name) < 0)
		goto out;
	if (plan_max_load(before) != plan_max_load(after)) {
		snprintf(x, sizeof x, "%d", plan_max_load(before));
		snprintf(y, sizeof y, "%d", plan_max_load(after));
		if (add_change(d, &cap, 'M', "team", "max_load", x, y) < 0)
			goto out;
	}
	if (plan_sheep_legs(before) != plan_sheep_legs(after)) {
		snprintf(x, sizeof x, "%d", plan_sheep_legs(before));
		snprintf(y, sizeof y, "%d", plan_sheep_legs(after));
		if (add_change(d, &cap, 'M', "team", "sheep_legs", x, y) < 0)
			goto out;
	}
	for (s = 0; s < c->nslots; s++) {
		if (before->need[s] == after->need[s])
			continue;
		need_text(before->need[s], x, sizeof x);
		need_text(after->need[s], y, sizeof y);
		if (add_change(d, &cap, 'M', "needs", c->slots[s].id, x, y) < 0)
			goto out;
	}
	for (i = 0; i < before->npeople; i++) {
		const struct person *o = before->people[i], *n;
		int row = find_row(after, ab, o->id);

		if (row < 0) {
			if (whole_person(d, &cap, '-', o, c) < 0)
				goto out;
			continue;
		}
		n = after->people[row];
		if (strcmp(o->name, n->name) && add_change(d, &cap, 'M', o->id, "name", o->name, n->name) < 0)
			goto out;
		if (o->fte != n->fte) {
			text_format_decimal(o->fte, FTE_DECIMALS, x, sizeof x);
			text_format_decimal(n->fte, FTE_DECIMALS, y, sizeof y);
			if (add_change(d, &cap, 'M', o->id, "fte", x, y) < 0)
				goto out;
		}
		if (o->external != n->external &&
		    add_change(d, &cap, 'M', o->id, "external", o->external ? "yes" : "no",
			       n->external ? "yes" : "no") < 0)
			goto out;
		if (strcmp(o->note, n->note) && add_change(d, &cap, 'M', o->id, "note", o->note, n->note) < 0)
			goto out;
		for (s = 0; s < c->nslots; s++) {
			if (o->cells[s].share == n->cells[s].share && o->cells[s].lead == n->cells[s].lead)
				continue;
			cell_text(&o->cells[s], x, sizeof x);
			cell_text(&n->cells[s], y, sizeof y);
			if (add_change(d, &cap, 'M', o->id, c->slots[s].id, x, y) < 0)
				goto out;
		}
	}
	for (i = 0; i < after->npeople; i++)
		if (find_row(before, bb, after->people[i]->id) < 0 &&
		    whole_person(d, &cap, '+', after->people[i], c) < 0)
			goto out;
	rc = 0;
out:
	free(bb);
	free(ab);
	if (rc < 0)
		plan_diff_free(d);
	return rc;
}

/* ---- the incremental evaluation ---- */

struct decide {
	const struct analysis *a;
	const struct plan *p;
	const struct catalog *c;
	int ns, np;
	int *hstart, *hrows;         /* holders of each slot, in row order */
	struct plan *plan;           /* the plan, for one cell set for a moment */
	struct slot_result *slots;   /* scratch copy of a->slots */
	struct person_result *people; /* scratch copy of a->people */
	struct analysis scratch;     /* a, but reading the scratch figures */
	const struct rule *rules;    /* the rule table */
	int nrules;
	/* the rules on the plan as it is, asked once: */
	bool team_was[F_COUNT];      /* team rules */
	bool *slot_was;              /* slot rules, F_COUNT a slot */
	bool *person_was;            /* person rules with their details, nper a
				      * person, asked when first needed */
	bool *person_asked;          /* per person: person_was filled in */
	int nper;
	/* the rules that count (errors and warnings) by subject kind */
	const struct rule *by_kind[3][F_COUNT];
	int nkind[3];
	int *fstart, *frows;         /* each person's findings (indices) */
};

static int rule_details(const struct decide *d, const struct rule *r);

struct decide *decide_new(const struct analysis *a)
{
	const struct plan *p = a->plan;
	const struct catalog *c = p->cat;
	struct decide *d = calloc(1, sizeof *d);
	int ns = c->nslots, np = p->npeople, i, s, total = 0;

	if (!d)
		return NULL;
	d->a = a;
	d->p = p;
	d->c = c;
	d->ns = ns;
	d->np = np;
	d->hstart = calloc((size_t)ns + 1, sizeof *d->hstart);
	d->slots = malloc((size_t)(ns ? ns : 1) * sizeof *d->slots);
	if (!d->hstart || !d->slots)
		goto fail;
	for (s = 0; s < ns; s++) {
		d->hstart[s] = total;
		total += a->slots[s].holders;
	}
	d->hstart[ns] = total;
	d->hrows = malloc((size_t)(total ? total : 1) * sizeof *d->hrows);
	if (!d->hrows)
		goto fail;
	{
		int *fill = calloc((size_t)(ns ? ns : 1), sizeof *fill);

		if (!fill)
			goto fail;
		for (i = 0; i < np; i++)
			for (s = 0; s < ns; s++)
				if (p->people[i]->cells[s].share)
					d->hrows[d->hstart[s] + fill[s]++] = i;
		free(fill);
	}
	memcpy(d->slots, a->slots, (size_t)ns * sizeof *d->slots);
	d->people = malloc((size_t)(np ? np : 1) * sizeof *d->people);
	if (!d->people)
		goto fail;
	if (np)
		memcpy(d->people, a->people, (size_t)np * sizeof *d->people);
	d->plan = (struct plan *)p; /* see decide_cell: one cell, put back at once */
	d->scratch = *a;
	d->scratch.slots = d->slots;
	d->scratch.people = d->people;
	d->rules = rule_table(&d->nrules);
	{
		int k, n = 0, s2;

		for (k = 0; k < d->nrules; k++) {
			const struct rule *r = &d->rules[k];

			if (r->severity == SEV_INFO || d->nkind[r->kind] == F_COUNT)
				continue;
			d->by_kind[r->kind][d->nkind[r->kind]++] = r;
			if (r->kind == SUBJECT_PERSON)
				n += rule_details(d, r);
		}

		d->nper = n;
		d->person_was = malloc((size_t)(np * n > 0 ? np * n : 1) * sizeof *d->person_was);
		d->slot_was = calloc((size_t)(ns ? ns : 1) * F_COUNT, sizeof *d->slot_was);
		d->person_asked = calloc((size_t)(np ? np : 1), sizeof *d->person_asked);
		if (!d->person_was || !d->slot_was || !d->person_asked)
			goto fail;
		for (k = 0; k < d->nrules; k++) {
			const struct rule *r = &d->rules[k];

			if (r->kind == SUBJECT_TEAM)
				d->team_was[r->code] = rule_fires(a, r->code, 0, 0);
			else if (r->kind == SUBJECT_SLOT)
				for (s2 = 0; s2 < ns; s2++)
					d->slot_was[s2 * F_COUNT + r->code] = rule_fires(a, r->code, s2, 0);
		}
	}
	/* each person's findings, to clear them with the person */
	d->fstart = calloc((size_t)np + 2, sizeof *d->fstart);
	d->frows = malloc((size_t)(a->nfindings ? a->nfindings : 1) * sizeof *d->frows);
	if (!d->fstart || !d->frows)
		goto fail;
	for (i = 0; i < a->nfindings; i++)
		if (a->findings[i].kind == SUBJECT_PERSON)
			d->fstart[a->findings[i].subject + 2]++;
	for (i = 2; i < np + 2; i++)
		d->fstart[i] += d->fstart[i - 1];
	for (i = 0; i < a->nfindings; i++)
		if (a->findings[i].kind == SUBJECT_PERSON)
			d->frows[d->fstart[a->findings[i].subject + 1]++] = i;
	return d;
fail:
	decide_free(d);
	return NULL;
}

void decide_free(struct decide *d)
{
	if (!d)
		return;
	free(d->hstart);
	free(d->hrows);
	free(d->slots);
	free(d->people);
	free(d->slot_was);
	free(d->person_was);
	free(d->person_asked);
	free(d->fstart);
	free(d->frows);
	free(d);
}

static void effect_clear(struct effect *e)
{
	memset(e->cleared, 0, sizeof e->cleared);
	memset(e->created, 0, sizeof e->created);
	e->nitems = 0;
}

static void note(struct effect *e, enum finding_code code, enum subject_kind kind, int subject,
		 int detail, bool cleared)
{
	enum severity sev = finding_severity(code);

	if (sev == SEV_INFO)
		return;
	if (cleared)
		e->cleared[sev]++;
	else
		e->created[sev]++;
	if (e->nitems < EFFECT_ITEMS)
		e->items[e->nitems] = (struct effect_item){ code, kind, subject, detail, cleared };
	e->nitems++;
}

static int rule_details(const struct decide *d, const struct rule *r)
{
	return r->details ? r->details(d->a) : 1;
}

/* Compare the rules of @kind on @subject before (base) and after
 * (scratch). */
static void subject_effect(struct decide *d, enum subject_kind kind, int subject, struct effect *e)
{
	int k, det;

	for (k = 0; k < d->nkind[kind]; k++) {
		const struct rule *r = d->by_kind[kind][k];

		for (det = 0; det < rule_details(d, r); det++) {
			/* the slot and team rules as they stand were asked once, in
			 * decide_new */
			bool was = r->details ? rule_fires(d->a, r->code, subject, det) :
				   kind == SUBJECT_TEAM ? d->team_was[r->code] :
				   kind == SUBJECT_SLOT ? d->slot_was[subject * F_COUNT + r->code] :
				   rule_fires(d->a, r->code, subject, det);
			bool is = rule_fires(&d->scratch, r->code, subject, det);

			if (was != is)
				note(e, r->code, kind, subject, det, was);
		}
	}
}

static void slot_effect(struct decide *d, int s, struct effect *e)
{
	subject_effect(d, SUBJECT_SLOT, s, e);
}

/* The team rules read only slot figures: ask them once the slots are
 * patched. */
static void team_effect(struct decide *d, struct effect *e)
{
	subject_effect(d, SUBJECT_TEAM, 0, e);
}

static bool in_rows(const int *rows, int n, int row)
{
	int i;

	for (i = 0; i < n; i++)
		if (rows[i] == row)
			return true;
	return false;
}

/* Whether the person at @row counts in the figures of @s: holds it or,
 * from inside, follows it up. */
static bool counts_in(const struct decide *d, int row, int s)
{
	const struct person *x = d->p->people[row];

	return x->cells[s].share || (x->cells[s].follows && !x->external);
}

/* The first holder of @s once the rows in @gone hold it no more: the
 * first of the base holders but those, or -1. */
static int first_holder(const struct decide *d, int s, const int *gone, int ngone)
{
	int k;

	for (k = d->hstart[s]; k < d->hstart[s + 1]; k++)
		if (!in_rows(gone, ngone, d->hrows[k]))
			return d->hrows[k];
	return -1;
}

void decide_removal(struct decide *d, const int *rows, int n, struct effect *e)
{
	const struct catalog *c = d->c;
	bool touched[CATALOG_MAX_SLOTS] = { false };
	int i, s, k;

	effect_clear(e);
	for (i = 0; i < n; i++)
		for (s = 0; s < d->ns; s++)
			if (counts_in(d, rows[i], s)) {
				analysis_slot_add_cell(&d->slots[s], d->p, rows[i], s, -1);
				touched[s] = true;
			}
	for (s = 0; s < d->ns; s++)
		if (touched[s])
			d->slots[s].first_holder = first_holder(d, s, rows, n);
	/* slots in id order, as the analysis reports them */
	for (k = 0; k < d->ns; k++)
		if (touched[c->by_id[k]])
			slot_effect(d, c->by_id[k], e);
	team_effect(d, e);
	/* their own findings go with them */
	for (i = 0; i < n; i++)
		for (k = d->fstart[rows[i]]; k < d->fstart[rows[i] + 1]; k++) {
			const struct finding *f = &d->a->findings[d->frows[k]];

			note(e, f->code, SUBJECT_PERSON, f->subject, f->detail, true);
		}
	for (s = 0; s < d->ns; s++)
		if (touched[s])
			d->slots[s] = d->a->slots[s];
}

/* The person rules for @row on the plan as it is, asked the first time
 * the person is needed, before any of their cells is set. */
static void person_ask(struct decide *d, int row)
{
	bool *was = &d->person_was[row * d->nper];
	int k, det, n = 0;

	if (d->person_asked[row])
		return;
	for (k = 0; k < d->nkind[SUBJECT_PERSON]; k++) {
		const struct rule *r = d->by_kind[SUBJECT_PERSON][k];

		for (det = 0; det < rule_details(d, r); det++)
			was[n++] = rule_fires(d->a, r->code, row, det);
	}
	d->person_asked[row] = true;
}

/* The person rules for @row, before (person_ask) and after: with the
 * changed cell set in the plan, the person's figures recomputed. */
static void person_effect(struct decide *d, int row, struct effect *e)
{
	const bool *was = &d->person_was[row * d->nper];
	int k, det, n = 0;

	analysis_update_person(&d->scratch, row);
	for (k = 0; k < d->nkind[SUBJECT_PERSON]; k++) {
		const struct rule *r = d->by_kind[SUBJECT_PERSON][k];

		for (det = 0; det < rule_details(d, r); det++, n++) {
			bool is = rule_fires(&d->scratch, r->code, row, det);

			if (was[n] != is)
				note(e, r->code, SUBJECT_PERSON, row, det, was[n]);
		}
	}
	d->people[row] = d->a->people[row];
}

/* The cell is set in the plan for the moment of the evaluation: its slot's
 * figures lose the cell as it was and gain it as it would be, through the
 * same accounting as a full analysis; then everything is put back. */
void decide_cell(struct decide *d, int row, int slot, int share, bool lead, struct effect *e)
{
	struct cell *cell = &d->plan->people[row]->cells[slot], keep = *cell;
	struct slot_result *r = &d->slots[slot];

	effect_clear(e);
	person_ask(d, row);
	analysis_slot_add_cell(r, d->p, row, slot, -1);
	cell->share = (unsigned char)share;
	cell->lead = share > 0 && lead;
	analysis_slot_add_cell(r, d->p, row, slot, 1);
	if (keep.share && !share)
		r->first_holder = first_holder(d, slot, &row, 1);
	else if (!keep.share && share && row < r->first_holder)
		r->first_holder = row;
	slot_effect(d, slot, e);
	team_effect(d, e);
	person_effect(d, row, e);
	*cell = keep;
	*r = d->a->slots[slot];
}

const char *effect_subject(const struct decide *d, const struct effect_item *it)
{
	struct finding f = { it->code, it->kind, it->subject, it->detail };

	return finding_subject_id(d->a, &f);
}

size_t effect_items_text(const struct decide *d, const struct effect_item *items, int n,
			 bool cleared, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < n && len < size; i++) {
		if (items[i].cleared != cleared)
			continue;
		if (items[i].kind == SUBJECT_TEAM)
			len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? ", " : "",
						finding_code_name(items[i].code));
		else
			len += (size_t)snprintf(buf + len, size - len, "%s%s %s", len ? ", " : "",
						finding_code_name(items[i].code),
						effect_subject(d, &items[i]));
	}
	return len < size ? len : size - 1;
}

/* ---- knock-out ---- */

const char *knockout_bus_text(int bus)
{
	static const char *const t[] = { "none", "1", "2", "3", ">3" };

	return t[bus < 0 ? 0 : bus > 4 ? 4 : bus];
}

static const struct plan *ko_plan;

static int ko_cmp(const void *a, const void *b)
{
	const struct knockout_row *x = a, *y = b;

	if (x->errors != y->errors)
		return x->errors > y->errors ? -1 : 1;
	if (x->warnings != y->warnings)
		return x->warnings > y->warnings ? -1 : 1;
	return strcmp(ko_plan->people[x->row]->id, ko_plan->people[y->row]->id);
}

static const struct decide *item_decide;

/* Report order: severity, code, subject id. */
static int item_cmp(const void *a, const void *b)
{
	const struct effect_item *x = a, *y = b;
	enum severity sx = finding_severity(x->code), sy = finding_severity(y->code);

	if (sx != sy)
		return sx < sy ? -1 : 1;
	if (x->code != y->code)
		return x->code < y->code ? -1 : 1;
	return strcmp(effect_subject(item_decide, x), effect_subject(item_decide, y));
}

void knockout_free(struct knockout *k)
{
	free(k->rows);
	free(k->items);
	memset(k, 0, sizeof *k);
}

int knockout_run(struct decide *d, struct knockout *k)
{
	const struct catalog *c = d->c;
	struct effect e;
	int cap = 0, i, j, best = 0;

	memset(k, 0, sizeof *k);
	k->rows = calloc((size_t)(d->np ? d->np : 1), sizeof *k->rows);
	if (!k->rows)
		return -1;
	for (i = 0; i < d->np; i++) {
		struct knockout_row *r = &k->rows[i];
		int kept;

		decide_removal(d, &i, 1, &e);
		kept = e.nitems < EFFECT_ITEMS ? e.nitems : EFFECT_ITEMS;
		r->row = i;
		r->errors = e.created[SEV_ERROR];
		r->warnings = e.created[SEV_WARNING];
		r->first = k->nitems;
		for (j = 0; j < kept; j++) {
			if (e.items[j].cleared)
				continue;
			if (k->nitems == cap) {
				int want = cap ? cap * 2 : 64;
				struct effect_item *grown = realloc(k->items, (size_t)want * sizeof *grown);

				if (!grown) {
					knockout_free(k);
					return -1;
				}
				k->items = grown;
				cap = want;
			}
			k->items[k->nitems++] = e.items[j];
			if (e.items[j].code == F_UNCOVERED)
				r->uncovers = true;
		}
		r->nitems = k->nitems - r->first;
		if (r->nitems > 1) {
			item_decide = d;
			qsort(k->items + r->first, (size_t)r->nitems, sizeof *k->items, item_cmp);
			item_decide = NULL;
		}
	}
	k->nrows = d->np;
	ko_plan = d->p;
	qsort(k->rows, (size_t)k->nrows, sizeof *k->rows, ko_cmp);
	ko_plan = NULL;

	/* The joint absence of a set uncovers slot s exactly when the set holds
	 * every holder of s, so the smallest such set is the fewest holders of
	 * any needed, covered slot. */
	k->bus_slot = -1;
	for (j = 0; j < c->nslots; j++) {
		int s = c->by_id[j], h = d->a->slots[s].holders;

		if (d->p->need[s] == 0 || h == 0)
			continue;
		if (k->bus_slot < 0 || h < best) {
			best = h;
			k->bus_slot = s;
		}
	}
	k->bus = k->bus_slot < 0 ? 0 : best > 3 ? 4 : best;
	if (k->bus == 4)
		k->bus_slot = -1;
	return 0;
}

/* ---- suggestions ---- */

static const enum finding_code suggest_acts_on[] = { F_UNCOVERED, F_UNDERSTAFFED, F_NO_LEAD,
						     F_EXTERNAL_ONLY };

const enum finding_code *suggest_codes(int *n)
{
	*n = (int)(sizeof suggest_acts_on / sizeof *suggest_acts_on);
	return suggest_acts_on;
}

bool suggest_wanted(const struct analysis *a, int slot)
{
	int i;

	for (i = 0; i < (int)(sizeof suggest_acts_on / sizeof *suggest_acts_on); i++)
		if (analysis_slot_fires(a, suggest_acts_on[i], slot))
			return true;
	return false;
}

/* The cell to offer @row for @slot; false when there is nothing to offer. */
static bool offer(const struct decide *d, int row, int slot, struct candidate *cd)
{
	const struct person *x = d->p->people[row];
	const struct cell *cur = &x->cells[slot];
	const struct slot_result *r = &d->a->slots[slot];
	long deficit = r->need > 0 ? (long)r->need * 100 - r->staffed : 0;
	int load = d->a->people[row].load, room = plan_max_load(d->p) - load, add, share;
	int holders = r->holders + !cur->share;

	if (deficit > 0)
		add = (int)((deficit + x->fte - 1) / x->fte);
	else
		add = cur->share ? 0 : DEFAULT_SHARE;
	if (add > room && room > 0)
		add = room;
	share = cur->share + add;
	if (share > SHARE_MAX)
		share = SHARE_MAX;
	cd->row = row;
	cd->share_before = cur->share;
	cd->share = share;
	cd->lead = cur->lead || (holders >= 2 && r->leads - cur->lead == 0);
	if (share == cur->share && cd->lead == cur->lead)
		return false;
	cd->load = load - cur->share + share;
	cd->over = cd->load > plan_max_load(d->p);
	/* fit: the person's strengths when known, else the legs they hold */
	cd->fit = (x->strengths_known ? x->strengths : d->a->people[row].legs) &
		  d->c->slots[slot].legs;
	cd->nfit = catalog_leg_count(cd->fit);
	return true;
}

int suggest_rank(const struct plan *p, const struct candidate *x, const struct candidate *y)
{
	if (x->over != y->over)
		return x->over ? 1 : -1;
	if (x->err_gain != y->err_gain)
		return x->err_gain > y->err_gain ? -1 : 1;
	if (x->warn_gain != y->warn_gain)
		return x->warn_gain > y->warn_gain ? -1 : 1;
	if (x->nfit != y->nfit)
		return x->nfit > y->nfit ? -1 : 1;
	if (x->load != y->load)
		return x->load < y->load ? -1 : 1;
	return p ? strcmp(p->people[x->row]->id, p->people[y->row]->id) : 0;
}

int suggest_slot(struct decide *d, int slot, struct candidate *out, int max,
		 int *total, int *within)
{
	bool wanted = suggest_wanted(d->a, slot);
	bool short_staffed = analysis_slot_fires(d->a, F_UNDERSTAFFED, slot) ||
			     analysis_slot_fires(d->a, F_UNCOVERED, slot);
	struct effect e;
	struct candidate cand, *cd = &cand;
	int n = 0, ok = 0, kept = 0, row, i;

	for (row = 0; row < d->np; row++) {
		int gain_e, gain_w;

		if (!offer(d, row, slot, cd))
			continue;
		decide_cell(d, row, slot, cd->share, cd->lead, &e);
		gain_e = e.cleared[SEV_ERROR] - e.created[SEV_ERROR];
		gain_w = e.cleared[SEV_WARNING] - e.created[SEV_WARNING];
		/* an over-load candidate ranks last already: judge it on the rest */
		if (cd->over && d->a->people[row].load <= plan_max_load(d->p))
			gain_w++;
		/* worth offering: it clears more than it creates, or it staffs
		 * a short slot further at no cost; for a slot without a finding
		 * (asked for by name) anyone who makes nothing worse */
		if (gain_e < 0 || (gain_e == 0 && gain_w < 0) ||
		    (gain_e == 0 && gain_w == 0 && wanted &&
		     !(short_staffed && cd->share > cd->share_before)))
			continue;
		if (cd->over && d->a->people[row].load <= plan_max_load(d->p))
			gain_w--;
		cd->err_gain = gain_e;
		cd->warn_gain = gain_w;
		ok += !cd->over;
		n++;
		/* keep the best @max, in order: an insertion, no sort of all */
		if (kept == max && (max == 0 || suggest_rank(d->p, cd, &out[max - 1]) >= 0))
			continue;
		i = kept < max ? kept++ : max - 1;
		while (i > 0 && suggest_rank(d->p, cd, &out[i - 1]) < 0) {
			out[i] = out[i - 1];
			i--;
		}
		out[i] = *cd;
	}
	if (total)
		*total = n;
	if (within)
		*within = ok;
	return kept;
}

void suggest_effect(struct decide *d, int slot, const struct candidate *c, struct effect *e)
{
	decide_cell(d, c->row, slot, c->share, c->lead, e);
}

void suggest_line(const struct decide *d, const struct candidate *c, const struct effect *e,
		  char *buf, size_t size)
{
	char share[64], cleared[1024], created[1024], fit[CATALOG_LEGS_TEXT];
	int n = e->nitems < EFFECT_ITEMS ? e->nitems : EFFECT_ITEMS;

	if (c->share_before == 0)
		snprintf(share, sizeof share, "+%d%%%s", c->share, c->lead ? " lead" : "");
	else if (c->share != c->share_before)
		snprintf(share, sizeof share, "%d%%\u2192%d%%%s", c->share_before, c->share,
			 c->lead ? " lead" : "");
	else
		snprintf(share, sizeof share, "%d%% lead", c->share);
	effect_items_text(d, e->items, n, true, cleared, sizeof cleared);
	effect_items_text(d, e->items, n, false, created, sizeof created);
	catalog_legs_text(d->c, c->fit, false, ", ", fit, sizeof fit);
	snprintf(buf, size, "%s %s \u2014 %s%s; %s%s; load %d%%; %s%s", d->p->people[c->row]->name,
		 share, cleared[0] ? "clears " : "clears nothing", cleared,
		 created[0] ? "creates " : "creates nothing", created, c->load,
		 fit[0] ? "has " : "no matching legs", fit);
}
