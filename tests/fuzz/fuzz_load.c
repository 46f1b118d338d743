/* fuzz_load.c - libFuzzer target over loading, analysis and the save and
 * reload round trip: any plan that loads must save and load back to the
 * same plan, and nothing may crash or leak on the way. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "analysis.h"
#include "catalogfile.h"
#include "teamfile.h"

static struct catalog *cat;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error err;
	struct plan *p, *again;
	struct analysis a;
	char *buf = NULL;
	size_t len = 0;
	FILE *out;

	if (!cat && !(cat = catalogfile_builtin(&err)))
		abort();
	p = teamfile_load_buffer((const char *)data, size, "fuzz.ini", cat, &err);
	if (!p)
		return 0;
	analysis_init(&a);
	if (analysis_run(&a, p) == 0) {
		int i;
		char msg[2048];

		for (i = 0; i < a.nfindings; i++)
			finding_message(&a, &a.findings[i], msg, sizeof msg);
	}
	analysis_release(&a);
	out = open_memstream(&buf, &len);
	if (!out || teamfile_write(p, out) != 0 || fclose(out) != 0)
		abort();
	again = teamfile_load_buffer(buf, len, "fuzz-saved.ini", cat, &err);
	if (!again || !plan_equal(p, again)) {
		fprintf(stderr, "round trip failed: %s\n--- saved:\n%s\n", again ? "plans differ" : err.msg, buf);
		abort();
	}
	plan_free(again);
	plan_free(p);
	free(buf);
	return 0;
}
