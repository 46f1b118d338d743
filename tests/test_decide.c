/* test_decide.c - the decisions of SPEC section 7: the knock-out table,
 * the bus factor, the ranking of suggestions, and the identity of findings
 * in a diff.
 *
 * The knock-out and the suggestions are worked out incrementally; the
 * first tests hold every incremental answer against a full analysis of
 * the plan with the change made, for every person and every cell of a
 * team built to make each rule fire somewhere. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decide.h"

/* Every rule fires somewhere in this team, or does after one change:
 * Dina alone owns the team (sole holder of manager), a poor pair, an
 * external-only slot and two that insiders follow up, leads missing and
 * doubled, a need, an over-load, a sheep, strengths that leave legs out,
 * a strategic share and an officer's FTE near their limits. */
static const char rich_team[] =
	"[team]\nname = Rich\nmax_load = 100\nsheep_legs = 4\nreports_to = ceo\n"
	"min_strategic = 40\nofficer_fte = 0.5\n"
	"[needs]\nwebcare = 2.0\nadvertising = 0.5\nkpi = 0\n"
	"[person anna]\nname = Anna\nfte = 0.8\nstrengths = empathy analytics\n"
	"follows_up = advertising\nstrategist = 30\nwebcare = 40\ncontent = 20\nanalyst = 20\n"
	"[person bram]\nname = Bram\nstrengths = empathy writing\nwebcare = 50\n"
	"community = 20 lead\n"
	"[person cees]\nname = Cees\nexternal = yes\nadvertising = 60\ncontent = 30 lead\n"
	"presence = 10\n"
	"[person dina]\nname = Dina\nfte = 0.5\nfollows_up = presence\nmanager = 30 lead\n"
	"community = 40 lead\nawareness = 20\ntraining = 20\nlistening = 10\n"
	"[person eef]\nname = Eef\nfte = 1.2\nstrengths = organising\nmonitoring = 50\n"
	"engagement = 40\n"
	"[person fay]\nname = Fay\nstrengths = visual\n"
	"[person gijs]\nname = Gijs\nexternal = yes\nstrategist = 20\npresence = 30\n"
	"policy = 100\n";

static struct plan *parse(const char *text)
{
	struct plan *p = test_plan(text);

	if (!p)
		fail_msg("team text refused: %s:%d: %s", test_error.file, test_error.line,
			 test_error.msg);
	return p;
}

/* The errors and warnings of @a as "code subject/detail" keys, newline
 * separated, into @out. */
static void keys_of(const struct analysis *a, char *out, size_t n)
{
	size_t len = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		if (finding_severity(f->code) == SEV_INFO)
			continue;
		len += (size_t)snprintf(out + len, n - len, "%s %s/%d\n", finding_code_name(f->code),
					finding_subject_id(a, f),
					f->code == F_POOR_COMBINATION ? f->detail : 0);
		assert_true(len < n);
	}
}

static bool has_line(const char *text, const char *line)
{
	size_t n = strlen(line);
	const char *at = text;

	while ((at = strstr(at, line)) != NULL) {
		if ((at == text || at[-1] == '\n') && at[n] == '\n')
			return true;
		at += n;
	}
	return false;
}

/* The items of @e that are created (or cleared) as keys, sorted lines. */
static int line_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void effect_keys(const struct decide *d, const struct effect *e, bool cleared,
			char *out, size_t n)
{
	char *lines[EFFECT_ITEMS], buf[EFFECT_ITEMS][80];
	size_t len = 0;
	int i, k = 0;

	assert_true(e->nitems <= EFFECT_ITEMS);
	for (i = 0; i < e->nitems; i++) {
		if (e->items[i].cleared != cleared)
			continue;
		snprintf(buf[k], sizeof buf[k], "%s %s/%d", finding_code_name(e->items[i].code),
			 effect_subject(d, &e->items[i]), e->items[i].detail);
		lines[k] = buf[k];
		k++;
	}
	qsort(lines, (size_t)k, sizeof *lines, line_cmp);
	out[0] = '\0';
	for (i = 0; i < k; i++)
		len += (size_t)snprintf(out + len, n - len, "%s\n", lines[i]);
}

/* Lines of @a not in @b, sorted. */
static void minus(const char *a, const char *b, char *out, size_t n)
{
	char copy[8192], *lines[512], *save = NULL, *line;
	size_t len = 0;
	int k = 0, i;

	snprintf(copy, sizeof copy, "%s", a);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (!has_line(b, line))
			lines[k++] = line;
	qsort(lines, (size_t)k, sizeof *lines, line_cmp);
	out[0] = '\0';
	for (i = 0; i < k; i++)
		len += (size_t)snprintf(out + len, n - len, "%s\n", lines[i]);
}

/* Check @e against the full analysis before (@was) and after (@is). */
static void same_effect(const struct decide *d, const struct effect *e, const char *was,
			const char *is, const char *what)
{
	char want[4096], got[4096];

	minus(is, was, want, sizeof want);
	effect_keys(d, e, false, got, sizeof got);
	if (strcmp(want, got))
		fail_msg("%s: created\nwant:\n%sgot:\n%s", what, want, got);
	minus(was, is, want, sizeof want);
	effect_keys(d, e, true, got, sizeof got);
	if (strcmp(want, got))
		fail_msg("%s: cleared\nwant:\n%sgot:\n%s", what, want, got);
}

static void removal_matches_full_analysis(const char *text)
{
	struct plan *p = parse(text);
	struct analysis a, b;
	char was[4096], is[4096], what[128];
	int i, j;

	analysis_init(&a);
	analysis_init(&b);
	assert_int_equal(analysis_run(&a, p), 0);
	keys_of(&a, was, sizeof was);
	for (i = 0; i < p->npeople; i++) {
		for (j = i; j < p->npeople; j++) {
			struct decide *d = decide_new(&a);
			struct person *x, *y = NULL;
			struct effect e;
			int rows[2] = { i, j };

			assert_non_null(d);
			decide_removal(d, rows, i == j ? 1 : 2, &e);
			snprintf(what, sizeof what, "without %s and %s", p->people[i]->id,
				 p->people[j]->id);
			/* the full analysis, on the plan without them */
			y = j != i ? plan_take_person(p, j) : NULL;
			x = plan_take_person(p, i);
			assert_int_equal(analysis_run(&b, p), 0);
			keys_of(&b, is, sizeof is);
			plan_put_person(p, x, i);
			if (y)
				plan_put_person(p, y, j);
			same_effect(d, &e, was, is, what);
			decide_free(d);
		}
	}
	analysis_release(&a);
	analysis_release(&b);
	plan_free(p);
}

static void test_removal_is_exact(void **state)
{
	(void)state;
	removal_matches_full_analysis(rich_team);
}

static void test_cell_is_exact(void **state)
{
	static const int shares[] = { 0, 5, 30, 60, 100 };
	struct plan *p = parse(rich_team);
	struct analysis a, b;
	struct decide *d;
	char was[4096], is[4096], what[128];
	int row, s, k, lead;

	(void)state;
	analysis_init(&a);
	analysis_init(&b);
	assert_int_equal(analysis_run(&a, p), 0);
	keys_of(&a, was, sizeof was);
	d = decide_new(&a);
	assert_non_null(d);
	for (row = 0; row < p->npeople; row++)
		for (s = 0; s < p->cat->nslots; s++)
			for (k = 0; k < 5; k++)
				for (lead = 0; lead < 2; lead++) {
					struct cell keep = p->people[row]->cells[s];
					struct effect e;

					decide_cell(d, row, s, shares[k], lead, &e);
					assert_int_equal(plan_set_cell(p, row, s, shares[k], lead, NULL), 0);
					assert_int_equal(analysis_run(&b, p), 0);
					keys_of(&b, is, sizeof is);
					p->people[row]->cells[s] = keep;
					snprintf(what, sizeof what, "%s %s = %d%s", p->people[row]->id,
						 p->cat->slots[s].id, shares[k], lead ? " lead" : "");
					same_effect(d, &e, was, is, what);
				}
	decide_free(d);
	analysis_release(&a);
	analysis_release(&b);
	plan_free(p);
}

/* Random teams: every removal of one or two people and every cell of a
 * few people, incremental against full, over teams no one wrote by hand. */
static unsigned rnd_state = 12345;

static unsigned rnd(unsigned n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 16) % n;
}

static const char *random_team(void)
{
	static char text[16384];
	const struct catalog *c = test_catalog();
	size_t len = 0;
	int i, s, np = 2 + (int)rnd(6);

	static const char *const legs[] = { "visual", "writing", "empathy", "advertising",
					    "marketing", "analytics", "organising" };
	static const char *const bosses[] = { "ceo", "marketing", "it", "board" };

	len += (size_t)snprintf(text + len, sizeof text - len,
				"[team]\nmax_load = %d\nsheep_legs = %d\nreports_to = %s\n"
				"min_strategic = %d\nofficer_fte = 0.%d\n",
				60 + (int)rnd(60), 2 + (int)rnd(4), bosses[rnd(4)], (int)rnd(80),
				(int)rnd(10));
	len += (size_t)snprintf(text + len, sizeof text - len, "[needs]\n");
	for (s = 0; s < c->nslots; s++)
		switch (rnd(5)) {
		case 0:
			len += (size_t)snprintf(text + len, sizeof text - len, "%s = 0\n", c->slots[s].id);
			break;
		case 1:
			len += (size_t)snprintf(text + len, sizeof text - len, "%s = 0.%d\n",
						c->slots[s].id, 1 + (int)rnd(9));
			break;
		default:
			break;
		}
	for (i = 0; i < np; i++) {
		bool external = rnd(4) == 0;

		len += (size_t)snprintf(text + len, sizeof text - len,
					"[person p%d]\nname = P%d\nfte = 0.%d\nexternal = %s\n", i, i,
					1 + (int)rnd(9), external ? "yes" : "no");
		if (rnd(2))
			len += (size_t)snprintf(text + len, sizeof text - len, "strengths = %s %s\n",
						legs[rnd(7)], legs[rnd(7)]);
		if (!external && rnd(2))
			len += (size_t)snprintf(text + len, sizeof text - len, "follows_up = %s\n",
						c->slots[rnd((unsigned)c->nslots)].id);
		for (s = 0; s < c->nslots; s++)
			if (rnd(3) == 0)
				len += (size_t)snprintf(text + len, sizeof text - len, "%s = %d%s\n",
							c->slots[s].id, 1 + (int)rnd(40),
							rnd(3) ? "" : " lead");
	}
	return text;
}

static void bus_brute_force(const char *text);

static void test_random_teams_exact(void **state)
{
	static const int shares[] = { 0, 7, 45, 100 };
	int t;

	(void)state;
	for (t = 0; t < 40; t++) {
		const char *text = random_team();
		struct plan *p;
		struct analysis a, b;
		struct decide *d;
		char was[4096], is[4096], what[160];
		int row, s, k;

		removal_matches_full_analysis(text);
		bus_brute_force(text);
		p = parse(text);
		analysis_init(&a);
		analysis_init(&b);
		assert_int_equal(analysis_run(&a, p), 0);
		keys_of(&a, was, sizeof was);
		d = decide_new(&a);
		assert_non_null(d);
		for (row = 0; row < p->npeople && row < 3; row++)
			for (s = 0; s < p->cat->nslots; s++)
				for (k = 0; k < 4; k++) {
					struct cell keep = p->people[row]->cells[s];
					bool lead = rnd(2);
					struct effect e;

					decide_cell(d, row, s, shares[k], lead, &e);
					assert_int_equal(plan_set_cell(p, row, s, shares[k], lead, NULL), 0);
					assert_int_equal(analysis_run(&b, p), 0);
					keys_of(&b, is, sizeof is);
					p->people[row]->cells[s] = keep;
					snprintf(what, sizeof what, "team %d: %s %s = %d%s", t,
						 p->people[row]->id, p->cat->slots[s].id, shares[k],
						 lead ? " lead" : "");
					same_effect(d, &e, was, is, what);
				}
		decide_free(d);
		analysis_release(&a);
		analysis_release(&b);
		plan_free(p);
	}
}

/* ---- knock-out and bus factor ---- */

struct ko {
	struct plan *p;
	struct analysis a;
	struct decide *d;
	struct knockout k;
};

static void ko_open(struct ko *t, const char *text)
{
	t->p = parse(text);
	analysis_init(&t->a);
	assert_int_equal(analysis_run(&t->a, t->p), 0);
	t->d = decide_new(&t->a);
	assert_non_null(t->d);
	assert_int_equal(knockout_run(t->d, &t->k), 0);
}

static void ko_close(struct ko *t)
{
	knockout_free(&t->k);
	decide_free(t->d);
	analysis_release(&t->a);
	plan_free(t->p);
}

/* "id errors warnings: items" of each row, worst first, one a line. */
static const char *ko_table(struct ko *t)
{
	static char out[4096];
	size_t len = 0;
	int i, j;

	out[0] = '\0';
	for (i = 0; i < t->k.nrows; i++) {
		const struct knockout_row *r = &t->k.rows[i];

		len += (size_t)snprintf(out + len, sizeof out - len, "%s %d %d:",
					t->p->people[r->row]->id, r->errors, r->warnings);
		for (j = 0; j < r->nitems; j++) {
			const struct effect_item *it = &t->k.items[r->first + j];

			len += (size_t)snprintf(out + len, sizeof out - len, " %s %s",
						finding_code_name(it->code), effect_subject(t->d, it));
		}
		len += (size_t)snprintf(out + len, sizeof out - len, "\n");
	}
	return out;
}

static void test_knockout_rows(void **state)
{
	struct ko t;

	(void)state;
	ko_open(&t, "[needs]\nstrategist = 0\n"
		    "[person bob]\nname = Bob\nwebcare = 50\ncommunity = 20\n"
		    "[person ann]\nname = Ann\nmanager = 50\ntraining = 20\nwebcare = 20\n"
		    "[person cy]\nname = Cy\ncommunity = 30 lead\nwebcare = 10 lead\n");
	/* ann: manager and training uncovered, no owner left; cy: webcare
	 * keeps two holders but loses its only lead (community keeps one
	 * holder, who needs no lead); bob: nothing */
	assert_string_equal(ko_table(&t),
			    "ann 2 1: uncovered manager uncovered training no-owner team\n"
			    "cy 0 1: no-lead webcare\n"
			    "bob 0 0:\n");
	assert_true(t.k.rows[0].uncovers);
	assert_false(t.k.rows[1].uncovers);
	ko_close(&t);
}

static int bus_of(const char *text, const char **slot)
{
	struct ko t;
	int bus;

	ko_open(&t, text);
	bus = t.k.bus;
	*slot = t.k.bus_slot >= 0 ? t.p->cat->slots[t.k.bus_slot].id : "-";
	/* the exit status of whatif follows: someone alone uncovers a slot */
	if (bus == 1) {
		int i;
		bool any = false;

		for (i = 0; i < t.k.nrows; i++)
			any |= t.k.rows[i].uncovers;
		assert_true(any);
	}
	ko_close(&t);
	return bus;
}

/* A team where every slot is held by @n people (p1..pn) and @slot only by
 * the first @m of them. */
static const char *team_holding(int n, const char *slot, int m)
{
	static char text[8192];
	const struct catalog *c = test_catalog();
	size_t len = 0;
	int i, s;

	for (i = 1; i <= n; i++) {
		len += (size_t)snprintf(text + len, sizeof text - len, "[person p%d]\nname = P%d\n", i, i);
		for (s = 0; s < c->nslots; s++)
			if (strcmp(c->slots[s].id, slot) ? true : i <= m)
				len += (size_t)snprintf(text + len, sizeof text - len, "%s = 5%s\n",
							c->slots[s].id, i == 1 ? " lead" : "");
	}
	return text;
}

static void test_bus_factor(void **state)
{
	const char *slot;

	(void)state;
	assert_int_equal(bus_of(team_holding(5, "training", 1), &slot), 1);
	assert_string_equal(slot, "training");
	assert_int_equal(bus_of(team_holding(5, "kpi", 2), &slot), 2);
	assert_string_equal(slot, "kpi");
	assert_int_equal(bus_of(team_holding(5, "policy", 3), &slot), 3);
	assert_string_equal(slot, "policy");
	assert_int_equal(bus_of(team_holding(5, "policy", 4), &slot), 4);
	assert_string_equal(knockout_bus_text(4), ">3");
	/* a slot already uncovered does not count; one not needed neither */
	assert_int_equal(bus_of("[needs]\nkpi = 0\n[person a]\nname = A\nkpi = 10\n"
				"[person b]\nname = B\nwebcare = 10\n[person c]\nname = C\n"
				"webcare = 10\n", &slot), 2);
	assert_string_equal(slot, "webcare");
	assert_int_equal(bus_of("[needs]\nkpi = 0\n[person a]\nname = A\nkpi = 10\n", &slot), 0);
	assert_string_equal(knockout_bus_text(0), "none");
}

/* Whether the joint absence of @rows uncovers a needed slot. */
static bool uncovers(struct decide *d, const int *rows, int n)
{
	struct effect e;
	int x;

	decide_removal(d, rows, n, &e);
	for (x = 0; x < e.nitems; x++)
		if (!e.items[x].cleared && e.items[x].code == F_UNCOVERED)
			return true;
	return false;
}

/* The bus factor is exact: brute force over every set of up to 3 people
 * finds no smaller set, in the rich team and in teams of each factor. */
static void bus_brute_force(const char *text)
{
	struct ko t;
	int i, j, k, size, found = 0;

	ko_open(&t, text);
	for (size = 1; size <= 3 && !found; size++)
		for (i = 0; i < t.p->npeople && !found; i++)
			for (j = size > 1 ? i + 1 : i; j < t.p->npeople && !found; j++)
				for (k = size > 2 ? j + 1 : j; k < t.p->npeople && !found; k++) {
					int rows[3] = { i, j, k };

					if (uncovers(t.d, rows, size))
						found = size;
				}
	assert_int_equal(t.k.bus, found ? found : 4);
	ko_close(&t);
}

static void test_bus_factor_brute_force(void **state)
{
	(void)state;
	bus_brute_force(rich_team);
	bus_brute_force(team_holding(5, "training", 1));
	bus_brute_force(team_holding(5, "kpi", 2));
	bus_brute_force(team_holding(5, "policy", 3));
	bus_brute_force(team_holding(6, "policy", 4));
}

/* ---- suggestions ---- */

static void test_rank_error_before_warning(void **state)
{
	struct ko t;
	struct candidate c[8];
	int n, total, within;

	(void)state;
	/* strategist is uncovered and an owner slot: both clear the error, but
	 * only the insider also clears no-owner, and the outsider alone on it
	 * would make it external-only. The outsider has the better fit
	 * (strategy asks for the same legs) and the lower load. */
	ko_open(&t, "[team]\nmin_strategic = 0\nsheep_legs = 7\n[needs]\nmanager = 0\n"
		    "[person out]\nname = Out\nexternal = yes\nstrategy = 10\n"
		    "[person ins]\nname = Ins\ncommunity = 60\n");
	n = suggest_slot(t.d, test_slot("strategist"), c, 8, &total, &within);
	assert_int_equal(n, 2);
	assert_string_equal(t.p->people[c[0].row]->id, "ins");
	assert_int_equal(c[0].err_gain, 1);
	assert_int_equal(c[0].warn_gain, 1);
	assert_string_equal(t.p->people[c[1].row]->id, "out");
	assert_int_equal(c[1].err_gain, 1);
	assert_int_equal(c[1].warn_gain, -1);
	assert_true(c[1].nfit > c[0].nfit);
	assert_true(c[1].load < c[0].load);
	ko_close(&t);

	/* across findings: clearing the error (uncovered training) outranks
	 * clearing warnings only, whatever the rest */
	{
		struct candidate x = { 0 }, y = { 0 };

		x.err_gain = 1;
		y.warn_gain = 3;
		y.nfit = 5;
		assert_true(suggest_rank(NULL, &x, &y) < 0);
		assert_true(suggest_rank(NULL, &y, &x) > 0);
	}
}

static void test_rank_overload_last(void **state)
{
	struct ko t;
	struct candidate c[8];
	int n, total, within;

	(void)state;
	/* training is uncovered; full is at 100% already and would go over,
	 * though they fit best (organising, from the manager slot) */
	ko_open(&t, "[person full]\nname = Full\nmanager = 100 lead\n"
		    "[person free]\nname = Free\ncommunity = 20\n"
		    "[person half]\nname = Half\nwebcare = 50\n");
	n = suggest_slot(t.d, test_slot("training"), c, 8, &total, &within);
	assert_int_equal(n, 3);
	assert_int_equal(total, 3);
	assert_int_equal(within, 2);
	assert_string_equal(t.p->people[c[2].row]->id, "full");
	assert_true(c[2].over);
	assert_false(c[0].over);
	/* among those within the limit: fit, then the lower load after */
	assert_string_equal(t.p->people[c[0].row]->id, "free");
	ko_close(&t);

	/* when everyone would go over, none is within: say so */
	ko_open(&t, "[person a]\nname = A\nmanager = 100 lead\n"
		    "[person b]\nname = B\nstrategist = 100 lead\n");
	n = suggest_slot(t.d, test_slot("training"), c, 8, &total, &within);
	assert_int_equal(total, 2);
	assert_int_equal(within, 0);
	ko_close(&t);
}

static void test_suggest_shares(void **state)
{
	struct ko t;
	struct candidate c[8];
	struct effect e;
	int n, s = test_slot("webcare");

	(void)state;
	/* webcare needs 1.0 FTE and has 0.4 with two holders and no lead: a
	 * 0.5 FTE newcomer needs 100% to fill it, but has room for 60% */
	ko_open(&t, "[needs]\nwebcare = 1.0\n"
		    "[person a]\nname = A\nwebcare = 20\n"
		    "[person b]\nname = B\nwebcare = 20\nkpi = 10\n"
		    "[person c]\nname = C\nfte = 0.5\nkpi = 40\n");
	n = suggest_slot(t.d, s, c, 8, NULL, NULL);
	assert_true(n >= 3);
	/* a holder taking 80% more fills it and leads: clears both warnings */
	assert_string_equal(t.p->people[c[0].row]->id, "a");
	assert_int_equal(c[0].share, 80);
	assert_true(c[0].lead);
	assert_int_equal(c[0].warn_gain, 2);
	suggest_effect(t.d, s, &c[0], &e);
	assert_int_equal(e.cleared[SEV_WARNING], 2);
	assert_int_equal(e.created[SEV_WARNING], 0);
	for (n = 0; n < 3; n++)
		if (strcmp(t.p->people[c[n].row]->id, "c") == 0) {
			assert_int_equal(c[n].share, 60);
			assert_int_equal(c[n].load, 100);
		}
	ko_close(&t);
}

/* ---- the diff ---- */

static void facts(const char *text, struct plan **p, struct factset *fs)
{
	struct analysis a;

	*p = parse(text);
	analysis_init(&a);
	assert_int_equal(analysis_run(&a, *p), 0);
	assert_int_equal(factset_take(fs, &a), 0);
	analysis_release(&a);
}

static void test_diff_identity(void **state)
{
	struct plan *p1, *p2;
	struct factset a, b;
	struct fact_diff d;
	struct plan_diff pd;
	int i;

	(void)state;
	/* Anna is over-allocated in both; renamed, her message changes: that
	 * is one changed finding, not a gone and a new one. Bram leaves
	 * webcare: its single-point goes. Training gains a holder. */
	facts("[needs]\nkpi = 0\n[person anna]\nname = Anna\ncommunity = 80 lead\nwebcare = 30\n"
	      "[person bram]\nname = Bram\nwebcare = 20\n", &p1, &a);
	facts("[needs]\nkpi = 0\n[person anna]\nname = Anna de Vries\ncommunity = 80 lead\n"
	      "webcare = 30\n[person bram]\nname = Bram\ntraining = 20\n", &p2, &b);
	assert_int_equal(fact_diff(&d, &a, &b), 0);
	for (i = 0; i < d.n; i++) {
		const struct fact *f = d.v[i].after ? d.v[i].after : d.v[i].before;

		if (f->code == F_OVER_ALLOCATED) {
			assert_int_equal(d.v[i].status, FACT_CHANGED);
			assert_string_equal(f->subject, "anna");
			assert_non_null(strstr(d.v[i].before->message, "Anna is"));
			assert_non_null(strstr(d.v[i].after->message, "Anna de Vries is"));
		}
		if (f->code == F_UNCOVERED && strcmp(f->subject, "training") == 0)
			assert_int_equal(d.v[i].status, FACT_GONE);
	}
	assert_int_equal(d.count[FACT_CHANGED] >= 1, 1);
	/* new, then gone, then changed */
	for (i = 1; i < d.n; i++)
		assert_true(d.v[i - 1].status <= d.v[i].status);
	/* the over-allocation changed: worse counts it */
	assert_true(d.worse >= 1);
	fact_diff_free(&d);

	/* the same plan twice: no change at all */
	assert_int_equal(fact_diff(&d, &a, &a), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(d.worse, 0);
	fact_diff_free(&d);

	assert_int_equal(plan_diff(&pd, p1, p2), 0);
	{
		char all[2048];
		size_t len = 0;

		for (i = 0; i < pd.n; i++)
			len += (size_t)snprintf(all + len, sizeof all - len, "%c %s %s %s>%s\n",
						pd.v[i].op, pd.v[i].who, pd.v[i].what,
						pd.v[i].before, pd.v[i].after);
		assert_string_equal(all, "M anna name Anna>Anna de Vries\n"
					 "M bram webcare 20>-\n"
					 "M bram training ->20\n");
	}
	plan_diff_free(&pd);
	factset_free(&a);
	factset_free(&b);
	plan_free(p1);
	plan_free(p2);
}

static void test_diff_people(void **state)
{
	struct plan *p1, *p2;
	struct factset a, b;
	struct plan_diff pd;
	char all[2048];
	size_t len = 0;
	int i;

	(void)state;
	facts("[team]\nmax_load = 100\n[needs]\nwebcare = 1.0\n"
	      "[person anna]\nname = Anna\nfte = 0.8\ncommunity = 50 lead\n"
	      "[person cees]\nname = Cees\nkpi = 10\n", &p1, &a);
	facts("[team]\nmax_load = 110\n[needs]\nwebcare = 1.5\n"
	      "[person anna]\nname = Anna\nfte = 1.0\nexternal = yes\ncommunity = 30\n"
	      "[person dirk]\nname = Dirk\nwebcare = 40 lead\n", &p2, &b);
	assert_int_equal(plan_diff(&pd, p1, p2), 0);
	for (i = 0; i < pd.n; i++)
		len += (size_t)snprintf(all + len, sizeof all - len, "%c %s %s %s>%s\n", pd.v[i].op,
					pd.v[i].who, pd.v[i].what, pd.v[i].before, pd.v[i].after);
	assert_string_equal(all, "M team max_load 100>110\n"
				 "M needs webcare 1.0>1.5\n"
				 "M anna fte 0.8>1.0\n"
				 "M anna external no>yes\n"
				 "M anna community 50 lead>30\n"
				 "- cees  Cees>-\n"
				 "- cees kpi 10>-\n"
				 "+ dirk  ->Dirk\n"
				 "+ dirk webcare ->40 lead\n");
	plan_diff_free(&pd);
	factset_free(&a);
	factset_free(&b);
	plan_free(p1);
	plan_free(p2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_removal_is_exact),
		cmocka_unit_test(test_cell_is_exact),
		cmocka_unit_test(test_random_teams_exact),
		cmocka_unit_test(test_knockout_rows),
		cmocka_unit_test(test_bus_factor),
		cmocka_unit_test(test_bus_factor_brute_force),
		cmocka_unit_test(test_rank_error_before_warning),
		cmocka_unit_test(test_rank_overload_last),
		cmocka_unit_test(test_suggest_shares),
		cmocka_unit_test(test_diff_identity),
		cmocka_unit_test(test_diff_people),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
