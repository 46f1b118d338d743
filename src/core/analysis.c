/* analysis.c - coverage, load, legs and the findings of SPEC section 3.
 *
 * The figures come first: one pass over the cells fills the per-slot and
 * per-person results (analysis_update_slot and analysis_update_person
 * recompute one of them). The findings are then collected rule by rule in
 * the table's order, subjects in id order, so no sort is needed per run.
 * Only the order of people by id is sorted, and only when ids or rows
 * changed since the last run.
 *
 * Every rule lives in its entry of rules[]: name, severity, subject kind,
 * the slot status it stands for, its message texts and its fires and
 * message functions. To add a rule, add its code to the enum in report
 * order, write its two functions and add its entry. */
#include "analysis.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Shared pieces of text, each a whole format of its own. */
static const char MORE_TEXT[] = "%s and %d more";   /* "Anna, Bram and 3 more" */
static const char LIST_SEP[] = ", ";

/* snprintf with a format from the rule table. The formats are data, so
 * the compiler cannot check them: every variant has a test. */
static int say(char *buf, size_t n, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = vsnprintf(buf, n, fmt, ap);
	va_end(ap);
	return rc;
}

/* ---- figures used by the rules ------------------------------------- */

static const struct slot_result *slot_of(const struct analysis *a, int s)
{
	return &a->slots[s];
}

static const struct catalog *cat_of(const struct analysis *a)
{
	return a->plan->cat;
}

/* "Anna, Bram and 3 more": the names of the holders of @slot, leads only
 * when @leads_only. */
static void holder_names(const struct plan *p, int slot, bool leads_only, char *out, size_t n)
{
	char shown_names[512];
	int i, shown = 0, more = 0;
	size_t len = 0, room = sizeof shown_names;

	shown_names[0] = '\0';
	for (i = 0; i < p->npeople; i++) {
		const struct cell *cell = &p->people[i]->cells[slot];

		if (!cell->share || (leads_only && !cell->lead))
			continue;
		if (shown == 3) {
			more++;
			continue;
		}
		len += (size_t)snprintf(shown_names + len, len < room ? room - len : 0, "%s%s",
					shown ? LIST_SEP : "", p->people[i]->name);
		if (len >= room)
			len = room - 1;
		shown++;
	}
	if (more)
		say(out, n, MORE_TEXT, shown_names, more);
	else
		snprintf(out, n, "%s", shown_names);
}

/* Slots are named by their label in every message: a person reads it.
 * Scripts get the id in the subject column. */
static const char *slot_name(const struct analysis *a, int s)
{
	return cat_of(a)->slots[s].label;
}

/* ---- slot rules ---------------------------------------------------- */

static bool uncovered_fires(const struct analysis *a, int s, int d)
{
	(void)d;
	return slot_of(a, s)->holders == 0;
}

static int uncovered_message(const struct analysis *a, const struct rule *r,
			     const struct finding *f, char *buf, size_t n)
{
	const struct slot_result *sr = slot_of(a, f->subject);
	char need[32];

	if (sr->need == NEED_UNSET)
		return say(buf, n, r->text[0], slot_name(a, f->subject));
	text_format_shown(sr->need, FTE_DECIMALS, need, sizeof need);
	return say(buf, n, r->text[1], slot_name(a, f->subject), need);
}

static bool understaffed_fires(const struct analysis *a, int s, int d)
{
	const struct slot_result *sr = slot_of(a, s);

	(void)d;
	return sr->need != NEED_UNSET && sr->staffed > 0 && sr->staffed < (long)sr->need * 100;
}

static int understaffed_message(const struct analysis *a, const struct rule *r,
				const struct finding *f, char *buf, size_t n)
{
	const struct slot_result *sr = slot_of(a, f->subject);
	char need[32], staffed[32];

	text_format_shown(sr->need, FTE_DECIMALS, need, sizeof need);
	text_format_shown(sr->staffed, 4, staffed, sizeof staffed);
	return say(buf, n, r->text[0], slot_name(a, f->subject), staffed, need);
}

static bool no_lead_fires(const struct analysis *a, int s, int d)
{
	(void)d;
	return slot_of(a, s)->holders >= 2 && slot_of(a, s)->leads == 0;
}

static bool lead_conflict_fires(const struct analysis *a, int s, int d)
{
	(void)d;
	return slot_of(a, s)->holders >= 2 && slot_of(a, s)->leads >= 2;
}

static bool external_only_fires(const struct analysis *a, int s, int d)
{
	const struct slot_result *sr = slot_of(a, s);

	(void)d;
	/* seed 004: outsource it if you like, but someone inside must follow
	 * it up; an insider's follows_up is that someone */
	return sr->holders > 0 && sr->external_holders == sr->holders && sr->followers == 0;
}

static bool single_point_fires(const struct analysis *a, int s, int d)
{
	(void)d;
	return slot_of(a, s)->holders == 1;
}

static bool overlap_fires(const struct analysis *a, int s, int d)
{
	(void)d;
	return slot_of(a, s)->holders >= 2;
}

/* The holder rules: the slot, a count and the holders' names, in the
 * order their texts take them. */
static int holders_message(const struct analysis *a, const struct rule *r,
			   const struct finding *f, char *buf, size_t n)
{
	const struct slot_result *sr = slot_of(a, f->subject);
	char names[400], staffed[32];

	holder_names(a->plan, f->subject, r->code == F_LEAD_CONFLICT, names, sizeof names);
	text_format_shown(sr->staffed, 4, staffed, sizeof staffed);
	switch (r->code) {
	case F_NO_LEAD:
		return say(buf, n, r->text[0], slot_name(a, f->subject), sr->holders, names);
	case F_LEAD_CONFLICT:
		return say(buf, n, r->text[0], slot_name(a, f->subject), sr->leads, names);
	case F_EXTERNAL_ONLY:
		return say(buf, n, r->text[0], slot_name(a, f->subject), names);
	case F_SINGLE_POINT:
		return say(buf, n, r->text[0], slot_name(a, f->subject), names, staffed);
	default: /* F_OVERLAP */
		return say(buf, n, r->text[0], slot_name(a, f->subject), sr->holders, names,
			   staffed);
	}
}

/* ---- person rules -------------------------------------------------- */

static const struct person_result *person_of(const struct analysis *a, int row)
{
	return &a->people[row];
}

static const char *person_name(const struct analysis *a, int row)
{
	return a->plan->people[row]->name;
}

static bool sheep_fires(const struct analysis *a, int row, int d)
{
	(void)d;
	return person_of(a, row)->sheep;
}

static int sheep_message(const struct analysis *a, const struct rule *r,
			 const struct finding *f, char *buf, size_t n)
{
	const struct person_result *pr = person_of(a, f->subject);
	char legs[CATALOG_LEGS_TEXT];

	catalog_legs_text(cat_of(a), pr->legs, true, LIST_SEP, legs, sizeof legs);
	return say(buf, n, r->text[0], person_name(a, f->subject), pr->nlegs, legs,
		   plan_sheep_legs(a->plan));
}

static bool over_fires(const struct analysis *a, int row, int d)
{
	(void)d;
	return person_of(a, row)->over;
}

long analysis_over_hours(const struct plan *p, int row, int over)
{
	/* percent x hundredths of FTE x hundredths of hours, to tenths */
	long long v = (long long)over * p->people[row]->fte * plan_hours_per_week(p);

	return (long)((v + 50000) / 100000);
}

static int over_message(const struct analysis *a, const struct rule *r,
			const struct finding *f, char *buf, size_t n)
{
	const struct person_result *pr = person_of(a, f->subject);
	int max = plan_max_load(a->plan);
	char hours[32];

	text_format_shown(analysis_over_hours(a->plan, f->subject, pr->load - max), 1, hours,
			  sizeof hours);
	return say(buf, n, r->text[0], person_name(a, f->subject), pr->load, max, pr->load - max,
		   hours);
}

static int pair_details(const struct analysis *a)
{
	return cat_of(a)->npairs;
}

static bool poor_fires(const struct analysis *a, int row, int pair)
{
	const struct pair *pp = &cat_of(a)->pairs[pair];
	const struct cell *cells = a->plan->people[row]->cells;

	return pp->poor && cells[pp->a].share && cells[pp->b].share;
}

static int poor_message(const struct analysis *a, const struct rule *r,
			const struct finding *f, char *buf, size_t n)
{
	const struct pair *pp = &cat_of(a)->pairs[f->detail];

	return say(buf, n, r->text[0], person_name(a, f->subject), slot_name(a, pp->a),
		   slot_name(a, pp->b));
}

static bool stretch_fires(const struct analysis *a, int row, int d)
{
	(void)d;
	return person_of(a, row)->stretch != 0;
}

static int stretch_message(const struct analysis *a, const struct rule *r,
			   const struct finding *f, char *buf, size_t n)
{
	const struct catalog *c = cat_of(a);
	const struct person *person = a->plan->people[f->subject];
	uint32_t stretch = person_of(a, f->subject)->stretch;
	char legs[CATALOG_LEGS_TEXT * 2], slots[1024];
	size_t len = 0;
	int s;

	catalog_legs_text(c, stretch, true, LIST_SEP, legs, sizeof legs);
	slots[0] = '\0';
	for (s = 0; s < c->nslots; s++) {
		if (!person->cells[s].share || !(c->slots[s].legs & stretch))
			continue;
		len += (size_t)snprintf(slots + len, len < sizeof slots ? sizeof slots - len : 0,
					"%s%s", len ? LIST_SEP : "", slot_name(a, s));
		if (len >= sizeof slots)
			len = sizeof slots - 1;
	}
	return say(buf, n, r->text[0], person->name, legs, slots);
}

static bool idle_fires(const struct analysis *a, int row, int d)
{
	(void)d;
	return person_of(a, row)->slots == 0;
}

static int person_message(const struct analysis *a, const struct rule *r,
			  const struct finding *f, char *buf, size_t n)
{
	return say(buf, n, r->text[0], person_name(a, f->subject));
}

/* ---- team rules ---------------------------------------------------- */

static bool no_owner_fires(const struct analysis *a, int subject, int d)
{
	const struct plan *p = a->plan;
	const struct catalog *c = p->cat;
	bool any_needed = false;
	int i;

	(void)subject;
	(void)d;
	for (i = 0; i < c->nowners; i++) {
		const struct slot_result *sr = slot_of(a, c->owners[i]);

		if (sr->need == 0)
			continue;
		any_needed = true;
		if (sr->internal_leads > 0)
			return false;
		if (sr->holders == 1 && sr->external_holders == 0)
			return false;
	}
	/* a team that needs none of the owner slots is not asked for one */
	return any_needed;
}

static int no_owner_message(const struct analysis *a, const struct rule *r,
			    const struct finding *f, char *buf, size_t n)
{
	const struct catalog *c = cat_of(a);
	char list[2048];
	size_t len = 0;
	int i;

	(void)f;
	if (c->nowners == 1)
		return say(buf, n, r->text[0], slot_name(a, c->owners[0]));
	if (c->nowners == 2)
		return say(buf, n, r->text[1], slot_name(a, c->owners[0]),
			   slot_name(a, c->owners[1]));
	list[0] = '\0';
	for (i = 0; i < c->nowners; i++)
		len += (size_t)snprintf(list + len, len < sizeof list ? sizeof list - len : 0, "%s%s",
					i ? LIST_SEP : "", slot_name(a, c->owners[i]));
	if (len >= sizeof list)
		len = sizeof list - 1;
	return say(buf, n, r->text[2], list);
}

static bool reporting_line_fires(const struct analysis *a, int subject, int d)
{
	const char *to = a->plan->reports_to;

	(void)subject;
	(void)d;
	return strcmp(to, "marketing") == 0 || strcmp(to, "it") == 0;
}

static int reporting_line_message(const struct analysis *a, const struct rule *r,
				  const struct finding *f, char *buf, size_t n)
{
	(void)f;
	return say(buf, n, r->text[strcmp(a->plan->reports_to, "it") == 0]);
}

void analysis_team(const struct analysis *a, struct team_result *t)
{
	const struct catalog *c = cat_of(a);
	int s;

	memset(t, 0, sizeof *t);
	for (s = 0; s < c->nslots; s++) {
		const struct slot_result *sr = slot_of(a, s);

		if (sr->need == 0) /* team rules count only needed slots */
			continue;
		if (c->slots[s].level == LEVEL_STRATEGIC)
			t->strategic += sr->staffed;
		else if (c->slots[s].level == LEVEL_OPERATIONAL)
			t->operational += sr->staffed;
		if (c->slots[s].kind == SLOT_TASK) {
			t->tasks += sr->staffed;
			t->tasks_held += sr->holders > 0;
		}
	}
}

static bool helpdesk_fires(const struct analysis *a, int subject, int d)
{
	struct team_result t;
	long long min = plan_min_strategic(a->plan);

	(void)subject;
	(void)d;
	analysis_team(a, &t);
	/* strategic% < min, exactly: strategic x 100 < min x (both) */
	return min > 0 && t.operational > 0 &&
	       (long long)t.strategic * 100 < min * (t.strategic + t.operational);
}

static int helpdesk_message(const struct analysis *a, const struct rule *r,
			    const struct finding *f, char *buf, size_t n)
{
	struct team_result t;
	char pct[32];

	(void)f;
	analysis_team(a, &t);
	/* tenths of a percent, rounded down so the figure is never shown at
	 * the threshold it is below */
	text_format_shown((long)((long long)t.strategic * 1000 / (t.strategic + t.operational)), 1,
			  pct, sizeof pct);
	return say(buf, n, r->text[0], pct, plan_min_strategic(a->plan));
}

static bool officer_fires(const struct analysis *a, int subject, int d)
{
	struct team_result t;
	int want = plan_officer_fte(a->plan);

	(void)subject;
	(void)d;
	analysis_team(a, &t);
	return want > 0 && t.tasks_held > 0 && t.tasks < (long)want * 100;
}

static int officer_message(const struct analysis *a, const struct rule *r,
			   const struct finding *f, char *buf, size_t n)
{
	struct team_result t;
	char staffed[32], want[32];

	(void)f;
	analysis_team(a, &t);
	text_format_shown(t.tasks, 4, staffed, sizeof staffed);
	text_format_shown(plan_officer_fte(a->plan), FTE_DECIMALS, want, sizeof want);
	return say(buf, n, r->text[0], staffed, want);
}

/* ---- the table ----------------------------------------------------- */

#define SLOT_RULE(st, label) .kind = SUBJECT_SLOT, .state = (st), .status = (label)

static const struct rule rules[F_COUNT] = {
	[F_UNCOVERED] = {
		F_UNCOVERED, "uncovered", SEV_ERROR, SLOT_RULE(STATE_UNCOVERED, "X uncovered"),
		.text = { "%s: nobody holds it",
			  "%s: nobody holds it; %s FTE needed" },
		.fires = uncovered_fires, .message = uncovered_message,
	},
	[F_EXTERNAL_ONLY] = {
		F_EXTERNAL_ONLY, "external-only", SEV_WARNING,
		SLOT_RULE(STATE_WARNING, "! external only"),
		.text = { "%s: held only by external people (%s); "
			  "someone inside must follow it up" },
		.fires = external_only_fires, .message = holders_message,
	},
	[F_FIVE_LEGGED_SHEEP] = {
		F_FIVE_LEGGED_SHEEP, "five-legged-sheep", SEV_WARNING, .kind = SUBJECT_PERSON,
		.text = { "%s holds %d legs: %s (limit %d)" },
		.fires = sheep_fires, .message = sheep_message,
	},
	[F_HELPDESK_DRIFT] = {
		F_HELPDESK_DRIFT, "helpdesk-drift", SEV_WARNING, .kind = SUBJECT_TEAM,
		.text = { "only %s%% of the strategic and operational time is strategic, "
			  "below %d%%: the team is drifting into a help desk" },
		.fires = helpdesk_fires, .message = helpdesk_message,
	},
	[F_LEAD_CONFLICT] = {
		F_LEAD_CONFLICT, "lead-conflict", SEV_WARNING,
		SLOT_RULE(STATE_WARNING, "! lead conflict"),
		.text = { "%s: %d holders marked lead (%s); name one owner" },
		.fires = lead_conflict_fires, .message = holders_message,
	},
	[F_NO_LEAD] = {
		F_NO_LEAD, "no-lead", SEV_WARNING, SLOT_RULE(STATE_WARNING, "! no lead"),
		.text = { "%s: %d holders (%s) and none is lead" },
		.fires = no_lead_fires, .message = holders_message,
	},
	[F_NO_OWNER] = {
		F_NO_OWNER, "no-owner", SEV_WARNING, .kind = SUBJECT_TEAM,
		.text = { "nobody inside the team is lead or sole holder of %s; name one "
			  "person end-responsible early (only 56%% of companies have one)",
			  "nobody inside the team is lead or sole holder of %s or %s; name one "
			  "person end-responsible early (only 56%% of companies have one)",
			  "nobody inside the team is lead or sole holder of one of %s; name one "
			  "person end-responsible early (only 56%% of companies have one)" },
		.fires = no_owner_fires, .message = no_owner_message,
	},
	[F_OVER_ALLOCATED] = {
		F_OVER_ALLOCATED, "over-allocated", SEV_WARNING, .kind = SUBJECT_PERSON,
		.text = { "%s is loaded %d%% of %d%% allowed (%d over, %s hours a week)" },
		.fires = over_fires, .message = over_message,
	},
	[F_POOR_COMBINATION] = {
		F_POOR_COMBINATION, "poor-combination", SEV_WARNING, .kind = SUBJECT_PERSON,
		.text = { "%s holds both %s and %s, which ask for different qualities" },
		.details = pair_details, .fires = poor_fires, .message = poor_message,
	},
	[F_REPORTING_LINE] = {
		F_REPORTING_LINE, "reporting-line", SEV_WARNING, .kind = SUBJECT_TEAM,
		.text = { "the team reports to marketing; let it report to the CEO, "
			  "from outside marketing and IT",
			  "the team reports to IT; let it report to the CEO, "
			  "from outside marketing and IT" },
		.fires = reporting_line_fires, .message = reporting_line_message,
	},
	[F_STRETCH] = {
		F_STRETCH, "stretch", SEV_WARNING, .kind = SUBJECT_PERSON,
		.text = { "%s is asked for %s (by %s), not among the strengths given" },
		.fires = stretch_fires, .message = stretch_message,
	},
	[F_UNDERSTAFFED] = {
		F_UNDERSTAFFED, "understaffed", SEV_WARNING,
		SLOT_RULE(STATE_WARNING, "! understaffed"),
		.text = { "%s: %s of %s FTE staffed" },
		.fires = understaffed_fires, .message = understaffed_message,
	},
	[F_IDLE] = {
		F_IDLE, "idle", SEV_INFO, .kind = SUBJECT_PERSON,
		.text = { "%s has no assignments" },
		.fires = idle_fires, .message = person_message,
	},
	[F_OFFICER_PART_TIME] = {
		F_OFFICER_PART_TIME, "officer-part-time", SEV_INFO, .kind = SUBJECT_TEAM,
		.text = { "the officer's tasks are staffed %s FTE in all, below %s: "
			  "even in a small organisation they can be a full-time job" },
		.fires = officer_fires, .message = officer_message,
	},
	[F_OVERLAP] = {
		F_OVERLAP, "overlap", SEV_INFO, SLOT_RULE(STATE_OK, "+ shared, led"),
		.text = { "%s: %d people share it (%s), %s FTE in all" },
		.fires = overlap_fires, .message = holders_message,
	},
	[F_SINGLE_POINT] = {
		F_SINGLE_POINT, "single-point", SEV_INFO, SLOT_RULE(STATE_THIN, "~ one holder"),
		.text = { "%s: only %s holds it (%s FTE)" },
		.fires = single_point_fires, .message = holders_message,
	},
};

static const char STATUS_OK[] = "+ ok";
static const char STATUS_NOT_NEEDED[] = "- not needed";

const struct rule *rule_get(enum finding_code code)
{
	return (unsigned)code < F_COUNT ? &rules[code] : NULL;
}

const struct rule *rule_table(int *n)
{
	*n = F_COUNT;
	return rules;
}

const char *finding_code_name(enum finding_code code)
{
	return rules[code].name;
}

enum severity finding_severity(enum finding_code code)
{
	return rules[code].severity;
}

enum finding_code finding_code_by_name(const char *name)
{
	int i;

	for (i = 0; i < F_COUNT; i++)
		if (strcmp(rules[i].name, name) == 0)
			return (enum finding_code)i;
	return F_COUNT;
}

const char *severity_name(enum severity s)
{
	static const char *names[SEV_COUNT] = { "error", "warning", "info" };

	return names[s];
}

static int rule_detail_count(const struct analysis *a, const struct rule *r)
{
	return r->details ? r->details(a) : 1;
}

bool rule_fires(const struct analysis *a, enum finding_code code, int subject, int detail)
{
	const struct rule *r = rule_get(code);

	if (!r || !a->plan || detail < 0 || detail >= rule_detail_count(a, r))
		return false;
	switch (r->kind) {
	case SUBJECT_SLOT:
		if (subject < 0 || subject >= a->plan->cat->nslots)
			return false;
		/* slots with need 0 take part in no slot rule */
		if (a->slots[subject].need == 0)
			return false;
		break;
	case SUBJECT_PERSON:
		if (subject < 0 || subject >= a->plan->npeople)
			return false;
		break;
	case SUBJECT_TEAM:
		if (subject != 0)
			return false;
		break;
	}
	return r->fires(a, subject, detail);
}

/* ---- running ------------------------------------------------------- */

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

static int sort_people(struct analysis *a, const struct plan *p)
{
	int cap = a->people_cap;
	int *grown;

	if (a->people_by_id && a->by_id_serial == p->serial && a->by_id_version == p->version)
		return 0;
	/* people_by_id is sized with the people buffer (see analysis_run) */
	grown = realloc(a->people_by_id, (size_t)(cap ? cap : 1) * sizeof *grown);
	if (!grown)
		return -1;
	a->people_by_id = grown;
	plan_rows_by_id(p, a->people_by_id);
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
	f->kind = rules[code].kind;
	f->subject = subject;
	f->detail = detail;
	a->count[rules[code].severity]++;
	return 0;
}

enum finding_code analysis_slot_worst(const struct analysis *a, int slot)
{
	int code;

	for (code = 0; code < F_COUNT; code++)
		if (rules[code].kind == SUBJECT_SLOT && rule_fires(a, code, slot, 0))
			return code;
	return F_COUNT;
}

bool analysis_slot_fires(const struct analysis *a, enum finding_code code, int slot)
{
	return rule_get(code) && rules[code].kind == SUBJECT_SLOT && rule_fires(a, code, slot, 0);
}

static void fill_state(struct analysis *a, int s)
{
	struct slot_result *r = &a->slots[s];
	enum finding_code worst;

	if (r->need == 0) {
		r->state = STATE_NOT_NEEDED;
		return;
	}
	worst = analysis_slot_worst(a, s);
	r->state = worst == F_COUNT ? STATE_OK : rules[worst].state;
}

const char *analysis_slot_status(const struct analysis *a, int slot, enum severity *sev)
{
	enum finding_code worst;

	*sev = SEV_COUNT;
	if (a->slots[slot].need == 0)
		return STATUS_NOT_NEEDED;
	worst = analysis_slot_worst(a, slot);
	if (worst == F_COUNT)
		return STATUS_OK;
	*sev = rules[worst].severity;
	return rules[worst].status;
}

/* The accounting of analysis_slot_add_cell, for the person at @row.
 * Inlined where the full analysis counts, so @sign folds away there and
 * a cell that neither holds nor follows up costs two tests. */
static inline void slot_count(struct slot_result *r, const struct person *person, int row,
			      int slot, int sign)
{
	const struct cell *cell = &person->cells[slot];

	if (cell->share) {
		if (sign > 0 && r->holders == 0)
			r->first_holder = row;
		r->holders += sign;
		r->staffed += sign * (long)person->fte * cell->share;
		r->leads += sign * cell->lead;
		r->external_holders += sign * person->external;
		r->internal_leads += sign * (cell->lead && !person->external);
	}
	if (cell->follows && !person->external)
		r->followers += sign;
}

void analysis_slot_add_cell(struct slot_result *r, const struct plan *p, int row, int slot,
			    int sign)
{
	slot_count(r, p->people[row], row, slot, sign);
}

/* Add the cells of @row to the figures of every slot. */
static void add_person_to_slots(struct analysis *a, int row)
{
	const struct person *person = a->plan->people[row];
	int s, ns = a->plan->cat->nslots;

	for (s = 0; s < ns; s++)
		slot_count(&a->slots[s], person, row, s, 1);
}

static void clear_slot(struct analysis *a, int s)
{
	struct slot_result *r = &a->slots[s];

	memset(r, 0, sizeof *r);
	r->need = a->plan->need[s];
	r->first_holder = -1;
}

void analysis_update_person(struct analysis *a, int row)
{
	const struct plan *p = a->plan;
	const struct catalog *c = p->cat;
	const struct person *person = p->people[row];
	struct person_result *pr = &a->people[row];
	int s;

	memset(pr, 0, sizeof *pr);
	for (s = 0; s < c->nslots; s++) {
		if (!person->cells[s].share)
			continue;
		pr->load += person->cells[s].share;
		pr->legs |= c->slots[s].legs;
		pr->slots++;
	}
	pr->nlegs = catalog_leg_count(pr->legs);
	pr->sheep = pr->nlegs >= plan_sheep_legs(p);
	pr->over = pr->load > plan_max_load(p);
	pr->stretch = person->strengths_known ? pr->legs & ~person->strengths : 0;
}

void analysis_update_slot(struct analysis *a, int s)
{
	const struct plan *p = a->plan;
	struct slot_result *r = &a->slots[s];
	int i;

	clear_slot(a, s);
	for (i = 0; i < p->npeople; i++)
		slot_count(r, p->people[i], i, s, 1);
	fill_state(a, s);
}

int analysis_collect(struct analysis *a)
{
	const struct plan *p = a->plan;
	const struct catalog *c = p->cat;
	int code, k, d;

	a->nfindings = 0;
	memset(a->count, 0, sizeof a->count);
	if (sort_people(a, p) < 0)
		return -1;
	for (code = 0; code < F_COUNT; code++) {
		const struct rule *r = &rules[code];
		int nd = rule_detail_count(a, r), n;

		n = r->kind == SUBJECT_SLOT ? c->nslots : r->kind == SUBJECT_PERSON ? p->npeople : 1;
		for (k = 0; k < n; k++) {
			int subject = r->kind == SUBJECT_SLOT ? c->by_id[k] :
				      r->kind == SUBJECT_PERSON ? a->people_by_id[k] : 0;

			for (d = 0; d < nd; d++)
				if (rule_fires(a, code, subject, d) && emit(a, code, subject, d) < 0)
					return -1;
		}
	}
	return 0;
}

int analysis_run(struct analysis *a, const struct plan *p)
{
	int ns = p->cat->nslots, np = p->npeople, i, s;

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
	a->plan = p;
	for (s = 0; s < ns; s++)
		clear_slot(a, s);
	for (i = 0; i < np; i++) {
		analysis_update_person(a, i);
		add_person_to_slots(a, i);
	}
	for (s = 0; s < ns; s++)
		fill_state(a, s);
	if (analysis_collect(a) < 0) {
		a->plan = NULL;
		a->nfindings = 0;
		memset(a->count, 0, sizeof a->count);
		return -1;
	}
	return 0;
}

/* ---- text ---------------------------------------------------------- */

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

int finding_message(const struct analysis *a, const struct finding *f, char *buf, size_t n)
{
	const struct rule *r = rule_get(f->code);

	return r->message(a, r, f, buf, n);
}
