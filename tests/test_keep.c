/* test_keep.c - saving keeps the file as its people wrote it (SPEC
 * section 2): each edit against a hand-written file gives exactly the
 * bytes in tests/data/keep/NAME.expected (comments, key case, spacing,
 * CRLF, byte order mark and a missing final line break kept; only what
 * changed changed), a load and save without an edit gives the same bytes,
 * and what the span edit cannot say is written in the canonical form with
 * the user told. UPDATE=1 rewrites the expected files: review their diff. */
#define _GNU_SOURCE
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "teamfile.h"

static const char *data_dir(void)
{
	const char *d = getenv("SCHAAP_TESTDATA");

	return d && *d ? d : "tests/data";
}

/* The bytes of @name in tests/data/keep, malloc'd, with their length. */
static char *slurp(const char *name, size_t *len)
{
	char *path, *buf;
	FILE *f;
	long n;

	assert_true(asprintf(&path, "%s/keep/%s", data_dir(), name) > 0);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	n = ftell(f);
	rewind(f);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	free(path);
	*len = (size_t)n;
	return buf;
}

static int row_of(const struct plan *p, const char *id)
{
	int row = plan_find_person(p, id);

	if (row < 0)
		fail_msg("no person '%s'", id);
	return row;
}

static void ok(int rc, const struct error *err)
{
	if (rc < 0)
		fail_msg("edit refused: %s", err->msg);
}

/* ---- the edits ---------------------------------------------------------- */

static void no_edit(struct plan *p) { (void)p; }

static void share_with_comment(struct plan *p)
{
	struct error err;

	ok(plan_set_cell(p, row_of(p, "anna"), test_slot("webcare"), 40, false, &err), &err);
}

static void share_sixty(struct plan *p)
{
	struct error err;

	ok(plan_set_cell(p, row_of(p, "anna"), test_slot("webcare"), 60, true, &err), &err);
}

static void add_cell(struct plan *p)
{
	struct error err;

	ok(plan_set_cell(p, row_of(p, "anna"), test_slot("kpi"), 10, false, &err), &err);
}

static void remove_cell(struct plan *p)
{
	struct error err;

	ok(plan_set_cell(p, row_of(p, "anna"), test_slot("community"), 0, false, &err), &err);
}

static void add_person(struct plan *p)
{
	struct error err;
	int row = plan_add_person(p, "dirk", "Dirk", p->npeople, &err);

	ok(row, &err);
	ok(plan_set_cell(p, row, test_slot("analyst"), 20, false, &err), &err);
}

static void add_person_between(struct plan *p)
{
	struct error err;

	ok(plan_add_person(p, "dirk", "Dirk", row_of(p, "bram"), &err), &err);
}

static void remove_person(struct plan *p)
{
	person_free(plan_take_person(p, row_of(p, "bram")));
}

static void remove_last_person(struct plan *p)
{
	person_free(plan_take_person(p, p->npeople - 1));
}

static void add_and_remove_person(struct plan *p)
{
	remove_person(p);
	add_person(p);
}

static void change_need(struct plan *p)
{
	struct error err;

	ok(plan_set_need(p, test_slot("webcare"), 250, &err), &err);
}

static void add_need(struct plan *p)
{
	struct error err;

	ok(plan_set_need(p, test_slot("community"), 100, &err), &err);
}

static void team_name(struct plan *p)
{
	struct error err;

	ok(plan_set_team_name(p, "De Zilveren Boon", &err), &err);
}

static void team_fields(struct plan *p)
{
	struct error err;

	ok(plan_set_team_name(p, "Nieuw", &err), &err);
	ok(plan_set_max_load(p, 90, &err), &err);
}

static void name_and_note(struct plan *p)
{
	struct error err;

	ok(plan_set_person_name(p, row_of(p, "bram"), "Bram 't Hart", &err), &err);
	ok(plan_set_person_note(p, row_of(p, "cor"), "helps; on Mondays", &err), &err);
	ok(plan_set_person_note(p, row_of(p, "anna"), "joined 2024", &err), &err);
}

static void fte_and_external(struct plan *p)
{
	struct error err;

	ok(plan_set_person_fte(p, row_of(p, "bram"), 100, &err), &err);
	plan_set_person_external(p, row_of(p, "cor"), false);
	plan_set_person_external(p, row_of(p, "anna"), true);
}

static void move_person(struct plan *p)
{
	plan_move_person(p, row_of(p, "cor"), 0);
}

/* moved, with keys gained at the end of a block that now stands elsewhere */
static void move_and_edit(struct plan *p)
{
	struct error err;

	move_person(p);
	ok(plan_set_cell(p, row_of(p, "bram"), test_slot("kpi"), 10, false, &err), &err);
	ok(plan_set_cell(p, row_of(p, "cor"), test_slot("kpi"), 5, false, &err), &err);
	ok(plan_add_person(p, "dirk", "Dirk", row_of(p, "cor") + 1, &err), &err);
}

/* the fields the catalog added: strengths, follow-up, hours, an FTE
 * written with a decimal comma that a save writes with a point */
static void new_fields(struct plan *p)
{
	const struct catalog *c = test_catalog();
	struct error err;
	int row = row_of(p, "anna");

	ok(plan_set_person_strengths(p, row, true,
				     (1u << catalog_leg_index(c, "writing")) |
				     (1u << catalog_leg_index(c, "visual")), &err), &err);
	ok(plan_set_follows(p, row, test_slot("content"), true, &err), &err);
	ok(plan_set_hours_per_week(p, 3200, &err), &err);
	ok(plan_set_person_fte(p, row, 90, &err), &err);
}

/* ---- the cases ---------------------------------------------------------- */

struct keep_case {
	const char *name;     /* of the test and its expected file */
	const char *input;    /* in tests/data/keep */
	void (*edit)(struct plan *);
	enum save_form form;
};

static const struct keep_case cases[] = {
	{ "share-with-comment", "team.ini", share_with_comment, SAVE_KEPT },
	{ "add-cell", "team.ini", add_cell, SAVE_KEPT },
	{ "remove-cell", "team.ini", remove_cell, SAVE_KEPT },
	{ "add-person", "team.ini", add_person, SAVE_KEPT },
	{ "add-person-between", "team.ini", add_person_between, SAVE_KEPT },
	{ "remove-person", "team.ini", remove_person, SAVE_KEPT },
	{ "remove-last-person", "team.ini", remove_last_person, SAVE_KEPT },
	{ "add-and-remove-person", "team.ini", add_and_remove_person, SAVE_KEPT },
	{ "change-need", "team.ini", change_need, SAVE_KEPT },
	{ "add-need", "team.ini", add_need, SAVE_KEPT },
	{ "team-name", "team.ini", team_name, SAVE_KEPT },
	{ "name-and-note", "team.ini", name_and_note, SAVE_KEPT },
	{ "fte-and-external", "team.ini", fte_and_external, SAVE_KEPT },
	{ "move-person", "team.ini", move_person, SAVE_KEPT },
	{ "move-and-edit", "team.ini", move_and_edit, SAVE_KEPT },
	/* a key after a last line that ends in a backslash would join it:
	 * the check before writing catches that, and the canonical form goes */
	{ "trailing-backslash-add-cell", "trailing-backslash.ini", add_cell, SAVE_REWRITTEN },
	{ "new-fields", "new-fields.ini", new_fields, SAVE_KEPT },
	{ "crlf-bom-share", "crlf-bom.ini", share_sixty, SAVE_KEPT },
	{ "crlf-bom-add-person", "crlf-bom.ini", add_person, SAVE_KEPT },
	{ "crlf-bom-add-need", "crlf-bom.ini", add_need, SAVE_KEPT },
	{ "no-final-newline-share", "no-final-newline.ini", share_sixty, SAVE_KEPT },
	{ "no-final-newline-add-cell", "no-final-newline.ini", add_cell, SAVE_KEPT },
	{ "no-final-newline-add-person", "no-final-newline.ini", add_person, SAVE_KEPT },
	{ "no-final-newline-remove-person", "no-final-newline.ini", remove_last_person, SAVE_KEPT },
	{ "no-needs-add-need", "no-needs.ini", add_need, SAVE_KEPT },
	{ "people-only-team-and-need", "people-only.ini", team_fields, SAVE_KEPT },
	{ "people-only-need", "people-only.ini", add_need, SAVE_KEPT },
};

static void render_case(void **state)
{
	const struct keep_case *c = *state;
	struct teamfile_text *text = NULL;
	struct error err;
	struct plan *p;
	char *input, *want, *got, *path;
	size_t inlen, wantlen, gotlen;
	enum save_form form;

	input = slurp(c->input, &inlen);
	p = teamfile_load_buffer_text(input, inlen, c->input, test_catalog(), &text, &err);
	if (!p)
		fail_msg("%s:%d: %s", err.file, err.line, err.msg);
	c->edit(p);
	assert_int_equal(teamfile_render(p, text, &got, &gotlen, &form), 0);
	if (getenv("UPDATE")) {
		FILE *f;

		assert_true(asprintf(&path, "%s/keep/%s.expected", data_dir(), c->name) > 0);
		f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(got, 1, gotlen, f), gotlen);
		fclose(f);
		free(path);
	}
	assert_true(asprintf(&path, "%s.expected", c->name) > 0);
	want = slurp(path, &wantlen);
	free(path);
	if (gotlen != wantlen || memcmp(got, want, gotlen) != 0)
		fail_msg("%s: saved text differs from keep/%s.expected:\n%.*s", c->name, c->name,
			 (int)gotlen, got);
	if (form != c->form)
		fail_msg("%s: saved as form %d, want %d", c->name, form, c->form);
	free(want);
	free(got);
	plan_free(p);
	teamfile_text_free(text);
	free(input);
}

/* Every input, loaded and saved without an edit, is the same bytes. */
static void no_edit_keeps_every_byte(void **state)
{
	static const char *const inputs[] = { "team.ini", "crlf-bom.ini", "no-final-newline.ini",
					      "people-only.ini", "no-needs.ini",
					      "trailing-backslash.ini", "new-fields.ini" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof inputs / sizeof *inputs; i++) {
		struct teamfile_text *text = NULL;
		struct error err;
		struct plan *p;
		char *input, *got;
		size_t inlen, gotlen;
		enum save_form form;

		input = slurp(inputs[i], &inlen);
		p = teamfile_load_buffer_text(input, inlen, inputs[i], test_catalog(), &text, &err);
		assert_non_null(p);
		no_edit(p);
		assert_int_equal(teamfile_render(p, text, &got, &gotlen, &form), 0);
		assert_int_equal(form, SAVE_KEPT);
		if (gotlen != inlen || memcmp(got, input, inlen) != 0)
			fail_msg("%s changed without an edit:\n%.*s", inputs[i], (int)gotlen, got);
		free(got);
		plan_free(p);
		teamfile_text_free(text);
		free(input);
	}
}

/* A plan without a text (a new file) is written in the canonical form. */
static void new_plan_is_canonical(void **state)
{
	struct plan *p = plan_new(test_catalog());
	struct error err;
	char *got, *buf = NULL;
	size_t gotlen, len = 0;
	enum save_form form;
	FILE *f;

	(void)state;
	assert_non_null(p);
	ok(plan_set_team_name(p, "Nieuw", &err), &err);
	add_person(p);
	assert_int_equal(teamfile_render(p, NULL, &got, &gotlen, &form), 0);
	assert_int_equal(form, SAVE_CANONICAL);
	f = open_memstream(&buf, &len);
	assert_int_equal(teamfile_write(p, f), 0);
	fclose(f);
	assert_int_equal(gotlen, len);
	assert_memory_equal(got, buf, len);
	free(buf);
	free(got);
	plan_free(p);
}

/* Saved to disk: the file holds the kept text, and the next save keeps
 * what this one wrote. */
static void save_to_disk_keeps_and_moves_on(void **state)
{
	struct teamfile_text *text = NULL;
	struct error err;
	struct plan *p;
	const char *path;
	char *input, *want, *on_disk;
	size_t inlen, wantlen;
	enum save_form form;

	(void)state;
	input = slurp("team.ini", &inlen);
	path = test_write("kept.ini", input);
	p = teamfile_load_text(path, test_catalog(), &text, &err);
	assert_non_null(p);
	assert_non_null(text);
	share_with_comment(p);
	assert_int_equal(teamfile_save_text(p, &text, path, &form, &err), 0);
	assert_int_equal(form, SAVE_KEPT);
	want = slurp("share-with-comment.expected", &wantlen);
	on_disk = test_read(path);
	assert_string_equal(on_disk, want);
	free(on_disk);
	free(want);
	/* a second edit, against what is on disk now */
	add_cell(p);
	assert_int_equal(teamfile_save_text(p, &text, path, &form, &err), 0);
	on_disk = test_read(path);
	assert_non_null(strstr(on_disk, "webcare    = 40                ; since March\n"
					"kpi        = 10\n"));
	assert_non_null(strstr(on_disk, "; Ask Petra before changing the needs.\n"));
	free(on_disk);
	plan_free(p);
	teamfile_text_free(text);
	free(input);
	/* the rewritten form is reported */
	input = slurp("trailing-backslash.ini", &inlen);
	path = test_write("rewritten.ini", input);
	p = teamfile_load_text(path, test_catalog(), &text, &err);
	assert_non_null(p);
	add_cell(p);
	assert_int_equal(teamfile_save_text(p, &text, path, &form, &err), 0);
	assert_int_equal(form, SAVE_REWRITTEN);
	want = slurp("trailing-backslash-add-cell.expected", &wantlen);
	on_disk = test_read(path);
	assert_string_equal(on_disk, want);
	free(on_disk);
	free(want);
	plan_free(p);
	teamfile_text_free(text);
	free(input);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(no_edit_keeps_every_byte),
		cmocka_unit_test(new_plan_is_canonical),
		cmocka_unit_test(save_to_disk_keeps_and_moves_on),
	};
	size_t ncases = sizeof cases / sizeof *cases, nfixed = sizeof fixed / sizeof *fixed, i;
	struct CMUnitTest *tests = calloc(ncases + nfixed, sizeof *tests);
	int rc;

	if (!tests)
		return 1;
	for (i = 0; i < ncases; i++) {
		tests[i].name = cases[i].name;
		tests[i].test_func = render_case;
		tests[i].initial_state = (void *)&cases[i];
	}
	for (i = 0; i < nfixed; i++)
		tests[ncases + i] = fixed[i];
	rc = _cmocka_run_group_tests("keep", tests, ncases + nfixed, NULL, NULL);
	free(tests);
	return rc;
}
