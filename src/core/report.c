/* report.c - build the board report's table model from an analysis.
 *
 * Everything the model holds lives in one pool that report_free drops at
 * once, so the builder can allocate freely and give up cleanly when
 * memory runs out: each helper returns NULL then and report_build
 * checks one flag at the end. */
#define _GNU_SOURCE
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decide.h"
#include "text.h"
#include "i18n.h"

struct report_chunk {
	struct report_chunk *next;
	max_align_t data[];
};

struct builder {
	struct report *r;
	const struct analysis *a;
	bool failed;
};

static void *pool_alloc(struct builder *b, size_t size)
{
	struct report_chunk *c;

	if (b->failed)
		return NULL;
	c = calloc(1, sizeof *c + (size ? size : 1));
	if (!c) {
		b->failed = true;
		return NULL;
	}
	c->next = b->r->pool;
	b->r->pool = c;
	return c->data;
}

/* A copy of @s with every control character and stray byte made a
 * visible escape: the model's one promise to its writers. */
static const char *clean(struct builder *b, const char *s)
{
	size_t n = text_escape(s, NULL, 0) + 1;
	char *out = pool_alloc(b, n);

	if (!out)
		return "";
	text_escape(s, out, n);
	return out;
}

static const char *fmt(struct builder *b, const char *f, ...) __attribute__((format(printf, 2, 3)));

static const char *fmt(struct builder *b, const char *f, ...)
{
	va_list ap;
	char *s = NULL;
	const char *out;
	int n;

	va_start(ap, f);
	n = vasprintf(&s, f, ap);
	va_end(ap);
	if (n < 0) {
		b->failed = true;
		return "";
	}
	out = clean(b, s);
	free(s);
	return out;
}

/* @value scaled by 10^@decimals, for scripts: always a decimal point. */
static const char *decimal(struct builder *b, long value, int decimals)
{
	char buf[48];

	text_format_decimal(value, decimals, buf, sizeof buf);
	return fmt(b, "%s", buf);
}

/* The same for people, with the separator of their language. */
static const char *shown(struct builder *b, long value, int decimals)
{
	char buf[48];

	text_format_shown(value, decimals, buf, sizeof buf);
	return fmt(b, "%s", buf);
}

/* What each finding is called on the board and what to do about it. The
 * codes are the analysis's; a code missing here shows by its name. */
static const struct {
	const char *code, *title, *advice;
} rule_words[] = {
	{ "uncovered", N_("Uncovered"),
	  N_("Give the slot a holder, or set its need to 0 if the team does without it.") },
	{ "external-only", N_("External only"),
	  N_("Have someone inside follow it up or take a share of it.") },
	{ "five-legged-sheep", N_("Five-legged sheep"),
	  N_("Spread these slots over more people: nobody is strong in everything.") },
	{ "lead-conflict", N_("Lead conflict"),
	  N_("Keep one lead, the one person who answers for the slot.") },
	{ "no-lead", N_("No lead"),
	  N_("Mark one holder as lead, the one person who answers for the slot.") },
	{ "no-owner", N_("No owner"),
	  N_("Make one person inside the team end-responsible, early on.") },
	{ "over-allocated", N_("Over-allocated"),
	  N_("Lower their shares or move work to someone with time left.") },
	{ "poor-combination", N_("Poor combination"),
	  N_("Give one of the two roles to someone else.") },
	{ "understaffed", N_("Understaffed"),
	  N_("Raise the shares or add a holder until the needed FTE is staffed.") },
	{ "idle", N_("Idle"),
	  N_("Give them work in the plan, or leave them out of it.") },
	{ "overlap", N_("Shared"),
	  N_("Fine with one lead; agree how the holders hand over.") },
	{ "single-point", N_("One holder"),
	  N_("Prepare a second person, so the work survives a holiday or a departure.") },
	{ "stretch", N_("Stretch"),
	  N_("Train them in the strengths the slot asks for, or give it to someone who has them.") },
	{ "reporting-line", N_("Reporting line"),
	  N_("Let the team report to the CEO, not from within marketing or IT.") },
	{ "helpdesk-drift", N_("Help desk drift"),
	  N_("Give strategic work more time, so the team is more than a help desk.") },
	{ "officer-part-time", N_("Part-time officer"),
	  N_("Plan the time the tasks take: even in a small organisation they can be a full-time job.") },
};

static int rule_index(const char *code)
{
	size_t i;

	for (i = 0; i < sizeof rule_words / sizeof rule_words[0]; i++)
		if (strcmp(rule_words[i].code, code) == 0)
			return (int)i;
	return -1;
}

const char *report_rule_title(const char *code)
{
	int w = rule_index(code);

	return w < 0 ? code : _(rule_words[w].title);
}

const char *report_rule_advice(const char *code)
{
	int w = rule_index(code);

	return w < 0 ? "" : _(rule_words[w].advice);
}

/* The status of a slot as a symbol and a word (the rule table's label),
 * so it reads without colour too; its colour, severity and code. */
static const char *slot_status(const struct analysis *a, int s, enum report_tone *tone,
			       int *severity, const char **value)
{
	static const enum report_tone tones[] = {
		[STATE_UNCOVERED] = TONE_ERROR, [STATE_WARNING] = TONE_WARNING,
		[STATE_THIN] = TONE_THIN, [STATE_OK] = TONE_OK, [STATE_NOT_NEEDED] = TONE_OFF,
	};
	enum finding_code worst = analysis_slot_worst(a, s);
	enum severity sev;
	const char *label = analysis_slot_status(a, s, &sev);

	*tone = tones[a->slots[s].state];
	*severity = sev == SEV_COUNT ? -1 : (int)sev;
	if (a->slots[s].state == STATE_NOT_NEEDED)
		*value = "not-needed";
	else
		*value = worst == F_COUNT ? "ok" : finding_code_name(worst);
	return label;
}

static struct report_table *new_table(struct builder *b, const char *id, const char *title,
				      int level, int ncols, int nrows)
{
	struct report *r = b->r;
	struct report_table *t;
	int i;

	if (r->ntables == (int)(sizeof r->tables / sizeof r->tables[0])) {
		b->failed = true;
		return NULL;
	}
	t = &r->tables[r->ntables++];
	t->id = id;
	t->title = title;
	t->note = "";
	t->level = level;
	t->ncols = ncols;
	t->nrows = nrows;
	t->cols = pool_alloc(b, (size_t)(ncols ? ncols : 1) * sizeof *t->cols);
	t->cells = pool_alloc(b, (size_t)(ncols ? ncols : 1) * (size_t)(nrows ? nrows : 1) *
				     sizeof *t->cells);
	t->row_group = pool_alloc(b, (size_t)(nrows ? nrows : 1) * sizeof *t->row_group);
	if (!t->cols || !t->cells || !t->row_group) {
		t->ncols = t->nrows = 0;
		return NULL;
	}
	for (i = 0; i < ncols * nrows; i++) {
		t->cells[i].text = t->cells[i].value = "";
		t->cells[i].severity = -1;
	}
	for (i = 0; i < nrows; i++)
		t->row_group[i] = -1;
	for (i = 0; i < ncols; i++)
		t->cols[i].group = -1;
	return t;
}

static void column(struct report_table *t, int col, const char *key, const char *title,
		   enum report_align align)
{
	t->cols[col].key = key;
	t->cols[col].title = title;
	t->cols[col].align = align;
}

static struct report_cell *cell(struct report_table *t, int row, int col)
{
	return &t->cells[row * t->ncols + col];
}

static void put(struct report_table *t, int row, int col, const char *text, const char *value)
{
	struct report_cell *c = cell(t, row, col);

	c->text = text ? text : "";
	c->value = value ? value : c->text;
}

static void fact(struct builder *b, const char *key, const char *title, const char *text,
		 const char *value)
{
	struct report *r = b->r;
	struct report_fact *f;

	if (r->nfacts == (int)(sizeof r->facts / sizeof r->facts[0])) {
		b->failed = true;
		return;
	}
	f = &r->facts[r->nfacts++];
	f->key = key;
	f->title = title;
	f->text = text;
	f->value = value ? value : text;
}

/* The names (@ids false) or ids of the leads of @slot, ", "-joined. */
static const char *leads_of(struct builder *b, int slot, bool ids)
{
	const struct plan *p = b->a->plan;
	size_t len = 0, cap = 1;
	char *out;
	int i;

	for (i = 0; i < p->npeople; i++)
		if (p->people[i]->cells[slot].lead)
			cap += strlen(ids ? p->people[i]->id : p->people[i]->name) + 2;
	out = malloc(cap);
	if (!out) {
		b->failed = true;
		return "";
	}
	out[0] = '\0';
	for (i = 0; i < p->npeople; i++) {
		if (!p->people[i]->cells[slot].lead)
			continue;
		len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? (ids ? " " : ", ") : "",
					ids ? p->people[i]->id : p->people[i]->name);
	}
	{
		const char *kept = clean(b, out);

		free(out);
		return kept;
	}
}

/* Leg labels (", ") or ids (" ") of @legs. */
static const char *legs_of(struct builder *b, uint32_t legs, bool ids)
{
	const struct catalog *c = b->a->plan->cat;
	char buf[CATALOG_MAX_LEGS * 64];

	catalog_legs_text(c, legs, !ids, ids ? " " : ", ", buf, sizeof buf);
	return fmt(b, "%s", buf);
}

static const char *slot_label(const struct slot *s)
{
	/* the catalog's Dutch label when the report is in Dutch */
	const char *label = catalog_dutch() && s->dutch && s->dutch[0] ? s->dutch : s->label;

	return label && label[0] ? label : s->id;
}

void report_load_bar(int load, int max_load, char *out, size_t n)
{
	/* ten cells for max_load, each a tenth of it, rounded; a load above
	 * nothing shows at least one cell */
	int cells = max_load > 0 ? (load * 10 + max_load / 2) / max_load : 0;
	int shown, i;
	size_t len = 0;

	if (load > 0 && cells == 0)
		cells = 1;
	shown = cells < 10 ? 10 : cells > 20 ? 20 : cells;
	if (n)
		out[0] = '\0';
	for (i = 0; i <= shown; i++) {
		const char *glyph = i == shown ? (cells > 20 ? "+" : "")
				    : i >= 10 ? "\u2592" : i < cells ? "\u2588" : "\u2591";
		size_t k = strlen(glyph);

		if (len + k + 1 > n)
			break;
		memcpy(out + len, glyph, k + 1);
		len += k;
	}
}

/* Hundredths of an hour as people write them: "36", "37.5". */
static const char *hours_text(struct builder *b, int hundredths)
{
	return hundredths % 100 ? shown(b, hundredths, 2) : fmt(b, "%d", hundredths / 100);
}

/* Whom the team reports to, from its id: "CEO", "IT", "Board". */
static const char *reports_to_text(struct builder *b, const char *id)
{
	char buf[ID_MAX + 1];
	size_t i, n = strlen(id);

	snprintf(buf, sizeof buf, "%s", id);
	for (i = 0; i < n; i++)
		if ((n <= 3 || i == 0) && buf[i] >= 'a' && buf[i] <= 'z')
			buf[i] = (char)(buf[i] - 'a' + 'A');
	return fmt(b, "%s", buf);
}

static void build_people(struct builder *b)
{
	const struct analysis *a = b->a;
	const struct plan *p = a->plan;
	int max_load = plan_max_load(p), i, known = 0;
	struct report_table *t;

	/* the strengths people have, when the team file gives any */
	for (i = 0; i < p->npeople; i++)
		known |= p->people[i]->strengths_known;
	t = new_table(b, "people", _("People"), 2, known ? 9 : 8, p->npeople);

	if (!t)
		return;
	t->note = fmt(b, _("Load is the sum of a person's shares, in percent of their own time; "
			 "more than %d%% is over, and the hours over are counted in a week "
			 "of %s hours. Legs are the families of strengths their slots ask "
			 "for; %d or more make a five-legged sheep."),
		      max_load, hours_text(b, plan_hours_per_week(p)), plan_sheep_legs(p));
	if (!p->npeople)
		t->note = _("Nobody is in the plan yet.");
	column(t, 0, "person", _("Person"), ALIGN_LEFT);
	column(t, 1, "external", _("External"), ALIGN_LEFT);
	column(t, 2, "fte", _("FTE"), ALIGN_RIGHT);
	column(t, 3, "load", _("Load"), ALIGN_RIGHT);
	column(t, 4, "load_bar", _("Load bar"), ALIGN_LEFT);
	column(t, 5, "hours_over", _("Hours a week over"), ALIGN_RIGHT);
	column(t, 6, "legs", _("Legs"), ALIGN_RIGHT);
	column(t, 7, "leg_names", _("Strengths asked"), ALIGN_LEFT);
	if (known)
		column(t, 8, "strengths", _("Strengths known"), ALIGN_LEFT);
	for (i = 0; i < p->npeople; i++) {
		const struct person *person = p->people[i];
		const struct person_result *pr = &a->people[i];
		char bar[128];
		long tenths = 0;

		put(t, i, 0, clean(b, person->name), clean(b, person->id));
		put(t, i, 1, person->external ? _("yes") : "", person->external ? "yes" : "no");
		put(t, i, 2, shown(b, person->fte, FTE_DECIMALS), decimal(b, person->fte, FTE_DECIMALS));
		put(t, i, 3, fmt(b, "%d%%", pr->load), fmt(b, "%d", pr->load));
		report_load_bar(pr->load, max_load, bar, sizeof bar);
		put(t, i, 4, fmt(b, "%s", bar), fmt(b, "%d", pr->load));
		if (pr->over) {
			tenths = analysis_over_hours(p, i, pr->load - max_load);
			cell(t, i, 3)->tone = cell(t, i, 4)->tone = TONE_WARNING;
			cell(t, i, 3)->severity = cell(t, i, 4)->severity = SEV_WARNING;
		}
		put(t, i, 5, pr->over ? shown(b, tenths, 1) : "", decimal(b, tenths, 1));
		put(t, i, 6, pr->sheep ? fmt(b, _("%d sheep"), pr->nlegs) : fmt(b, "%d", pr->nlegs),
		    fmt(b, "%d", pr->nlegs));
		if (pr->sheep) {
			cell(t, i, 6)->tone = TONE_WARNING;
			cell(t, i, 6)->severity = SEV_WARNING;
		}
		put(t, i, 7, legs_of(b, pr->legs, false), legs_of(b, pr->legs, true));
		if (known && person->strengths_known)
			put(t, i, 8, person->strengths ? legs_of(b, person->strengths, false) : _("none"),
			    legs_of(b, person->strengths, true));
		else if (known)
			put(t, i, 8, _("not known"), "");
	}
}

static void build_grid(struct builder *b)
{
	const struct plan *p = b->a->plan;
	const struct catalog *c = p->cat;
	int i, s;
	struct report_table *t = new_table(b, "grid", _("Who does what"), 2, 1 + c->nslots,
					   p->npeople + 1);

	if (!t)
		return;
	t->note = _("Each share is a percentage of that person's own time; L marks the lead, "
		  "the one who answers for the slot. The last row is the coverage of each "
		  "slot: X uncovered, ! a warning, ~ one holder, + covered, - not needed.");
	t->foot = 1;
	t->groups[0] = _("Roles");
	t->groups[1] = _("Tasks");
	t->group_keys[0] = "role";
	t->group_keys[1] = "task";
	t->ngroups = 2;
	column(t, 0, "person", _("Person"), ALIGN_LEFT);
	for (s = 0; s < c->nslots; s++) {
		column(t, 1 + s, c->slots[s].id, clean(b, slot_label(&c->slots[s])), ALIGN_RIGHT);
		t->cols[1 + s].group = s < c->nroles ? 0 : 1;
	}
	for (i = 0; i < p->npeople; i++) {
		const struct person *person = p->people[i];

		put(t, i, 0, clean(b, person->name), clean(b, person->id));
		for (s = 0; s < c->nslots; s++) {
			const struct cell *pc = &person->cells[s];

			if (!pc->share)
				continue;
			put(t, i, 1 + s, pc->lead ? fmt(b, "%d L", pc->share) : fmt(b, "%d", pc->share),
			    fmt(b, "%d", pc->share));
			cell(t, i, 1 + s)->mark = pc->lead;
		}
	}
	/* the heat map: each slot's status symbol, coloured by its state */
	put(t, i, 0, _("Coverage"), "coverage");
	for (s = 0; s < c->nslots; s++) {
		const char *status, *value;
		enum report_tone tone;
		int severity;

		status = slot_status(b->a, s, &tone, &severity, &value);
		put(t, i, 1 + s, fmt(b, "%.1s", status), value);
		cell(t, i, 1 + s)->tone = tone;
		cell(t, i, 1 + s)->severity = severity;
	}
}

static void build_coverage(struct builder *b)
{
	const struct analysis *a = b->a;
	const struct catalog *c = a->plan->cat;
	int s;
	struct report_table *t = new_table(b, "coverage", _("Coverage"), 2, 7, c->nslots);

	if (!t)
		return;
	t->note = _("Staffed is the FTE the holders give the slot; needed comes from the team "
		  "file, - meaning at least one holder. X uncovered, ! a warning, "
		  "~ one holder, + covered, - not needed.");
	t->groups[0] = _("Roles");
	t->groups[1] = _("Tasks");
	t->group_keys[0] = "role";
	t->group_keys[1] = "task";
	t->ngroups = 2;
	column(t, 0, "slot", _("Slot"), ALIGN_LEFT);
	column(t, 1, "group", _("Group"), ALIGN_LEFT);
	t->cols[1].hidden = true;
	column(t, 2, "holders", _("Holders"), ALIGN_RIGHT);
	column(t, 3, "staffed_fte", _("Staffed FTE"), ALIGN_RIGHT);
	column(t, 4, "needed_fte", _("Needed FTE"), ALIGN_RIGHT);
	column(t, 5, "status", _("Status"), ALIGN_LEFT);
	column(t, 6, "lead", _("Lead"), ALIGN_LEFT);
	for (s = 0; s < c->nslots; s++) {
		const struct slot_result *sr = &a->slots[s];
		const char *status, *value;
		enum report_tone tone;
		int severity;

		t->row_group[s] = s < c->nroles ? 0 : 1;
		put(t, s, 0, clean(b, slot_label(&c->slots[s])), c->slots[s].id);
		put(t, s, 1, t->groups[t->row_group[s]], t->group_keys[t->row_group[s]]);
		put(t, s, 2, fmt(b, "%d", sr->holders), NULL);
		put(t, s, 3, shown(b, sr->staffed, 4), decimal(b, sr->staffed, 4));
		if (sr->need == NEED_UNSET)
			put(t, s, 4, "-", "");
		else
			put(t, s, 4, shown(b, sr->need, FTE_DECIMALS), decimal(b, sr->need, FTE_DECIMALS));
		status = slot_status(a, s, &tone, &severity, &value);
		put(t, s, 5, status, value);
		cell(t, s, 5)->tone = tone;
		cell(t, s, 5)->severity = severity;
		put(t, s, 6, leads_of(b, s, false), leads_of(b, s, true));
	}
}

static const char *subject_text(struct builder *b, const struct finding *f)
{
	const struct plan *p = b->a->plan;

	switch (f->kind) {
	case SUBJECT_SLOT: return clean(b, slot_label(&p->cat->slots[f->subject]));
	case SUBJECT_PERSON: return clean(b, p->people[f->subject]->name);
	default: return _("The team");
	}
}

static void build_findings(struct builder *b)
{
	const struct analysis *a = b->a;
	static const char *const titles[SEV_COUNT] = { N_("Errors"), N_("Warnings"), N_("Info") };
	struct report_table *head = new_table(b, "findings", _("Findings"), 2, 0, 0);
	int sev, i;

	if (!head)
		return;
	head->note = a->nfindings ? _("Worst first: errors, then warnings, then information.")
				  : _("No findings.");
	for (sev = 0; sev < SEV_COUNT; sev++) {
		struct report_table *t = new_table(b, severity_name(sev),
						   fmt(b, "%s (%d)", _(titles[sev]), a->count[sev]),
						   3, 5, a->count[sev]);
		int row = 0;

		if (!t)
			return;
		column(t, 0, "severity", _("Severity"), ALIGN_LEFT);
		t->cols[0].hidden = true;
		column(t, 1, "code", _("Finding"), ALIGN_LEFT);
		column(t, 2, "subject", _("About"), ALIGN_LEFT);
		column(t, 3, "message", _("What"), ALIGN_LEFT);
		column(t, 4, "advice", _("Advice"), ALIGN_LEFT);
		for (i = 0; i < a->nfindings && row < t->nrows; i++) {
			const struct finding *f = &a->findings[i];
			const char *code = finding_code_name(f->code);
			int w = rule_index(code);
			char *msg = NULL;
			int n;

			if ((int)finding_severity(f->code) != sev)
				continue;
			n = finding_message(a, f, NULL, 0);
			if (n < 0 || !(msg = malloc((size_t)n + 1))) {
				b->failed = true;
				return;
			}
			finding_message(a, f, msg, (size_t)n + 1);
			put(t, row, 0, severity_name(sev), NULL);
			put(t, row, 1, w >= 0 ? _(rule_words[w].title) : code, code);
			put(t, row, 2, subject_text(b, f), clean(b, finding_subject_id(a, f)));
			put(t, row, 3, clean(b, msg), NULL);
			put(t, row, 4, w >= 0 ? _(rule_words[w].advice) : "", NULL);
			cell(t, row, 1)->severity = sev;
			cell(t, row, 1)->tone = sev == SEV_ERROR ? TONE_ERROR
					       : sev == SEV_WARNING ? TONE_WARNING : TONE_THIN;
			free(msg);
			row++;
		}
	}
}

/* What a subject of an effect is called: a slot's label, a person's name,
 * or the team. */
static const char *item_subject(struct builder *b, const struct effect_item *it, bool ids,
				const struct decide *d)
{
	const struct plan *p = b->a->plan;

	if (ids)
		return effect_subject(d, it);
	switch (it->kind) {
	case SUBJECT_SLOT: return slot_label(&p->cat->slots[it->subject]);
	case SUBJECT_PERSON: return p->people[it->subject]->name;
	default: return _("the team");
	}
}

/* The findings among @items that an effect creates (or clears, when
 * @cleared): "Uncovered: Manager; No owner: the team" for people, or
 * "uncovered:manager no-owner:team" for scripts. */
static const char *items_of(struct builder *b, const struct decide *d,
			    const struct effect_item *items, int n, bool cleared, bool ids)
{
	char buf[EFFECT_ITEMS * 160];
	size_t len = 0;
	int i, last = -1;

	buf[0] = '\0';
	for (i = 0; i < n && i < EFFECT_ITEMS && len < sizeof buf; i++) {
		const char *code = finding_code_name(items[i].code);
		int w = rule_index(code);

		if (items[i].cleared != cleared)
			continue;
		if (ids)
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s:%s", len ? " " : "",
						code, item_subject(b, &items[i], true, d));
		else if (last == (int)items[i].code) /* "Uncovered: Manager, Strategist" */
			len += (size_t)snprintf(buf + len, sizeof buf - len, ", %s",
						item_subject(b, &items[i], false, d));
		else
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s: %s",
						len ? "; " : "", w < 0 ? code : _(rule_words[w].title),
						item_subject(b, &items[i], false, d));
		last = (int)items[i].code;
	}
	return fmt(b, "%s", buf);
}

/* "1 (Advertising specialist is uncovered when Studio Kwast leaves)" */
static const char *bus_text(struct builder *b, const struct knockout *k)
{
	const struct plan *p = b->a->plan;
	char names[1024];
	size_t len = 0;
	int i, shown_n = 0, holders;

	if (k->bus == 0)
		return _("none (no needed slot is covered)");
	if (k->bus > 3)
		return _("more than 3 (every needed slot survives any three people leaving)");
	names[0] = '\0';
	holders = b->a->slots[k->bus_slot].holders;
	for (i = 0; i < p->npeople && len < sizeof names; i++) {
		if (!p->people[i]->cells[k->bus_slot].share)
			continue;
		shown_n++;
		len += (size_t)snprintf(names + len, sizeof names - len, "%s%s",
					shown_n == 1 ? "" : shown_n == holders ? _(" and ") : ", ",
					p->people[i]->name);
	}
	/* TRANSLATORS: the bus factor: how many people may leave, the slot
	   that is then uncovered and who they are */
	return fmt(b, P_("%d (%s is uncovered when %s leaves)", "%d (%s is uncovered when %s leave)",
			 k->bus), k->bus, slot_label(&p->cat->slots[k->bus_slot]), names);
}

/* If someone leaves: what each person's absence alone creates, worst
 * first, and the bus factor (the decide core does the reasoning). */
static void build_knockout(struct builder *b, struct decide *d)
{
	const struct plan *p = b->a->plan;
	struct report_table *t;
	struct knockout k;
	int i, n = 0, row = 0;

	if (knockout_run(d, &k) < 0) {
		b->failed = true;
		return;
	}
	for (i = 0; i < k.nrows; i++)
		n += k.rows[i].errors + k.rows[i].warnings > 0;
	t = new_table(b, "knockout", _("If someone leaves"), 2, 4, n);
	if (t) {
		t->note = fmt(b, n < k.nrows ? _("What each person's absence alone would create, worst "
						 "first; people whose absence creates no error or warning "
						 "are left out. Bus factor %s.")
					     : _("What each person's absence alone would create, worst "
						 "first. Bus factor %s."),
			      bus_text(b, &k));
		column(t, 0, "person", _("Person"), ALIGN_LEFT);
		column(t, 1, "errors", _("Errors"), ALIGN_RIGHT);
		column(t, 2, "warnings", _("Warnings"), ALIGN_RIGHT);
		column(t, 3, "creates", _("Would create"), ALIGN_LEFT);
		for (i = 0; i < k.nrows; i++) {
			const struct knockout_row *kr = &k.rows[i];
			const char *more = "";

			if (kr->errors + kr->warnings == 0)
				continue;
			if (kr->nitems < kr->errors + kr->warnings)
				more = fmt(b, _("; and %d more"), kr->errors + kr->warnings - kr->nitems);
			put(t, row, 0, clean(b, p->people[kr->row]->name), p->people[kr->row]->id);
			put(t, row, 1, fmt(b, "%d", kr->errors), NULL);
			put(t, row, 2, fmt(b, "%d", kr->warnings), NULL);
			put(t, row, 3,
			    fmt(b, "%s%s", items_of(b, d, k.items + kr->first, kr->nitems, false, false), more),
			    items_of(b, d, k.items + kr->first, kr->nitems, false, true));
			if (kr->uncovers) {
				cell(t, row, 0)->tone = TONE_ERROR;
				cell(t, row, 0)->severity = SEV_ERROR;
			}
			row++;
		}
	}
	fact(b, "bus_factor", _("Bus factor"), fmt(b, "%s", bus_text(b, &k)),
	     knockout_bus_text(k.bus));
	knockout_free(&k);
}

#define TOP_SUGGESTIONS 3

/* Who could take it: the best candidates for each slot with a finding to
 * act on, as the suggest core ranks them, within the load limit. */
static void build_suggestions(struct builder *b, struct decide *d)
{
	const struct analysis *a = b->a;
	const struct plan *p = a->plan;
	const struct catalog *c = p->cat;
	struct candidate *all;
	int *found, s, i, rows = 0, row = 0, wanted = 0;
	struct report_table *t;

	all = calloc((size_t)(c->nslots ? c->nslots : 1) * TOP_SUGGESTIONS, sizeof *all);
	found = calloc((size_t)(c->nslots ? c->nslots : 1), sizeof *found);
	if (!all || !found) {
		free(all);
		free(found);
		b->failed = true;
		return;
	}
	for (s = 0; s < c->nslots; s++) {
		int total, within;

		found[s] = -1;
		if (!suggest_wanted(a, s))
			continue;
		wanted++;
		found[s] = suggest_slot(d, s, all + s * TOP_SUGGESTIONS, TOP_SUGGESTIONS, &total, &within);
		if (found[s] > within)
			found[s] = within;
		rows += found[s] ? found[s] : 1;
	}
	t = new_table(b, "suggestions", _("Who could take it"), 2, 8, rows);
	if (!t || !wanted) {
		if (t)
			t->note = _("No slot is uncovered, understaffed, without a lead or held only "
				  "by external people.");
		free(all);
		free(found);
		return;
	}
	t->note = fmt(b, _("For each slot that is uncovered, understaffed, without a lead or held "
			 "only by external people: the %d best people to take it, each tried on "
			 "the plan, ranked by the errors and then the warnings they clear, their "
			 "fit and their load after."), TOP_SUGGESTIONS);
	column(t, 0, "slot", _("Slot"), ALIGN_LEFT);
	column(t, 1, "rank", _("Rank"), ALIGN_RIGHT);
	column(t, 2, "person", _("Person"), ALIGN_LEFT);
	column(t, 3, "share", _("Share"), ALIGN_RIGHT);
	column(t, 4, "clears", _("Clears"), ALIGN_LEFT);
	column(t, 5, "creates", _("Creates"), ALIGN_LEFT);
	column(t, 6, "load", _("Load after"), ALIGN_RIGHT);
	column(t, 7, "fit", _("Strengths that fit"), ALIGN_LEFT);
	for (s = 0; s < c->nslots; s++) {
		if (found[s] < 0)
			continue;
		if (found[s] == 0) {
			put(t, row, 0, clean(b, slot_label(&c->slots[s])), c->slots[s].id);
			put(t, row, 2, _("nobody can take it within the load limit"), "");
			row++;
			continue;
		}
		for (i = 0; i < found[s]; i++) {
			const struct candidate *cd = &all[s * TOP_SUGGESTIONS + i];
			struct effect e;
			const char *share;

			suggest_effect(d, s, cd, &e);
			if (cd->share_before == 0)
				share = fmt(b, cd->lead ? _("+%d%% lead") : "+%d%%", cd->share);
			else if (cd->share != cd->share_before)
				share = fmt(b, cd->lead ? _("%d%% \u2192 %d%% lead") : "%d%% \u2192 %d%%",
					    cd->share_before, cd->share);
			else
				share = fmt(b, _("%d%% lead"), cd->share);
			put(t, row, 0, clean(b, slot_label(&c->slots[s])), c->slots[s].id);
			put(t, row, 1, fmt(b, "%d", i + 1), NULL);
			put(t, row, 2, clean(b, p->people[cd->row]->name), p->people[cd->row]->id);
			put(t, row, 3, share, fmt(b, "%d%s", cd->share, cd->lead ? " lead" : ""));
			put(t, row, 4, items_of(b, d, e.items, e.nitems, true, false),
			    items_of(b, d, e.items, e.nitems, true, true));
			put(t, row, 5, items_of(b, d, e.items, e.nitems, false, false),
			    items_of(b, d, e.items, e.nitems, false, true));
			put(t, row, 6, fmt(b, "%d%%", cd->load), fmt(b, "%d", cd->load));
			put(t, row, 7, legs_of(b, cd->fit, false), legs_of(b, cd->fit, true));
			row++;
		}
	}
	free(all);
	free(found);
}

/* The sections the decide core answers: knock-out and suggestions. */
static void build_decisions(struct builder *b)
{
	struct decide *d;

	if (b->failed)
		return;
	d = decide_new(b->a);
	if (!d) {
		b->failed = true;
		return;
	}
	build_knockout(b, d);
	build_suggestions(b, d);
	decide_free(d);
}

static void build_facts(struct builder *b, const char *file, const char *date)
{
	const struct analysis *a = b->a;
	const struct plan *p = a->plan;
	long fte = 0;
	int i, external = 0;

	for (i = 0; i < p->npeople; i++) {
		fte += p->people[i]->fte;
		external += p->people[i]->external;
	}
	fact(b, "team", _("Team"), b->r->title, clean(b, p->name));
	fact(b, "file", _("Team file"), clean(b, file), NULL);
	fact(b, "reports_to", _("Reports to"),
	     p->reports_to[0] ? reports_to_text(b, p->reports_to) : _("not given in the team file"),
	     clean(b, p->reports_to));
	if (date)
		fact(b, "date", _("Date"), clean(b, date), NULL);
	fact(b, "people", _("People"),
	     external ? fmt(b, _("%d (%d external)"), p->npeople, external) : fmt(b, "%d", p->npeople),
	     fmt(b, "%d", p->npeople));
	fact(b, "fte", _("FTE"), shown(b, fte, FTE_DECIMALS), decimal(b, fte, FTE_DECIMALS));
	fact(b, "findings", _("Findings"),
	     fmt(b, "%s, %s, %s",
		 fmt(b, P_("%d error", "%d errors", a->count[SEV_ERROR]), a->count[SEV_ERROR]),
		 fmt(b, P_("%d warning", "%d warnings", a->count[SEV_WARNING]), a->count[SEV_WARNING]),
		 fmt(b, _("%d info"), a->count[SEV_INFO])),
	     NULL);
}

struct report *report_build(const struct analysis *a, const char *file, const char *date)
{
	struct report *r = calloc(1, sizeof *r);
	struct builder b = { r, a, false };

	if (!r)
		return NULL;
	memcpy(r->count, a->count, sizeof r->count);
	r->npeople = a->plan->npeople;
	r->title = a->plan->name[0] ? clean(&b, a->plan->name) : _("(unnamed team)");
	build_facts(&b, file, date);
	build_people(&b);
	build_grid(&b);
	build_coverage(&b);
	build_findings(&b);
	build_decisions(&b);
	if (b.failed) {
		report_free(r);
		return NULL;
	}
	return r;
}

void report_free(struct report *r)
{
	struct report_chunk *c, *next;

	if (!r)
		return;
	for (c = r->pool; c; c = next) {
		next = c->next;
		free(c);
	}
	free(r);
}

const struct report_table *report_table(const struct report *r, const char *id)
{
	int i;

	for (i = 0; i < r->ntables; i++)
		if (strcmp(r->tables[i].id, id) == 0)
			return &r->tables[i];
	return NULL;
}

const struct report_fact *report_fact(const struct report *r, const char *key)
{
	int i;

	for (i = 0; i < r->nfacts; i++)
		if (strcmp(r->facts[i].key, key) == 0)
			return &r->facts[i];
	return NULL;
}

int report_column(const struct report_table *t, const char *key)
{
	int i;

	for (i = 0; t && i < t->ncols; i++)
		if (strcmp(t->cols[i].key, key) == 0)
			return i;
	return -1;
}

const struct report_cell *report_cell(const struct report_table *t, int row, int col)
{
	return &t->cells[row * t->ncols + col];
}

const struct report_cell *report_cell_at(const struct report_table *t, int row, const char *key)
{
	static const struct report_cell empty = { "", "", TONE_NONE, -1, false };
	int col = report_column(t, key);

	return col < 0 || row < 0 || row >= t->nrows ? &empty : report_cell(t, row, col);
}
