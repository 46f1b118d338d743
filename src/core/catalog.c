/* catalog.c - slots, legs and pairs. */
#include "catalog.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

struct catalog *catalog_new(void)
{
	struct catalog *c = calloc(1, sizeof *c);

	if (c) {
		c->sheep_legs = 5;
		c->min_strategic = MIN_STRATEGIC_DEFAULT;
		c->officer_fte = OFFICER_FTE_DEFAULT;
	}
	return c;
}

static void slot_strings_free(struct slot *s)
{
	free(s->label);
	free(s->dutch);
	free(s->abbrev);
	free(s->summary);
	free(s->profile);
}

void catalog_free(struct catalog *c)
{
	int i;

	if (!c)
		return;
	for (i = 0; i < c->nlegs; i++) {
		free(c->legs[i].label);
		free(c->legs[i].dutch);
		free(c->legs[i].summary);
	}
	for (i = 0; i < c->nslots; i++)
		slot_strings_free(&c->slots[i]);
	free(c->slots);
	free(c->pairs);
	free(c->owners);
	free(c->by_id);
	free(c->ids);
	free(c);
}

static char *dup_or_empty(const char *s)
{
	return strdup(s ? s : "");
}

int catalog_leg_index(const struct catalog *c, const char *id)
{
	int i;

	for (i = 0; i < c->nlegs; i++)
		if (strcmp(c->legs[i].id, id) == 0)
			return i;
	return -1;
}

int catalog_slot_index(const struct catalog *c, const char *id)
{
	int lo = 0, hi = c->nslots - 1, i;

	if (c->by_id) {
		while (lo <= hi) {
			int mid = (lo + hi) / 2;
			int cmp = strcmp(c->slots[c->by_id[mid]].id, id);

			if (cmp == 0)
				return c->by_id[mid];
			if (cmp < 0)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
		return -1;
	}
	for (i = 0; i < c->nslots; i++)
		if (strcmp(c->slots[i].id, id) == 0)
			return i;
	return -1;
}

int catalog_add_leg(struct catalog *c, const char *id, const char *label,
		    const char *dutch, const char *summary, struct error *err)
{
	struct leg *l;

	if (!text_is_id(id)) {
		error_set(err, NULL, 0, "'%s' is not a valid leg id (1 to 24 of a-z, 0-9, '-')", id);
		return -1;
	}
	if (catalog_leg_index(c, id) >= 0) {
		error_set(err, NULL, 0, "leg '%s' is defined twice", id);
		return -1;
	}
	if (c->nlegs == CATALOG_MAX_LEGS) {
		error_set(err, NULL, 0, "too many legs (at most %d)", CATALOG_MAX_LEGS);
		return -1;
	}
	l = &c->legs[c->nlegs];
	memset(l, 0, sizeof *l);
	strcpy(l->id, id);
	l->label = dup_or_empty(label && *label ? label : id);
	l->dutch = dup_or_empty(dutch);
	l->summary = dup_or_empty(summary);
	if (!l->label || !l->dutch || !l->summary) {
		free(l->label);
		free(l->dutch);
		free(l->summary);
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	c->nlegs++;
	return 0;
}

int catalog_add_slot(struct catalog *c, const char *id, enum slot_kind kind,
		     const char *label, const char *dutch, const char *abbrev,
		     const char *summary, const char *profile, uint32_t legs,
		     struct error *err)
{
	struct slot *s, *grown;
	char abbrev_default[5];

	if (!text_is_id(id)) {
		error_set(err, NULL, 0, "'%s' is not a valid slot id (1 to 24 of a-z, 0-9, '-')", id);
		return -1;
	}
	if (catalog_slot_index(c, id) >= 0) {
		error_set(err, NULL, 0, "slot '%s' is defined twice", id);
		return -1;
	}
	if (c->nslots == CATALOG_MAX_SLOTS) {
		error_set(err, NULL, 0, "too many slots (at most %d)", CATALOG_MAX_SLOTS);
		return -1;
	}
	grown = realloc(c->slots, (size_t)(c->nslots + 1) * sizeof *grown);
	if (!grown) {
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	c->slots = grown;
	s = &c->slots[c->nslots];
	memset(s, 0, sizeof *s);
	strcpy(s->id, id);
	s->kind = kind;
	s->legs = legs;
	snprintf(abbrev_default, sizeof abbrev_default, "%s", id);
	s->label = dup_or_empty(label && *label ? label : id);
	s->dutch = dup_or_empty(dutch);
	s->abbrev = dup_or_empty(abbrev && *abbrev ? abbrev : abbrev_default);
	s->summary = dup_or_empty(summary);
	s->profile = dup_or_empty(profile);
	if (!s->label || !s->dutch || !s->abbrev || !s->summary || !s->profile) {
		slot_strings_free(s);
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	c->nslots++;
	return 0;
}

void catalog_set_level(struct catalog *c, enum slot_level level)
{
	if (c->nslots)
		c->slots[c->nslots - 1].level = level;
}

static const char *const level_names[] = { "none", "strategic", "operational" };

int catalog_level_by_name(const char *word)
{
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(word, level_names[i]) == 0)
			return i;
	return -1;
}

const char *catalog_level_name(enum slot_level level)
{
	return level_names[level];
}

static int role_index(const struct catalog *c, const char *id, struct error *err)
{
	int i = catalog_slot_index(c, id);

	if (i < 0) {
		error_set(err, NULL, 0, "unknown slot '%s'", id);
		return -1;
	}
	return i;
}

int catalog_add_pair(struct catalog *c, const char *a, const char *b, bool poor,
		     struct error *err)
{
	int ia = role_index(c, a, err), ib;
	struct pair *grown;

	if (ia < 0 || (ib = role_index(c, b, err)) < 0)
		return -1;
	if (ia == ib) {
		error_set(err, NULL, 0, "a pair needs two different slots, not '%s' twice", a);
		return -1;
	}
	grown = realloc(c->pairs, (size_t)(c->npairs + 1) * sizeof *grown);
	if (!grown) {
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	c->pairs = grown;
	c->pairs[c->npairs].a = ia;
	c->pairs[c->npairs].b = ib;
	c->pairs[c->npairs].poor = poor;
	c->npairs++;
	return 0;
}

int catalog_add_owner(struct catalog *c, const char *id, struct error *err)
{
	int i = role_index(c, id, err);
	int *grown;

	if (i < 0)
		return -1;
	grown = realloc(c->owners, (size_t)(c->nowners + 1) * sizeof *grown);
	if (!grown) {
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	c->owners = grown;
	c->owners[c->nowners++] = i;
	return 0;
}

static const struct catalog *sort_cat;

static int by_id_cmp(const void *a, const void *b)
{
	return strcmp(sort_cat->slots[*(const int *)a].id, sort_cat->slots[*(const int *)b].id);
}

int catalog_finish(struct catalog *c, struct error *err)
{
	struct slot *ordered;
	int *remap, i, k = 0;

	ordered = malloc((size_t)(c->nslots ? c->nslots : 1) * sizeof *ordered);
	remap = malloc((size_t)(c->nslots ? c->nslots : 1) * sizeof *remap);
	c->by_id = malloc((size_t)(c->nslots ? c->nslots : 1) * sizeof *c->by_id);
	c->ids = malloc((size_t)(c->nslots ? c->nslots : 1) * sizeof *c->ids);
	if (!ordered || !remap || !c->by_id || !c->ids) {
		free(ordered);
		free(remap);
		free(c->by_id);
		free(c->ids);
		c->by_id = NULL;
		c->ids = NULL;
		error_set(err, NULL, 0, "out of memory");
		return -1;
	}
	/* roles first, then tasks, each in the order given */
	for (i = 0; i < c->nslots; i++)
		if (c->slots[i].kind == SLOT_ROLE) {
			remap[i] = k;
			ordered[k++] = c->slots[i];
		}
	c->nroles = k;
	for (i = 0; i < c->nslots; i++)
		if (c->slots[i].kind == SLOT_TASK) {
			remap[i] = k;
			ordered[k++] = c->slots[i];
		}
	if (c->nslots)
		memcpy(c->slots, ordered, (size_t)c->nslots * sizeof *ordered);
	for (i = 0; i < c->npairs; i++) {
		c->pairs[i].a = remap[c->pairs[i].a];
		c->pairs[i].b = remap[c->pairs[i].b];
	}
	for (i = 0; i < c->nowners; i++)
		c->owners[i] = remap[c->owners[i]];
	free(ordered);
	free(remap);
	for (i = 0; i < c->nslots; i++) {
		c->by_id[i] = i;
		c->ids[i] = c->slots[i].id;
	}
	sort_cat = c;
	qsort(c->by_id, (size_t)c->nslots, sizeof *c->by_id, by_id_cmp);
	sort_cat = NULL;
	return 0;
}

int catalog_leg_count(uint32_t mask)
{
	int n = 0;

	while (mask) {
		mask &= mask - 1;
		n++;
	}
	return n;
}

size_t catalog_legs_text(const struct catalog *c, uint32_t mask, bool labels,
			 const char *sep, char *out, size_t n)
{
	static const char cut[] = "...";
	size_t total = 0, len = 0, seplen = strlen(sep);
	int i, pass;

	if (n)
		out[0] = '\0';
	/* first the whole length, then as much as fits: all of it, or whole
	 * legs followed by the cut mark */
	for (pass = 0; pass < 2; pass++) {
		size_t room = total < n ? n : n >= sizeof cut ? n - (sizeof cut - 1) : 0;

		for (i = 0; i < c->nlegs; i++) {
			const char *word;
			size_t add;

			if (!(mask & (1u << i)))
				continue;
			word = labels ? c->legs[i].label : c->legs[i].id;
			if (pass == 0) {
				total += (total ? seplen : 0) + strlen(word);
				continue;
			}
			add = (len ? seplen : 0) + strlen(word);
			if (len + add >= room)
				break;
			snprintf(out + len, n - len, "%s%s", len ? sep : "", word);
			len += add;
		}
		if (pass == 1 && total >= n && n >= sizeof cut)
			memcpy(out + len, cut, sizeof cut);
	}
	return total;
}
