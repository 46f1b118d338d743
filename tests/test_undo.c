/* test_undo.c - the undo history: every edit undoes to the plan before it
 * and redoes to the plan after it, without limit; a new edit drops the
 * redo tail; "unsaved" follows the saved position. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "teamfile.h"
#include "undo.h"

static const char *const team =
	"[team]\nname = Undo Team\n"
	"[needs]\nwebcare = 1.5\n"
	"[person anna]\nname = Anna\nfte = 0.8\nwebcare = 50 lead\ncommunity = 20\n"
	"[person bram]\nname = Bram\nexternal = yes\nnote = agency\ncontent = 60\n"
	"[person cees]\nname = Cees\nanalyst = 40\n";

struct fixture {
	struct plan *plan;
	struct plan *original;
	struct undo undo;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	f->plan = test_plan(team);
	f->original = test_plan(team);
	assert_non_null(f->plan);
	assert_non_null(f->original);
	undo_init(&f->undo);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	undo_release(&f->undo);
	plan_free(f->plan);
	plan_free(f->original);
	free(f);
	return 0;
}

/* A copy of @p made by saving and loading it: independent of @p. */
static struct plan *snapshot(const struct plan *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct plan *copy;

	assert_non_null(out);
	assert_int_equal(teamfile_write(p, out), 0);
	fclose(out);
	copy = test_plan(buf);
	free(buf);
	assert_non_null(copy);
	return copy;
}

/* Apply every kind of edit, keeping a snapshot after each, then undo all
 * of them checking each intermediate plan, then redo all of them. */
static void test_every_edit_undoes_and_redoes(void **state)
{
	struct fixture *f = *state;
	struct plan *after[16];
	struct error err;
	struct undo_place where;
	int n = 0, i, row;
	int webcare = test_slot("webcare"), kpi = test_slot("kpi");

	assert_int_equal(edit_cell(&f->undo, f->plan, 0, kpi, 30, true, &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_cell(&f->undo, f->plan, 0, webcare, 0, false, &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_person_name(&f->undo, f->plan, 1, "Bram B.", &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_person_note(&f->undo, f->plan, 1, "new; note", &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_person_fte(&f->undo, f->plan, 2, 50, &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_person_external(&f->undo, f->plan, 1, false, &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_person_id(&f->undo, f->plan, 2, "kees", &err), 0);
	after[n++] = snapshot(f->plan);
	row = edit_add_person(&f->undo, f->plan, "Dirk de Vries", 1, &err);
	assert_int_equal(row, 1);
	assert_string_equal(f->plan->people[1]->id, "dirk");
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_delete_person(&f->undo, f->plan, 0, &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_move_person(&f->undo, f->plan, 0, 2, &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_need(&f->undo, f->plan, webcare, 0, &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_need(&f->undo, f->plan, kpi, NEED_UNSET, &err), 0);
	after[n++] = snapshot(f->plan);
	assert_int_equal(edit_team_name(&f->undo, f->plan, "Renamed", &err), 0);
	after[n++] = snapshot(f->plan);

	for (i = n - 1; i >= 0; i--) {
		assert_true(plan_equal(f->plan, after[i]));
		assert_true(undo_undo(&f->undo, f->plan, &where));
	}
	assert_true(plan_equal(f->plan, f->original));
	assert_false(undo_can_undo(&f->undo));
	assert_false(undo_undo(&f->undo, f->plan, &where));

	for (i = 0; i < n; i++) {
		assert_true(undo_redo(&f->undo, f->plan, &where));
		assert_true(plan_equal(f->plan, after[i]));
	}
	assert_false(undo_redo(&f->undo, f->plan, &where));
	for (i = 0; i < n; i++)
		plan_free(after[i]);
}

static void test_new_edit_drops_redo(void **state)
{
	struct fixture *f = *state;
	struct undo_place where;
	struct error err;
	int kpi = test_slot("kpi");

	assert_int_equal(edit_cell(&f->undo, f->plan, 0, kpi, 10, false, &err), 0);
	assert_int_equal(edit_cell(&f->undo, f->plan, 0, kpi, 20, false, &err), 0);
	assert_true(undo_undo(&f->undo, f->plan, &where));
	assert_int_equal(f->plan->people[0]->cells[kpi].share, 10);
	assert_true(undo_can_redo(&f->undo));
	assert_int_equal(edit_cell(&f->undo, f->plan, 0, kpi, 70, false, &err), 0);
	assert_false(undo_can_redo(&f->undo));
	assert_true(undo_undo(&f->undo, f->plan, &where));
	assert_int_equal(f->plan->people[0]->cells[kpi].share, 10);
	assert_int_equal(where.row, 0);
	assert_int_equal(where.slot, kpi);
}

static void test_no_limit(void **state)
{
	struct fixture *f = *state;
	struct undo_place where;
	struct error err;
	int kpi = test_slot("kpi"), i;

	for (i = 0; i < 5000; i++)
		assert_int_equal(edit_cell(&f->undo, f->plan, 0, kpi, i % 100 + 1, false, &err), 0);
	for (i = 0; i < 5000; i++)
		assert_true(undo_undo(&f->undo, f->plan, &where));
	assert_true(plan_equal(f->plan, f->original));
}

static void test_dirty_follows_saved_position(void **state)
{
	struct fixture *f = *state;
	struct undo_place where;
	struct error err;
	int kpi = test_slot("kpi");

	assert_false(undo_dirty(&f->undo));
	assert_int_equal(edit_cell(&f->undo, f->plan, 0, kpi, 10, false, &err), 0);
	assert_true(undo_dirty(&f->undo));
	assert_true(undo_undo(&f->undo, f->plan, &where));
	assert_false(undo_dirty(&f->undo)); /* back where the file is */
	assert_true(undo_redo(&f->undo, f->plan, &where));
	undo_mark_saved(&f->undo);
	assert_false(undo_dirty(&f->undo));
	assert_true(undo_undo(&f->undo, f->plan, &where));
	assert_true(undo_dirty(&f->undo));
	/* a new edit after undoing past the save: the saved state is gone */
	assert_int_equal(edit_cell(&f->undo, f->plan, 0, kpi, 50, false, &err), 0);
	assert_true(undo_dirty(&f->undo));
	assert_true(undo_undo(&f->undo, f->plan, &where));
	assert_true(undo_dirty(&f->undo));
}

static void test_refused_edits_leave_no_trace(void **state)
{
	struct fixture *f = *state;
	struct error err;
	int kpi = test_slot("kpi");

	error_clear(&err);
	assert_int_equal(edit_person_name(&f->undo, f->plan, 0, "two\nlines", &err), -1);
	assert_non_null(strstr(err.msg, "line break"));
	assert_int_equal(edit_person_name(&f->undo, f->plan, 0, "", &err), -1);
	assert_int_equal(edit_person_fte(&f->undo, f->plan, 0, 151, &err), -1);
	assert_non_null(strstr(err.msg, "0.05 and 1.5"));
	assert_int_equal(edit_person_fte(&f->undo, f->plan, 0, 4, &err), -1);
	assert_int_equal(edit_cell(&f->undo, f->plan, 0, kpi, 101, false, &err), -1);
	assert_int_equal(edit_person_id(&f->undo, f->plan, 0, "bram", &err), -1);
	assert_non_null(strstr(err.msg, "already"));
	assert_int_equal(edit_person_id(&f->undo, f->plan, 0, "Bad Id", &err), -1);
	assert_int_equal(edit_need(&f->undo, f->plan, kpi, NEED_MAX + 1, &err), -1);
	assert_int_equal(edit_delete_person(&f->undo, f->plan, 7, &err), -1);
	assert_int_equal(edit_move_person(&f->undo, f->plan, 0, 0, &err), -1);
	assert_false(undo_can_undo(&f->undo));
	assert_false(undo_dirty(&f->undo));
	assert_true(plan_equal(f->plan, f->original));
}

static void test_add_derives_unique_ids(void **state)
{
	struct fixture *f = *state;
	struct error err;

	assert_int_equal(edit_add_person(&f->undo, f->plan, "Anna Jansen", 3, &err), 3);
	assert_string_equal(f->plan->people[3]->id, "anna-2");
	assert_int_equal(edit_add_person(&f->undo, f->plan, "Anna", 4, &err), 4);
	assert_string_equal(f->plan->people[4]->id, "anna-3");
	assert_int_equal(edit_add_person(&f->undo, f->plan, "王小明", 5, &err), 5);
	assert_string_equal(f->plan->people[5]->id, "person");
	assert_string_equal(f->plan->people[5]->name, "王小明");
}

/* The analysis follows undo: undoing the edit that made a finding removes it. */
static void test_analysis_follows_undo(void **state)
{
	struct fixture *f = *state;
	struct analysis a;
	struct undo_place where;
	struct error err;
	int webcare = test_slot("webcare");

	analysis_init(&a);
	assert_int_equal(edit_cell(&f->undo, f->plan, 2, webcare, 10, true, &err), 0);
	assert_int_equal(analysis_run(&a, f->plan), 0);
	assert_true(test_has(&a, F_LEAD_CONFLICT, "webcare"));
	assert_true(undo_undo(&f->undo, f->plan, &where));
	assert_int_equal(analysis_run(&a, f->plan), 0);
	assert_false(test_has(&a, F_LEAD_CONFLICT, "webcare"));
	assert_true(test_has(&a, F_SINGLE_POINT, "webcare"));
	analysis_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_edit_undoes_and_redoes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_new_edit_drops_redo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dirty_follows_saved_position, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused_edits_leave_no_trace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_derives_unique_ids, setup, teardown),
		cmocka_unit_test_setup_teardown(test_analysis_follows_undo, setup, teardown),
	};

	return cmocka_run_group_tests_name("undo", tests, NULL, NULL);
}
