/* check.c - `schaap check`: the analysis as text for people or TSV for
 * scripts, both written from the report model. The model holds no control
 * character; text_fit and text_escape keep it so. */
#define _GNU_SOURCE
#include "cli.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "catalogfile.h"
#include "i18n.h"
#include "report.h"
#include "teamfile.h"
#include "text.h"
#include "writer.h"

#define WIDTH 80

static const char *const sev_colour[SEV_COUNT] = { "\033[1;31m", "\033[33m", "\033[36m" };

/* Print @s, in the colour of severity @sev when there is one. */
static void coloured(FILE *out, bool colour, int sev, const char *s)
{
	if (colour && sev >= 0 && sev < SEV_COUNT)
		fprintf(out, "%s%s\033[0m", sev_colour[sev], s);
	else
		fputs(s, out);
}

/* Print @text wrapped at WIDTH, continuation lines indented by @indent;
 * the first line starts at column @col. Shared with the decisions. */
void cli_wrap(FILE *out, const char *text, int col, int indent)
{
	const char *p = text;

	while (*p) {
		size_t bytes = text_break(p, WIDTH - col);

		fprintf(out, "%.*s\n", (int)bytes, p);
		p += bytes;
		while (*p == ' ')
			p++;
		if (*p)
			fprintf(out, "%*s", indent, "");
		col = indent;
	}
}

/* @text in @cols columns, padded on the left when @right, else on the
 * right; never cut. */
static void column(FILE *out, const char *text, int cols, bool right)
{
	int pad = cols - text_width(text);

	if (right && pad > 0)
		fprintf(out, "%*s", pad, "");
	fputs(text, out);
	if (!right && pad > 0)
		fprintf(out, "%*s", pad, "");
}

static void text_slots(const struct report_table *t, bool colour, FILE *out)
{
	char label[128], esc[1024], piece[512];
	const char *rest;
	size_t bytes;
	int row, group = -1;

	/* TRANSLATORS: a column header of check; at most 27 columns */
	column(out, _("SLOT"), 27, false);
	fputc(' ', out);
	/* TRANSLATORS: a column header of check; at most 7 columns */
	column(out, _("HOLDERS"), 7, true);
	fputc(' ', out);
	/* TRANSLATORS: a column header of check; at most 8 columns */
	column(out, _("STAFFED"), 8, true);
	fputc(' ', out);
	/* TRANSLATORS: a column header of check; at most 7 columns */
	column(out, _("NEEDED"), 7, true);
	/* TRANSLATORS: a column header of check; at most 16 columns */
	fprintf(out, "  %s\n", _("STATUS"));
	for (row = 0; row < t->nrows; row++) {
		const struct report_cell *status = report_cell_at(t, row, "status");

		if (t->row_group[row] != group && (group = t->row_group[row]) >= 0) {
			const char *g = t->groups[group];

			fprintf(out, "%c%s\n", tolower((unsigned char)g[0]), g + 1);
		}
		/* a label too long for its column goes on under itself, never
		   cut: two long labels may start alike */
		text_escape(report_cell_at(t, row, "slot")->text, esc, sizeof esc);
		rest = esc;
		bytes = text_break(rest, 25);
		snprintf(piece, sizeof piece, "%.*s", (int)bytes, rest);
		text_fit(piece, 25, true, label, sizeof label);
		fprintf(out, "  %s %7s %8s %7s  ", label,
			report_cell_at(t, row, "holders")->text,
			report_cell_at(t, row, "staffed_fte")->text,
			report_cell_at(t, row, "needed_fte")->text);
		coloured(out, colour, status->severity, status->text);
		fputc('\n', out);
		for (rest += bytes; *rest == ' '; rest++)
			;
		while (*rest) {
			bytes = text_break(rest, 25);
			fprintf(out, "    %.*s\n", (int)bytes, rest);
			for (rest += bytes; *rest == ' '; rest++)
				;
		}
	}
}

static void text_people(const struct report_table *t, bool colour, FILE *out)
{
	char name[128];
	int row;

	if (!t->nrows)
		return;
	fputc('\n', out);
	/* TRANSLATORS: a column header of check; at most 24 columns */
	column(out, _("PERSON"), 24, false);
	fputc(' ', out);
	/* TRANSLATORS: a column header of check; at most 4 columns */
	column(out, _("FTE"), 4, true);
	fputc(' ', out);
	/* TRANSLATORS: a column header of check; at most 5 columns */
	column(out, _("LOAD"), 5, true);
	/* TRANSLATORS: a column header of check */
	fprintf(out, "  %s\n", _("LEGS"));
	for (row = 0; row < t->nrows; row++) {
		const struct report_cell *load = report_cell_at(t, row, "load");
		const struct report_cell *legs = report_cell_at(t, row, "legs");
		const char *names = report_cell_at(t, row, "leg_names")->value;
		bool sheep = legs->severity >= 0;

		text_fit(report_cell_at(t, row, "person")->text, 22, true, name, sizeof name);
		fprintf(out, "%s%s %4s ", name,
			strcmp(report_cell_at(t, row, "external")->value, "yes") == 0 ? " e" : "  ",
			report_cell_at(t, row, "fte")->text);
		fprintf(out, "%*s", strlen(load->text) < 5 ? 5 - (int)strlen(load->text) : 0, "");
		coloured(out, colour, load->severity, load->text);
		fprintf(out, "  %s", legs->value);
		if (sheep)
			/* TRANSLATORS: after the number of legs of a five-legged
			   sheep; at most 8 columns */
			coloured(out, colour, SEV_WARNING, _(" SHEEP"));
		/* the legs, wrapped under themselves to stay within 80 columns */
		if (names[0]) {
			fputc(' ', out);
			cli_wrap(out, names, 38 + (int)strlen(legs->value) + (sheep ? text_width(_(" SHEEP")) : 0),
				 39);
		} else {
			fputc('\n', out);
		}
	}
}

static int write_text(const struct report *r, const struct writer_options *o, FILE *out)
{
	const struct report_fact *file = report_fact(r, "file");
	char name[128];
	int sev, row;

	text_fit(r->title, 50, false, name, sizeof name);
	if (o->colour)
		fprintf(out, "\033[1m%s\033[0m", name);
	else
		fputs(name, out);
	fprintf(out, "  (%s)\n", file ? file->value : "");
	fprintf(out, P_("%d person, %s FTE", "%d people, %s FTE", r->npeople), r->npeople,
		report_fact(r, "fte")->text);
	fprintf(out, "; %s\n\n", report_fact(r, "findings")->text);
	text_slots(report_table(r, "coverage"), o->colour, out);
	text_people(report_table(r, "people"), o->colour, out);
	for (sev = 0; sev < SEV_COUNT; sev++) {
		const struct report_table *t = report_table(r, severity_name(sev));

		if (!t || !t->nrows)
			continue;
		fputc('\n', out);
		coloured(out, o->colour, sev, t->title);
		fputc('\n', out);
		for (row = 0; row < t->nrows; row++) {
			fprintf(out, "  %-18s ", report_cell_at(t, row, "code")->value);
			cli_wrap(out, report_cell_at(t, row, "message")->text, 21, 21);
		}
	}
	if (r->count[SEV_ERROR] + r->count[SEV_WARNING] + r->count[SEV_INFO] == 0)
		fprintf(out, "\n%s\n", _("No findings."));
	return ferror(out) ? -1 : 0;
}

static int write_tsv(const struct report *r, const struct writer_options *o, FILE *out)
{
	const char *file = report_fact(r, "file")->value;
	int sev, row;

	(void)o;
	for (sev = 0; sev < SEV_COUNT; sev++) {
		const struct report_table *t = report_table(r, severity_name(sev));

		for (row = 0; t && row < t->nrows; row++)
			fprintf(out, "%s\t%s\t%s\t%s\t%s\n", file,
				report_cell_at(t, row, "severity")->value,
				report_cell_at(t, row, "code")->value,
				report_cell_at(t, row, "subject")->value,
				report_cell_at(t, row, "message")->value);
	}
	return ferror(out) ? -1 : 0;
}

const struct report_writer writer_text = { "text", write_text };
const struct report_writer writer_tsv = { "tsv", write_tsv };

const struct report_writer *writer_find(const struct report_writer *const *table,
					const char *name)
{
	for (; *table; table++)
		if (strcmp((*table)->name, name) == 0)
			return *table;
	return NULL;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int check_run(const struct catalog *cat, char **files, int nfiles,
	      enum check_format format, bool colour, FILE *out, FILE *errout)
{
	const struct report_writer *writer = format == FORMAT_TSV ? &writer_tsv : &writer_text;
	const struct writer_options opts = { colour };
	struct analysis a;
	char **sorted = malloc((size_t)(nfiles ? nfiles : 1) * sizeof *sorted);
	int status = 0, i;

	if (!sorted) {
		fprintf(errout, "schaap: %s\n", _("out of memory"));
		return 2;
	}
	memcpy(sorted, files, (size_t)nfiles * sizeof *sorted);
	if (format == FORMAT_TSV)
		qsort(sorted, (size_t)nfiles, sizeof *sorted, by_name);
	analysis_init(&a);
	for (i = 0; i < nfiles; i++) {
		struct error err;
		struct report *r = NULL;
		struct plan *p;

		error_clear(&err);
		p = teamfile_load(sorted[i], cat, &err);
		if (!p) {
			fflush(out);
			error_print(&err, errout);
			status = 2;
			continue;
		}
		if (analysis_run(&a, p) < 0 || !(r = report_build(&a, sorted[i], NULL))) {
			char shown[1024];

			text_escape(sorted[i], shown, sizeof shown);
			fprintf(errout, "schaap: %s: %s\n", shown, _("out of memory"));
			status = 2;
			plan_free(p);
			continue;
		}
		if (format != FORMAT_TSV && i > 0)
			fprintf(out, "\n");
		writer->write(r, &opts, out);
		if (status == 0 && (a.count[SEV_ERROR] || a.count[SEV_WARNING]))
			status = 1;
		report_free(r);
		plan_free(p);
	}
	analysis_release(&a);
	free(sorted);
	if (fflush(out) != 0 && status < 2) {
		fprintf(errout, "schaap: %s\n", _("cannot write the output"));
		status = 2;
	}
	return status;
}
