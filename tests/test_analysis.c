/* test_analysis.c - the analysis rules of SPEC section 3.
 *
 * Most tests load a team with load(): it sets the need of every slot of
 * the built-in catalog to 0 except the slots a test names, so that only the
 * rule under test can fire (slots with need 0 take part in no slot rule).
 * Each test then compares the whole list of findings, in report order, as
 * one line of "code subject" items: a finding that appears or vanishes
 * where it should not fails the test as surely as a missing one. */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The plan and analysis of the running test; freed by teardown(). */
static struct plan *plan;
static struct analysis an;
static struct plan *other; /* a second plan, for the tests that need one */

static int teardown(void **state)
{
	(void)state;
	analysis_release(&an);
	plan_free(plan);
	plan_free(other);
	plan = other = NULL;
	return 0;
}

static void analyse(void)
{
	analysis_init(&an);
	assert_int_equal(analysis_run(&an, plan), 0);
}

static struct plan *parse(const char *text)
{
	struct plan *p = test_plan(text);

	if (!p)
		fail_msg("team text refused: %s:%d: %s\n%s", test_error.file,
			 test_error.line, test_error.msg, text);
	return p;
}

/* Build the team file text: [team] with @team lines, then [needs] setting
 * every slot to 0 except those in @needed, a space-separated list of "id"
 * (need absent: at least one holder) or "id=FTE" (that need), then
 * @people. NULL @needed leaves out [needs]: every slot needs a holder. */
static const char *team_text(const char *team, const char *needed, const char *people)
{
	static char text[16384];
	const struct catalog *c = test_catalog();
	size_t len;
	int s;

	/* the team rules of strategic share and officer time stay off unless
	 * the test is about them */
	len = (size_t)snprintf(text, sizeof text, "[team]\nname = Test team\n%s%s%s\n",
			       team && strstr(team, "min_strategic") ? "" : "min_strategic = 0\n",
			       team && strstr(team, "officer_fte") ? "" : "officer_fte = 0\n",
			       team ? team : "");
	if (needed) {
		len += (size_t)snprintf(text + len, sizeof text - len, "[needs]\n");
		for (s = 0; s < c->nslots; s++) {
			const char *id = c->slots[s].id, *at = needed;
			size_t idlen = strlen(id);
			const char *value = "0";
			char buf[32];

			/* find "id" or "id=value" as a whole word of @needed */
			while ((at = strstr(at, id)) != NULL) {
				bool starts = at == needed || at[-1] == ' ';
				char end = at[idlen];

				if (starts && (end == '\0' || end == ' ' || end == '='))
					break;
				at += idlen;
			}
			if (at && at[idlen] == '=') {
				size_t n = strcspn(at + idlen + 1, " ");

				assert_true(n < sizeof buf);
				memcpy(buf, at + idlen + 1, n);
				buf[n] = '\0';
				value = buf;
			} else if (at) {
				continue; /* need absent */
			}
			len += (size_t)snprintf(text + len, sizeof text - len, "%s = %s\n", id, value);
		}
	}
	len += (size_t)snprintf(text + len, sizeof text - len, "%s", people ? people : "");
	assert_true(len < sizeof text);
	return text;
}

/* Load the team into plan and analyse it into an. */
static void load(const char *team, const char *needed, const char *people)
{
	plan = parse(team_text(team, needed, people));
	analyse();
}

/* The findings of @a as "code subject; code subject", in report order. */
static const char *findings_of(const struct analysis *a)
{
	static char out[8192];
	size_t len = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < a->nfindings; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%s %s", i ? "; " : "",
					finding_code_name(a->findings[i].code),
					finding_subject_id(a, &a->findings[i]));
	assert_true(len < sizeof out);
	return out;
}

#define assert_findings(expected) assert_string_equal(findings_of(&an), (expected))

static const struct slot_result *slot_of(const char *id)
{
	return &an.slots[test_slot(id)];
}

static const struct person_result *person_of(const char *id)
{
	int row = plan_find_person(plan, id);

	assert_true(row >= 0);
	return &an.people[row];
}

/* All messages of findings @code on @subject, joined by " | ". */
static const char *messages(enum finding_code code, const char *subject)
{
	static char out[2048];
	char one[1024];
	size_t len = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < an.nfindings; i++) {
		if (an.findings[i].code != code ||
		    strcmp(finding_subject_id(&an, &an.findings[i]), subject) != 0)
			continue;
		finding_message(&an, &an.findings[i], one, sizeof one);
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%s", len ? " | " : "", one);
	}
	return out;
}

/* ---- uncovered ------------------------------------------------------ */

static void uncovered_fires_when_need_is_absent(void **state)
{
	(void)state;
	load(NULL, "webcare", "");
	assert_findings("uncovered webcare");
	assert_string_equal(test_message(&an, F_UNCOVERED, "webcare"), "Webcare agent: nobody holds it");
	assert_int_equal(an.count[SEV_ERROR], 1);
}

static void uncovered_with_a_need_names_the_need(void **state)
{
	(void)state;
	load(NULL, "webcare=2.0", "");
	/* staffed 0 is uncovered, not understaffed */
	assert_findings("uncovered webcare");
	assert_string_equal(test_message(&an, F_UNCOVERED, "webcare"),
			    "Webcare agent: nobody holds it; 2.0 FTE needed");
}

static void need_zero_without_holder_is_not_uncovered(void **state)
{
	(void)state;
	load(NULL, "", "");
	assert_findings("");
	assert_int_equal(an.count[SEV_ERROR] + an.count[SEV_WARNING] + an.count[SEV_INFO], 0);
	assert_int_equal(slot_of("webcare")->state, STATE_NOT_NEEDED);
}

static void a_holder_covers_the_slot(void **state)
{
	(void)state;
	load(NULL, "webcare",
	     "[person anna]\nname = Anna\nwebcare = 50\n");
	assert_findings("single-point webcare");
	assert_false(test_has(&an, F_UNCOVERED, "webcare"));
}

static void empty_plan_without_needs_is_uncovered_everywhere(void **state)
{
	const struct catalog *c = test_catalog();
	int i;

	(void)state;
	load(NULL, NULL, "");
	/* every slot of the catalog, and the team has no owner */
	assert_int_equal(an.count[SEV_ERROR], c->nslots);
	assert_int_equal(an.count[SEV_WARNING], 1);
	assert_int_equal(an.count[SEV_INFO], 0);
	assert_int_equal(an.nfindings, c->nslots + 1);
	for (i = 0; i < c->nslots; i++)
		assert_true(test_has(&an, F_UNCOVERED, c->slots[i].id));
	assert_true(test_has(&an, F_NO_OWNER, "team"));
}

/* ---- understaffed --------------------------------------------------- */

static void understaffed_fires_below_the_need(void **state)
{
	(void)state;
	load(NULL, "webcare=2.0",
	     "[person anna]\nname = Anna\nfte = 0.8\nwebcare = 75\n");
	assert_findings("understaffed webcare; single-point webcare");
	assert_string_equal(test_message(&an, F_UNDERSTAFFED, "webcare"),
			    "Webcare agent: 0.6 of 2.0 FTE staffed");
	assert_int_equal(slot_of("webcare")->staffed, 6000);
	assert_int_equal(slot_of("webcare")->need, 200);
	assert_int_equal(slot_of("webcare")->state, STATE_WARNING);
}

static void understaffed_not_at_exactly_the_need(void **state)
{
	(void)state;
	/* 0.8 FTE x 50% = 0.4 FTE, need 0.4 */
	load(NULL, "webcare=0.4",
	     "[person anna]\nname = Anna\nfte = 0.8\nwebcare = 50\n");
	assert_findings("single-point webcare");
	assert_int_equal(slot_of("webcare")->staffed, 4000);
	assert_int_equal(slot_of("webcare")->state, STATE_THIN);
}

static void understaffed_fires_just_below_the_need(void **state)
{
	(void)state;
	load(NULL, "webcare=0.41",
	     "[person anna]\nname = Anna\nfte = 0.8\nwebcare = 50\n");
	assert_findings("understaffed webcare; single-point webcare");
	assert_string_equal(test_message(&an, F_UNDERSTAFFED, "webcare"),
			    "Webcare agent: 0.4 of 0.41 FTE staffed");
}

static void understaffed_not_above_the_need(void **state)
{
	(void)state;
	load(NULL, "webcare=0.4",
	     "[person anna]\nname = Anna\nfte = 0.8\nwebcare = 60\n");
	assert_findings("single-point webcare");
}

static void understaffed_needs_a_given_need(void **state)
{
	(void)state;
	/* 0.05 FTE x 1% is tiny, but without a need one holder is enough */
	load(NULL, "webcare",
	     "[person anna]\nname = Anna\nfte = 0.05\nwebcare = 1\n");
	assert_findings("single-point webcare");
	assert_int_equal(slot_of("webcare")->staffed, 5);
	assert_int_equal(slot_of("webcare")->need, NEED_UNSET);
}

static void understaffed_sums_all_holders(void **state)
{
	(void)state;
	/* 1.0 x 50% + 0.5 x 100% = 1.0 FTE, need 1.0 */
	load(NULL, "community=1",
	     "[person anna]\nname = Anna\ncommunity = 50 lead\n"
	     "[person bram]\nname = Bram\nfte = 0.5\ncommunity = 100\n");
	assert_findings("overlap community");
	assert_int_equal(slot_of("community")->staffed, 10000);
	teardown(NULL);

	/* 1.0 x 50% + 0.5 x 99% = 0.995 FTE */
	load(NULL, "community=1",
	     "[person anna]\nname = Anna\ncommunity = 50 lead\n"
	     "[person bram]\nname = Bram\nfte = 0.5\ncommunity = 99\n");
	assert_findings("understaffed community; overlap community");
	assert_string_equal(test_message(&an, F_UNDERSTAFFED, "community"),
			    "Community manager: 0.995 of 1.0 FTE staffed");
}

/* ---- no-lead, lead-conflict ----------------------------------------- */

static void no_lead_fires_for_two_holders_without_lead(void **state)
{
	(void)state;
	load(NULL, "community",
	     "[person anna]\nname = Anna\ncommunity = 50\n"
	     "[person bram]\nname = Bram\ncommunity = 50\n");
	assert_findings("no-lead community; overlap community");
	assert_string_equal(test_message(&an, F_NO_LEAD, "community"),
			    "Community manager: 2 holders (Anna, Bram) and none is lead");
	assert_int_equal(slot_of("community")->leads, 0);
}

static void one_lead_among_holders_fires_neither(void **state)
{
	(void)state;
	load(NULL, "community",
	     "[person anna]\nname = Anna\ncommunity = 50\n"
	     "[person bram]\nname = Bram\ncommunity = 50 lead\n"
	     "[person cor]\nname = Cor\ncommunity = 10\n");
	assert_findings("overlap community");
	assert_int_equal(slot_of("community")->leads, 1);
	assert_int_equal(slot_of("community")->holders, 3);
}

static void lead_conflict_fires_for_two_leads(void **state)
{
	(void)state;
	load(NULL, "community",
	     "[person anna]\nname = Anna\ncommunity = 50 lead\n"
	     "[person bram]\nname = Bram\ncommunity = 50\n"
	     "[person cor]\nname = Cor\ncommunity = 10 lead\n");
	assert_findings("lead-conflict community; overlap community");
	/* only the leads are named */
	assert_string_equal(test_message(&an, F_LEAD_CONFLICT, "community"),
			    "Community manager: 2 holders marked lead (Anna, Cor); name one owner");
}

static void single_holder_needs_no_lead(void **state)
{
	(void)state;
	load(NULL, "community webcare",
	     "[person anna]\nname = Anna\ncommunity = 50\n"
	     "[person bram]\nname = Bram\nwebcare = 50 lead\n");
	assert_findings("single-point community; single-point webcare");
}

/* ---- external-only -------------------------------------------------- */

static void external_only_fires_when_all_holders_are_external(void **state)
{
	(void)state;
	load(NULL, "webcare advertising",
	     "[person agency]\nname = Agency\nexternal = yes\nwebcare = 40\n"
	     "[person ad1]\nname = Ad One\nexternal = yes\nadvertising = 50 lead\n"
	     "[person ad2]\nname = Ad Two\nexternal = true\nadvertising = 50\n");
	assert_findings("external-only advertising; external-only webcare; "
			"overlap advertising; single-point webcare");
	assert_string_equal(test_message(&an, F_EXTERNAL_ONLY, "webcare"),
			    "Webcare agent: held only by external people (Agency); "
			    "someone inside must follow it up");
	assert_int_equal(slot_of("advertising")->external_holders, 2);
}

static void one_internal_holder_is_enough(void **state)
{
	(void)state;
	load(NULL, "webcare",
	     "[person agency]\nname = Agency\nexternal = yes\nwebcare = 40 lead\n"
	     "[person anna]\nname = Anna\nexternal = no\nwebcare = 10\n");
	assert_findings("overlap webcare");
	assert_int_equal(slot_of("webcare")->external_holders, 1);
	assert_int_equal(slot_of("webcare")->internal_leads, 0);
}

/* ---- single-point, overlap ------------------------------------------ */

static void single_point_and_overlap_messages(void **state)
{
	(void)state;
	load(NULL, "webcare community",
	     "[person anna]\nname = Anna\nfte = 0.5\nwebcare = 60\ncommunity = 40 lead\n"
	     "[person bram]\nname = Bram\ncommunity = 30\n");
	assert_findings("overlap community; single-point webcare");
	assert_string_equal(test_message(&an, F_SINGLE_POINT, "webcare"),
			    "Webcare agent: only Anna holds it (0.3 FTE)");
	/* 0.5 x 40% + 1.0 x 30% = 0.5 */
	assert_string_equal(test_message(&an, F_OVERLAP, "community"),
			    "Community manager: 2 people share it (Anna, Bram), 0.5 FTE in all");
}

static void overlap_names_three_and_counts_the_rest(void **state)
{
	(void)state;
	load(NULL, "presence",
	     "[person p1]\nname = One\npresence = 10 lead\n"
	     "[person p2]\nname = Two\npresence = 10\n"
	     "[person p3]\nname = Three\npresence = 10\n"
	     "[person p4]\nname = Four\npresence = 10\n"
	     "[person p5]\nname = Five\npresence = 10\n");
	assert_findings("overlap presence");
	assert_string_equal(test_message(&an, F_OVERLAP, "presence"),
			    "Own presence: 5 people share it (One, Two, Three and 2 more), 0.5 FTE in all");
}

/* ---- over-allocated ------------------------------------------------- */

static void load_of_exactly_100_is_not_over_allocated(void **state)
{
	(void)state;
	load(NULL, "",
	     "[person anna]\nname = Anna\ncommunity = 60\nwebcare = 40\n");
	assert_findings("");
	assert_int_equal(person_of("anna")->load, 100);
	assert_false(person_of("anna")->over);
}

static void load_of_101_is_over_allocated(void **state)
{
	(void)state;
	load(NULL, "",
	     "[person anna]\nname = Anna\ncommunity = 100\npresence = 1\n");
	assert_findings("over-allocated anna");
	assert_string_equal(test_message(&an, F_OVER_ALLOCATED, "anna"),
			    "Anna is loaded 101% of 100% allowed (1 over, 0.4 hours a week)");
	assert_int_equal(person_of("anna")->load, 101);
	assert_true(person_of("anna")->over);
}

static void max_load_moves_the_edge(void **state)
{
	(void)state;
	load("max_load = 120", "",
	     "[person anna]\nname = Anna\ncommunity = 100\npresence = 20\n"
	     "[person bram]\nname = Bram\ncommunity = 100\npresence = 21\n"
	     "[person cor]\nname = Cor\ncommunity = 100\npresence = 30\n");
	assert_findings("over-allocated bram; over-allocated cor");
	assert_string_equal(test_message(&an, F_OVER_ALLOCATED, "bram"),
			    "Bram is loaded 121% of 120% allowed (1 over, 0.4 hours a week)");
	assert_string_equal(test_message(&an, F_OVER_ALLOCATED, "cor"),
			    "Cor is loaded 130% of 120% allowed (10 over, 3.6 hours a week)");
	teardown(NULL);

	load("max_load = 80%", "",
	     "[person anna]\nname = Anna\ncommunity = 80\n"
	     "[person bram]\nname = Bram\ncommunity = 81\n");
	assert_findings("over-allocated bram");
}

/* ---- five-legged-sheep ---------------------------------------------- */

/* visual, writing, empathy, analytics; no poor pair among them */
#define FOUR_LEGS "content = 20\nmonitoring = 20\n"

static void four_legs_is_no_sheep(void **state)
{
	(void)state;
	/* engagement asks for empathy and writing: no new leg */
	load(NULL, "", "[person anna]\nname = Anna\n" FOUR_LEGS "engagement = 10\n");
	assert_findings("");
	assert_int_equal(person_of("anna")->nlegs, 4);
	assert_false(person_of("anna")->sheep);
}

static void five_legs_is_a_sheep(void **state)
{
	(void)state;
	load(NULL, "", "[person anna]\nname = Anna\n" FOUR_LEGS "kpi = 20\n");
	assert_findings("five-legged-sheep anna");
	assert_string_equal(test_message(&an, F_FIVE_LEGGED_SHEEP, "anna"),
			    "Anna holds 5 legs: Visual insight, Writing, Empathy, Online marketing, "
			    "Analytical insight (limit 5)");
	assert_int_equal(person_of("anna")->nlegs, 5);
	assert_true(person_of("anna")->sheep);
}

static void legs_are_a_union(void **state)
{
	(void)state;
	/* strategist asks for marketing, analytics and organising; manager
	 * and kpi only repeat them: 3 legs, not 7 */
	load(NULL, "", "[person anna]\nname = Anna\nstrategist = 30\nmanager = 30\nkpi = 30\n");
	assert_int_equal(person_of("anna")->nlegs, 3);
	assert_int_equal(person_of("anna")->slots, 3);
	assert_findings("");
}

static void sheep_legs_lowers_the_edge(void **state)
{
	(void)state;
	load("sheep_legs = 4", "",
	     "[person anna]\nname = Anna\n" FOUR_LEGS
	     "[person bram]\nname = Bram\ncontent = 20\ncommunity = 20\n");
	assert_findings("five-legged-sheep anna");
	assert_string_equal(test_message(&an, F_FIVE_LEGGED_SHEEP, "anna"),
			    "Anna holds 4 legs: Visual insight, Writing, Empathy, Analytical insight "
			    "(limit 4)");
	assert_int_equal(person_of("bram")->nlegs, 3);
}

static void presence_asks_for_writing_only(void **state)
{
	const struct catalog *c = test_catalog();

	(void)state;
	load("sheep_legs = 2", "",
	     "[person anna]\nname = Anna\npresence = 50\n"
	     "[person bram]\nname = Bram\ncommunity = 50\n");
	assert_findings("five-legged-sheep bram");
	assert_int_equal(person_of("anna")->nlegs, 1);
	assert_int_equal(person_of("anna")->legs, 1u << catalog_leg_index(c, "writing"));
}

/* ---- poor-combination ----------------------------------------------- */

static void poor_pairs_fire(void **state)
{
	(void)state;
	/* strategist and webcare together ask for five legs: no sheep here */
	load("sheep_legs = 7", "",
	     "[person anna]\nname = Anna\nstrategist = 50\nwebcare = 50\n"
	     "[person bram]\nname = Bram\ncontent = 50\nanalyst = 50\n");
	assert_findings("poor-combination anna; poor-combination bram");
	assert_string_equal(test_message(&an, F_POOR_COMBINATION, "anna"),
			    "Anna holds both Strategist and Webcare agent, which ask for different "
			    "qualities");
	assert_string_equal(test_message(&an, F_POOR_COMBINATION, "bram"),
			    "Bram holds both Content editor / designer and Analyst, which ask for "
			    "different qualities");
}

static void good_pair_and_split_pair_do_not_fire(void **state)
{
	(void)state;
	/* a good pair; a poor pair split over two people */
	load(NULL, "",
	     "[person anna]\nname = Anna\ncommunity = 50\nwebcare = 50\n"
	     "[person bram]\nname = Bram\nstrategist = 50\n"
	     "[person cor]\nname = Cor\nwebcare = 50\n");
	assert_findings("");
}

static void both_poor_pairs_give_two_findings(void **state)
{
	(void)state;
	load(NULL, "",
	     "[person anna]\nname = Anna\nstrategist = 25\nwebcare = 25\n"
	     "content = 25\nanalyst = 25\n");
	/* six legs too: all but advertising */
	assert_findings("five-legged-sheep anna; poor-combination anna; poor-combination anna");
	assert_string_equal(messages(F_POOR_COMBINATION, "anna"),
			    "Anna holds both Strategist and Webcare agent, which ask for different "
			    "qualities | Anna holds both Content editor / designer and Analyst, which "
			    "ask for different qualities");
	assert_int_equal(an.count[SEV_WARNING], 3);
}

/* ---- idle ----------------------------------------------------------- */

static void idle_fires_without_assignments(void **state)
{
	(void)state;
	load(NULL, "",
	     "[person anna]\nname = Anna\n"
	     "[person bram]\nname = Bram\npresence = 1\n");
	assert_findings("idle anna");
	assert_string_equal(test_message(&an, F_IDLE, "anna"), "Anna has no assignments");
	assert_int_equal(person_of("anna")->slots, 0);
	assert_int_equal(person_of("bram")->slots, 1);
}

/* ---- no-owner ------------------------------------------------------- */

static void no_owner_fires_when_nobody_owns(void **state)
{
	(void)state;
	load(NULL, "strategist manager", "");
	assert_findings("uncovered manager; uncovered strategist; no-owner team");
	assert_string_equal(test_message(&an, F_NO_OWNER, "team"),
			    "nobody inside the team is lead or sole holder of one of Strategist, "
			    "Manager, Strategy; name one person end-responsible early (only 56% "
			    "of companies have one)");
}

static void external_sole_holder_is_no_owner(void **state)
{
	(void)state;
	load(NULL, "strategist manager",
	     "[person agency]\nname = Agency\nexternal = yes\nmanager = 50 lead\n");
	assert_findings("uncovered strategist; external-only manager; no-owner team; "
			"single-point manager");
}

static void internal_lead_among_holders_owns(void **state)
{
	(void)state;
	load(NULL, "strategist manager",
	     "[person anna]\nname = Anna\nstrategist = 50 lead\n"
	     "[person bram]\nname = Bram\nstrategist = 50\n");
	assert_findings("uncovered manager; overlap strategist");
}

static void internal_sole_holder_without_lead_owns(void **state)
{
	(void)state;
	load(NULL, "strategist manager",
	     "[person anna]\nname = Anna\nmanager = 50\n");
	assert_findings("uncovered strategist; single-point manager");
}

static void external_lead_with_internal_holder_is_no_owner(void **state)
{
	(void)state;
	/* the internal person is neither lead nor sole holder */
	load(NULL, "strategist",
	     "[person agency]\nname = Agency\nexternal = yes\nstrategist = 50 lead\n"
	     "[person anna]\nname = Anna\nstrategist = 50\n");
	assert_findings("no-owner team; overlap strategist");
}

static void internal_holders_without_lead_are_no_owner(void **state)
{
	(void)state;
	load(NULL, "strategist",
	     "[person anna]\nname = Anna\nstrategist = 50\n"
	     "[person bram]\nname = Bram\nstrategist = 50\n");
	assert_findings("no-lead strategist; no-owner team; overlap strategist");
}

static void no_owner_not_asked_when_owner_slots_not_needed(void **state)
{
	(void)state;
	load(NULL, "community",
	     "[person anna]\nname = Anna\ncommunity = 50\n");
	assert_findings("single-point community");
	assert_false(test_has(&an, F_NO_OWNER, "team"));
}

/* ---- need 0 --------------------------------------------------------- */

static void need_zero_slots_take_part_in_no_slot_rule(void **state)
{
	(void)state;
	/* (anna holds five legs: sheep_legs 7 keeps the person rules out) */
	load("sheep_legs = 7", "",
	     "[person anna]\nname = Anna\ncommunity = 50\nstrategy = 50\n"
	     "[person bram]\nname = Bram\ncommunity = 50 lead\nstrategy = 50 lead\n"
	     "[person agency]\nname = Agency\nexternal = yes\nwebcare = 50\n"
	     "community = 10 lead\n");
	/* with every slot at need 0, the lead conflict on community, the
	 * overlaps and the external-only webcare are all silent */
	assert_findings("");
	assert_int_equal(slot_of("community")->holders, 3);
	assert_int_equal(slot_of("community")->leads, 2);
	assert_int_equal(slot_of("community")->state, STATE_NOT_NEEDED);
	assert_int_equal(analysis_slot_worst(&an, test_slot("webcare")), F_COUNT);
	assert_false(analysis_slot_fires(&an, F_OVERLAP, test_slot("strategy")));
	teardown(NULL);

	/* the same team without [needs]: the rules come back */
	load("sheep_legs = 7", "community strategy webcare",
	     "[person anna]\nname = Anna\ncommunity = 50\nstrategy = 50\n"
	     "[person bram]\nname = Bram\ncommunity = 50 lead\nstrategy = 50 lead\n"
	     "[person agency]\nname = Agency\nexternal = yes\nwebcare = 50\n"
	     "community = 10 lead\n");
	assert_findings("external-only webcare; lead-conflict community; "
			"overlap community; overlap strategy; single-point webcare");
}

static void need_zero_still_counts_for_people(void **state)
{
	(void)state;
	/* person rules look at what people hold, needed or not */
	load(NULL, "",
	     "[person anna]\nname = Anna\nstrategist = 60\nwebcare = 60\n");
	assert_findings("five-legged-sheep anna; over-allocated anna; poor-combination anna");
}

/* ---- order ---------------------------------------------------------- */

static void people_are_ordered_by_id_not_row(void **state)
{
	(void)state;
	load(NULL, "",
	     "[person zed]\nname = Zed\n"
	     "[person amy]\nname = Amy\n"
	     "[person mo]\nname = Mo\n");
	assert_findings("idle amy; idle mo; idle zed");
	assert_int_equal(an.findings[0].kind, SUBJECT_PERSON);
	assert_int_equal(an.findings[0].subject, 1); /* amy is row 1 */
	assert_int_equal(an.findings[2].subject, 0);
}

static void slots_are_ordered_by_id_not_column(void **state)
{
	(void)state;
	/* catalog order: strategist, manager, community, webcare, ... */
	load(NULL, "webcare community manager strategist", "");
	assert_findings("uncovered community; uncovered manager; uncovered strategist; "
			"uncovered webcare; no-owner team");
}

static void findings_are_ordered_by_severity_then_code(void **state)
{
	int i;

	(void)state;
	load(NULL, "webcare=2 community kpi strategist",
	     "[person zed]\nname = Zed\n"
	     "[person bob]\nname = Bob\nexternal = yes\nstrategist = 30\nwebcare = 60\n"
	     "community = 10\n"
	     "[person amy]\nname = Amy\ncontent = 20\ncommunity = 20\nmonitoring = 20\n"
	     "strategy = 20\npolicy = 20\npresence = 5\n");
	assert_findings("uncovered kpi; "
			"external-only strategist; external-only webcare; five-legged-sheep amy; "
			"five-legged-sheep bob; "
			"no-lead community; no-owner team; over-allocated amy; "
			"poor-combination bob; understaffed webcare; "
			"idle zed; overlap community; single-point strategist; single-point webcare");
	assert_int_equal(an.count[SEV_ERROR], 1);
	assert_int_equal(an.count[SEV_WARNING], 9);
	assert_int_equal(an.count[SEV_INFO], 4);
	for (i = 1; i < an.nfindings; i++) {
		const struct finding *x = &an.findings[i - 1], *y = &an.findings[i];
		enum severity sx = finding_severity(x->code), sy = finding_severity(y->code);
		int byname = strcmp(finding_code_name(x->code), finding_code_name(y->code));

		assert_true(sx <= sy);
		if (sx == sy)
			assert_true(byname <= 0);
		if (sx == sy && byname == 0)
			assert_true(strcmp(finding_subject_id(&an, x),
					   finding_subject_id(&an, y)) <= 0);
	}
}

static void severities_and_names(void **state)
{
	(void)state;
	assert_string_equal(severity_name(finding_severity(F_UNCOVERED)), "error");
	assert_string_equal(severity_name(finding_severity(F_UNDERSTAFFED)), "warning");
	assert_string_equal(severity_name(finding_severity(F_NO_LEAD)), "warning");
	assert_string_equal(severity_name(finding_severity(F_LEAD_CONFLICT)), "warning");
	assert_string_equal(severity_name(finding_severity(F_EXTERNAL_ONLY)), "warning");
	assert_string_equal(severity_name(finding_severity(F_SINGLE_POINT)), "info");
	assert_string_equal(severity_name(finding_severity(F_OVERLAP)), "info");
	assert_string_equal(severity_name(finding_severity(F_OVER_ALLOCATED)), "warning");
	assert_string_equal(severity_name(finding_severity(F_FIVE_LEGGED_SHEEP)), "warning");
	assert_string_equal(severity_name(finding_severity(F_POOR_COMBINATION)), "warning");
	assert_string_equal(severity_name(finding_severity(F_IDLE)), "info");
	assert_string_equal(severity_name(finding_severity(F_NO_OWNER)), "warning");
}

/* ---- figures -------------------------------------------------------- */

static void slot_and_person_figures(void **state)
{
	const struct catalog *c = test_catalog();
	const struct slot_result *r;
	const struct person_result *pr;
	uint32_t want;

	(void)state;
	load(NULL, "community=1.5 webcare",
	     "[person anna]\nname = Anna\nfte = 0.8\ncommunity = 50 lead\nwebcare = 30\n"
	     "engagement = 20\n"
	     "[person agency]\nname = Agency\nexternal = yes\nfte = 0.5\ncommunity = 40 lead\n"
	     "[person bram]\nname = Bram\nfte = 1.5\ncommunity = 20\n");

	r = slot_of("community");
	assert_int_equal(r->holders, 3);
	assert_int_equal(r->leads, 2);
	assert_int_equal(r->external_holders, 1);
	assert_int_equal(r->internal_leads, 1);
	assert_int_equal(r->first_holder, 0);
	/* 0.8 x 50 + 0.5 x 40 + 1.5 x 20 = 0.4 + 0.2 + 0.3 = 0.9 FTE */
	assert_int_equal(r->staffed, 9000);
	assert_int_equal(r->need, 150);
	assert_int_equal(r->state, STATE_WARNING);
	assert_string_equal(test_message(&an, F_UNDERSTAFFED, "community"),
			    "Community manager: 0.9 of 1.5 FTE staffed");

	r = slot_of("webcare");
	assert_int_equal(r->holders, 1);
	assert_int_equal(r->staffed, 2400);
	assert_int_equal(r->need, NEED_UNSET);
	assert_int_equal(r->state, STATE_THIN);

	r = slot_of("kpi");
	assert_int_equal(r->holders, 0);
	assert_int_equal(r->first_holder, -1);
	assert_int_equal(r->staffed, 0);
	assert_int_equal(r->state, STATE_NOT_NEEDED);

	pr = person_of("anna");
	assert_int_equal(pr->load, 100);
	assert_int_equal(pr->slots, 3);
	want = 1u << catalog_leg_index(c, "empathy") | 1u << catalog_leg_index(c, "writing");
	assert_int_equal(pr->legs, want);
	assert_int_equal(pr->nlegs, 2);
	assert_false(pr->sheep);
	assert_false(pr->over);

	assert_findings("lead-conflict community; understaffed community; "
			"overlap community; single-point webcare");
	assert_int_equal(an.count[SEV_ERROR], 0);
	assert_int_equal(an.count[SEV_WARNING], 2);
	assert_int_equal(an.count[SEV_INFO], 2);
	assert_int_equal(analysis_slot_worst(&an, test_slot("community")), F_LEAD_CONFLICT);
	assert_int_equal(analysis_slot_worst(&an, test_slot("webcare")), F_SINGLE_POINT);
	assert_true(analysis_slot_fires(&an, F_UNDERSTAFFED, test_slot("community")));
	/* a person code is never a slot finding */
	assert_false(analysis_slot_fires(&an, F_IDLE, test_slot("community")));
}

static void staffed_is_formatted_without_trailing_zeros(void **state)
{
	char buf[32];

	(void)state;
	analysis_format_staffed(8000, buf, sizeof buf);
	assert_string_equal(buf, "0.8");
	analysis_format_staffed(10000, buf, sizeof buf);
	assert_string_equal(buf, "1.0");
	analysis_format_staffed(0, buf, sizeof buf);
	assert_string_equal(buf, "0.0");
	analysis_format_staffed(1089, buf, sizeof buf);
	assert_string_equal(buf, "0.1089");
	analysis_format_staffed(150 * 100 * 3, buf, sizeof buf);
	assert_string_equal(buf, "4.5");
}

/* ---- re-running ----------------------------------------------------- */

/* @a must say exactly what a fresh analysis of its plan says. */
static void assert_like_fresh(const struct analysis *a, const struct plan *p)
{
	struct analysis fresh;
	char m1[1024], m2[1024];
	int i;

	analysis_init(&fresh);
	assert_int_equal(analysis_run(&fresh, p), 0);
	assert_string_equal(findings_of(a), findings_of(&fresh));
	assert_int_equal(a->nfindings, fresh.nfindings);
	for (i = 0; i < SEV_COUNT; i++)
		assert_int_equal(a->count[i], fresh.count[i]);
	for (i = 0; i < a->nfindings; i++) {
		assert_int_equal(a->findings[i].code, fresh.findings[i].code);
		assert_int_equal(a->findings[i].kind, fresh.findings[i].kind);
		assert_int_equal(a->findings[i].subject, fresh.findings[i].subject);
		assert_int_equal(a->findings[i].detail, fresh.findings[i].detail);
		finding_message(a, &a->findings[i], m1, sizeof m1);
		finding_message(&fresh, &fresh.findings[i], m2, sizeof m2);
		assert_string_equal(m1, m2);
	}
	for (i = 0; i < p->cat->nslots; i++) {
		assert_int_equal(a->slots[i].holders, fresh.slots[i].holders);
		assert_int_equal(a->slots[i].leads, fresh.slots[i].leads);
		assert_int_equal(a->slots[i].staffed, fresh.slots[i].staffed);
		assert_int_equal(a->slots[i].first_holder, fresh.slots[i].first_holder);
		assert_int_equal(a->slots[i].state, fresh.slots[i].state);
	}
	for (i = 0; i < p->npeople; i++) {
		assert_int_equal(a->people[i].load, fresh.people[i].load);
		assert_int_equal(a->people[i].legs, fresh.people[i].legs);
		assert_int_equal(a->people[i].slots, fresh.people[i].slots);
		assert_int_equal(a->people[i].sheep, fresh.people[i].sheep);
		assert_int_equal(a->people[i].over, fresh.people[i].over);
	}
	analysis_release(&fresh);
}

static void rerun_after_cell_edits(void **state)
{
	struct error err;

	(void)state;
	load(NULL, "community webcare",
	     "[person anna]\nname = Anna\ncommunity = 50\n"
	     "[person bram]\nname = Bram\n");
	assert_findings("uncovered webcare; idle bram; single-point community");

	assert_int_equal(plan_set_cell(plan, 1, test_slot("community"), 50, false, &err), 0);
	assert_int_equal(analysis_run(&an, plan), 0);
	assert_findings("uncovered webcare; no-lead community; overlap community");
	assert_like_fresh(&an, plan);

	assert_int_equal(plan_set_cell(plan, 1, test_slot("webcare"), 60, false, &err), 0);
	assert_int_equal(plan_set_cell(plan, 0, test_slot("community"), 50, true, &err), 0);
	assert_int_equal(analysis_run(&an, plan), 0);
	assert_findings("over-allocated bram; overlap community; single-point webcare");
	assert_int_equal(person_of("bram")->load, 110);
	assert_like_fresh(&an, plan);

	/* unassigning takes the share and the lead away */
	assert_int_equal(plan_set_cell(plan, 0, test_slot("community"), 0, true, &err), 0);
	assert_int_equal(plan_set_cell(plan, 1, test_slot("webcare"), 0, false, &err), 0);
	assert_int_equal(analysis_run(&an, plan), 0);
	assert_findings("uncovered webcare; idle anna; single-point community");
	assert_like_fresh(&an, plan);
}

static void rerun_after_adding_and_removing_people(void **state)
{
	struct error err;
	char id[ID_MAX + 1];
	int i, row;

	(void)state;
	load(NULL, "community",
	     "[person mid]\nname = Mid\ncommunity = 10 lead\n");
	assert_findings("single-point community");

	/* grow well past any initial capacity, ids in reverse row order */
	for (i = 0; i < 40; i++) {
		snprintf(id, sizeof id, "p%02d", 39 - i);
		row = plan_add_person(plan, id, id, i % 2 ? 0 : plan->npeople, &err);
		assert_true(row >= 0);
		assert_int_equal(analysis_run(&an, plan), 0);
		assert_like_fresh(&an, plan);
	}
	assert_int_equal(an.nfindings, 41);
	assert_string_equal(finding_subject_id(&an, &an.findings[0]), "p00");
	assert_string_equal(finding_subject_id(&an, &an.findings[39]), "p39");
	assert_false(test_has(&an, F_OVERLAP, "community"));

	/* remove everybody but two, re-running after each removal */
	while (plan->npeople > 2) {
		row = plan->npeople / 2;
		if (row == plan_find_person(plan, "mid"))
			row++;
		person_free(plan_take_person(plan, row));
		assert_int_equal(analysis_run(&an, plan), 0);
		assert_like_fresh(&an, plan);
		assert_int_equal(an.count[SEV_INFO], an.nfindings);
	}
	/* only the two left appear; nothing about people removed */
	assert_int_equal(plan->npeople, 2);
	for (i = 0; i < an.nfindings; i++)
		if (an.findings[i].kind == SUBJECT_PERSON)
			assert_true(an.findings[i].subject < 2);
	assert_int_equal(an.nfindings, 2); /* idle survivor, single-point community */

	/* remove the holder of community: it becomes uncovered */
	row = plan_find_person(plan, "mid");
	assert_true(row >= 0);
	assert_true(test_has(&an, F_SINGLE_POINT, "community"));
	person_free(plan_take_person(plan, row));
	assert_int_equal(analysis_run(&an, plan), 0);
	assert_true(test_has(&an, F_UNCOVERED, "community"));
	assert_false(test_has(&an, F_SINGLE_POINT, "community"));
	assert_int_equal(an.nfindings, 2);
	assert_like_fresh(&an, plan);
	while (plan->npeople > 0) {
		person_free(plan_take_person(plan, 0));
		assert_int_equal(analysis_run(&an, plan), 0);
		assert_like_fresh(&an, plan);
	}
	assert_findings("uncovered community");
}

static void rerun_after_renaming_and_moving(void **state)
{
	struct error err;

	(void)state;
	load(NULL, "",
	     "[person amy]\nname = Amy\n"
	     "[person bob]\nname = Bob\n"
	     "[person cy]\nname = Cy\n");
	assert_findings("idle amy; idle bob; idle cy");
	assert_int_equal(plan_set_person_id(plan, 0, "zoe", &err), 0);
	assert_int_equal(analysis_run(&an, plan), 0);
	assert_findings("idle bob; idle cy; idle zoe");
	assert_like_fresh(&an, plan);

	plan_move_person(plan, 2, 0); /* cy, zoe, bob */
	assert_int_equal(analysis_run(&an, plan), 0);
	assert_findings("idle bob; idle cy; idle zoe");
	assert_string_equal(test_message(&an, F_IDLE, "zoe"), "Amy has no assignments");
	assert_like_fresh(&an, plan);
}

/* One analysis reused for another plan, as `schaap check a.ini b.ini`
 * does: the second plan may live at the address of the first, freed one,
 * with the same number of edits behind it. Here the plans are copied by
 * value into one place so that this happens every time. */
static void rerun_on_another_plan_in_the_same_place(void **state)
{
	struct plan place;

	(void)state;
	plan = parse(team_text(NULL, "", "[person zed]\nname = Zed\n[person amy]\nname = Amy\n"));
	other = parse(team_text(NULL, "", "[person amy]\nname = Amy\n[person zed]\nname = Zed\n"));
	assert_int_equal(plan->version, other->version);

	analysis_init(&an);
	place = *plan;
	assert_int_equal(analysis_run(&an, &place), 0);
	assert_findings("idle amy; idle zed");
	place = *other;
	assert_int_equal(analysis_run(&an, &place), 0);
	assert_findings("idle amy; idle zed");
	assert_like_fresh(&an, &place);
	assert_string_equal(test_message(&an, F_IDLE, "amy"), "Amy has no assignments");
}

/* The same through the heap, the way the command line does it. */
static void rerun_on_a_new_plan_after_freeing_the_old(void **state)
{
	(void)state;
	plan = parse(team_text(NULL, "", "[person zed]\nname = Zed\n[person amy]\nname = Amy\n"));
	analyse();
	assert_findings("idle amy; idle zed");
	plan_free(plan);
	plan = NULL;
	plan = parse(team_text(NULL, "", "[person amy]\nname = Amy\n[person zed]\nname = Zed\n"));
	assert_int_equal(analysis_run(&an, plan), 0);
	assert_findings("idle amy; idle zed");
	assert_like_fresh(&an, plan);
}

/* ---- the rule table ------------------------------------------------- */

static void the_table_is_in_report_order_and_whole(void **state)
{
	const struct rule *t;
	int n, i;

	(void)state;
	t = rule_table(&n);
	assert_int_equal(n, F_COUNT);
	for (i = 0; i < n; i++) {
		assert_int_equal(t[i].code, i);
		assert_ptr_equal(rule_get(t[i].code), &t[i]);
		assert_non_null(t[i].fires);
		assert_non_null(t[i].message);
		assert_non_null(t[i].text[0]);
		assert_int_equal(finding_code_by_name(t[i].name), i);
		/* a slot rule says what the slot's status is */
		if (t[i].kind == SUBJECT_SLOT)
			assert_non_null(t[i].status);
		else
			assert_null(t[i].status);
		if (i > 0) {
			assert_true(t[i - 1].severity <= t[i].severity);
			if (t[i - 1].severity == t[i].severity)
				assert_true(strcmp(t[i - 1].name, t[i].name) < 0);
		}
	}
	assert_null(rule_get(F_COUNT));
	assert_int_equal(finding_code_by_name("no-such-rule"), F_COUNT);
}

/* rule_fires on one subject says exactly what the whole run collected. */
static void rule_fires_agrees_with_the_run(void **state)
{
	const struct catalog *c = test_catalog();
	const struct rule *t;
	int n, code, subject, detail, i, fired = 0;

	(void)state;
	/* every kind of rule on: team rules, stretch, a follow-up */
	load("reports_to = it\nmin_strategic = 60\nofficer_fte = 1.0",
	     "webcare=2 community kpi strategist policy presence",
	     "[person zed]\nname = Zed\n"
	     "[person bob]\nname = Bob\nexternal = yes\nstrategist = 30\nwebcare = 60\n"
	     "community = 10\n"
	     "[person amy]\nname = Amy\nstrengths = visual\nfollows_up = strategist\n" FOUR_LEGS
	     "policy = 20\npresence = 5\n");
	/* amy's follow-up clears external-only on strategist, not on the
	 * community and webcare only bob holds */
	assert_findings("uncovered kpi; external-only community; external-only webcare; "
			"five-legged-sheep amy; five-legged-sheep bob; helpdesk-drift team; "
			"no-owner team; poor-combination bob; reporting-line team; stretch amy; "
			"understaffed webcare; idle zed; officer-part-time team; "
			"single-point community; single-point policy; single-point presence; "
			"single-point strategist; single-point webcare");
	t = rule_table(&n);
	for (code = 0; code < n; code++) {
		int nsub = t[code].kind == SUBJECT_SLOT ? c->nslots :
			   t[code].kind == SUBJECT_PERSON ? plan->npeople : 1;
		int nd = t[code].details ? t[code].details(&an) : 1;

		for (subject = 0; subject < nsub; subject++)
			for (detail = 0; detail < nd; detail++) {
				bool listed = false;

				for (i = 0; i < an.nfindings; i++)
					listed |= an.findings[i].code == (enum finding_code)code &&
						  an.findings[i].subject == subject &&
						  an.findings[i].detail == detail;
				assert_int_equal(rule_fires(&an, code, subject, detail), listed);
				fired += listed;
			}
	}
	assert_int_equal(fired, an.nfindings);
	/* subjects out of range or of the wrong kind never fire */
	assert_false(rule_fires(&an, F_UNCOVERED, -1, 0));
	assert_false(rule_fires(&an, F_UNCOVERED, c->nslots, 0));
	assert_false(rule_fires(&an, F_IDLE, plan->npeople, 0));
	assert_false(rule_fires(&an, F_NO_OWNER, 1, 0));
	assert_false(rule_fires(&an, F_POOR_COMBINATION, plan_find_person(plan, "bob"),
				c->npairs));
	assert_false(rule_fires(&an, F_COUNT, 0, 0));
	assert_true(rule_fires(&an, F_NO_OWNER, 0, 0));
	assert_true(rule_fires(&an, F_IDLE, plan_find_person(plan, "zed"), 0));
}

/* Each slot's state and status label come from its worst rule. */
static void slot_status_labels_come_from_the_table(void **state)
{
	enum severity sev;

	(void)state;
	load(NULL, "webcare=2 community kpi strategist analyst",
	     "[person bob]\nname = Bob\nexternal = yes\nwebcare = 60\n"
	     "[person amy]\nname = Amy\ncommunity = 10\nanalyst = 10\n"
	     "[person cas]\nname = Cas\ncommunity = 10 lead\n");
	assert_string_equal(analysis_slot_status(&an, test_slot("kpi"), &sev), "X uncovered");
	assert_int_equal(sev, SEV_ERROR);
	/* external-only comes before understaffed in report order */
	assert_string_equal(analysis_slot_status(&an, test_slot("webcare"), &sev),
			    "! external only");
	assert_int_equal(sev, SEV_WARNING);
	assert_string_equal(analysis_slot_status(&an, test_slot("community"), &sev),
			    "+ shared, led");
	assert_int_equal(sev, SEV_INFO);
	assert_int_equal(slot_of("community")->state, STATE_OK);
	assert_string_equal(analysis_slot_status(&an, test_slot("analyst"), &sev), "~ one holder");
	assert_int_equal(slot_of("analyst")->state, STATE_THIN);
	assert_string_equal(analysis_slot_status(&an, test_slot("policy"), &sev), "- not needed");
	assert_int_equal(sev, SEV_COUNT);
	analysis_release(&an);
	plan_free(plan);
	plan = NULL;
	load(NULL, "community", "[person amy]\nname = Amy\ncommunity = 10\n"
	     "[person cas]\nname = Cas\ncommunity = 10\n");
	assert_string_equal(analysis_slot_status(&an, test_slot("community"), &sev), "! no lead");
}

/* Re-analysing only what an edit touches gives what a fresh run gives. */
static void updating_one_slot_and_person_is_like_a_fresh_run(void **state)
{
	struct error err;
	int anna, bram, s, k;
	static const char *const slots[] = { "community", "strategist", "webcare", "kpi" };

	(void)state;
	load(NULL, NULL,
	     "[person anna]\nname = Anna\ncommunity = 50 lead\nwebcare = 30\n"
	     "[person bram]\nname = Bram\nexternal = yes\nstrategist = 40\n");
	anna = plan_find_person(plan, "anna");
	bram = plan_find_person(plan, "bram");
	for (k = 0; k < 4; k++) {
		s = test_slot(slots[k]);
		/* give the cell to Bram, then take it from Anna: one slot and
		 * one person each time */
		assert_int_equal(plan_set_cell(plan, bram, s, 60, k % 2, &err), 0);
		analysis_update_slot(&an, s);
		analysis_update_person(&an, bram);
		assert_int_equal(analysis_collect(&an), 0);
		assert_like_fresh(&an, plan);
		assert_int_equal(plan_set_cell(plan, anna, s, 0, false, &err), 0);
		analysis_update_slot(&an, s);
		analysis_update_person(&an, anna);
		assert_int_equal(analysis_collect(&an), 0);
		assert_like_fresh(&an, plan);
	}
	/* a person's removal, by clearing their cells: their slots and the
	 * team rules */
	for (s = 0; s < plan->cat->nslots; s++)
		if (plan->people[bram]->cells[s].share) {
			assert_int_equal(plan_set_cell(plan, bram, s, 0, false, &err), 0);
			analysis_update_slot(&an, s);
		}
	analysis_update_person(&an, bram);
	assert_true(rule_fires(&an, F_NO_OWNER, 0, 0));
	assert_true(rule_fires(&an, F_IDLE, bram, 0));
	assert_int_equal(analysis_collect(&an), 0);
	assert_like_fresh(&an, plan);
}

/* ---- legs as text --------------------------------------------------- */

static void legs_text_is_bounded(void **state)
{
	struct catalog *c = catalog_new();
	struct error err;
	char id[ID_MAX + 1], buf[CATALOG_LEGS_TEXT], small[40];
	size_t whole;
	int i;

	(void)state;
	assert_non_null(c);
	for (i = 0; i < CATALOG_MAX_LEGS; i++) {
		snprintf(id, sizeof id, "leg-%02d-xxxxxxxxxxxxxxxxx", i);
		assert_int_equal((int)strlen(id), ID_MAX);
		assert_int_equal(catalog_add_leg(c, id, NULL, NULL, NULL, &err), 0);
	}
	/* every leg of 24 characters fits the buffer made for it */
	whole = catalog_legs_text(c, 0xffffffffu, false, ", ", buf, sizeof buf);
	assert_int_equal(whole, strlen(buf));
	assert_int_equal(whole, CATALOG_MAX_LEGS * ID_MAX + (CATALOG_MAX_LEGS - 1) * 2);
	assert_true(strncmp(buf, "leg-00-", 7) == 0);
	assert_non_null(strstr(buf, "leg-31-xxxxxxxxxxxxxxxxx"));
	/* a small buffer keeps whole legs and marks the cut */
	assert_int_equal(catalog_legs_text(c, 0xffffffffu, false, ", ", small, sizeof small), whole);
	assert_string_equal(small, "leg-00-xxxxxxxxxxxxxxxxx...");
	assert_int_equal(catalog_legs_text(c, 0xffffffffu, false, ", ", small, 5), whole);
	assert_string_equal(small, "...");
	assert_int_equal(catalog_legs_text(c, 1u, false, ", ", small, 25), 24);
	assert_string_equal(small, "leg-00-xxxxxxxxxxxxxxxxx");
	assert_int_equal(catalog_legs_text(c, 1u, false, ", ", small, 24), 24);
	assert_string_equal(small, "...");
	assert_int_equal(catalog_legs_text(c, 0, false, ", ", small, sizeof small), 0);
	assert_string_equal(small, "");
	catalog_free(c);
}

static void legs_text_by_label(void **state)
{
	const struct catalog *c = test_catalog();
	char buf[CATALOG_LEGS_TEXT];
	uint32_t mask = (1u << catalog_leg_index(c, "analytics")) |
			(1u << catalog_leg_index(c, "visual"));

	(void)state;
	catalog_legs_text(c, mask, false, " ", buf, sizeof buf);
	assert_string_equal(buf, "visual analytics");
	catalog_legs_text(c, mask, true, " + ", buf, sizeof buf);
	{
		char want[256];

		snprintf(want, sizeof want, "%s + %s", c->legs[catalog_leg_index(c, "visual")].label,
			 c->legs[catalog_leg_index(c, "analytics")].label);
		assert_string_equal(buf, want);
	}
}

/* The no-owner message has one text for one owner slot, one for two and
 * one for more. */
static void no_owner_names_one_two_or_more_owner_slots(void **state)
{
	static const char *const want[3] = {
		"nobody inside the team is lead or sole holder of boss; "
		"name one person end-responsible early (only 56% of companies have one)",
		"nobody inside the team is lead or sole holder of boss or chief; "
		"name one person end-responsible early (only 56% of companies have one)",
		"nobody inside the team is lead or sole holder of one of boss, chief, head; "
		"name one person end-responsible early (only 56% of companies have one)",
	};
	static const char *const ids[3] = { "boss", "chief", "head" };
	struct error err;
	int k, i;

	(void)state;
	for (k = 0; k < 3; k++) {
		struct catalog *c = catalog_new();
		struct analysis a;
		struct plan *p;

		assert_non_null(c);
		for (i = 0; i < 3; i++)
			assert_int_equal(catalog_add_slot(c, ids[i], SLOT_ROLE, NULL, NULL, NULL,
							  NULL, NULL, 0, &err), 0);
		for (i = 0; i <= k; i++)
			assert_int_equal(catalog_add_owner(c, ids[i], &err), 0);
		assert_int_equal(catalog_finish(c, &err), 0);
		p = plan_new(c);
		assert_non_null(p);
		analysis_init(&a);
		assert_int_equal(analysis_run(&a, p), 0);
		assert_string_equal(test_message(&a, F_NO_OWNER, "team"), want[k]);
		analysis_release(&a);
		plan_free(p);
		catalog_free(c);
	}
}

/* ---- seed 004: the officer who does all ten tasks ------------------- */

#define TEN_TASKS "awareness = 10\nstrategy = 10\ninventory = 10\npolicy = 10\n" \
	"training = 10\nmonitoring = 10\nlistening = 10\nengagement = 10\nkpi = 10\n" \
	"presence = 10\n"

static void the_officer_of_seed_004_is_a_five_legged_sheep(void **state)
{
	(void)state;
	/* one social media officer, all ten tasks, the catalog's own
	 * defaults: "Een schaap met vijf poten?" */
	load("officer_fte = 1.0\nmin_strategic = 20", NULL,
	     "[person officer]\nname = Officer\n" TEN_TASKS);
	assert_int_equal(person_of("officer")->nlegs, 5);
	assert_true(person_of("officer")->sheep);
	assert_string_equal(test_message(&an, F_FIVE_LEGGED_SHEEP, "officer"),
			    "Officer holds 5 legs: Writing, Empathy, Online marketing, "
			    "Analytical insight, Organisation-wide view (limit 5)");
	assert_true(test_has(&an, F_FIVE_LEGGED_SHEEP, "officer"));
	/* a full-time officer is not part-time, and mostly strategic */
	assert_false(test_has(&an, F_OFFICER_PART_TIME, "team"));
	assert_false(test_has(&an, F_HELPDESK_DRIFT, "team"));
	/* nine tasks without training still ask for all five legs; without
	 * listening, training and engagement empathy goes: four */
	teardown(NULL);
	load(NULL, "", "[person officer]\nname = Officer\nawareness = 10\nstrategy = 10\n"
	     "inventory = 10\npolicy = 10\nmonitoring = 10\nkpi = 10\npresence = 10\n");
	assert_int_equal(person_of("officer")->nlegs, 4);
	assert_findings("");
}

/* seed 003 "in kleine bedrijven kan dit door één persoon": the officer
 * who draws up the strategy (task 2) owns the change without a role */
#define TEN_LEAD "awareness = 10\nstrategy = 10 lead\ninventory = 10\npolicy = 10\n" \
	"training = 10\nmonitoring = 10\nlistening = 10\nengagement = 10\n" \
	"kpi = 10\npresence = 10\n"

static void the_officer_leading_the_strategy_owns_the_change(void **state)
{
	(void)state;
	load(NULL, "awareness strategy inventory policy training monitoring listening "
	     "engagement kpi presence", "[person officer]\nname = Officer\n" TEN_LEAD);
	assert_true(person_of("officer")->sheep);
	assert_true(test_has(&an, F_FIVE_LEGGED_SHEEP, "officer"));
	assert_false(test_has(&an, F_NO_OWNER, "team"));
	teardown(NULL);
	/* the same officer hired from an agency owns nothing */
	load(NULL, "awareness strategy inventory policy training monitoring listening "
	     "engagement kpi presence",
	     "[person officer]\nname = Officer\nexternal = yes\n" TEN_LEAD);
	assert_true(test_has(&an, F_FIVE_LEGGED_SHEEP, "officer"));
	assert_true(test_has(&an, F_NO_OWNER, "team"));
	teardown(NULL);
	/* strategy shared by two, neither lead: no owner */
	load(NULL, "strategy",
	     "[person anna]\nname = Anna\nstrategy = 10\n"
	     "[person bram]\nname = Bram\nstrategy = 10\n");
	assert_true(test_has(&an, F_NO_OWNER, "team"));
}

/* seed 003: listening to the market is strategic work; a team that
 * listens half its time does not drift, one that only answers does */
static void listening_is_strategic_answering_is_not(void **state)
{
	(void)state;
	load("min_strategic = 20", "webcare listening",
	     "[person anna]\nname = Anna\nwebcare = 50\nlistening = 50 lead\n");
	assert_false(test_has(&an, F_HELPDESK_DRIFT, "team"));
	teardown(NULL);
	load("min_strategic = 20", "webcare engagement",
	     "[person anna]\nname = Anna\nwebcare = 50\nengagement = 50 lead\n");
	assert_true(test_has(&an, F_HELPDESK_DRIFT, "team"));
}

/* ---- stretch -------------------------------------------------------- */

static void stretch_needs_known_strengths(void **state)
{
	(void)state;
	load(NULL, "", "[person anna]\nname = Anna\ncommunity = 50\nkpi = 50\n");
	assert_findings("");
	assert_int_equal(person_of("anna")->stretch, 0);
}

static void strengths_that_cover_every_leg_are_no_stretch(void **state)
{
	(void)state;
	/* community: empathy writing; kpi: analytics marketing */
	load(NULL, "", "[person anna]\nname = Anna\nstrengths = empathy writing analytics "
	     "marketing\ncommunity = 50\nkpi = 50\n");
	assert_findings("");
}

static void one_leg_outside_the_strengths_is_a_stretch(void **state)
{
	const struct catalog *c = test_catalog();

	(void)state;
	load(NULL, "", "[person anna]\nname = Anna\nstrengths = empathy analytics marketing\n"
	     "community = 40\nkpi = 30\nengagement = 30\n"
	     "[person bram]\nname = Bram\nstrengths = visual\ncontent = 50\nmonitoring = 50\n");
	assert_findings("stretch anna; stretch bram");
	assert_int_equal(person_of("anna")->stretch, 1u << catalog_leg_index(c, "writing"));
	/* one finding a person, naming the legs and the slots that ask */
	assert_string_equal(test_message(&an, F_STRETCH, "anna"),
			    "Anna is asked for Writing (by Community manager, Conversation), "
			    "not among the strengths given");
	assert_string_equal(test_message(&an, F_STRETCH, "bram"),
			    "Bram is asked for Writing, Empathy, Analytical insight (by Content "
			    "editor / designer, Monitoring tools), not among the strengths given");
}

static void stretch_counts_slots_not_needed(void **state)
{
	(void)state;
	/* a person rule: what the person holds counts, needed or not */
	load(NULL, "", "[person anna]\nname = Anna\nstrengths = empathy\nwebcare = 50\n");
	assert_findings("stretch anna");
	teardown(NULL);
	/* an idle person with strengths stretches nowhere */
	load(NULL, "", "[person anna]\nname = Anna\nstrengths = empathy\n");
	assert_findings("idle anna");
}

/* ---- external-only and follows_up ----------------------------------- */

static void an_insiders_follow_up_clears_external_only(void **state)
{
	(void)state;
	load(NULL, "webcare content",
	     "[person agency]\nname = Agency\nexternal = yes\nwebcare = 50\ncontent = 50\n"
	     "[person anna]\nname = Anna\nfollows_up = content\npresence = 10\n");
	/* content is followed up inside; webcare is not */
	assert_findings("external-only webcare; single-point content; single-point webcare");
	assert_int_equal(slot_of("content")->followers, 1);
	assert_int_equal(slot_of("webcare")->followers, 0);
	assert_int_equal(slot_of("content")->state, STATE_THIN);
}

static void follow_up_lost_when_the_insider_turns_external(void **state)
{
	int anna, s = test_slot("content");

	(void)state;
	load(NULL, "content",
	     "[person agency]\nname = Agency\nexternal = yes\ncontent = 50\n"
	     "[person anna]\nname = Anna\nfollows_up = content\npresence = 10\n");
	assert_findings("single-point content");
	anna = plan_find_person(plan, "anna");
	plan_set_person_external(plan, anna, true);
	analysis_update_slot(&an, s);
	analysis_update_person(&an, anna);
	assert_true(rule_fires(&an, F_EXTERNAL_ONLY, s, 0));
	assert_int_equal(analysis_collect(&an), 0);
	assert_like_fresh(&an, plan);
	assert_findings("external-only content; single-point content");
}

/* ---- over-allocated in hours ---------------------------------------- */

static void over_load_in_hours_a_week(void **state)
{
	(void)state;
	load("hours_per_week = 37,5", "",
	     "[person anna]\nname = Anna\ncommunity = 100\npresence = 10\n"
	     "[person bram]\nname = Bram\nfte = 0,8\ncommunity = 100\npresence = 20\n");
	/* 10% of 37.5 hours is 3.75, shown to the tenth; 20% of 0.8 x 37.5 is 6 */
	assert_string_equal(test_message(&an, F_OVER_ALLOCATED, "anna"),
			    "Anna is loaded 110% of 100% allowed (10 over, 3.8 hours a week)");
	assert_string_equal(test_message(&an, F_OVER_ALLOCATED, "bram"),
			    "Bram is loaded 120% of 100% allowed (20 over, 6.0 hours a week)");
	assert_int_equal(analysis_over_hours(plan, plan_find_person(plan, "bram"), 20), 60);
}

/* ---- reporting-line ------------------------------------------------- */

static void reporting_to_marketing_or_it_fires(void **state)
{
	(void)state;
	load("reports_to = Marketing", "", "");
	assert_findings("reporting-line team");
	assert_string_equal(test_message(&an, F_REPORTING_LINE, "team"),
			    "the team reports to marketing; let it report to the CEO, from outside "
			    "marketing and IT");
	teardown(NULL);
	load("reports_to = IT", "", "");
	assert_findings("reporting-line team");
	assert_string_equal(test_message(&an, F_REPORTING_LINE, "team"),
			    "the team reports to IT; let it report to the CEO, from outside "
			    "marketing and IT");
}

static void reporting_to_the_ceo_or_nobody_is_quiet(void **state)
{
	static const char *const fine[] = { "reports_to = ceo", "reports_to = board",
					    "reports_to = marketing-it", "reports_to = its", NULL };
	int i;

	(void)state;
	for (i = 0; fine[i]; i++) {
		load(fine[i], "", "");
		assert_findings("");
		teardown(NULL);
	}
	load(NULL, "", "");
	assert_findings("");
}

/* Each team rule answers for itself: no-owner alone, reporting-line
 * alone, both. */
static void team_rules_fire_each_by_its_own_code(void **state)
{
	(void)state;
	load("reports_to = ceo", "strategist", "");
	assert_findings("uncovered strategist; no-owner team");
	assert_false(rule_fires(&an, F_REPORTING_LINE, 0, 0));
	teardown(NULL);
	load("reports_to = it", "strategist",
	     "[person anna]\nname = Anna\nstrategist = 10\n");
	assert_findings("reporting-line team; single-point strategist");
	assert_false(rule_fires(&an, F_NO_OWNER, 0, 0));
	teardown(NULL);
	load("reports_to = it", "strategist", "");
	assert_findings("uncovered strategist; no-owner team; reporting-line team");
}

/* ---- helpdesk-drift ------------------------------------------------- */

/* @strategic percent of one person on strategist, @operational on
 * community; the rest of @extra as is. */
static const char *mix(int strategic, int operational, const char *extra)
{
	static char text[512];

	snprintf(text, sizeof text, "[person anna]\nname = Anna\nstrategist = %d\n"
		 "[person bram]\nname = Bram\ncommunity = %d\n%s", strategic, operational,
		 extra ? extra : "");
	return text;
}

static void helpdesk_drift_at_the_threshold_is_quiet(void **state)
{
	(void)state;
	/* 20 of 100: exactly min_strategic */
	load("min_strategic = 20", "strategist community", mix(20, 80, NULL));
	assert_findings("single-point community; single-point strategist");
}

static void helpdesk_drift_just_under_fires(void **state)
{
	struct team_result t;

	(void)state;
	load("min_strategic = 20", "strategist community", mix(19, 81, NULL));
	assert_findings("helpdesk-drift team; single-point community; single-point strategist");
	assert_string_equal(test_message(&an, F_HELPDESK_DRIFT, "team"),
			    "only 19.0% of the strategic and operational time is strategic, "
			    "below 20%: the team is drifting into a help desk");
	analysis_team(&an, &t);
	assert_int_equal(t.strategic, 1900);
	assert_int_equal(t.operational, 8100);
	teardown(NULL);
	/* the figure is cut, not rounded up to the threshold: 19.99% shows
	 * as 19.9 (0.1999 strategic FTE against 0.8001 operational) */
	load("min_strategic = 20", "strategist community",
	     "[person anna]\nname = Anna\nstrategist = 19\n"
	     "[person cor]\nname = Cor\nfte = 0.99\nstrategist = 1\n"
	     "[person bram]\nname = Bram\nfte = 1.27\ncommunity = 63\n");
	assert_string_equal(test_message(&an, F_HELPDESK_DRIFT, "team"),
			    "only 19.9% of the strategic and operational time is strategic, "
			    "below 20%: the team is drifting into a help desk");
}

static void helpdesk_drift_switched_off_and_without_operations(void **state)
{
	(void)state;
	/* 0 switches it off, even with no strategic time at all */
	load("min_strategic = 0", "community", "[person bram]\nname = Bram\ncommunity = 80\n");
	assert_findings("single-point community");
	teardown(NULL);
	/* no operational time: nothing drifts, whatever the strategic time */
	load("min_strategic = 50", "analyst", "[person bram]\nname = Bram\nanalyst = 80\n");
	assert_findings("single-point analyst");
	teardown(NULL);
	/* the catalog's default (20) when the team says nothing */
	load("; min_strategic from the catalog", "community",
	     "[person bram]\nname = Bram\ncommunity = 80\n");
	assert_findings("helpdesk-drift team; single-point community");
	teardown(NULL);
	/* 100: anything operational drifts */
	load("min_strategic = 100", "strategist community", mix(99, 1, NULL));
	assert_true(test_has(&an, F_HELPDESK_DRIFT, "team"));
}

static void helpdesk_drift_counts_only_needed_slots(void **state)
{
	(void)state;
	/* community at need 0 is left out: no operational time counts */
	load("min_strategic = 20", "strategist", mix(10, 90, NULL));
	assert_findings("single-point strategist");
	teardown(NULL);
	/* strategy at need 0 is left out: what strategic time is left is
	 * below the threshold */
	load("min_strategic = 20", "strategist community",
	     mix(10, 80, "[person cor]\nname = Cor\nstrategy = 90\n"));
	assert_findings("helpdesk-drift team; single-point community; single-point strategist");
}

/* ---- officer-part-time ---------------------------------------------- */

static void officer_part_time_below_and_at_the_edge(void **state)
{
	(void)state;
	/* 0.99 FTE on the tasks, officer_fte 1.0 */
	load("officer_fte = 1.0", "kpi policy",
	     "[person anna]\nname = Anna\nkpi = 50\n[person bram]\nname = Bram\npolicy = 49\n");
	assert_findings("officer-part-time team; single-point kpi; single-point policy");
	assert_string_equal(test_message(&an, F_OFFICER_PART_TIME, "team"),
			    "the officer's tasks are staffed 0.99 FTE in all, below 1.0: even in a "
			    "small organisation they can be a full-time job");
	teardown(NULL);
	/* exactly 1.0: quiet */
	load("officer_fte = 1,0", "kpi policy",
	     "[person anna]\nname = Anna\nkpi = 50\n[person bram]\nname = Bram\npolicy = 50\n");
	assert_findings("single-point kpi; single-point policy");
}

static void officer_part_time_off_unheld_and_not_needed(void **state)
{
	(void)state;
	/* 0 switches it off */
	load("officer_fte = 0", "kpi", "[person anna]\nname = Anna\nkpi = 10\n");
	assert_findings("single-point kpi");
	teardown(NULL);
	/* no task held: a team of roles only is not asked about the officer */
	load("officer_fte = 1.0", "community", "[person anna]\nname = Anna\ncommunity = 10\n");
	assert_findings("single-point community");
	teardown(NULL);
	/* presence at need 0 does not count towards the officer's time */
	load("officer_fte = 1.0", "kpi",
	     "[person anna]\nname = Anna\nkpi = 50\npresence = 50\n");
	assert_findings("officer-part-time team; single-point kpi");
	teardown(NULL);
	/* the catalog's default (1.0), as the team says nothing; roles
	 * do not count */
	load("; officer_fte from the catalog", "kpi strategist",
	     "[person anna]\nname = Anna\nkpi = 50\nstrategist = 50\n");
	assert_findings("officer-part-time team; single-point kpi; single-point strategist");
}

#define T(fn) cmocka_unit_test_teardown(fn, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(uncovered_fires_when_need_is_absent),
		T(uncovered_with_a_need_names_the_need),
		T(need_zero_without_holder_is_not_uncovered),
		T(a_holder_covers_the_slot),
		T(empty_plan_without_needs_is_uncovered_everywhere),
		T(understaffed_fires_below_the_need),
		T(understaffed_not_at_exactly_the_need),
		T(understaffed_fires_just_below_the_need),
		T(understaffed_not_above_the_need),
		T(understaffed_needs_a_given_need),
		T(understaffed_sums_all_holders),
		T(no_lead_fires_for_two_holders_without_lead),
		T(one_lead_among_holders_fires_neither),
		T(lead_conflict_fires_for_two_leads),
		T(single_holder_needs_no_lead),
		T(external_only_fires_when_all_holders_are_external),
		T(one_internal_holder_is_enough),
		T(single_point_and_overlap_messages),
		T(overlap_names_three_and_counts_the_rest),
		T(load_of_exactly_100_is_not_over_allocated),
		T(load_of_101_is_over_allocated),
		T(max_load_moves_the_edge),
		T(four_legs_is_no_sheep),
		T(five_legs_is_a_sheep),
		T(legs_are_a_union),
		T(sheep_legs_lowers_the_edge),
		T(presence_asks_for_writing_only),
		T(poor_pairs_fire),
		T(good_pair_and_split_pair_do_not_fire),
		T(both_poor_pairs_give_two_findings),
		T(idle_fires_without_assignments),
		T(no_owner_fires_when_nobody_owns),
		T(external_sole_holder_is_no_owner),
		T(internal_lead_among_holders_owns),
		T(internal_sole_holder_without_lead_owns),
		T(external_lead_with_internal_holder_is_no_owner),
		T(internal_holders_without_lead_are_no_owner),
		T(no_owner_not_asked_when_owner_slots_not_needed),
		T(need_zero_slots_take_part_in_no_slot_rule),
		T(need_zero_still_counts_for_people),
		T(people_are_ordered_by_id_not_row),
		T(slots_are_ordered_by_id_not_column),
		T(findings_are_ordered_by_severity_then_code),
		T(severities_and_names),
		T(slot_and_person_figures),
		T(staffed_is_formatted_without_trailing_zeros),
		T(rerun_after_cell_edits),
		T(rerun_after_adding_and_removing_people),
		T(rerun_after_renaming_and_moving),
		T(rerun_on_another_plan_in_the_same_place),
		T(rerun_on_a_new_plan_after_freeing_the_old),
		T(the_table_is_in_report_order_and_whole),
		T(rule_fires_agrees_with_the_run),
		T(slot_status_labels_come_from_the_table),
		T(updating_one_slot_and_person_is_like_a_fresh_run),
		T(legs_text_is_bounded),
		T(legs_text_by_label),
		T(no_owner_names_one_two_or_more_owner_slots),
		T(the_officer_of_seed_004_is_a_five_legged_sheep),
		T(the_officer_leading_the_strategy_owns_the_change),
		T(listening_is_strategic_answering_is_not),
		T(stretch_needs_known_strengths),
		T(strengths_that_cover_every_leg_are_no_stretch),
		T(one_leg_outside_the_strengths_is_a_stretch),
		T(stretch_counts_slots_not_needed),
		T(an_insiders_follow_up_clears_external_only),
		T(follow_up_lost_when_the_insider_turns_external),
		T(over_load_in_hours_a_week),
		T(reporting_to_marketing_or_it_fires),
		T(reporting_to_the_ceo_or_nobody_is_quiet),
		T(team_rules_fire_each_by_its_own_code),
		T(helpdesk_drift_at_the_threshold_is_quiet),
		T(helpdesk_drift_just_under_fires),
		T(helpdesk_drift_switched_off_and_without_operations),
		T(helpdesk_drift_counts_only_needed_slots),
		T(officer_part_time_below_and_at_the_edge),
		T(officer_part_time_off_unheld_and_not_needed),
	};

	return cmocka_run_group_tests_name("analysis", tests, NULL, NULL);
}
