/* test_alloc.c - allocation number N fails, for N = 1, 2, 3, ... through
 * loading a team file and analysing it, until a run completes: every time
 * the result is a clean "out of memory" error (or a completed run), never
 * a crash, and the heap is back where it started, so nothing leaked.
 *
 * The test links with -Wl,--wrap for the allocation functions, which
 * reaches every call made from schaap's own code. */
#define _GNU_SOURCE
#include <malloc.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "catalogfile.h"
#include "support.h"
#include "teamfile.h"
#include "writer.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

static long fail_at, count;

static int failing(void)
{
	return fail_at && ++count == fail_at;
}

void *__wrap_malloc(size_t n) { return failing() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return failing() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return failing() ? NULL : __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { return failing() ? NULL : __real_strdup(s); }

/* Run @step with allocation N failing, for every N until it succeeds. */
static void every_failure(const char *what, int (*step)(struct error *err))
{
	struct error err;
	size_t before;
	long n;
	int rc;

	for (n = 1;; n++) {
		before = mallinfo2().uordblks;
		count = 0;
		fail_at = n;
		error_clear(&err);
		rc = step(&err);
		fail_at = 0;
		if (mallinfo2().uordblks != before)
			fail_msg("%s: %zu bytes leaked when allocation %ld failed",
				 what, mallinfo2().uordblks - before, n);
		if (rc == 0 && count < n)
			break; /* allocation n never happened: a whole clean run */
		if (rc != 0 && !strstr(err.msg, "out of memory"))
			fail_msg("%s: allocation %ld failed, message '%s'", what, n, err.msg);
	}
	print_message("%s: %ld allocations, each failed once, each cleanly\n", what, n - 1);
	assert_true(n > 10);
}

static int load_and_analyse(struct error *err)
{
	struct plan *p = teamfile_load("config/example-team.ini", test_catalog(), err);
	struct analysis a;
	int rc = 0;

	if (!p)
		return -1;
	analysis_init(&a);
	if (analysis_run(&a, p) < 0) {
		error_set(err, NULL, 0, "out of memory");
		rc = -1;
	}
	analysis_release(&a);
	plan_free(p);
	return rc;
}

/* The board report of the example team, built and written as HTML. */
static int build_report(struct error *err)
{
	struct plan *p = teamfile_load("config/example-team.ini", test_catalog(), err);
	const struct writer_options o = { false };
	struct report *r = NULL;
	struct analysis a;
	int rc = 0;

	if (!p)
		return -1;
	analysis_init(&a);
	if (analysis_run(&a, p) < 0 || !(r = report_build(&a, "team.ini", NULL))) {
		error_set(err, NULL, 0, "out of memory");
		rc = -1;
	} else {
		FILE *out = fopen("/dev/null", "w");

		assert_non_null(out);
		assert_int_equal(writer_html.write(r, &o, out), 0);
		fclose(out);
	}
	report_free(r);
	analysis_release(&a);
	plan_free(p);
	return rc;
}

static int builtin_catalog(struct error *err)
{
	struct catalog *c = catalogfile_builtin(err);

	catalog_free(c);
	return c ? 0 : -1;
}

static void test_load_and_analysis(void **state)
{
	(void)state;
	test_catalog();
	every_failure("load and analysis", load_and_analyse);
}

static void test_report(void **state)
{
	(void)state;
	test_catalog();
	every_failure("board report", build_report);
}

static void test_catalog_load(void **state)
{
	(void)state;
	every_failure("built-in catalog", builtin_catalog);
}

int main(int argc, char **argv)
{
	static const char tunable[] = "glibc.malloc.tcache_count=0";
	const char *t = getenv("GLIBC_TUNABLES");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_and_analysis),
		cmocka_unit_test(test_catalog_load),
		cmocka_unit_test(test_report),
	};

	/* freed chunks in glibc's thread cache count as in use for mallinfo2:
	 * run without the cache so "back where it started" is exact */
	(void)argc;
	if (!t || !strstr(t, tunable)) {
		setenv("GLIBC_TUNABLES", tunable, 1);
		execv("/proc/self/exe", argv);
	}
	return cmocka_run_group_tests_name("allocation failure", tests, NULL, NULL);
}
