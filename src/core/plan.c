/* plan.c - the team plan and its validated edits. */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

struct plan *plan_new(const struct catalog *cat)
{
	static unsigned long serials;
	struct plan *p = calloc(1, sizeof *p);
	int i;

	if (!p)
		return NULL;
	/* caches keyed on a plan cannot trust its address: a freed plan's
	 * address is often the next plan's */
	p->serial = ++serials;
	p->cat = cat;
	p->min_strategic = UNSET;
	p->officer_fte = UNSET;
	p->name = strdup("");
	p->need = malloc((size_t)(cat->nslots ? cat->nslots : 1) * sizeof *p->need);
	if (!p->name || !p->need) {
		plan_free(p);
		return NULL;
	}
	for (i = 0; i < cat->nslots; i++)
		p->need[i] = NEED_UNSET;
	return p;
}

void person_free(struct person *person)
{
	if (!person)
		return;
	free(person->name);
	free(person->note);
	free(person->cells);
	free(person);
}

void plan_free(struct plan *p)
{
	int i;

	if (!p)
		return;
	for (i = 0; i < p->npeople; i++)
		person_free(p->people[i]);
	free(p->people);
	free(p->need);
	free(p->name);
	free(p);
}

int plan_sheep_legs(const struct plan *p)
{
	return p->sheep_legs ? p->sheep_legs : p->cat->sheep_legs;
}

int plan_max_load(const struct plan *p)
{
	return p->max_load ? p->max_load : LOAD_DEFAULT;
}

int plan_hours_per_week(const struct plan *p)
{
	return p->hours_per_week ? p->hours_per_week : HOURS_DEFAULT;
}

int plan_min_strategic(const struct plan *p)
{
	return p->min_strategic != UNSET ? p->min_strategic : p->cat->min_strategic;
}

int plan_officer_fte(const struct plan *p)
{
	return p->officer_fte != UNSET ? p->officer_fte : p->cat->officer_fte;
}

/* Replace *@slot with a copy of @text after checking it can be stored. */
static int set_text(char **slot, const char *text, const char *what, struct error *err)
{
	const char *why;
	char *copy;

	if (!text_storable(text, &why)) {
		error_set(err, NULL, 0, "%s: %s", what, why);
		return -1;
	}
	copy = strdup(text);
	if (!copy) {
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	free(*slot);
	*slot = copy;
	return 0;
}

int plan_set_team_name(struct plan *p, const char *name, struct error *err)
{
	return set_text(&p->name, name, "team name", err);
}

int plan_find_person(const struct plan *p, const char *id)
{
	int i;

	for (i = 0; i < p->npeople; i++)
		if (strcmp(p->people[i]->id, id) == 0)
			return i;
	return -1;
}

void plan_unique_id(const struct plan *p, const char *name, char out[ID_MAX + 1])
{
	char base[ID_MAX + 1];
	size_t k = 0, i;
	int n;

	/* the first word-ish run of ASCII letters and digits, lowercased */
	for (i = 0; name[i] && k < 16; i++) {
		char c = name[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			base[k++] = c;
		else if (k > 0 && (c == ' ' || c == '-') )
			break;
	}
	if (k == 0) {
		strcpy(base, "person");
		k = strlen(base);
	}
	base[k] = '\0';
	snprintf(out, ID_MAX + 1, "%s", base);
	for (n = 2; plan_find_person(p, out) >= 0; n++)
		snprintf(out, ID_MAX + 1, "%s-%d", base, n);
}

static int check_new_id(const struct plan *p, const char *id, struct error *err)
{
	if (!text_is_id(id)) {
		error_set(err, NULL, 0, "'%s' is not a valid id (1 to 24 of a-z, 0-9, '-')", id);
		return -1;
	}
	if (plan_find_person(p, id) >= 0) {
		error_set(err, NULL, 0, "there is already a person with id '%s'", id);
		return -1;
	}
	return 0;
}

static int grow(struct plan *p)
{
	struct person **grown;
	int cap;

	if (p->npeople < p->cap)
		return 0;
	cap = p->cap ? p->cap * 2 : 16;
	grown = realloc(p->people, (size_t)cap * sizeof *grown);
	if (!grown)
		return -1;
	p->people = grown;
	p->cap = cap;
	return 0;
}

int plan_put_person(struct plan *p, struct person *person, int at)
{
	if (grow(p) < 0)
		return -1;
	if (at < 0 || at > p->npeople)
		at = p->npeople;
	memmove(p->people + at + 1, p->people + at,
		(size_t)(p->npeople - at) * sizeof *p->people);
	p->people[at] = person;
	p->npeople++;
	p->version++;
	return at;
}

static int add_person(struct plan *p, const char *id, const char *name, int at,
		      bool check_unique, struct error *err)
{
	struct person *person;
	const char *why;
	int row;

	if (check_unique ? check_new_id(p, id, err) < 0 : !text_is_id(id)) {
		if (!check_unique)
			error_set(err, NULL, 0, "'%s' is not a valid id", id);
		return -1;
	}
	if (!text_storable(name, &why)) {
		error_set(err, NULL, 0, "name: %s", why);
		return -1;
	}
	person = calloc(1, sizeof *person);
	if (!person)
		goto oom;
	strcpy(person->id, id);
	person->fte = FTE_UNIT;
	person->name = strdup(name);
	person->note = strdup("");
	person->cells = calloc((size_t)(p->cat->nslots ? p->cat->nslots : 1), sizeof *person->cells);
	if (!person->name || !person->note || !person->cells)
		goto oom;
	row = plan_put_person(p, person, at);
	if (row < 0)
		goto oom;
	return row;
oom:
	person_free(person);
	error_set(err, NULL, 0, "out of memory");
	return -1;
}

int plan_add_person(struct plan *p, const char *id, const char *name, int at,
		    struct error *err)
{
	return add_person(p, id, name, at, true, err);
}

int plan_append_unique(struct plan *p, const char *id, struct error *err)
{
	/* the linear search for a duplicate would make a load quadratic */
	return add_person(p, id, "", p->npeople, false, err);
}

struct person *plan_take_person(struct plan *p, int row)
{
	struct person *person = p->people[row];

	memmove(p->people + row, p->people + row + 1,
		(size_t)(p->npeople - row - 1) * sizeof *p->people);
	p->npeople--;
	p->version++;
	return person;
}

void plan_move_person(struct plan *p, int from, int to)
{
	struct person *person;

	if (from == to || from < 0 || to < 0 || from >= p->npeople || to >= p->npeople)
		return;
	person = plan_take_person(p, from);
	plan_put_person(p, person, to); /* cannot fail: the slot was just freed */
}

struct person *person_clone(const struct person *src, int nslots)
{
	struct person *c = calloc(1, sizeof *c);

	if (!c)
		return NULL;
	*c = *src;
	c->name = strdup(src->name);
	c->note = strdup(src->note);
	c->cells = malloc((size_t)(nslots ? nslots : 1) * sizeof *c->cells);
	if (!c->name || !c->note || !c->cells) {
		person_free(c);
		return NULL;
	}
	memcpy(c->cells, src->cells, (size_t)nslots * sizeof *c->cells);
	return c;
}

int plan_set_person_id(struct plan *p, int row, const char *id, struct error *err)
{
	if (strcmp(p->people[row]->id, id) == 0)
		return 0;
	if (check_new_id(p, id, err) < 0)
		return -1;
	strcpy(p->people[row]->id, id);
	p->version++;
	return 0;
}

int plan_set_person_name(struct plan *p, int row, const char *name, struct error *err)
{
	return set_text(&p->people[row]->name, name, "name", err);
}

int plan_set_person_note(struct plan *p, int row, const char *note, struct error *err)
{
	return set_text(&p->people[row]->note, note, "note", err);
}

int plan_set_person_fte(struct plan *p, int row, int fte, struct error *err)
{
	if (fte < FTE_MIN || fte > FTE_MAX) {
		error_set(err, NULL, 0, "fte must be between 0.05 and 1.5");
		return -1;
	}
	p->people[row]->fte = fte;
	return 0;
}

void plan_set_person_external(struct plan *p, int row, bool external)
{
	struct person *person = p->people[row];
	int s;

	person->external = external;
	if (external)
		for (s = 0; s < p->cat->nslots; s++)
			person->cells[s].follows = false;
}

int plan_set_person_strengths(struct plan *p, int row, bool known, uint32_t legs,
			      struct error *err)
{
	uint32_t all = p->cat->nlegs >= 32 ? 0xffffffffu : (1u << p->cat->nlegs) - 1;

	if (legs & ~all) {
		error_set(err, NULL, 0, "strengths must be legs of the catalog");
		return -1;
	}
	p->people[row]->strengths_known = known;
	p->people[row]->strengths = known ? legs : 0;
	return 0;
}

int plan_set_follows(struct plan *p, int row, int slot, bool follows, struct error *err)
{
	struct person *person = p->people[row];

	if (follows && person->external) {
		error_set(err, NULL, 0, "%s is external: follow-up is done inside the team",
			  person->name);
		return -1;
	}
	person->cells[slot].follows = follows;
	return 0;
}

int plan_set_cell(struct plan *p, int row, int slot, int share, bool lead,
		  struct error *err)
{
	struct cell *c = &p->people[row]->cells[slot];

	if (share < 0 || share > SHARE_MAX) {
		error_set(err, NULL, 0, "a share is a percentage from 1 to 100");
		return -1;
	}
	c->share = (unsigned char)share;
	c->lead = share > 0 && lead;
	return 0; /* follows stays: following up is not holding */
}

int plan_set_need(struct plan *p, int slot, int need, struct error *err)
{
	if (need != NEED_UNSET && (need < 0 || need > NEED_MAX)) {
		error_set(err, NULL, 0, "a need is an FTE from 0 to 999.99");
		return -1;
	}
	p->need[slot] = need;
	return 0;
}

int plan_set_sheep_legs(struct plan *p, int legs, struct error *err)
{
	if (legs < 0 || legs > CATALOG_MAX_LEGS) {
		error_set(err, NULL, 0, "sheep_legs must be between 1 and %d", CATALOG_MAX_LEGS);
		return -1;
	}
	p->sheep_legs = legs;
	return 0;
}

int plan_set_max_load(struct plan *p, int max_load, struct error *err)
{
	if (max_load < 0 || max_load > MAX_LOAD_MAX) {
		error_set(err, NULL, 0, "max_load must be between 1 and %d percent", MAX_LOAD_MAX);
		return -1;
	}
	p->max_load = max_load;
	return 0;
}

int plan_set_reports_to(struct plan *p, const char *id, struct error *err)
{
	char low[ID_MAX + 1];
	size_t i, n = strlen(id);

	if (n > ID_MAX) {
		error_set(err, NULL, 0, "reports_to is an id of at most %d characters", ID_MAX);
		return -1;
	}
	for (i = 0; i <= n; i++)
		low[i] = id[i] >= 'A' && id[i] <= 'Z' ? (char)(id[i] - 'A' + 'a') : id[i];
	if (n && !text_is_id(low)) {
		error_set(err, NULL, 0, "reports_to must be an id (letters, digits and '-'), "
			  "as ceo, board, marketing or it");
		return -1;
	}
	memcpy(p->reports_to, low, n + 1);
	return 0;
}

int plan_set_hours_per_week(struct plan *p, int hours, struct error *err)
{
	if (hours != 0 && (hours < HOURS_MIN || hours > HOURS_MAX)) {
		error_set(err, NULL, 0, "hours_per_week must be from 1 to 168");
		return -1;
	}
	p->hours_per_week = hours;
	return 0;
}

int plan_set_min_strategic(struct plan *p, int percent, struct error *err)
{
	if (percent != UNSET && (percent < 0 || percent > 100)) {
		error_set(err, NULL, 0, "min_strategic must be a percentage from 0 to 100");
		return -1;
	}
	p->min_strategic = percent;
	return 0;
}

int plan_set_officer_fte(struct plan *p, int fte, struct error *err)
{
	if (fte != UNSET && (fte < 0 || fte > OFFICER_FTE_MAX)) {
		error_set(err, NULL, 0, "officer_fte must be an FTE from 0 to 999.99");
		return -1;
	}
	p->officer_fte = fte;
	return 0;
}

int plan_person_load(const struct plan *p, int row)
{
	const struct cell *cells = p->people[row]->cells;
	int i, load = 0;

	for (i = 0; i < p->cat->nslots; i++)
		load += cells[i].share;
	return load;
}

bool plan_equal(const struct plan *a, const struct plan *b)
{
	int i, n = a->cat->nslots;

	if (a->cat->nslots != b->cat->nslots || strcmp(a->name, b->name) != 0 ||
	    a->sheep_legs != b->sheep_legs || a->max_load != b->max_load ||
	    strcmp(a->reports_to, b->reports_to) != 0 ||
	    a->hours_per_week != b->hours_per_week || a->min_strategic != b->min_strategic ||
	    a->officer_fte != b->officer_fte || a->npeople != b->npeople)
		return false;
	if (n && memcmp(a->need, b->need, (size_t)n * sizeof *a->need) != 0)
		return false;
	for (i = 0; i < a->npeople; i++) {
		const struct person *x = a->people[i], *y = b->people[i];
		int s;

		if (strcmp(x->id, y->id) || strcmp(x->name, y->name) ||
		    strcmp(x->note, y->note) || x->fte != y->fte ||
		    x->external != y->external || x->strengths_known != y->strengths_known ||
		    x->strengths != y->strengths)
			return false;
		for (s = 0; s < n; s++)
			if (x->cells[s].share != y->cells[s].share ||
			    x->cells[s].lead != y->cells[s].lead ||
			    x->cells[s].follows != y->cells[s].follows)
				return false;
	}
	return true;
}

static const struct plan *id_order_plan;

static int row_id_cmp(const void *a, const void *b)
{
	return strcmp(id_order_plan->people[*(const int *)a]->id,
		      id_order_plan->people[*(const int *)b]->id);
}

void plan_rows_by_id(const struct plan *p, int *rows)
{
	int i;

	for (i = 0; i < p->npeople; i++)
		rows[i] = i;
	id_order_plan = p;
	qsort(rows, (size_t)p->npeople, sizeof *rows, row_id_cmp);
	id_order_plan = NULL;
}
