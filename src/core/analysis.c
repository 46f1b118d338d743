/* analysis.c - coverage, load, legs and the findings of SPEC section 3.
 *
 * One pass over the cells fills the per-slot and per-person figures; the
 * findings are then emitted code by code in report order, subjects in id
 * order, so no sort is needed per run. Only the order of people by id is
 * sorted, and only when ids or rows changed since the last run. */
#include "analysis.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

static const struct {
	const char *name;
	enum severity severity;
	enum subject_kind kind;
} codes[F_COUNT] = {
	[F_UNCOVERED] = { "uncovered", SEV_ERROR, SUBJECT_SLOT },
	[F_EXTERNAL_ONLY] = { "external-only", SEV_WARNING, SUBJECT_SLOT },
	[F_FIVE_LEGGED_SHEEP] = { "five-legged-sheep", SEV_WARNING, SUBJECT_PERSON },
	[F_LEAD_CONFLICT] = { "lead-conflict", SEV_WARNING, SUBJECT_SLOT },
	[F_NO_LEAD] = { "no-lead", SEV_WARNING, SUBJECT_SLOT },
	[F_NO_OWNER] = { "no-owner", SEV_WARNING, SUBJECT_TEAM },
	[F_OVER_ALLOCATED] = { "over-allocated", SEV_WARNING, SUBJECT_PERSON },
	[F_POOR_COMBINATION] = { "poor-combination", SEV_WARNING, SUBJECT_PERSON },
	[F_UNDERSTAFFED] = { "understaffed", SEV_WARNING, SUBJECT_SLOT },
	[F_IDLE] = { "idle", SEV_INFO, SUBJECT_PERSON },
	[F_OVERLAP] = { "overlap", SEV_INFO, SUBJECT_SLOT },
	[F_SINGLE_POINT] = { "single-point", SEV_INFO, SUBJECT_SLOT },
};

const char *finding_code_name(enum finding_code code)
{
	return codes[code].name;
}

enum severity finding_severity(enum finding_code code)
{
	return codes[code].severity;
}

const char *severity_name(enum severity s)
{
	static const char *names[SEV_COUNT] = { "error", "warning", "info" };

	return names[s];
}

void analysis_init(struct analysis *a)
{
	memset(a, 0, sizeof *a);
}

void analysis_release(struct analysis *a)
{
	free(a->slots);
	free(a->people);
	free(a->findings);
	free(a->people_by_id);
	analysis_init(a);
}

/* Make room for @n items in *@buf (capacity *@cap items of @size). */
static int reserve(void **buf, int *cap, int n, size_t size)
{
	void *grown;
	int want;

	if (n <= *cap)
		return 0;
	want = *cap ? *cap : 16;
	while (want < n)
		want *= 2;
	grown = realloc(*buf, (size_t)want * size);
	if (!grown)
		return -1;
	*buf = grown;
	*cap = want;
	return 0;
}

static const struct plan *sort_plan;

static int person_id_cmp(const void *a, const void *b)
{
	return strcmp(sort_plan->people[*(const int *)a]->id,
		      sort_plan->people[*(const int *)b]->id);
}

static int sort_people(struct analysis *a, const struct plan *p)
{
	int i, cap = a->people_cap;
	int *grown;

	if (a->people_by_id && a->by_id_serial == p->serial && a->by_id_version == p->version)
		return 0;
	/* people_by_id is sized with the people buffer (see analysis_run) */
	grown = realloc(a->people_by_id, (size_t)(cap ? cap : 1) * sizeof *grown);
	if (!grown)
		return -1;
	a->people_by_id = grown;
	for (i = 0; i < p->npeople; i++)
		a->people_by_id[i] = i;
	sort_plan = p;
	qsort(a->people_by_id, (size_t)p->npeople, sizeof *a->people_by_id, person_id_cmp);
	sort_plan = NULL;
	a->by_id_serial = p->serial;
	a->by_id_version = p->version;
	return 0;
}

static int emit(struct analysis *a, enum finding_code code, int subject, int detail)
{
	struct finding *f;

	if (reserve((void **)&a->findings, &a->findings_cap, a->nfindings + 1,
		    sizeof *a->findings) < 0)
		return -1;
	f = &a->findings[a->nfindings++];
	f->code = code;
	f->kind = codes[code].kind;
	f->subject = subject;
	f->detail = detail;
	a->count[codes[code].severity]++;
	return 0;
}

static bool slot_fires(const struct analysis *a, enum finding_code code, int s)
{
	const struct slot_result *r = &a->slots[s];

	if (r->need == 0)
		return false;
	switch (code) {
	case F_UNCOVERED: return r->holders == 0;
	case F_UNDERSTAFFED:
		return r->need != NEED_UNSET && r->staffed > 0 && r->staffed < (long)r->need * 100;
	case F_NO_LEAD: return r->holders >= 2 && r->leads == 0;
	case F_LEAD_CONFLICT: return r->holders >= 2 && r->leads >= 2;
	case F_EXTERNAL_ONLY: return r->holders > 0 && r->external_holders == r->holders;
	case F_SINGLE_POINT: return r->holders == 1;
	case F_OVERLAP: return r->holders >= 2;
	default: return false;
	}
}

static bool has_owner(const struct analysis *a, const struct plan *p)
{
	const struct catalog *c = p->cat;
	bool any_needed = false;
	int i;

	for (i = 0; i < c->nowners; i++) {
		const struct slot_result *r = &a->slots[c->owners[i]];

		if (r->need == 0)
			continue;
		any_needed = true;
		if (r->internal_leads > 0)
			return true;
		if (r->holders == 1 && !p->people[r->first_holder]->external)
			return true;
	}
	/* a team that needs none of the owner slots is not asked for one */
	return !any_needed;
}

static void fill_state(struct analysis *a, int s)
{
	struct slot_result *r = &a->slots[s];

	if (r->need == 0)
		r->state = STATE_NOT_NEEDED;
	else if (slot_fires(a, F_UNCOVERED, s))
		r->state = STATE_UNCOVERED;
	else if (slot_fires(a, F_UNDERSTAFFED, s) || slot_fires(a, F_NO_LEAD, s) ||
		 slot_fires(a, F_LEAD_CONFLICT, s) || slot_fires(a, F_EXTERNAL_ONLY, s))
		r->state = STATE_WARNING;
	else if (slot_fires(a, F_SINGLE_POINT, s))
		r->state = STATE_THIN;
	else
		r->state = STATE_OK;
}

int analysis_run(struct analysis *a, const struct plan *p)
{
	const struct catalog *c = p->cat;
	int ns = c->nslots, np = p->npeople, i, s, code, k;
	int sheep = plan_sheep_legs(p), max_load = plan_max_load(p);

	a->plan = NULL;
	a->nfindings = 0;
	memset(a->count, 0, sizeof a->count);
	if (reserve((void **)&a->slots, &a->slots_cap, ns ? ns : 1, sizeof *a->slots) < 0)
		return -1;
	if (a->people_cap < np) {
		int before = a->people_cap;

		if (reserve((void **)&a->people, &a->people_cap, np, sizeof *a->people) < 0)
			return -1;
		if (before != a->people_cap)
			a->by_id_serial = 0; /* people_by_id must grow too */
	}
	if (sort_people(a, p) < 0)
		return -1;

	for (s = 0; s < ns; s++) {
		struct slot_result *r = &a->slots[s];

		memset(r, 0, sizeof *r);
		r->need = p->need[s];
		r->first_holder = -1;
	}
	for (i = 0; i < np; i++) {
		const struct person *person = p->people[i];
		struct person_result *pr = &a->people[i];

		memset(pr, 0, sizeof *pr);
		for (s = 0; s < ns; s++) {
			const struct cell *cell = &person->cells[s];
			struct slot_result *r;

			if (!cell->share)
				continue;
			r = &a->slots[s];
			if (r->holders++ == 0)
				r->first_holder = i;
			r->staffed += (long)person->fte * cell->share;
			r->leads += cell->lead;
			r->external_holders += person->external;
			r->internal_leads += cell->lead && !person->external;
			pr->load += cell->share;
			pr->legs |= c->slots[s].legs;
			pr->slots++;
		}
		pr->nlegs = catalog_leg_count(pr->legs);
		pr->sheep = pr->nlegs >= sheep;
		pr->over = pr->load > max_load;
	}
	for (s = 0; s < ns; s++)
		fill_state(a, s);

	for (code = 0; code < F_COUNT; code++) {
		switch (codes[code].kind) {
		case SUBJECT_SLOT:
			for (k = 0; k < ns; k++)
				if (slot_fires(a, code, c->by_id[k]) && emit(a, code, c->by_id[k], 0) < 0)
					return -1;
			break;
		case SUBJECT_PERSON:
			for (k = 0; k < np; k++) {
				int row = a->people_by_id[k];
				const struct person_result *pr = &a->people[row];
				const struct cell *cells = p->people[row]->cells;
				int fired = 0;

				if (code == F_POOR_COMBINATION) {
					for (i = 0; i < c->npairs; i++)
						if (c->pairs[i].poor && cells[c->pairs[i].a].share &&
						    cells[c->pairs[i].b].share && emit(a, code, row, i) < 0)
							return -1;
					continue;
				}
				fired = (code == F_FIVE_LEGGED_SHEEP && pr->sheep) ||
					(code == F_OVER_ALLOCATED && pr->over) ||
					(code == F_IDLE && pr->slots == 0);
				if (fired && emit(a, code, row, 0) < 0)
					return -1;
			}
			break;
		case SUBJECT_TEAM:
			if (!has_owner(a, p) && emit(a, code, 0, 0) < 0)
				return -1;
			break;
		}
	}
	a->plan = p;
	return 0;
}

bool analysis_slot_fires(const struct analysis *a, enum finding_code code, int slot)
{
	return codes[code].kind == SUBJECT_SLOT && slot_fires(a, code, slot);
}

enum finding_code analysis_slot_worst(const struct analysis *a, int slot)
{
	int code;

	for (code = 0; code < F_COUNT; code++)
		if (analysis_slot_fires(a, code, slot))
			return code;
	return F_COUNT;
}

const char *finding_subject_id(const struct analysis *a, const struct finding *f)
{
	switch (f->kind) {
	case SUBJECT_SLOT: return a->plan->cat->slots[f->subject].id;
	case SUBJECT_PERSON: return a->plan->people[f->subject]->id;
	default: return "team";
	}
}

void analysis_format_staffed(long staffed, char *buf, size_t n)
{
	text_format_decimal(staffed, 4, buf, n);
}

/* "Anna, Bram and 3 more": the names of the holders of @slot, leads only
 * when @leads_only. */
static void holder_names(const struct plan *p, int slot, bool leads_only, char *out, size_t n)
{
	int i, shown = 0, more = 0;
	size_t len = 0;

	out[0] = '\0';
	for (i = 0; i < p->npeople; i++) {
		const struct cell *cell = &p->people[i]->cells[slot];

		if (!cell->share || (leads_only && !cell->lead))
			continue;
		if (shown == 3) {
			more++;
			continue;
		}
		len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s",
					shown ? ", " : "", p->people[i]->name);
		if (len >= n)
			len = n - 1;
		shown++;
	}
	if (more)
		snprintf(out + len, n - len, " and %d more", more);
}

static void legs_list(const struct catalog *c, uint32_t legs, char *out, size_t n)
{
	size_t len = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < c->nlegs; i++) {
		if (!(legs & (1u << i)))
			continue;
		len += (size_t)snprintf(out + len, len < n ? n - len : 0, "%s%s",
					len ? ", " : "", c->legs[i].id);
		if (len >= n)
			len = n - 1;
	}
}

int finding_message(const struct analysis *a, const struct finding *f, char *buf, size_t n)
{
	const struct plan *p = a->plan;
	const struct catalog *c = p->cat;
	char names[400], need[32], staffed[32], legs[300];
	const char *sid;
	const struct slot_result *r;
	const struct person_result *pr;
	const struct person *person;

	if (f->kind == SUBJECT_SLOT) {
		sid = c->slots[f->subject].id;
		r = &a->slots[f->subject];
		text_format_decimal(r->need, FTE_DECIMALS, need, sizeof need);
		analysis_format_staffed(r->staffed, staffed, sizeof staffed);
		switch (f->code) {
		case F_UNCOVERED:
			if (r->need == NEED_UNSET)
				return snprintf(buf, n, "%s: nobody holds it", sid);
			return snprintf(buf, n, "%s: nobody holds it; %s FTE needed", sid, need);
		case F_UNDERSTAFFED:
			return snprintf(buf, n, "%s: %s of %s FTE staffed", sid, staffed, need);
		case F_NO_LEAD:
			holder_names(p, f->subject, false, names, sizeof names);
			return snprintf(buf, n, "%s: %d holders (%s) and none is lead",
					sid, r->holders, names);
		case F_LEAD_CONFLICT:
			holder_names(p, f->subject, true, names, sizeof names);
			return snprintf(buf, n, "%s: %d holders marked lead (%s); name one owner",
					sid, r->leads, names);
		case F_EXTERNAL_ONLY:
			holder_names(p, f->subject, false, names, sizeof names);
			return snprintf(buf, n, "%s: held only by external people (%s); "
					"someone inside must follow it up", sid, names);
		case F_SINGLE_POINT:
			holder_names(p, f->subject, false, names, sizeof names);
			return snprintf(buf, n, "%s: only %s holds it (%s FTE)", sid, names, staffed);
		case F_OVERLAP:
			holder_names(p, f->subject, false, names, sizeof names);
			return snprintf(buf, n, "%s: %d people share it (%s), %s FTE in all",
					sid, r->holders, names, staffed);
		default:
			break;
		}
	} else if (f->kind == SUBJECT_PERSON) {
		person = p->people[f->subject];
		pr = &a->people[f->subject];
		switch (f->code) {
		case F_FIVE_LEGGED_SHEEP:
			legs_list(c, pr->legs, legs, sizeof legs);
			return snprintf(buf, n, "%s holds %d legs: %s (limit %d)",
					person->name, pr->nlegs, legs, plan_sheep_legs(p));
		case F_OVER_ALLOCATED:
			return snprintf(buf, n, "%s is loaded %d%% of %d%% allowed (%d over)",
					person->name, pr->load, plan_max_load(p),
					pr->load - plan_max_load(p));
		case F_POOR_COMBINATION:
			return snprintf(buf, n, "%s holds both %s and %s, which ask for "
					"different qualities", person->name,
					c->slots[c->pairs[f->detail].a].id,
					c->slots[c->pairs[f->detail].b].id);
		case F_IDLE:
			return snprintf(buf, n, "%s has no assignments", person->name);
		default:
			break;
		}
	} else {
		size_t len = 0;
		int i;

		names[0] = '\0';
		for (i = 0; i < c->nowners; i++)
			len += (size_t)snprintf(names + len, len < sizeof names ? sizeof names - len : 0,
						"%s%s", i == 0 ? "" : i == c->nowners - 1 ? " or " : ", ",
						c->slots[c->owners[i]].id);
		return snprintf(buf, n, "nobody inside the team is lead or sole holder of %s; "
				"name one person end-responsible", names);
	}
	return snprintf(buf, n, "%s", codes[f->code].name);
}
