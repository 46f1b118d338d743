/* report_csv.c - the grid and the per-slot figures as RFC 4180 CSV: one
 * header line, then one record a slot with its figures and each person's
 * share, CRLF line ends, UTF-8, point decimals. A field is quoted when it
 * holds a comma, a quote, a line end or space at an end. Text from the
 * team file that a spreadsheet would take for a formula (= + - @ at the
 * start) gets a leading apostrophe, so opening the file runs nothing. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "writer.h"

static void csv_field(FILE *out, const char *s, bool text, bool first)
{
	size_t len = strlen(s);
	bool formula = text && len && strchr("=+-@", s[0]);
	bool quote = formula || strpbrk(s, ",\"\r\n") ||
		     (len && (s[0] == ' ' || s[len - 1] == ' '));

	if (!first)
		fputc(',', out);
	if (quote)
		fputc('"', out);
	if (formula)
		fputc('\'', out);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', out);
		fputc(*s, out);
	}
	if (quote)
		fputc('"', out);
}

static int write_csv(const struct report *r, const struct writer_options *o, FILE *out)
{
	/* the per-slot figures: header, column of the coverage table, and
	 * whether the field is the text for people (else the value) */
	static const struct {
		const char *head, *key;
		bool text;
	} figures[] = {
		{ "slot", "slot", false }, { "label", "slot", true }, { "group", "group", false },
		{ "holders", "holders", false }, { "staffed_fte", "staffed_fte", false },
		{ "needed_fte", "needed_fte", false }, { "status", "status", false },
		{ "lead", "lead", true },
	};
	const struct report_table *cov = report_table(r, "coverage");
	const struct report_table *grid = report_table(r, "grid");
	int nfig = (int)(sizeof figures / sizeof figures[0]), row, i;
	int npeople = grid->nrows - grid->foot;

	(void)o;
	for (i = 0; i < nfig; i++)
		csv_field(out, figures[i].head, false, i == 0);
	for (i = 0; i < npeople; i++)
		csv_field(out, report_cell(grid, i, 0)->text, true, false);
	fputs("\r\n", out);
	for (row = 0; row < cov->nrows; row++) {
		int col = report_column(grid, report_cell_at(cov, row, "slot")->value);

		for (i = 0; i < nfig; i++) {
			const struct report_cell *c = report_cell_at(cov, row, figures[i].key);

			csv_field(out, figures[i].text ? c->text : c->value, figures[i].text, i == 0);
		}
		for (i = 0; i < npeople; i++)
			csv_field(out, col < 0 ? "" : report_cell(grid, i, col)->value, false, false);
		fputs("\r\n", out);
	}
	return ferror(out) ? -1 : 0;
}

const struct report_writer writer_csv = { "csv", write_csv };
