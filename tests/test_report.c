/* test_report.c - the board report's model and its writers.
 *
 * The model tests check the figures a manager reads (hours a week over,
 * load bars, slot status, the coverage row under the grid). The writer
 * tests feed hostile names - markup, quotes, ampersands, pipes, formula
 * starts and control characters - and parse what comes out the way a
 * browser, a Markdown reader or a spreadsheet would see it. */
#define _GNU_SOURCE
#include "support.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "writer.h"

static struct plan *plan;
static struct analysis an;
static struct report *rep;

static int teardown(void **state)
{
	(void)state;
	report_free(rep);
	analysis_release(&an);
	plan_free(plan);
	rep = NULL;
	plan = NULL;
	return 0;
}

static void build(const char *text)
{
	plan = test_plan(text);
	if (!plan)
		fail_msg("team text refused: %d: %s", test_error.line, test_error.msg);
	analysis_init(&an);
	assert_int_equal(analysis_run(&an, plan), 0);
	rep = report_build(&an, "team.ini", NULL);
	assert_non_null(rep);
}

/* The output of @w for the report under test, malloc'd. */
static char *render(const struct report_writer *w)
{
	const struct writer_options o = { false };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	assert_int_equal(w->write(rep, &o, out), 0);
	assert_int_equal(fclose(out), 0);
	return buf;
}

static const char *text_at(const char *table, int row, const char *key)
{
	const struct report_table *t = report_table(rep, table);

	assert_non_null(t);
	assert_true(report_column(t, key) >= 0);
	return report_cell_at(t, row, key)->text;
}

static const char *value_at(const char *table, int row, const char *key)
{
	return report_cell_at(report_table(rep, table), row, key)->value;
}

static void hours_over_follow_fte_and_allowed_load(void **state)
{
	(void)state;
	build("[team]\nname = T\nmax_load = 80\nhours_per_week = 36\n"
	      "[person a]\nname = A\nfte = 1.0\nwebcare = 90\n"   /* 10 over x 36 h */
	      "[person b]\nname = B\nfte = 0.5\nwebcare = 100\n"  /* 20 over x 18 h */
	      "[person c]\nname = C\nfte = 1.0\nwebcare = 80\n");  /* exactly allowed */
	assert_string_equal(text_at("people", 0, "hours_over"), "3.6");
	assert_string_equal(text_at("people", 1, "hours_over"), "3.6");
	assert_string_equal(text_at("people", 2, "hours_over"), "");
	assert_string_equal(value_at("people", 2, "hours_over"), "0.0");
	assert_int_equal(report_cell_at(report_table(rep, "people"), 0, "load")->tone, TONE_WARNING);
	assert_int_equal(report_cell_at(report_table(rep, "people"), 2, "load")->tone, TONE_NONE);
	assert_string_equal(text_at("people", 1, "fte"), "0.5");
	teardown(NULL);
	/* a 40-hour week: 10% over of 1.0 FTE is 4 hours */
	build("[team]\nname = T\nhours_per_week = 40\n[person a]\nname = A\nwebcare = 100\nkpi = 10\n");
	assert_string_equal(text_at("people", 0, "hours_over"), "4.0");
}

static void strengths_shown_only_when_given(void **state)
{
	(void)state;
	build("[team]\nname = T\nreports_to = ceo\n"
	      "[person a]\nname = A\nstrengths = writing empathy\nwebcare = 50\n"
	      "[person b]\nname = B\nwebcare = 50\n");
	assert_string_equal(text_at("people", 0, "strengths"), "Writing, Empathy");
	assert_string_equal(value_at("people", 0, "strengths"), "writing empathy");
	assert_string_equal(text_at("people", 1, "strengths"), "not known");
	assert_string_equal(report_fact(rep, "reports_to")->text, "CEO");
	assert_string_equal(report_fact(rep, "reports_to")->value, "ceo");
	teardown(NULL);
	build("[team]\nname = T\nreports_to = board\n[person b]\nname = B\nwebcare = 50\n");
	assert_int_equal(report_column(report_table(rep, "people"), "strengths"), -1);
	assert_string_equal(report_fact(rep, "reports_to")->text, "Board");
}

static void load_bars_show_allowed_and_over(void **state)
{
	char bar[256];

	(void)state;
	report_load_bar(0, 100, bar, sizeof bar);
	assert_string_equal(bar, "░░░░░░░░░░");
	report_load_bar(1, 100, bar, sizeof bar); /* any load shows */
	assert_string_equal(bar, "█░░░░░░░░░");
	report_load_bar(100, 100, bar, sizeof bar);
	assert_string_equal(bar, "██████████");
	report_load_bar(110, 100, bar, sizeof bar);
	assert_string_equal(bar, "██████████▒");
	report_load_bar(60, 120, bar, sizeof bar); /* against the allowed load */
	assert_string_equal(bar, "█████░░░░░");
	report_load_bar(500, 100, bar, sizeof bar); /* capped, with a mark */
	assert_string_equal(bar, "██████████▒▒▒▒▒▒▒▒▒▒+");
	report_load_bar(500, 100, bar, 8); /* never past the buffer, never mid-glyph */
	assert_string_equal(bar, "██");
}

static void coverage_reads_without_colour(void **state)
{
	const struct report_table *grid;
	int last, webcare;

	(void)state;
	build("[team]\nname = T\n[needs]\nwebcare = 2.0\nadvertising = 0\n"
	      "[person a]\nname = A\nwebcare = 50 lead\nstrategist = 10\n");
	/* slot rows in catalog order: strategist, manager, ... */
	assert_string_equal(value_at("coverage", 0, "slot"), "strategist");
	assert_string_equal(text_at("coverage", 0, "slot"), "Strategist");
	assert_string_equal(text_at("coverage", 0, "status"), "~ one holder");
	assert_string_equal(text_at("coverage", 1, "status"), "X uncovered");
	assert_string_equal(value_at("coverage", 1, "status"), "uncovered");
	assert_int_equal(report_cell_at(report_table(rep, "coverage"), 1, "status")->tone, TONE_ERROR);
	assert_string_equal(text_at("coverage", 3, "status"), "! understaffed");
	assert_string_equal(text_at("coverage", 3, "needed_fte"), "2.0");
	assert_string_equal(text_at("coverage", 3, "lead"), "A");
	assert_string_equal(text_at("coverage", 6, "status"), "- not needed");
	assert_int_equal(report_cell_at(report_table(rep, "coverage"), 6, "status")->tone, TONE_OFF);
	assert_string_equal(text_at("coverage", 0, "needed_fte"), "-");
	assert_string_equal(value_at("coverage", 0, "needed_fte"), "");

	/* the grid: labels over the columns, lead marked, status row last */
	grid = report_table(rep, "grid");
	webcare = report_column(grid, "webcare");
	assert_string_equal(grid->cols[webcare].title, "Webcare agent");
	assert_int_equal(grid->nrows, 2);
	assert_int_equal(grid->foot, 1);
	assert_string_equal(report_cell(grid, 0, webcare)->text, "50 L");
	assert_string_equal(report_cell(grid, 0, webcare)->value, "50");
	assert_true(report_cell(grid, 0, webcare)->mark);
	last = grid->nrows - 1;
	assert_string_equal(report_cell(grid, last, webcare)->text, "!");
	assert_string_equal(report_cell_at(grid, last, "manager")->text, "X");
	assert_string_equal(report_cell_at(grid, last, "advertising")->text, "-");
}

/* The row of @t with @code on @subject, failing the test when none. */
static int finding_row(const struct report_table *t, const char *code, const char *subject)
{
	int row;

	for (row = 0; row < t->nrows; row++)
		if (strcmp(report_cell_at(t, row, "code")->value, code) == 0 &&
		    strcmp(report_cell_at(t, row, "subject")->value, subject) == 0)
			return row;
	fail_msg("no %s finding on %s in table %s", code, subject, t->id);
	return -1;
}

static void findings_grouped_by_severity_with_advice(void **state)
{
	const struct report_table *errors, *warnings, *info;
	int row;

	(void)state;
	build("[team]\nname = T\n[person a]\nname = A\nwebcare = 100\nstrategist = 5 lead\n");
	errors = report_table(rep, "error");
	warnings = report_table(rep, "warning");
	info = report_table(rep, "info");
	assert_int_equal(errors->nrows, an.count[SEV_ERROR]);
	assert_int_equal(warnings->nrows, an.count[SEV_WARNING]);
	assert_int_equal(info->nrows, an.count[SEV_INFO]);
	assert_true(errors->nrows > 0 && warnings->nrows > 0);
	for (row = 0; row < errors->nrows; row++)
		assert_string_equal(report_cell_at(errors, row, "severity")->value, "error");
	row = finding_row(warnings, "over-allocated", "a");
	assert_string_equal(report_cell_at(warnings, row, "code")->text, "Over-allocated");
	assert_string_equal(report_cell_at(warnings, row, "subject")->text, "A");
	assert_true(strlen(report_cell_at(warnings, row, "advice")->text) > 10);
	/* a slot is named by its label, as the catalog has it */
	row = finding_row(errors, "uncovered", "manager");
	assert_string_equal(report_cell_at(errors, row, "subject")->text,
			    test_catalog()->slots[test_slot("manager")].label);
	/* every rule the analysis has gets a title and advice */
	for (row = 0; row < F_COUNT; row++) {
		const char *code = finding_code_name(row);

		if (strcmp(report_rule_title(code), code) == 0 || !report_rule_advice(code)[0])
			fail_msg("the report has no title or advice for '%s'", code);
	}
}

/* The team's needs: 0 for every slot but those listed. */
static const char *only_needed(const char *people, const char *needed)
{
	static char text[8192];
	const struct catalog *c = test_catalog();
	size_t len = (size_t)snprintf(text, sizeof text, "[team]\nname = T\n[needs]\n");
	int s;

	for (s = 0; s < c->nslots; s++)
		if (!strstr(needed, c->slots[s].id))
			len += (size_t)snprintf(text + len, sizeof text - len, "%s = 0\n", c->slots[s].id);
	snprintf(text + len, sizeof text - len, "%s", people);
	return text;
}

static void knockout_and_bus_factor_from_the_decide_core(void **state)
{
	const struct report_table *k;
	int row;

	(void)state;
	/* one person alone holds community: their absence uncovers it */
	build(only_needed("[person a]\nname = Ann\ncommunity = 50 lead\nwebcare = 50\n"
			  "[person b]\nname = Bob\nwebcare = 50 lead\n",
			  "community webcare"));
	k = report_table(rep, "knockout");
	assert_non_null(k);
	assert_string_equal(report_fact(rep, "bus_factor")->value, "1");
	assert_non_null(strstr(report_fact(rep, "bus_factor")->text, "Community manager"));
	assert_non_null(strstr(report_fact(rep, "bus_factor")->text, "Ann"));
	assert_int_equal(k->nrows, 1); /* Bob's absence creates no error or warning */
	assert_string_equal(report_cell_at(k, 0, "person")->text, "Ann");
	assert_string_equal(report_cell_at(k, 0, "errors")->text, "1");
	assert_string_equal(report_cell_at(k, 0, "creates")->text, "Uncovered: Community manager");
	assert_string_equal(report_cell_at(k, 0, "creates")->value, "uncovered:community");
	teardown(NULL);

	/* two holders of the one needed slot: it takes both to uncover it */
	build(only_needed("[person a]\nname = Ann\nwebcare = 50 lead\n"
			  "[person b]\nname = Bob\nwebcare = 50\n", "webcare"));
	assert_string_equal(report_fact(rep, "bus_factor")->value, "2");
	assert_int_equal(report_table(rep, "knockout")->nrows, 0);

	/* suggestions: the uncovered slot gets ranked candidates */
	k = report_table(rep, "suggestions");
	assert_non_null(k);
	for (row = 0; row < k->nrows; row++)
		assert_string_equal(report_cell_at(k, row, "slot")->value, "webcare");
}

static void suggestions_for_slots_that_need_someone(void **state)
{
	const struct report_table *t;
	int row, seen = 0;

	(void)state;
	build(only_needed("[person a]\nname = Ann\nstrengths = empathy writing\ncommunity = 50 lead\n"
			  "[person b]\nname = Bob\nwebcare = 100 lead\n", "community webcare"));
	/* nothing to act on: a note, no rows */
	assert_int_equal(report_table(rep, "suggestions")->nrows, 0);
	teardown(NULL);
	build(only_needed("[person a]\nname = Ann\nstrengths = empathy writing\ncommunity = 50 lead\n"
			  "[person b]\nname = Bob\nwebcare = 100 lead\n", "community webcare engagement"));
	t = report_table(rep, "suggestions");
	for (row = 0; row < t->nrows; row++) {
		if (strcmp(report_cell_at(t, row, "slot")->value, "engagement") != 0)
			continue;
		seen++;
		assert_string_equal(report_cell_at(t, row, "rank")->text, "1");
		/* Bob is full; Ann has the time and the strengths */
		assert_string_equal(report_cell_at(t, row, "person")->text, "Ann");
		assert_non_null(strstr(report_cell_at(t, row, "clears")->value, "uncovered:engagement"));
		assert_string_equal(report_cell_at(t, row, "creates")->text, "");
		assert_non_null(strstr(report_cell_at(t, row, "fit")->text, "Empathy"));
	}
	assert_int_equal(seen, 1); /* Bob cannot take it within the load limit */
}

static const char hostile[] =
	"[team]\n"
	"name = <script>alert(\"team\")</script> & 'Co' | *x*\n"
	"[person evil]\n"
	"name = <img src=x onerror=alert(1)> \"Q\" & Co | `t` [l](u) $x$ @c\n"
	"webcare = 50 lead\n"
	"[person formula]\n"
	"name = =HYPERLINK(\"http://example.com\",\"click\")\n"
	"content = 40\n"
	"[person ctl]\n"
	"name = \"Bell\a and ESC\033[2J, tab\tend; semi\"\n"
	"advertising = 30\n";

/* No byte below space but the line ends (and for TSV, the tabs) the
 * format allows. */
static void assert_no_controls_but(const char *out, const char *allowed)
{
	const char *p;

	for (p = out; *p; p++)
		if ((unsigned char)*p < 0x20 && !strchr(allowed, *p))
			fail_msg("raw control character 0x%02x at offset %td", *p, p - out);
	assert_null(strstr(out, "\xc2\x85")); /* NEL, a C1 control */
}

static void assert_no_controls(const char *out, bool crlf)
{
	assert_no_controls_but(out, crlf ? "\r\n" : "\n");
}

static void model_holds_no_control_characters(void **state)
{
	int t, i;

	(void)state;
	build(hostile);
	for (t = 0; t < rep->ntables; t++)
		for (i = 0; i < rep->tables[t].ncols * rep->tables[t].nrows; i++) {
			assert_no_controls(rep->tables[t].cells[i].text, false);
			assert_no_controls(rep->tables[t].cells[i].value, false);
		}
	assert_string_equal(text_at("people", 2, "person"), "Bell\\x07 and ESC\\x1b[2J, tab\\tend; semi");
}

static void html_keeps_names_as_text(void **state)
{
	static const char *const allowed[] = {
		"!DOCTYPE", "html", "head", "meta", "title", "style", "body", "header", "main",
		"h1", "h2", "h3", "p", "dl", "dt", "dd", "section", "table", "thead", "tbody",
		"tr", "th", "td", NULL,
	};
	char *out;
	const char *p;
	int styles = 0;

	(void)state;
	build(hostile);
	out = render(&writer_html);
	assert_no_controls(out, false);
	assert_non_null(strstr(out, "<meta charset=\"utf-8\">"));
	/* every tag is one of the page's own: a name opened none */
	for (p = strchr(out, '<'); p; p = strchr(p + 1, '<')) {
		size_t n = strcspn(p + 1 + (p[1] == '/'), " >");
		const char *name = p + 1 + (p[1] == '/');
		int i;

		for (i = 0; allowed[i]; i++)
			if (strlen(allowed[i]) == n && strncmp(allowed[i], name, n) == 0)
				break;
		if (!allowed[i])
			fail_msg("unexpected tag in the page: %.40s", p);
		if (strncmp(p, "<style>", 7) == 0)
			styles++;
		/* and no tag fetches or runs anything */
		n = strcspn(p, ">");
		for (i = 0; i < (int)n; i++)
			if (strncmp(p + i, "src", 3) == 0 || strncmp(p + i, "href", 4) == 0 ||
			    strncmp(p + i, " on", 3) == 0)
				fail_msg("tag with a reference or a handler: %.*s", (int)n, p);
	}
	assert_int_equal(styles, 1);
	/* every & starts an entity */
	for (p = strchr(out, '&'); p; p = strchr(p + 1, '&'))
		if (strncmp(p, "&amp;", 5) && strncmp(p, "&lt;", 4) && strncmp(p, "&gt;", 4) &&
		    strncmp(p, "&quot;", 6) && strncmp(p, "&#39;", 5))
			fail_msg("bare & in the page: %.20s", p);
	assert_non_null(strstr(out, "&lt;script&gt;alert(&quot;team&quot;)&lt;/script&gt; &amp; &#39;Co&#39;"));
	assert_non_null(strstr(out, "Bell\\x07 and ESC\\x1b[2J, tab\\tend; semi"));
	/* nothing fetched from anywhere */
	assert_null(strstr(out, "url("));
	assert_null(strstr(out, "@import"));
	assert_null(strstr(out, "@font-face"));
	free(out);
}

/* The unescaped pipes on one Markdown line. */
static int pipes(const char *line, size_t len)
{
	int n = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		if (line[i] == '\\')
			i++;
		else if (line[i] == '|')
			n++;
	}
	return n;
}

static void markdown_escapes_markup(void **state)
{
	char *out;
	const char *line, *p;
	int header = 0, tables = 0;

	(void)state;
	build(hostile);
	out = render(&writer_md);
	assert_no_controls(out, false);
	/* no < or & that a Markdown reader would take as HTML or an entity */
	for (p = out; (p = strpbrk(p, "<&")); p++)
		if (p == out || p[-1] != '\\')
			fail_msg("unescaped %c in Markdown: %.30s", *p, p);
	/* every row of a table has the columns of its header */
	for (line = out; *line; line = p + 1) {
		size_t len;

		p = strchr(line, '\n');
		assert_non_null(p);
		len = (size_t)(p - line);
		if (len == 0 || line[0] != '|') {
			header = 0;
		} else if (!header) {
			header = pipes(line, len);
			tables++;
		} else if (pipes(line, len) != header) {
			fail_msg("table row of %d pipes under a header of %d: %.*s",
				 pipes(line, len), header, (int)len, line);
		}
	}
	/* one pipe table for each table of the model that has rows */
	for (header = 0, p = NULL; header < rep->ntables; header++)
		tables -= rep->tables[header].ncols && rep->tables[header].nrows;
	assert_int_equal(tables, 0);
	assert_non_null(strstr(out, "\\<img src=x onerror=alert(1)\\> \"Q\" \\& Co \\| \\`t\\` \\[l\\](u) \\$x\\$ \\@c"));
	free(out);
}

/* Parse one RFC 4180 record at *@p into @fields (malloc'd strings);
 * returns the number of fields, or -1 on a malformed record. */
static int csv_record(const char **p, char **fields, int max)
{
	const char *s = *p;
	int n = 0;

	for (;;) {
		char *f = malloc(strlen(s) + 1);
		size_t len = 0;

		assert_non_null(f);
		if (*s == '"') {
			for (s++;; s++) {
				if (!*s) {
					free(f);
					return -1;
				}
				if (*s == '"' && s[1] == '"')
					f[len++] = *s++;
				else if (*s == '"')
					break;
				else
					f[len++] = *s;
			}
			s++;
		} else {
			while (*s && *s != ',' && *s != '\r' && *s != '\n' && *s != '"')
				f[len++] = *s++;
			if (*s == '"') {
				free(f);
				return -1;
			}
		}
		f[len] = '\0';
		if (n == max) {
			free(f);
			return -1;
		}
		fields[n++] = f;
		if (*s == ',') {
			s++;
			continue;
		}
		if (s[0] != '\r' || s[1] != '\n')
			return -1;
		*p = s + 2;
		return n;
	}
}

static void csv_is_rfc4180_and_safe_in_a_spreadsheet(void **state)
{
	char *out, *fields[64];
	const char *p;
	int width = -1, records = 0, n, i;

	(void)state;
	build(hostile);
	out = render(&writer_csv);
	assert_no_controls(out, true);
	for (p = out; *p; records++) {
		n = csv_record(&p, fields, 64);
		assert_true(n > 0);
		if (width < 0) {
			width = n;
			assert_string_equal(fields[0], "slot");
			assert_string_equal(fields[8], "<img src=x onerror=alert(1)> \"Q\" & Co | `t` [l](u) $x$ @c");
			/* a formula start is defused, the name kept after it */
			assert_string_equal(fields[9], "'=HYPERLINK(\"http://example.com\",\"click\")");
			assert_string_equal(fields[10], "Bell\\x07 and ESC\\x1b[2J, tab\\tend; semi");
		}
		assert_int_equal(n, width);
		if (records && strcmp(fields[0], "webcare") == 0) {
			assert_string_equal(fields[3], "1");
			assert_string_equal(fields[7], "<img src=x onerror=alert(1)> \"Q\" & Co | `t` [l](u) $x$ @c");
			assert_string_equal(fields[8], "50");
		}
		for (i = 0; i < n; i++)
			free(fields[i]);
	}
	assert_int_equal(records, 1 + plan->cat->nslots);
	free(out);
}

static void tsv_and_text_stay_in_their_columns(void **state)
{
	char *out;
	const char *line;

	(void)state;
	build(hostile);
	out = render(&writer_tsv);
	assert_no_controls_but(out, "\t\n");
	for (line = out; *line; line = strchr(line, '\n') + 1) {
		int tabs = 0;
		const char *q;

		for (q = line; *q != '\n'; q++)
			tabs += *q == '\t';
		assert_int_equal(tabs, 4);
	}
	free(out);
	out = render(&writer_text);
	assert_no_controls(out, false);
	free(out);
}

static void same_plan_same_bytes_and_no_date_unless_asked(void **state)
{
	const struct report_writer *const writers[] = { &writer_md, &writer_html, &writer_csv };
	size_t i;

	(void)state;
	build(hostile);
	for (i = 0; i < sizeof writers / sizeof writers[0]; i++) {
		char *a = render(writers[i]), *b;
		struct report *again = report_build(&an, "team.ini", NULL), *first = rep;

		rep = again;
		b = render(writers[i]);
		rep = first;
		report_free(again);
		assert_string_equal(a, b);
		assert_null(strstr(a, "Date"));
		free(a);
		free(b);
	}
	report_free(rep);
	rep = report_build(&an, "team.ini", "2026-12-01");
	assert_non_null(rep);
	assert_string_equal(report_fact(rep, "date")->text, "2026-12-01");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(hours_over_follow_fte_and_allowed_load, teardown),
		cmocka_unit_test(load_bars_show_allowed_and_over),
		cmocka_unit_test_teardown(strengths_shown_only_when_given, teardown),
		cmocka_unit_test_teardown(coverage_reads_without_colour, teardown),
		cmocka_unit_test_teardown(findings_grouped_by_severity_with_advice, teardown),
		cmocka_unit_test_teardown(knockout_and_bus_factor_from_the_decide_core, teardown),
		cmocka_unit_test_teardown(suggestions_for_slots_that_need_someone, teardown),
		cmocka_unit_test_teardown(model_holds_no_control_characters, teardown),
		cmocka_unit_test_teardown(html_keeps_names_as_text, teardown),
		cmocka_unit_test_teardown(markdown_escapes_markup, teardown),
		cmocka_unit_test_teardown(csv_is_rfc4180_and_safe_in_a_spreadsheet, teardown),
		cmocka_unit_test_teardown(tsv_and_text_stay_in_their_columns, teardown),
		cmocka_unit_test_teardown(same_plan_same_bytes_and_no_date_unless_asked, teardown),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests_name("report", tests, NULL, NULL);
}
