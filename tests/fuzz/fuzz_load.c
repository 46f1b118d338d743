/* fuzz_load.c - libFuzzer target over loading, analysis and saving: any
 * plan that loads must save and load back to the same plan; saved against
 * its own text without an edit it must give back the same bytes; with one
 * edit (a share, a need or the team name) only the line of that value may
 * change, or one line be added; and nothing may crash or leak on the way. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "catalogfile.h"
#include "teamfile.h"

static struct catalog *cat;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Line breaks in @s[0..n) that end a line (not one continued by '\'). */
static int line_ends(const char *s, size_t n)
{
	size_t i;
	int count = 0;

	for (i = 0; i < n; i++) {
		size_t j = i;

		if (s[i] != '\n')
			continue;
		while (j > 0 && (s[j - 1] == ' ' || s[j - 1] == '\t' || s[j - 1] == '\r' ||
				 s[j - 1] == '\v' || s[j - 1] == '\f'))
			j--;
		if (j == 0 || s[j - 1] != '\\')
			count++;
	}
	return count;
}

/* One edit chosen by the input: returns 0 when there was one to make. */
static int one_edit(struct plan *p, size_t seed)
{
	struct error err;
	int s = (int)(seed % (size_t)p->cat->nslots);

	switch (seed % 3) {
	case 0:
		if (p->npeople > 0) {
			int row = (int)(seed / 3 % (size_t)p->npeople);
			int share = p->people[row]->cells[s].share == 37 ? 38 : 37;

			return plan_set_cell(p, row, s, share, false, &err);
		}
		/* fall through */
	case 1:
		return plan_set_need(p, s, p->need[s] == 150 ? 175 : 150, &err);
	default:
		return plan_set_team_name(p, strcmp(p->name, "Fuzz") ? "Fuzz" : "Fuzz 2", &err);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error err;
	struct plan *p, *again;
	struct teamfile_text *text = NULL;
	struct analysis a;
	char *buf = NULL, *out;
	size_t len = 0, outlen, pre, suf;
	enum save_form form;
	FILE *f;

	if (!cat && !(cat = catalogfile_builtin(&err)))
		abort();
	p = teamfile_load_buffer_text((const char *)data, size, "fuzz.ini", cat, &text, &err);
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
	f = open_memstream(&buf, &len);
	if (!f || teamfile_write(p, f) != 0 || fclose(f) != 0)
		abort();
	again = teamfile_load_buffer(buf, len, "fuzz-saved.ini", cat, &err);
	if (!again || !plan_equal(p, again)) {
		fprintf(stderr, "round trip failed: %s\n--- saved:\n%s\n", again ? "plans differ" : err.msg, buf);
		abort();
	}
	plan_free(again);
	free(buf);

	/* no edit: the same bytes */
	if (teamfile_render(p, text, &out, &outlen, &form) != 0)
		abort();
	if (form != SAVE_KEPT || outlen != size || memcmp(out, data, size) != 0) {
		fprintf(stderr, "saved without an edit, the text changed (form %d)\n", form);
		abort();
	}
	free(out);

	/* one edit: one line changes, or one is added */
	if (one_edit(p, size) == 0) {
		if (teamfile_render(p, text, &out, &outlen, &form) != 0)
			abort();
		again = teamfile_load_buffer(out, outlen, "fuzz-edited.ini", cat, &err);
		if (!again || !plan_equal(p, again)) {
			fprintf(stderr, "edited save does not read back: %s\n", again ? "plans differ" : err.msg);
			abort();
		}
		plan_free(again);
		if (form == SAVE_KEPT) {
			for (pre = 0; pre < size && pre < outlen && out[pre] == (char)data[pre]; pre++)
				;
			for (suf = 0; suf < size - pre && suf < outlen - pre &&
				      out[outlen - 1 - suf] == (char)data[size - 1 - suf]; suf++)
				;
			int removed = line_ends((const char *)data + pre, size - pre - suf);
			int added = line_ends(out + pre, outlen - pre - suf);

			/* a need or team name may need its section made: a blank
			 * line, the header and the key */
			if (removed == 0 && added <= 3 && memchr(out + pre, '[', outlen - pre - suf))
				added = 1;
			if (removed > 1 || added > 1) {
				fprintf(stderr, "one edit changed more than its line:\n--- before:\n%.*s\n--- after:\n%.*s\n",
					(int)size, (const char *)data, (int)outlen, out);
				abort();
			}
		}
		free(out);
	}
	teamfile_text_free(text);
	plan_free(p);
	return 0;
}
