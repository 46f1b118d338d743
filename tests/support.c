/* support.c - helpers shared by the cmocka suites. */
#define _GNU_SOURCE
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalogfile.h"
#include "teamfile.h"

struct error test_error;
static struct catalog *catalog;
static char dir[256];

static void cleanup(void)
{
	char cmd[700];

	catalog_free(catalog);
	if (dir[0]) {
		snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
		if (system(cmd) != 0)
			fprintf(stderr, "could not remove %s\n", dir);
	}
}

const struct catalog *test_catalog(void)
{
	struct error err;

	if (!catalog) {
		catalog = catalogfile_builtin(&err);
		if (!catalog) {
			error_print(&err, stderr);
			abort();
		}
		atexit(cleanup);
	}
	return catalog;
}

struct plan *test_plan(const char *text)
{
	error_clear(&test_error);
	return teamfile_load_buffer(text, strlen(text), "team.ini", test_catalog(), &test_error);
}

const char *test_dir(void)
{
	if (!dir[0]) {
		const char *tmp = getenv("TMPDIR");

		test_catalog();
		snprintf(dir, sizeof dir, "%s/schaap-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
		if (!mkdtemp(dir))
			abort();
	}
	return dir;
}

const char *test_write(const char *name, const char *text)
{
	static char path[512];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", test_dir(), name);
	f = fopen(path, "wb");
	assert_non_null(f);
	fwrite(text, 1, strlen(text), f);
	assert_int_equal(fclose(f), 0);
	return path;
}

char *test_read(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	if (buf)
		buf[n] = '\0';
	fclose(f);
	return buf;
}

int test_slot(const char *id)
{
	int s = catalog_slot_index(test_catalog(), id);

	assert_true(s >= 0);
	return s;
}

bool test_has(const struct analysis *a, enum finding_code code, const char *subject)
{
	int i;

	for (i = 0; i < a->nfindings; i++)
		if (a->findings[i].code == code &&
		    strcmp(finding_subject_id(a, &a->findings[i]), subject) == 0)
			return true;
	return false;
}

const char *test_message(const struct analysis *a, enum finding_code code, const char *subject)
{
	static char buf[1024];
	int i;

	buf[0] = '\0';
	for (i = 0; i < a->nfindings; i++)
		if (a->findings[i].code == code &&
		    strcmp(finding_subject_id(a, &a->findings[i]), subject) == 0) {
			finding_message(a, &a->findings[i], buf, sizeof buf);
			break;
		}
	return buf;
}
