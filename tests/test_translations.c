/* test_translations.c - each po file: every translation fits the columns its
 * translator comment gives ("at most N columns"), line by line, as the
 * terminal measures it (wcswidth), and the shown decimal separator
 * follows the language while file figures keep the point. */
#define _GNU_SOURCE
#include "support.h"

#include <dirent.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

struct entry {
	int budget;      /* columns, or 0 when the comment gives none */
	char id[4096];
	char str[4096];
	int line;        /* where the msgid starts */
};

/* Append the C string literal at @s ("...") to @out, undoing escapes. */
static void append_literal(const char *s, char *out, size_t n)
{
	size_t len = strlen(out);

	s = strchr(s, '"');
	if (!s)
		return;
	for (s++; *s && *s != '"' && len + 1 < n; s++) {
		if (*s == '\\' && s[1]) {
			s++;
			out[len++] = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s;
		} else {
			out[len++] = *s;
		}
	}
	out[len] = '\0';
}

/* Display width of the widest line of @s, or -1 when it is not text. */
static int widest_line(const char *s)
{
	int widest = 0;

	while (*s) {
		const char *end = strchr(s, '\n');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		wchar_t w[1024];
		char line[4096];
		size_t nw;
		int cols;

		snprintf(line, sizeof line, "%.*s", (int)len, s);
		nw = mbstowcs(w, line, sizeof w / sizeof w[0] - 1);
		if (nw == (size_t)-1)
			return -1;
		w[nw] = L'\0';
		cols = wcswidth(w, nw);
		if (cols < 0)
			return -1;
		if (cols > widest)
			widest = cols;
		s += len + (end ? 1 : 0);
	}
	return widest;
}

/* Check every entry of @path; returns the number of entries measured. */
static int check_po(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[8192], *target = NULL;
	struct entry e;
	int lineno = 0, measured = 0, failures = 0;

	assert_non_null(f);
	memset(&e, 0, sizeof e);
	for (;;) {
		bool eof = !fgets(buf, sizeof buf, f);
		const char *at;

		lineno++;
		if (eof || buf[0] == '\n') {
			/* one entry ends: measure it */
			if (e.budget && e.str[0]) {
				int id_w = widest_line(e.id), str_w = widest_line(e.str);

				measured++;
				if (str_w < 0 || str_w > e.budget || id_w > e.budget) {
					fprintf(stderr, "%s:%d: \"%s\" takes %d columns (English %d), "
						"at most %d\n", path, e.line, e.str, str_w, id_w, e.budget);
					failures++;
				}
			}
			if (eof)
				break;
			if (buf[0] == '\n') {
				memset(&e, 0, sizeof e);
				target = NULL;
				continue;
			}
		}
		if (strncmp(buf, "#.", 2) == 0 && (at = strstr(buf, "at most ")) &&
		    strstr(at, "column")) {
			e.budget = atoi(at + 8);
		} else if (strncmp(buf, "msgid ", 6) == 0) {
			e.line = lineno;
			target = e.id;
			append_literal(buf, target, sizeof e.id);
		} else if (strncmp(buf, "msgstr", 6) == 0) {
			target = e.str;
			append_literal(buf, target, sizeof e.str);
		} else if (buf[0] == '"' && target) {
			append_literal(buf, target, target == e.id ? sizeof e.id : sizeof e.str);
		}
	}
	fclose(f);
	assert_int_equal(failures, 0);
	return measured;
}

static void translations_fit_their_columns(void **state)
{
	DIR *d = opendir("po");
	struct dirent *de;
	int files = 0;

	(void)state;
	assert_non_null(d);
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		char path[512];

		if (len < 4 || strcmp(de->d_name + len - 3, ".po") != 0)
			continue;
		snprintf(path, sizeof path, "po/%s", de->d_name);
		check_po(path);
		files++;
	}
	closedir(d);
	assert_true(files > 0);
}

/* The measuring itself: a wide character counts two, a line break starts
 * a new line. */
static void widths_are_measured_per_line(void **state)
{
	(void)state;
	assert_int_equal(widest_line("abc"), 3);
	assert_int_equal(widest_line("ab\nabcde\nx"), 5);
	assert_int_equal(widest_line("Noël"), 4);
	assert_int_equal(widest_line("日本"), 4);
}

static void shown_numbers_follow_the_language(void **state)
{
	char buf[32];

	(void)state;
	text_set_shown_point(',');
	text_format_shown(80, 2, buf, sizeof buf);
	assert_string_equal(buf, "0,8");
	text_format_decimal(80, 2, buf, sizeof buf);
	assert_string_equal(buf, "0.8");
	text_set_shown_point('.');
	text_format_shown(36000, 4, buf, sizeof buf);
	assert_string_equal(buf, "3.6");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths_are_measured_per_line),
		cmocka_unit_test(translations_fit_their_columns),
		cmocka_unit_test(shown_numbers_follow_the_language),
	};

	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "en_US.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
