/* report_md.c - the board report in Markdown: a title, a list of facts
 * and pipe tables, numbers right-aligned, written so that pandoc and
 * CommonMark readers turn it into the same tables. Every character that
 * Markdown (or pandoc's extensions) could read as markup or raw HTML is
 * backslash-escaped, so a name like "<script>" stays text. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "writer.h"

static void md_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s && strchr("\\`*_{}[]<>#|~^$@&", *s))
			fputc('\\', out);
		fputc(*s, out);
	}
}

static void md_heading(FILE *out, int level, const char *title)
{
	fprintf(out, "%.*s ", level, "######");
	md_text(out, title);
	fputs("\n\n", out);
}

static int visible(const struct report_table *t, int col)
{
	return !t->cols[col].hidden;
}

static void md_row_group(FILE *out, const struct report_table *t, int group)
{
	int col, first = 1;

	for (col = 0; col < t->ncols; col++) {
		if (!visible(t, col))
			continue;
		fputs("| ", out);
		if (first) {
			fputs("**", out);
			md_text(out, t->groups[group]);
			fputs("** ", out);
			first = 0;
		}
	}
	fputs("|\n", out);
}

static void md_table(FILE *out, const struct report_table *t)
{
	int row, col, group = -1;

	md_heading(out, t->level, t->title);
	if (t->note[0]) {
		md_text(out, t->note);
		fputs("\n\n", out);
	}
	if (!t->ncols || !t->nrows)
		return;
	for (col = 0; col < t->ncols; col++) {
		if (!visible(t, col))
			continue;
		fputs("| ", out);
		md_text(out, t->cols[col].title);
		fputc(' ', out);
	}
	fputs("|\n", out);
	for (col = 0; col < t->ncols; col++)
		if (visible(t, col))
			fputs(t->cols[col].align == ALIGN_RIGHT ? "|---:" : "|:---", out);
	fputs("|\n", out);
	for (row = 0; row < t->nrows; row++) {
		if (t->row_group[row] != group && (group = t->row_group[row]) >= 0)
			md_row_group(out, t, group);
		for (col = 0; col < t->ncols; col++) {
			const struct report_cell *c = report_cell(t, row, col);

			if (!visible(t, col))
				continue;
			bool strong = c->mark || (col == 0 && row >= t->nrows - t->foot);

			fputs("| ", out);
			if (strong && c->text[0])
				fputs("**", out);
			md_text(out, c->text);
			if (strong && c->text[0])
				fputs("**", out);
			fputc(' ', out);
		}
		fputs("|\n", out);
	}
	fputc('\n', out);
}

static int write_md(const struct report *r, const struct writer_options *o, FILE *out)
{
	int i;

	(void)o;
	md_heading(out, 1, r->title);
	for (i = 0; i < r->nfacts; i++) {
		if (strcmp(r->facts[i].key, "team") == 0)
			continue;
		fputs("- ", out);
		md_text(out, r->facts[i].title);
		fputs(": ", out);
		md_text(out, r->facts[i].text);
		fputc('\n', out);
	}
	fputc('\n', out);
	for (i = 0; i < r->ntables; i++) {
		const struct report_table *t = &r->tables[i];

		/* a findings table with nothing in it says nothing */
		if (t->ncols && !t->nrows && t->level > 2)
			continue;
		md_table(out, t);
	}
	return ferror(out) ? -1 : 0;
}

const struct report_writer writer_md = { "md", write_md };
