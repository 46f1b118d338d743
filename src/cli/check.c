/* check.c - `schaap check`: the analysis as text for people or TSV for
 * scripts. Every string from a file passes through text_escape or
 * text_fit, so no control character reaches the output. */
#define _GNU_SOURCE
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "catalogfile.h"
#include "i18n.h"
#include "teamfile.h"
#include "text.h"

#define WIDTH 80

static const char *const sev_colour[SEV_COUNT] = { "\033[1;31m", "\033[33m", "\033[36m" };

static void colour_on(FILE *out, bool colour, const char *code)
{
	if (colour)
		fputs(code, out);
}

static void colour_off(FILE *out, bool colour)
{
	if (colour)
		fputs("\033[0m", out);
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

/* Print @text (already escaped) wrapped at WIDTH, continuation lines
 * indented by @indent; the first line starts at column @col. */
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

static void print_text(const struct analysis *a, const char *file, bool colour, FILE *out)
{
	const struct plan *p = a->plan;
	const struct catalog *c = p->cat;
	char buf[2048], esc[4096], name[128], num[32], need[32];
	long total_fte = 0;
	int i, s, sev;

	for (i = 0; i < p->npeople; i++)
		total_fte += p->people[i]->fte;
	text_fit(p->name[0] ? p->name : _("(unnamed team)"), 50, false, name, sizeof name);
	text_escape(file, esc, sizeof esc);
	colour_on(out, colour, "\033[1m");
	fprintf(out, "%s", name);
	colour_off(out, colour);
	fprintf(out, "  (%s)\n", esc);
	text_format_shown(total_fte, FTE_DECIMALS, num, sizeof num);
	fprintf(out, P_("%d person, %s FTE", "%d people, %s FTE", p->npeople), p->npeople, num);
	fputs("; ", out);
	fprintf(out, P_("%d error", "%d errors", a->count[SEV_ERROR]), a->count[SEV_ERROR]);
	fputs(", ", out);
	fprintf(out, P_("%d warning", "%d warnings", a->count[SEV_WARNING]), a->count[SEV_WARNING]);
	fputs(", ", out);
	fprintf(out, _("%d info"), a->count[SEV_INFO]);
	fputs("\n\n", out);

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
	for (s = 0; s < c->nslots; s++) {
		const struct slot_result *r = &a->slots[s];
		enum severity sv;
		const char *status = analysis_slot_status(a, s, &sv);

		if (s == 0 || s == c->nroles)
			fprintf(out, "%s\n", s == 0 ? _("roles") : _("tasks"));
		text_format_shown(r->staffed, 4, num, sizeof num);
		if (r->need == NEED_UNSET)
			snprintf(need, sizeof need, "-");
		else
			text_format_shown(r->need, FTE_DECIMALS, need, sizeof need);
		text_fit(catalog_slot_label(c, s), 25, true, name, sizeof name);
		fprintf(out, "  %s %7d %8s %7s  ", name, r->holders, num, need);
		if (sv != SEV_COUNT)
			colour_on(out, colour, sev_colour[sv]);
		fprintf(out, "%s", status);
		if (sv != SEV_COUNT)
			colour_off(out, colour);
		fputc('\n', out);
	}

	if (p->npeople) {
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
		for (i = 0; i < p->npeople; i++) {
			const struct person *person = p->people[i];
			const struct person_result *pr = &a->people[i];
			size_t len;

			text_fit(person->name, 22, true, name, sizeof name);
			text_format_shown(person->fte, FTE_DECIMALS, num, sizeof num);
			len = catalog_legs_text(c, pr->legs, false, " ", buf, sizeof buf);
			fprintf(out, "%s%s %4s ", name, person->external ? " e" : "  ", num);
			if (pr->over)
				colour_on(out, colour, sev_colour[SEV_WARNING]);
			fprintf(out, "%4d%%", pr->load);
			if (pr->over)
				colour_off(out, colour);
			fprintf(out, "  %d", pr->nlegs);
			if (pr->sheep) {
				colour_on(out, colour, sev_colour[SEV_WARNING]);
				/* TRANSLATORS: after the number of legs of a
				   five-legged sheep; exactly 5 columns */
				fprintf(out, " %s", _("SHEEP"));
				colour_off(out, colour);
			}
			/* the legs, wrapped under themselves to stay within 80 columns */
			if (len) {
				fputc(' ', out);
				cli_wrap(out, buf, 39 + (pr->sheep ? 6 : 0) + (pr->nlegs > 9), 39);
			} else {
				fputc('\n', out);
			}
		}
	}

	for (sev = 0; sev < SEV_COUNT; sev++) {
		static const char *const heads[SEV_COUNT] = { N_("Errors"), N_("Warnings"), N_("Info") };

		if (!a->count[sev])
			continue;
		fputc('\n', out);
		colour_on(out, colour, sev_colour[sev]);
		fprintf(out, "%s (%d)", _(heads[sev]), a->count[sev]);
		colour_off(out, colour);
		fputc('\n', out);
		for (i = 0; i < a->nfindings; i++) {
			const struct finding *f = &a->findings[i];

			if ((int)finding_severity(f->code) != sev)
				continue;
			finding_message(a, f, buf, sizeof buf);
			text_escape(buf, esc, sizeof esc);
			fprintf(out, "  %-18s ", finding_code_name(f->code));
			cli_wrap(out, esc, 21, 21);
		}
	}
	if (a->nfindings == 0)
		fprintf(out, "\n%s\n", _("No findings."));
}

static void print_tsv(const struct analysis *a, const char *file, FILE *out)
{
	char buf[2048], esc[4096], fesc[2048];
	int i;

	text_escape(file, fesc, sizeof fesc);
	for (i = 0; i < a->nfindings; i++) {
		const struct finding *f = &a->findings[i];

		finding_message(a, f, buf, sizeof buf);
		text_escape(buf, esc, sizeof esc);
		fprintf(out, "%s\t%s\t%s\t%s\t%s\n", fesc, severity_name(finding_severity(f->code)),
			finding_code_name(f->code), finding_subject_id(a, f), esc);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int check_run(const struct catalog *cat, char **files, int nfiles,
	      enum check_format format, bool colour, FILE *out, FILE *errout)
{
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
		struct plan *p;

		error_clear(&err);
		p = teamfile_load(sorted[i], cat, &err);
		if (!p) {
			fflush(out);
			error_print(&err, errout);
			status = 2;
			continue;
		}
		if (analysis_run(&a, p) < 0) {
			char shown[1024];

			text_escape(sorted[i], shown, sizeof shown);
			fprintf(errout, "schaap: %s: %s\n", shown, _("out of memory"));
			status = 2;
			plan_free(p);
			continue;
		}
		if (format == FORMAT_TSV)
			print_tsv(&a, sorted[i], out);
		else {
			if (i > 0)
				fprintf(out, "\n");
			print_text(&a, sorted[i], colour, out);
		}
		if (status == 0 && (a.count[SEV_ERROR] || a.count[SEV_WARNING]))
			status = 1;
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
