/* test_catalogfile.c - the catalog (SPEC section 1): the built-in one
 * holds the seven roles, ten tasks and seven legs of the seeds, and custom
 * catalogs load or are refused with file, line and a suggestion. */
#define _GNU_SOURCE
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalogfile.h"
#include "teamfile.h"
#include "text.h"

static const char *const roles[] = { "strategist", "manager", "community", "webcare",
				     "analyst", "content", "advertising" };
static const char *const tasks[] = { "awareness", "strategy", "inventory", "policy",
				     "training", "monitoring", "listening", "engagement",
				     "kpi", "presence" };
static const char *const legs[] = { "visual", "writing", "empathy", "advertising",
				    "marketing", "analytics", "organising" };
static const char *const leg_labels[] = { "Visual insight", "Writing", "Empathy",
					  "Social advertising", "Online marketing",
					  "Analytical insight", "Organisation-wide view" };
static const char *const leg_dutch[] = { "Visueel inzicht", "Taalbeheersing in geschrift",
					 "Empathie", "Ervaring met social media adverteren",
					 "Online marketing kennis", "Analytisch inzicht",
					 "Organisatiebrede blik" };

/* SPEC section 1, the table of legs per slot, and each slot's kind. */
static const struct {
	const char *slot;
	const char *legs[3];
	enum slot_level level;
} slot_legs[] = {
	{ "strategist", { "marketing", "analytics", "organising" }, LEVEL_STRATEGIC },
	{ "manager", { "organising", "marketing" }, LEVEL_NONE },
	{ "community", { "empathy", "writing" }, LEVEL_OPERATIONAL },
	{ "webcare", { "empathy", "writing" }, LEVEL_OPERATIONAL },
	{ "analyst", { "analytics" }, LEVEL_NONE },
	{ "content", { "visual", "writing", "empathy" }, LEVEL_NONE },
	{ "advertising", { "advertising", "analytics", "writing" }, LEVEL_NONE },
	{ "awareness", { "organising", "writing" }, LEVEL_STRATEGIC },
	{ "strategy", { "marketing", "analytics", "organising" }, LEVEL_STRATEGIC },
	{ "inventory", { "marketing", "analytics" }, LEVEL_STRATEGIC },
	{ "policy", { "writing", "organising" }, LEVEL_STRATEGIC },
	{ "training", { "organising", "empathy" }, LEVEL_STRATEGIC },
	{ "monitoring", { "analytics" }, LEVEL_NONE },
	{ "listening", { "empathy", "organising" }, LEVEL_STRATEGIC },
	{ "engagement", { "empathy", "writing" }, LEVEL_OPERATIONAL },
	{ "kpi", { "analytics", "marketing" }, LEVEL_STRATEGIC },
	{ "presence", { "writing" }, LEVEL_NONE },
};

static struct error err;

static struct catalog *load_text(const char *name, const char *text)
{
	error_clear(&err);
	return catalogfile_load(test_write(name, text), &err);
}

static void assert_has(const char *msg, const char *phrase)
{
	if (!strstr(msg, phrase))
		fail_msg("message \"%s\" lacks \"%s\"", msg, phrase);
}

/* Whether @c has the pair @a + @b (either way round) with @poor. */
static bool has_pair(const struct catalog *c, const char *a, const char *b, bool poor)
{
	int ia = catalog_slot_index(c, a), ib = catalog_slot_index(c, b), i;

	for (i = 0; i < c->npairs; i++)
		if (c->pairs[i].poor == poor &&
		    ((c->pairs[i].a == ia && c->pairs[i].b == ib) ||
		     (c->pairs[i].a == ib && c->pairs[i].b == ia)))
			return true;
	return false;
}

/* ---- the built-in catalog ---------------------------------------------- */

static void builtin_has_roles_then_tasks_in_spec_order(void **state)
{
	const struct catalog *c = test_catalog();
	int i;

	(void)state;
	assert_int_equal(c->nslots, 17);
	assert_int_equal(c->nroles, 7);
	for (i = 0; i < 7; i++) {
		assert_string_equal(c->slots[i].id, roles[i]);
		assert_int_equal(c->slots[i].kind, SLOT_ROLE);
	}
	for (i = 0; i < 10; i++) {
		assert_string_equal(c->slots[7 + i].id, tasks[i]);
		assert_int_equal(c->slots[7 + i].kind, SLOT_TASK);
	}
}

static void builtin_has_seven_legs_and_spec_legs_per_slot(void **state)
{
	const struct catalog *c = test_catalog();
	size_t i;
	int k;

	(void)state;
	assert_int_equal(c->nlegs, 7);
	for (k = 0; k < 7; k++) {
		assert_string_equal(c->legs[k].id, legs[k]);
		assert_string_equal(c->legs[k].label, leg_labels[k]);
		assert_string_equal(c->legs[k].dutch, leg_dutch[k]);
		assert_true(c->legs[k].summary[0] != '\0');
	}
	for (i = 0; i < sizeof slot_legs / sizeof *slot_legs; i++) {
		int s = catalog_slot_index(c, slot_legs[i].slot);
		uint32_t want = 0;

		assert_true(s >= 0);
		for (k = 0; k < 3 && slot_legs[i].legs[k]; k++) {
			int leg = catalog_leg_index(c, slot_legs[i].legs[k]);

			assert_true(leg >= 0);
			want |= 1u << leg;
		}
		if (c->slots[s].legs != want)
			fail_msg("%s asks for legs 0x%x, SPEC says 0x%x", slot_legs[i].slot,
				 c->slots[s].legs, want);
		assert_int_equal(catalog_leg_count(c->slots[s].legs), k);
		if (c->slots[s].level != slot_legs[i].level)
			fail_msg("%s is of kind %s, SPEC says %s", slot_legs[i].slot,
				 catalog_level_name(c->slots[s].level),
				 catalog_level_name(slot_legs[i].level));
	}
}

/* Seed 004: one officer doing all ten tasks needs five legs, "Een schaap
 * met vijf poten?"; the two legs no task asks for are the visual and the
 * advertising one. */
static void the_ten_tasks_ask_for_five_legs(void **state)
{
	const struct catalog *c = test_catalog();
	uint32_t all = 0;
	int i;

	(void)state;
	for (i = c->nroles; i < c->nslots; i++)
		all |= c->slots[i].legs;
	assert_int_equal(catalog_leg_count(all), 5);
	assert_int_equal(catalog_leg_count(all), c->sheep_legs);
	assert_false(all & 1u << catalog_leg_index(c, "visual"));
	assert_false(all & 1u << catalog_leg_index(c, "advertising"));
}

static void builtin_labels_follow_the_articles(void **state)
{
	const struct catalog *c = test_catalog();
	const struct slot *content = &c->slots[catalog_slot_index(c, "content")];
	const struct slot *strategy = &c->slots[catalog_slot_index(c, "strategy")];
	int i;

	(void)state;
	/* 000 names the role "Content redacteur / content designer" */
	assert_string_equal(content->label, "Content editor / designer");
	assert_string_equal(content->dutch, "Content redacteur / designer");
	/* 000 and 004: the strategy is no part of the marketing plan */
	assert_null(strstr(strategy->summary, "marketing"));
	assert_null(strstr(strategy->profile, "marketing plan"));
	/* the invented "Organiseren" is gone */
	for (i = 0; i < c->nlegs; i++)
		assert_string_not_equal(c->legs[i].dutch, "Organiseren");
	/* the planner's catalog defaults for the seed rules */
	assert_int_equal(c->min_strategic, 20);
	assert_int_equal(c->officer_fte, 100);
}

static void builtin_pairs_owners_and_threshold(void **state)
{
	const struct catalog *c = test_catalog();
	int i, poor = 0;

	(void)state;
	assert_int_equal(c->sheep_legs, 5);
	assert_int_equal(c->npairs, 5);
	for (i = 0; i < c->npairs; i++)
		poor += c->pairs[i].poor;
	assert_int_equal(poor, 2);
	assert_true(has_pair(c, "strategist", "webcare", true));
	assert_true(has_pair(c, "content", "analyst", true));
	assert_true(has_pair(c, "community", "webcare", false));
	assert_true(has_pair(c, "community", "manager", false));
	assert_true(has_pair(c, "manager", "analyst", false));
	assert_false(has_pair(c, "strategist", "webcare", false));
	/* SPEC no-owner: the lead or sole holder of strategist, manager or
	 * the strategy task */
	assert_int_equal(c->nowners, 3);
	assert_int_equal(c->owners[0], catalog_slot_index(c, "strategist"));
	assert_int_equal(c->owners[1], catalog_slot_index(c, "manager"));
	assert_int_equal(c->owners[2], catalog_slot_index(c, "strategy"));
}

static void builtin_slots_have_every_text(void **state)
{
	const struct catalog *c = test_catalog();
	int i, j;

	(void)state;
	for (i = 0; i < c->nslots; i++) {
		const struct slot *s = &c->slots[i];

		if (!s->label[0] || !s->dutch[0] || !s->abbrev[0] || !s->summary[0] ||
		    !s->profile[0] || !s->dutch_summary || !s->dutch_profile)
			fail_msg("slot %s lacks a label, Dutch label, abbreviation, summary "
				 "or profile, or the summary or profile in Dutch", s->id);
		/* no text cut short at a ';' the INI reader took for a comment */
		if (s->summary[strlen(s->summary) - 1] == ' ' ||
		    s->dutch_summary[strlen(s->dutch_summary) - 1] == ' ')
			fail_msg("the summary of %s ends in a space", s->id);
		if (text_width(s->abbrev) > 4)
			fail_msg("abbreviation '%s' of %s is wider than 4 columns", s->abbrev, s->id);
		/* the label is written out, not the id again */
		assert_string_not_equal(s->label, s->id);
		/* narrow columns must still tell the slots apart */
		for (j = 0; j < i; j++)
			if (strcmp(c->slots[j].abbrev, s->abbrev) == 0)
				fail_msg("%s and %s share the abbreviation '%s'", c->slots[j].id,
					 s->id, s->abbrev);
	}
}

/* The texts people read follow the language: Dutch labels, summaries
 * and profiles where the catalog has them, English where it has not. */
static void texts_follow_the_language(void **state)
{
	struct catalog *c;
	int boss, clerk;

	(void)state;
	c = load_text("dutch.ini",
		      "[leg talk]\nlabel = Talking\ndutch = Praten\n"
		      "[role boss]\nlabel = Boss\ndutch = Baas\nlegs = talk\nsummary = Leads; decides\n"
		      "profile = Firm\ndutch_summary = \"Leidt; beslist\"\ndutch_profile = Stevig\n"
		      "[task clerk]\nlabel = Clerk\nsummary = Files\nprofile = Neat\n");
	assert_non_null(c);
	boss = catalog_slot_index(c, "boss");
	clerk = catalog_slot_index(c, "clerk");
	catalog_set_dutch(true);
	assert_string_equal(catalog_slot_label(c, boss), "Baas");
	assert_string_equal(catalog_slot_summary(c, boss), "Leidt; beslist");
	assert_string_equal(catalog_slot_profile(c, boss), "Stevig");
	assert_string_equal(catalog_leg_label(c, 0), "Praten");
	assert_string_equal(catalog_slot_label(c, clerk), "Clerk");
	assert_string_equal(catalog_slot_summary(c, clerk), "Files");
	catalog_set_dutch(false);
	assert_string_equal(catalog_slot_label(c, boss), "Boss");
	assert_string_equal(catalog_slot_summary(c, boss), "Leads");
	assert_string_equal(catalog_slot_profile(c, boss), "Firm");
	assert_string_equal(catalog_leg_label(c, 0), "Talking");
	catalog_free(c);
}

static void slot_index_finds_every_slot(void **state)
{
	const struct catalog *c = test_catalog();
	int i;

	(void)state;
	for (i = 0; i < c->nslots; i++)
		assert_int_equal(catalog_slot_index(c, c->slots[i].id), i);
	assert_int_equal(catalog_slot_index(c, "nobody"), -1);
	assert_int_equal(catalog_slot_index(c, ""), -1);
	assert_int_equal(catalog_slot_index(c, "Webcare"), -1);
	assert_int_equal(catalog_slot_index(c, "webcare "), -1);
	assert_int_equal(catalog_leg_index(c, "organising"), 6);
	assert_int_equal(catalog_leg_index(c, "organizing"), -1);
}

static void builtin_is_config_catalog(void **state)
{
	char *text = test_read("config/catalog.ini");
	struct catalog *c;
	int i;

	(void)state;
	if (!text)
		skip();
	/* the binary carries exactly the shipped file */
	assert_int_equal(strlen(text), catalog_builtin_size);
	assert_memory_equal(text, catalog_builtin_text, catalog_builtin_size);
	free(text);
	error_clear(&err);
	c = catalogfile_load("config/catalog.ini", &err);
	if (!c)
		fail_msg("%s:%d: %s", err.file, err.line, err.msg);
	assert_int_equal(c->nslots, test_catalog()->nslots);
	for (i = 0; i < c->nslots; i++) {
		assert_string_equal(c->slots[i].id, test_catalog()->slots[i].id);
		assert_string_equal(c->slots[i].profile, test_catalog()->slots[i].profile);
		assert_int_equal(c->slots[i].legs, test_catalog()->slots[i].legs);
	}
	catalog_free(c);
}

/* ---- custom catalogs --------------------------------------------------- */

static void custom_catalog_reorders_and_adds(void **state)
{
	struct catalog *c;
	struct plan *p;
	struct error e;
	const char *path;

	(void)state;
	/* a task before the roles, legs after the slots that name them */
	c = load_text("custom.ini",
		      "[task presence]\nlegs =\n\n"
		      "[role webcare]\nlabel = Webcare\nlegs = empathy\n\n"
		      "[role moderator]\ndutch = Moderator\nlegs = empathy, judgement\n\n"
		      "[catalog]\nsheep_legs = 2\npoor = webcare+moderator\nowners = moderator\n\n"
		      "[leg judgement]\n[leg empathy]\nlabel = Empathy\n");
	if (!c)
		fail_msg("%s:%d: %s", err.file, err.line, err.msg);
	assert_int_equal(c->nslots, 3);
	assert_int_equal(c->nroles, 2);
	assert_string_equal(c->slots[0].id, "webcare");
	assert_string_equal(c->slots[1].id, "moderator");
	assert_string_equal(c->slots[2].id, "presence");
	assert_int_equal(c->nlegs, 2);
	assert_string_equal(c->legs[0].id, "judgement");
	assert_int_equal(catalog_leg_count(c->slots[1].legs), 2);
	assert_int_equal(c->slots[2].legs, 0);
	assert_int_equal(c->sheep_legs, 2);
	/* pairs and owners follow their slots into the new order */
	assert_int_equal(c->npairs, 1);
	assert_true(has_pair(c, "webcare", "moderator", true));
	assert_int_equal(c->nowners, 1);
	assert_int_equal(c->owners[0], 1);
	/* what the file leaves out has a fallback a screen can show */
	assert_string_equal(c->slots[1].label, "moderator");
	assert_true(c->slots[1].abbrev[0] != '\0');
	assert_true(text_width(c->slots[1].abbrev) <= 4);

	/* team files are read against it */
	path = test_write("custom-team.ini", "[person anna]\nname = Anna\nmoderator = 50 lead\n");
	error_clear(&e);
	p = teamfile_load(path, c, &e);
	if (!p)
		fail_msg("%d: %s", e.line, e.msg);
	assert_int_equal(p->people[0]->cells[1].share, 50);
	plan_free(p);
	path = test_write("custom-team.ini", "[person anna]\nname = Anna\ncommunity = 50\n");
	error_clear(&e);
	assert_null(teamfile_load(path, c, &e));
	assert_int_equal(e.line, 3);
	assert_has(e.msg, "unknown key 'community'");
	catalog_free(c);
}

struct bad_catalog {
	const char *name;
	const char *text;
	int line;
	const char *want[3];
};

static const struct bad_catalog bad_catalogs[] = {
	{ "unknown section", "[leg empathy]\n\n[rol webcare]\nlegs = empathy\n", 3,
	  { "unknown section [rol webcare]", "did you mean 'role'?" } },
	{ "unknown key in a slot", "[role webcare]\nlable = Webcare\n", 2,
	  { "unknown key 'lable' in [role webcare]", "did you mean 'label'?" } },
	{ "unknown key in [catalog]", "[role webcare]\n[catalog]\nsheep_leg = 3\n", 3,
	  { "unknown key 'sheep_leg' in [catalog]", "did you mean 'sheep_legs'?" } },
	{ "unknown key in a leg", "[leg empathy]\nsumary = x\n[role webcare]\n", 2,
	  { "unknown key 'sumary' in [leg empathy]", "did you mean 'summary'?" } },
	{ "unknown leg", "[leg empathy]\n[leg visual]\n\n[role webcare]\nlabel = W\nlegs = visual empaty\n", 6,
	  { "unknown leg 'empaty'", "did you mean 'empathy'?" } },
	{ "pair with an unknown slot", "[role webcare]\n[role community]\n\n[catalog]\nsheep_legs = 5\npoor = webcare+comunity\n", 6,
	  { "unknown slot 'comunity'" } },
	{ "good pair with an unknown slot", "[role webcare]\n[catalog]\ngood = nobody+webcare\n", 3,
	  { "unknown slot 'nobody'" } },
	{ "pair without '+'", "[role webcare]\n[role community]\n[catalog]\npoor = webcare-community\n", 4,
	  { "joined by '+'", "webcare-community" } },
	{ "pair of one slot twice", "[role webcare]\n[catalog]\npoor = webcare+webcare\n", 3,
	  { "two different slots" } },
	{ "owner that is no slot", "[role webcare]\n[catalog]\nowners = boss\n", 3,
	  { "unknown slot 'boss'" } },
	{ "duplicate slot", "[role webcare]\nlabel = A\n\n[role webcare]\nlabel = B\n", 4,
	  { "section [role webcare] appears twice (first on line 1)" } },
	{ "same id as role and task", "[role webcare]\n\n[task webcare]\n", 3,
	  { "slot 'webcare' is defined twice" } },
	{ "duplicate leg", "[leg empathy]\n[leg empathy]\n[role webcare]\n", 2,
	  { "[leg empathy] appears twice (first on line 1)" } },
	{ "duplicate key", "[role webcare]\nlabel = A\nlabel = B\n", 3,
	  { "'label' is given twice in [role webcare] (first on line 2)" } },
	{ "bad slot id", "[role web_care]\n", 1, { "'web_care' is not a valid slot id" } },
	{ "slot without id", "[role]\nlabel = x\n", 1, { "[role] needs an id" } },
	{ "bad sheep_legs", "[role webcare]\n[catalog]\nsheep_legs = 0\n", 3,
	  { "sheep_legs must be a whole number from 1 to 32" } },
	{ "sheep_legs not a number", "[role webcare]\n[catalog]\nsheep_legs = five\n", 3,
	  { "sheep_legs must be a whole number" } },
	{ "label not UTF-8", "[role webcare]\nlabel = Caf\xe9\n", 2, { "'label' is not valid UTF-8" } },
	{ "syntax error", "[role webcare]\nlabel Webcare\n", 2, { "syntax error" } },
	{ "escape sequence in a key", "[role webcare]\n\x1b[2jlabel = x\n", 2, { "'\\x1b[2jlabel'" } },
	{ "unknown kind", "[role webcare]\nlabel = W\nkind = operationel\n", 3,
	  { "kind must be strategic, operational or none, not 'operationel'",
	    "did you mean 'operational'?" } },
	{ "kind in capitals", "[role webcare]\nkind = Strategic\n", 2,
	  { "kind must be strategic, operational or none" } },
	{ "min_strategic over 100", "[role webcare]\n[catalog]\nmin_strategic = 101\n", 3,
	  { "min_strategic must be a whole percentage from 0 to 100" } },
	{ "min_strategic a word", "[role webcare]\n[catalog]\nmin_strategic = twenty\n", 3,
	  { "min_strategic must be a whole percentage" } },
	{ "min_strategic with decimals", "[role webcare]\n[catalog]\nmin_strategic = 20,5\n", 3,
	  { "min_strategic must be a whole percentage" } },
	{ "officer_fte a word", "[role webcare]\n[catalog]\nofficer_fte = full\n", 3,
	  { "officer_fte must be an FTE from 0 to 999.99" } },
	{ "officer_fte negative", "[role webcare]\n[catalog]\nofficer_fte = -1\n", 3,
	  { "officer_fte must be an FTE" } },
	{ "unknown key near officer_fte", "[role webcare]\n[catalog]\nofficer = 1\n", 3,
	  { "unknown key 'officer' in [catalog]", "did you mean 'officer_fte'?" } },
};

/* A custom catalog sets kinds and the defaults, with decimal commas. */
static void custom_kinds_and_defaults(void **state)
{
	struct catalog *c;

	(void)state;
	c = load_text("kinds.ini",
		      "[catalog]\nmin_strategic = 35%\nofficer_fte = 0,5\n"
		      "[role boss]\nkind = strategic\n[role desk]\nkind = operational\n"
		      "[task chat]\nkind = none\n[task other]\n");
	if (!c)
		fail_msg("%s:%d: %s", err.file, err.line, err.msg);
	assert_int_equal(c->min_strategic, 35);
	assert_int_equal(c->officer_fte, 50);
	assert_int_equal(c->slots[catalog_slot_index(c, "boss")].level, LEVEL_STRATEGIC);
	assert_int_equal(c->slots[catalog_slot_index(c, "desk")].level, LEVEL_OPERATIONAL);
	assert_int_equal(c->slots[catalog_slot_index(c, "chat")].level, LEVEL_NONE);
	assert_int_equal(c->slots[catalog_slot_index(c, "other")].level, LEVEL_NONE);
	catalog_free(c);
	/* 0 switches the rules off; absent keeps the defaults */
	c = load_text("kinds.ini", "[catalog]\nmin_strategic = 0\nofficer_fte = 0\n[role boss]\n");
	assert_non_null(c);
	assert_int_equal(c->min_strategic, 0);
	assert_int_equal(c->officer_fte, 0);
	catalog_free(c);
	c = load_text("kinds.ini", "[role boss]\n");
	assert_non_null(c);
	assert_int_equal(c->min_strategic, 20);
	assert_int_equal(c->officer_fte, 100);
	catalog_free(c);
}

static void refuses(void **state)
{
	const struct bad_catalog *b = *state;
	struct catalog *c = load_text("bad.ini", b->text);
	const unsigned char *m;
	int i;

	if (c) {
		catalog_free(c);
		fail_msg("a catalog came back for a bad file (%s)", b->name);
	}
	assert_non_null(strstr(err.file, "bad.ini"));
	if (err.line != b->line)
		fail_msg("error on line %d, want %d: %s", err.line, b->line, err.msg);
	for (i = 0; i < 3 && b->want[i]; i++)
		assert_has(err.msg, b->want[i]);
	for (m = (const unsigned char *)err.msg; *m; m++)
		if (*m < 0x20 || *m == 0x7f)
			fail_msg("message holds raw control byte 0x%02x", *m);
}

static void catalog_without_slots_is_refused(void **state)
{
	const char *texts[] = { "", "[catalog]\nsheep_legs = 5\n", "[leg empathy]\n" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof *texts; i++) {
		assert_null(load_text("noslots.ini", texts[i]));
		assert_has(err.msg, "defines no roles or tasks");
		assert_non_null(strstr(err.file, "noslots.ini"));
	}
}

static void missing_catalog_is_refused(void **state)
{
	char *path;

	(void)state;
	assert_true(asprintf(&path, "%s/no-such-catalog.ini", test_dir()) > 0);
	error_clear(&err);
	assert_null(catalogfile_load(path, &err));
	assert_string_equal(err.file, path);
	assert_has(err.msg, "cannot open");
	free(path);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(builtin_has_roles_then_tasks_in_spec_order),
		cmocka_unit_test(builtin_has_seven_legs_and_spec_legs_per_slot),
		cmocka_unit_test(the_ten_tasks_ask_for_five_legs),
		cmocka_unit_test(builtin_labels_follow_the_articles),
		cmocka_unit_test(custom_kinds_and_defaults),
		cmocka_unit_test(builtin_pairs_owners_and_threshold),
		cmocka_unit_test(builtin_slots_have_every_text),
		cmocka_unit_test(slot_index_finds_every_slot),
		cmocka_unit_test(texts_follow_the_language),
		cmocka_unit_test(builtin_is_config_catalog),
		cmocka_unit_test(custom_catalog_reorders_and_adds),
		cmocka_unit_test(catalog_without_slots_is_refused),
		cmocka_unit_test(missing_catalog_is_refused),
	};
	size_t nfixed = sizeof fixed / sizeof *fixed;
	size_t nbad = sizeof bad_catalogs / sizeof *bad_catalogs, n = 0, i;
	struct CMUnitTest *tests = calloc(nfixed + nbad, sizeof *tests);
	char *name;
	int rc;

	if (!tests)
		return 1;
	for (i = 0; i < nbad; i++) {
		if (asprintf(&name, "refuses %s", bad_catalogs[i].name) < 0)
			return 1;
		tests[n].name = name;
		tests[n].test_func = refuses;
		tests[n].initial_state = (void *)&bad_catalogs[i];
		n++;
	}
	for (i = 0; i < nfixed; i++)
		tests[n++] = fixed[i];
	rc = _cmocka_run_group_tests("catalogfile", tests, n, NULL, NULL);
	for (i = 0; i < nbad; i++)
		free((char *)tests[i].name);
	free(tests);
	return rc;
}
