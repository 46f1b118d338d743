/* report_html.c - the board report as one self-contained HTML page: one
 * <style>, no script, no font, no image, nothing fetched. It prints on A4
 * landscape with table headers repeated on every page and no row split
 * over two. Every text goes through html_text, so nothing from the team
 * file is read as markup. Colour always comes with a symbol or a word, so
 * the page reads the same in black and white. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "writer.h"
#include "i18n.h"

static const char style[] =
	"@page { size: A4 landscape; margin: 12mm; }\n"
	"* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"html { background: #fff; color: #111; }\n"
	"body { font: 9.5pt/1.35 \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif;"
	" max-width: 273mm; margin: 0 auto; padding: 0; }\n"
	"h1 { font-size: 17pt; margin: 0 0 4pt; overflow-wrap: anywhere; }\n"
	"h2 { font-size: 12.5pt; margin: 14pt 0 3pt; break-after: avoid; }\n"
	"h3 { font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; }\n"
	"p.note { margin: 0 0 5pt; color: #333; max-width: 60em; break-after: avoid; break-inside: avoid; }\n"
	"dl.facts { display: grid; grid-template-columns: max-content auto; gap: 1pt 10pt;"
	" margin: 0 0 6pt; }\n"
	"dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; overflow-wrap: anywhere; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 0 0 4pt; }\n"
	"table.people, table.coverage { width: auto; min-width: 50%; }\n"
	"tr.foot td { border-top: 1.5pt solid #444; font-weight: bold; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	"section#grid { break-inside: avoid; }\n"
	"th, td { border: 0.6pt solid #888; padding: 1.5pt 4pt; text-align: left;"
	" vertical-align: top; overflow-wrap: anywhere; }\n"
	"th { background: #e8e8e8; font-weight: bold; overflow-wrap: normal; }\n"
	"th.group { background: #f4f4f4; font-style: italic; }\n"
	".num { text-align: right; font-variant-numeric: tabular-nums; }\n"
	"td.num { white-space: nowrap; }\n"
	"tbody td:first-child { min-width: 10em; }\n"
	".bar { font-family: \"DejaVu Sans Mono\", \"Liberation Mono\", monospace; white-space: nowrap;"
	" letter-spacing: -0.5pt; }\n"
	"table.grid { table-layout: fixed; }\n"
	"table.grid td, table.grid th { text-align: center; padding: 1.5pt 1pt; font-size: 8.5pt; }\n"
	"table.grid td:first-child, table.grid th:first-child { text-align: left; width: 19%;"
	" padding-left: 4pt; }\n"
	"table.grid thead th.slot { writing-mode: vertical-rl; transform: rotate(180deg);"
	" text-align: left; vertical-align: bottom; padding: 3pt 1pt; font-weight: normal;"
	" max-height: 38mm; overflow-wrap: normal; }\n"
	"td.lead { font-weight: bold; }\n"
	".t-error { background: #f2a39b; } .t-warning { background: #fcd88c; }\n"
	".t-thin { background: #fff1b8; } .t-ok { background: #cfe9c9; }\n"
	".t-off { background: #eeeeee; color: #555; }\n";

static void html_text(FILE *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		default: fputc(*s, out);
		}
	}
}

static const char *tone_class(enum report_tone tone)
{
	static const char *const names[] = {
		[TONE_NONE] = NULL, [TONE_ERROR] = "t-error", [TONE_WARNING] = "t-warning",
		[TONE_THIN] = "t-thin", [TONE_OK] = "t-ok", [TONE_OFF] = "t-off",
	};

	return names[tone];
}

/* The column groups over the header, when the table has them. */
static void html_column_groups(FILE *out, const struct report_table *t)
{
	int col = 0;

	if (!t->ngroups)
		return;
	fputs("<tr>", out);
	while (col < t->ncols) {
		int group = t->cols[col].group, span = 0;

		while (col + span < t->ncols && t->cols[col + span].group == group &&
		       !t->cols[col + span].hidden)
			span++;
		if (span == 0) {
			col++;
			continue;
		}
		if (group < 0)
			fprintf(out, "<th colspan=\"%d\"></th>", span);
		else {
			fprintf(out, "<th colspan=\"%d\" class=\"group\" scope=\"colgroup\">", span);
			html_text(out, t->groups[group]);
			fputs("</th>", out);
		}
		col += span;
	}
	fputs("</tr>\n", out);
}

static int visible_cols(const struct report_table *t)
{
	int col, n = 0;

	for (col = 0; col < t->ncols; col++)
		n += !t->cols[col].hidden;
	return n;
}

static void html_table(FILE *out, const struct report_table *t)
{
	bool grid = strcmp(t->id, "grid") == 0;
	bool col_groups = false;
	int row, col, group = -1;

	fprintf(out, "<section id=\"%s\">\n<h%d>", t->id, t->level);
	html_text(out, t->title);
	fprintf(out, "</h%d>\n", t->level);
	if (t->note[0]) {
		fputs("<p class=\"note\">", out);
		html_text(out, t->note);
		fputs("</p>\n", out);
	}
	if (!t->ncols || !t->nrows) {
		fputs("</section>\n", out);
		return;
	}
	for (col = 0; col < t->ncols; col++)
		col_groups |= t->cols[col].group >= 0;
	fprintf(out, "<table class=\"%s\">\n<thead>\n", grid ? "grid" : t->id);
	if (col_groups)
		html_column_groups(out, t);
	fputs("<tr>", out);
	for (col = 0; col < t->ncols; col++) {
		if (t->cols[col].hidden)
			continue;
		fprintf(out, "<th scope=\"col\"%s>",
			grid && col > 0 ? " class=\"slot\""
			: t->cols[col].align == ALIGN_RIGHT ? " class=\"num\"" : "");
		html_text(out, t->cols[col].title);
		fputs("</th>", out);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", out);
	for (row = 0; row < t->nrows; row++) {
		if (t->row_group[row] != group && (group = t->row_group[row]) >= 0) {
			fprintf(out, "<tr><th colspan=\"%d\" class=\"group\" scope=\"rowgroup\">",
				visible_cols(t));
			html_text(out, t->groups[group]);
			fputs("</th></tr>\n", out);
		}
		fputs(row >= t->nrows - t->foot ? "<tr class=\"foot\">" : "<tr>", out);
		for (col = 0; col < t->ncols; col++) {
			const struct report_cell *c = report_cell(t, row, col);
			const char *tone = tone_class(c->tone);
			bool bar = strcmp(t->cols[col].key, "load_bar") == 0;

			if (t->cols[col].hidden)
				continue;
			fputs("<td", out);
			if (tone || c->mark || bar || t->cols[col].align == ALIGN_RIGHT)
				fprintf(out, " class=\"%s%s%s%s\"",
					t->cols[col].align == ALIGN_RIGHT && !grid ? "num " : "",
					bar ? "bar " : "", c->mark ? "lead " : "", tone ? tone : "");
			fputc('>', out);
			html_text(out, c->text);
			fputs("</td>", out);
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n</section>\n", out);
}

static int write_html(const struct report *r, const struct writer_options *o, FILE *out)
{
	int i;

	(void)o;
	/* TRANSLATORS: the language code of the HTML report: "nl" in Dutch */
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<title>", _("en"));
	html_text(out, r->title);
	fputs(_(" \u2014 team report"), out);
	fputs("</title>\n<style>\n", out);
	fputs(style, out);
	fputs("</style>\n</head>\n<body>\n<header>\n<h1>", out);
	html_text(out, r->title);
	fputs("</h1>\n<dl class=\"facts\">\n", out);
	for (i = 0; i < r->nfacts; i++) {
		if (strcmp(r->facts[i].key, "team") == 0)
			continue;
		fputs("<dt>", out);
		html_text(out, r->facts[i].title);
		fputs("</dt><dd>", out);
		html_text(out, r->facts[i].text);
		fputs("</dd>\n", out);
	}
	fputs("</dl>\n</header>\n<main>\n", out);
	for (i = 0; i < r->ntables; i++) {
		const struct report_table *t = &r->tables[i];

		if (t->ncols && !t->nrows && t->level > 2)
			continue;
		html_table(out, t);
	}
	fputs("</main>\n</body>\n</html>\n", out);
	return ferror(out) ? -1 : 0;
}

const struct report_writer writer_html = { "html", write_html };
