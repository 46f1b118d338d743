/* test_save_faults.c - every step of a save fails in turn (create, write,
 * fsync, rename) with ENOSPC, EIO and EACCES: each time the file on disk
 * stays byte for byte what it was, no temporary file is left, the user
 * gets a message naming the step and the cause, and the plan in memory is
 * untouched, so a later save still works. */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "teamfile.h"

static enum save_step fail_step;
static int fail_errno;

static int inject(enum save_step step)
{
	return step == fail_step ? fail_errno : 0;
}

static int leftovers(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += strncmp(e->d_name, ".schaap-", 8) == 0;
	closedir(d);
	return n;
}

static void test_each_step_each_error(void **state)
{
	static const char *const steps[SAVE_STEPS] = {
		"create a temporary file", "write", "flush to disk", "replace the file"
	};
	static const int errors[] = { ENOSPC, EIO, EACCES };
	const char *original =
		"[team]\nname = Faults\n\n[person anna]\nname = Anna\nfte = 1.0\nwebcare = 40 lead\n";
	char path[600], *before, *after;
	struct plan *p;
	struct error err;
	int s, e;

	(void)state;
	snprintf(path, sizeof path, "%s", test_write("faults.ini", original));
	before = test_read(path);
	p = teamfile_load(path, test_catalog(), &err);
	assert_non_null(p);
	assert_int_equal(plan_set_cell(p, 0, test_slot("kpi"), 30, false, &err), 0);

	for (s = 0; s < SAVE_STEPS; s++) {
		for (e = 0; e < 3; e++) {
			fail_step = (enum save_step)s;
			fail_errno = errors[e];
			teamfile_fault = inject;
			error_clear(&err);
			assert_int_equal(teamfile_save(p, path, &err), -1);
			teamfile_fault = NULL;
			after = test_read(path);
			assert_string_equal(after, before);
			free(after);
			assert_int_equal(leftovers(test_dir()), 0);
			assert_non_null(strstr(err.msg, steps[s]));
			assert_non_null(strstr(err.msg, strerror(errors[e])));
			assert_non_null(strstr(err.msg, "unchanged"));
			assert_string_equal(err.file, path);
		}
	}
	/* nothing was lost in memory: the next save writes the edit */
	assert_int_equal(teamfile_save(p, path, &err), 0);
	after = test_read(path);
	assert_non_null(strstr(after, "kpi = 30"));
	free(after);
	free(before);
	plan_free(p);
}

/* The same with a save that keeps the file's text: a failed save leaves
 * the file and the kept text as they were, so the next save still changes
 * only the one line. */
static void test_each_step_keeping_the_text(void **state)
{
	static const int errors[] = { ENOSPC, EIO, EACCES };
	const char *original =
		"; kept in git\n[team]\nname = Faults   ; ours\n\n[person anna]\nname = Anna\n"
		"webcare  = 40 lead   ; since March\n";
	const char *want =
		"; kept in git\n[team]\nname = Faults   ; ours\n\n[person anna]\nname = Anna\n"
		"webcare  = 40 lead   ; since March\nkpi = 30\n";
	struct teamfile_text *text = NULL;
	char path[600], *after;
	enum save_form form;
	struct plan *p;
	struct error err;
	int s, e;

	(void)state;
	snprintf(path, sizeof path, "%s", test_write("keep-faults.ini", original));
	p = teamfile_load_text(path, test_catalog(), &text, &err);
	assert_non_null(p);
	assert_int_equal(plan_set_cell(p, 0, test_slot("kpi"), 30, false, &err), 0);
	for (s = 0; s < SAVE_STEPS; s++) {
		for (e = 0; e < 3; e++) {
			fail_step = (enum save_step)s;
			fail_errno = errors[e];
			teamfile_fault = inject;
			assert_int_equal(teamfile_save_text(p, &text, path, &form, &err), -1);
			teamfile_fault = NULL;
			after = test_read(path);
			assert_string_equal(after, original);
			free(after);
			assert_int_equal(leftovers(test_dir()), 0);
		}
	}
	assert_int_equal(teamfile_save_text(p, &text, path, &form, &err), 0);
	assert_int_equal(form, SAVE_KEPT);
	after = test_read(path);
	assert_string_equal(after, want);
	free(after);
	teamfile_text_free(text);
	plan_free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_step_each_error),
		cmocka_unit_test(test_each_step_keeping_the_text),
	};

	return cmocka_run_group_tests_name("save faults", tests, NULL, NULL);
}
