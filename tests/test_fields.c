/* test_fields.c - the team and person fields of SPEC section 2 that feed
 * the seed rules: reports_to, hours_per_week, min_strategic, officer_fte,
 * strengths and follows_up. Each loads, saves back the same, and refuses
 * a bad value with file, line and, where a near id exists, a suggestion;
 * every number takes a decimal comma. */
#define _GNU_SOURCE
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "teamfile.h"
#include "undo.h"

static struct plan *plan;

static int teardown(void **state)
{
	(void)state;
	plan_free(plan);
	plan = NULL;
	return 0;
}

static struct plan *must_load(const char *text)
{
	struct plan *p = test_plan(text);

	if (!p)
		fail_msg("refused: %s:%d: %s\n%s", test_error.file, test_error.line,
			 test_error.msg, text);
	return p;
}

/* The canonical text of @p (static). */
static const char *written(const struct plan *p)
{
	static char *buf;
	size_t len;
	FILE *f;

	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(teamfile_write(p, f), 0);
	fclose(f);
	return buf;
}

/* Save, load again: the same plan, and the same text once more. */
static void assert_round_trip(const struct plan *p)
{
	char *first = strdup(written(p));
	struct plan *again = must_load(first);

	assert_true(plan_equal(p, again));
	assert_string_equal(written(again), first);
	plan_free(again);
	free(first);
}

static void uint_has(uint32_t mask, const char *leg)
{
	int i = catalog_leg_index(test_catalog(), leg);

	assert_true(i >= 0);
	if (!(mask & 1u << i))
		fail_msg("leg %s missing", leg);
}

/* ---- team fields ------------------------------------------------------ */

static void team_fields_load_and_round_trip(void **state)
{
	(void)state;
	plan = must_load("[team]\nname = Acme\nreports_to = CEO\nhours_per_week = 37,5\n"
			 "min_strategic = 25%\nofficer_fte = 0,8\n");
	assert_string_equal(plan->reports_to, "ceo"); /* any case, kept lowercase */
	assert_int_equal(plan->hours_per_week, 3750);
	assert_int_equal(plan_hours_per_week(plan), 3750);
	assert_int_equal(plan_min_strategic(plan), 25);
	assert_int_equal(plan_officer_fte(plan), 80);
	assert_round_trip(plan);
	/* saving writes a point and no percent sign */
	assert_non_null(strstr(written(plan), "hours_per_week = 37.5\n"));
	assert_non_null(strstr(written(plan), "officer_fte = 0.8\n"));
	assert_non_null(strstr(written(plan), "min_strategic = 25\n"));
	assert_non_null(strstr(written(plan), "reports_to = ceo\n"));
}

static void team_fields_default_to_the_catalog(void **state)
{
	(void)state;
	plan = must_load("[team]\nname = Acme\n");
	assert_string_equal(plan->reports_to, "");
	assert_int_equal(plan_hours_per_week(plan), 3600);
	assert_int_equal(plan_min_strategic(plan), test_catalog()->min_strategic);
	assert_int_equal(plan_officer_fte(plan), test_catalog()->officer_fte);
	/* nothing given, nothing written */
	assert_null(strstr(written(plan), "reports_to"));
	assert_null(strstr(written(plan), "hours_per_week"));
	assert_null(strstr(written(plan), "min_strategic"));
	assert_null(strstr(written(plan), "officer_fte"));
}

static void zero_switches_off_and_is_kept(void **state)
{
	(void)state;
	plan = must_load("[team]\nname = Acme\nmin_strategic = 0\nofficer_fte = 0\n"
			 "hours_per_week = 36\n");
	assert_int_equal(plan_min_strategic(plan), 0);
	assert_int_equal(plan_officer_fte(plan), 0);
	assert_round_trip(plan);
	assert_non_null(strstr(written(plan), "min_strategic = 0\n"));
	assert_non_null(strstr(written(plan), "officer_fte = 0.0\n"));
	assert_non_null(strstr(written(plan), "hours_per_week = 36\n"));
}

/* ---- person fields ---------------------------------------------------- */

static void strengths_and_follows_up_load_and_round_trip(void **state)
{
	const struct catalog *c = test_catalog();
	const struct person *anna;

	(void)state;
	plan = must_load("[person anna]\nname = Anna\nfte = 0,8\n"
			 "strengths = writing, empathy analytics\n"
			 "follows_up = content advertising\ncommunity = 50 lead\n"
			 "[person bram]\nname = Bram\nstrengths =\n");
	anna = plan->people[0];
	assert_int_equal(anna->fte, 80);
	assert_true(anna->strengths_known);
	assert_int_equal(catalog_leg_count(anna->strengths), 3);
	uint_has(anna->strengths, "writing");
	uint_has(anna->strengths, "empathy");
	uint_has(anna->strengths, "analytics");
	assert_true(anna->cells[catalog_slot_index(c, "content")].follows);
	assert_true(anna->cells[catalog_slot_index(c, "advertising")].follows);
	assert_false(anna->cells[catalog_slot_index(c, "community")].follows);
	assert_int_equal(anna->cells[catalog_slot_index(c, "community")].share, 50);
	/* an empty list is the same as none: not known */
	assert_false(plan->people[1]->strengths_known);
	assert_round_trip(plan);
	/* fields first, in catalog order, ids separated by spaces */
	assert_non_null(strstr(written(plan),
			       "fte = 0.8\nstrengths = writing empathy analytics\n"
			       "follows_up = content advertising\ncommunity = 50 lead\n"));
}

static void follows_up_survives_unassigning(void **state)
{
	struct error err;
	int s = catalog_slot_index(test_catalog(), "webcare");

	(void)state;
	plan = must_load("[person anna]\nname = Anna\nfollows_up = webcare\nwebcare = 20\n");
	assert_int_equal(plan_set_cell(plan, 0, s, 0, false, &err), 0);
	assert_true(plan->people[0]->cells[s].follows);
	/* an outsider follows up nothing */
	plan_set_person_external(plan, 0, true);
	assert_false(plan->people[0]->cells[s].follows);
	assert_int_equal(plan_set_follows(plan, 0, s, true, &err), -1);
	assert_non_null(strstr(err.msg, "external"));
	plan_set_person_external(plan, 0, false);
	assert_int_equal(plan_set_follows(plan, 0, s, true, &err), 0);
	assert_true(plan->people[0]->cells[s].follows);
}

static void strengths_refuse_legs_the_catalog_lacks(void **state)
{
	struct error err;

	(void)state;
	plan = must_load("[person anna]\nname = Anna\n");
	assert_int_equal(plan_set_person_strengths(plan, 0, true, 1u << 7, &err), -1);
	assert_false(plan->people[0]->strengths_known);
	assert_int_equal(plan_set_person_strengths(plan, 0, true, 3, &err), 0);
	assert_true(plan->people[0]->strengths_known);
	assert_int_equal(plan_set_person_strengths(plan, 0, false, 3, &err), 0);
	assert_false(plan->people[0]->strengths_known);
	assert_int_equal(plan->people[0]->strengths, 0);
}

/* plan_equal sees the new fields */
static void plans_differ_by_each_new_field(void **state)
{
	static const char *const variants[] = {
		"[team]\nname = A\nreports_to = it\n",
		"[team]\nname = A\nhours_per_week = 40\n",
		"[team]\nname = A\nmin_strategic = 20\n",
		"[team]\nname = A\nofficer_fte = 1.0\n",
		"[team]\nname = A\n[person anna]\nname = Anna\nstrengths = writing\n",
		"[team]\nname = A\n[person anna]\nname = Anna\nfollows_up = kpi\n",
	};
	struct plan *base = must_load("[team]\nname = A\n[person anna]\nname = Anna\n");
	size_t i;

	(void)state;
	for (i = 0; i < sizeof variants / sizeof *variants; i++) {
		struct plan *v = must_load(variants[i]);

		if (plan_equal(base, v))
			fail_msg("plan_equal misses: %s", variants[i]);
		plan_free(v);
	}
	plan_free(base);
}

/* The planner's edits of strengths and follow-up undo and redo. */
static void strengths_and_follow_up_edits_undo(void **state)
{
	const struct catalog *c = test_catalog();
	int s = catalog_slot_index(c, "content");
	struct undo u;
	struct undo_place where;
	struct error err;
	struct plan *before;

	(void)state;
	plan = must_load("[person anna]\nname = Anna\nstrengths = writing\n"
			 "[person agency]\nname = Agency\nexternal = yes\ncontent = 50\n");
	before = must_load(written(plan));
	undo_init(&u);
	assert_int_equal(edit_person_strengths(&u, plan, 0, true, 3, &err), 0);
	assert_int_equal(plan->people[0]->strengths, 3);
	assert_int_equal(edit_follows(&u, plan, 0, s, true, &err), 0);
	assert_true(plan->people[0]->cells[s].follows);
	/* refused for the external: nothing recorded */
	assert_int_equal(edit_follows(&u, plan, 1, s, true, &err), -1);
	assert_true(undo_undo(&u, plan, &where));
	assert_int_equal(where.slot, s);
	assert_false(plan->people[0]->cells[s].follows);
	assert_true(undo_undo(&u, plan, &where));
	assert_true(plan_equal(plan, before));
	assert_false(undo_undo(&u, plan, &where));
	assert_true(undo_redo(&u, plan, &where));
	assert_true(undo_redo(&u, plan, &where));
	assert_true(plan->people[0]->cells[s].follows);
	assert_int_equal(plan->people[0]->strengths, 3);
	undo_release(&u);
	plan_free(before);
}

/* ---- refusals --------------------------------------------------------- */

struct bad {
	const char *name;
	const char *text;
	int line;
	const char *want[2];
};

#define ANNA "[person anna]\nname = Anna\n"

static const struct bad bads[] = {
	{ "reports_to not an id", "[team]\nname = A\nreports_to = the board\n", 3,
	  { "reports_to must be an id", "not 'the board'" } },
	{ "reports_to too long", "[team]\nname = A\nreports_to = abcdefghijklmnopqrstuvwxyz\n", 3,
	  { "reports_to is an id of at most 24 characters" } },
	{ "hours_per_week a word", "[team]\nname = A\nhours_per_week = fulltime\n", 3,
	  { "hours_per_week must be the hours of a full-time week", "not 'fulltime'" } },
	{ "hours_per_week 0", "[team]\nname = A\nhours_per_week = 0\n", 3,
	  { "from 1 to 168" } },
	{ "hours_per_week over a week", "[team]\nname = A\nhours_per_week = 168,5\n", 3,
	  { "from 1 to 168" } },
	{ "hours_per_week with a unit", "[team]\nname = A\nhours_per_week = 36 h\n", 3,
	  { "hours_per_week must be" } },
	{ "min_strategic a word", "[team]\nname = A\nmin_strategic = veel\n", 3,
	  { "min_strategic must be a whole percentage from 0 to 100", "not 'veel'" } },
	{ "min_strategic over 100", "[team]\nname = A\nmin_strategic = 101\n", 3,
	  { "min_strategic must be a whole percentage" } },
	{ "min_strategic negative", "[team]\nname = A\nmin_strategic = -1\n", 3,
	  { "min_strategic must be a whole percentage" } },
	{ "officer_fte a word", "[team]\nname = A\nofficer_fte = een\n", 3,
	  { "officer_fte must be an FTE from 0 to 999.99", "not 'een'" } },
	{ "officer_fte two commas", "[team]\nname = A\nofficer_fte = 1,0,0\n", 3,
	  { "officer_fte must be an FTE" } },
	{ "misspelt team key", "[team]\nname = A\nreport_to = ceo\n", 3,
	  { "unknown key 'report_to' in [team]", "did you mean 'reports_to'?" } },
	{ "unknown leg", ANNA "strengths = writing empaty\n", 3,
	  { "unknown leg 'empaty' in strengths of 'anna'", "did you mean 'empathy'?" } },
	{ "a slot among strengths", ANNA "strengths = webcare\n", 3,
	  { "unknown leg 'webcare'" } },
	{ "unknown slot in follows_up", ANNA "follows_up = contnet\n", 3,
	  { "unknown slot 'contnet' in follows_up of 'anna'", "did you mean 'content'?" } },
	{ "follows_up on an external", ANNA "follows_up = webcare\nexternal = yes\n", 3,
	  { "'anna' is external", "follows_up is for people inside the team" } },
	{ "external before follows_up", ANNA "external = yes\nnote = x\nfollows_up = kpi\n", 5,
	  { "'anna' is external" } },
	{ "misspelt person key", ANNA "strenghts = writing\n", 3,
	  { "unknown key 'strenghts'", "did you mean 'strengths'?" } },
	{ "misspelt follows_up", ANNA "follow_up = kpi\n", 3,
	  { "unknown key 'follow_up'", "did you mean 'follows_up'?" } },
};

static void refuses(void **state)
{
	const struct bad *b = *state;
	struct plan *p = test_plan(b->text);
	int i;

	if (p) {
		plan_free(p);
		fail_msg("a plan came back for a bad file (%s)", b->name);
	}
	assert_string_equal(test_error.file, "team.ini");
	if (test_error.line != b->line)
		fail_msg("%s: error on line %d, want %d: %s", b->name, test_error.line, b->line,
			 test_error.msg);
	for (i = 0; i < 2 && b->want[i]; i++)
		if (!strstr(test_error.msg, b->want[i]))
			fail_msg("%s: message \"%s\" lacks \"%s\"", b->name, test_error.msg,
				 b->want[i]);
}

#define T(fn) cmocka_unit_test_teardown(fn, teardown)

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		T(team_fields_load_and_round_trip),
		T(team_fields_default_to_the_catalog),
		T(zero_switches_off_and_is_kept),
		T(strengths_and_follows_up_load_and_round_trip),
		T(follows_up_survives_unassigning),
		T(strengths_refuse_legs_the_catalog_lacks),
		T(plans_differ_by_each_new_field),
		T(strengths_and_follow_up_edits_undo),
	};
	size_t nfixed = sizeof fixed / sizeof *fixed, nbad = sizeof bads / sizeof *bads, i;
	struct CMUnitTest *tests = calloc(nfixed + nbad, sizeof *tests);
	int rc;

	if (!tests)
		return 1;
	memcpy(tests, fixed, sizeof fixed);
	for (i = 0; i < nbad; i++) {
		char *name;

		if (asprintf(&name, "refuses %s", bads[i].name) < 0)
			return 1;
		tests[nfixed + i].name = name;
		tests[nfixed + i].test_func = refuses;
		tests[nfixed + i].initial_state = (void *)&bads[i];
	}
	rc = _cmocka_run_group_tests("fields", tests, nfixed + nbad, NULL, NULL);
	for (i = 0; i < nbad; i++)
		free((char *)tests[nfixed + i].name);
	free(tests);
	return rc;
}
