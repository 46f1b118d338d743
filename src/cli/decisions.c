/* decisions.c - whatif, suggest and diff on the command line. All of the
 * reasoning is in the core (decide.h); this file loads, formats and picks
 * the exit status. Every string from a file passes through text_escape. */
#define _GNU_SOURCE
#include "decisions.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis.h"
#include "decide.h"
#include "teamfile.h"
#include "text.h"
#include "i18n.h"

/* TRANSLATORS: stands for a file name when diff reads standard input */
#define STDIN_NAME _("(standard input)")

struct plan *cli_load(const char *path, const struct catalog *cat, struct error *err)
{
	struct plan *p;
	char *buf = NULL, *grown;
	size_t len = 0, cap = 0, got;

	/* git hands /dev/null for the side of a file that does not exist */
	if (strcmp(path, "/dev/null") == 0)
		return teamfile_load_buffer("", 0, path, cat, err);
	if (strcmp(path, "-") != 0)
		return teamfile_load(path, cat, err);
	do {
		if (len == cap) {
			cap = cap ? cap * 2 : 65536;
			grown = realloc(buf, cap);
			if (!grown) {
				free(buf);
				error_set(err, STDIN_NAME, 0, _("out of memory"));
				return NULL;
			}
			buf = grown;
		}
		got = fread(buf + len, 1, cap - len, stdin);
		len += got;
	} while (got > 0);
	if (ferror(stdin)) {
		error_set(err, STDIN_NAME, 0, _("cannot read: %s"), strerror(errno));
		free(buf);
		return NULL;
	}
	p = teamfile_load_buffer(buf ? buf : "", len, STDIN_NAME, cat, err);
	free(buf);
	return p;
}

static const char *shown(const char *path)
{
	return strcmp(path, "-") == 0 ? STDIN_NAME : path;
}

/* Print @text, escaped here, wrapped by cli_wrap; an empty @text is an
 * empty line. */
static void wrap(FILE *out, const char *text, int col, int indent)
{
	char esc[8192];

	text_escape(text, esc, sizeof esc);
	if (!*esc)
		fputc('\n', out);
	cli_wrap(out, esc, col, indent);
}

static void tsv_field(FILE *out, const char *s, const char *end)
{
	char esc[8192];

	text_escape(s, esc, sizeof esc);
	fprintf(out, "%s%s", esc, end);
}

/* @text padded to @cols columns; never cut. */
static void column(FILE *out, const char *text, int cols)
{
	int pad = cols - text_width(text);

	fputs(text, out);
	if (pad > 0)
		fprintf(out, "%*s", pad, "");
}

static void header(FILE *out, const struct plan *p, const char *file)
{
	char name[128], esc[2048];

	text_fit(p->name[0] ? p->name : _("(unnamed team)"), 50, false, name, sizeof name);
	text_escape(shown(file), esc, sizeof esc);
	fprintf(out, "%s  (%s)\n", name, esc);
}

static int finish(FILE *out, FILE *errout, int status)
{
	if (fflush(out) != 0 && status < 2) {
		fprintf(errout, "schaap: %s\n", _("cannot write the output"));
		return 2;
	}
	return status;
}

static int oom(FILE *errout, const char *file)
{
	fprintf(errout, "schaap: %s: %s\n", shown(file), _("out of memory"));
	return 2;
}

/* ---- the diff form, shared by diff and whatif --without ---- */

static void print_fact_diff(FILE *out, const struct fact_diff *d, enum check_format format)
{
	int i;

	for (i = 0; i < d->n; i++) {
		const struct fact_change *ch = &d->v[i];
		const struct fact *f = ch->after ? ch->after : ch->before;

		if (format == FORMAT_TSV) {
			fprintf(out, "%s\t%s\t%s\t%s\t", fact_status_name(ch->status),
				severity_name(f->sev), finding_code_name(f->code), f->subject);
			tsv_field(out, f->message, "\n");
			continue;
		}
		/* the status and severity in words; the code stays a code */
		column(out, _(fact_status_name(ch->status)), 8);
		fputc(' ', out);
		column(out, _(severity_name(f->sev)), 8);
		fprintf(out, " %-18s ", finding_code_name(f->code));
		wrap(out, f->message, 37, 37);
		if (ch->status == FACT_CHANGED) {
			char was[2100];

			snprintf(was, sizeof was, _("was: %s"), ch->before->message);
			fprintf(out, "%37s", "");
			wrap(out, was, 37, 42);
		}
	}
}

/* The counts, after @lead ("54 plan changes; " or ""), wrapped at 80. */
static void print_counts(FILE *out, const char *lead, const struct fact_diff *d,
			 const struct factset *b, const struct factset *a)
{
	char buf[512];
	int len = snprintf(buf, sizeof buf, "%s", lead);

	snprintf(buf + len, sizeof buf - (size_t)len,
		 _("findings %d new, %d gone, %d changed; errors %d\u2192%d, warnings %d\u2192%d"),
		 d->count[FACT_NEW], d->count[FACT_GONE], d->count[FACT_CHANGED],
		 b->count[SEV_ERROR], a->count[SEV_ERROR], b->count[SEV_WARNING],
		 a->count[SEV_WARNING]);
	cli_wrap(out, buf, 0, 4);
}

/* Freeze the findings of @p. */
static int facts_of(const struct plan *p, struct factset *fs)
{
	struct analysis a;
	int rc;

	analysis_init(&a);
	rc = analysis_run(&a, p) < 0 ? -1 : factset_take(fs, &a);
	analysis_release(&a);
	return rc;
}

/* ---- diff ---- */

static void print_plan_change(FILE *out, const struct plan_change *c)
{
	char line[4096];

	if (!c->what[0])
		snprintf(line, sizeof line, "%c %s %s", c->op, c->who,
			 c->op == '+' ? c->after : c->before);
	else if (c->op == '+')
		snprintf(line, sizeof line, "+ %s %s %s", c->who, c->what, c->after);
	else if (c->op == '-')
		snprintf(line, sizeof line, "- %s %s %s", c->who, c->what, c->before);
	else
		snprintf(line, sizeof line, "M %s %s %s\u2192%s", c->who, c->what, c->before,
			 c->after);
	wrap(out, line, 0, 4);
}

int diff_run(const struct catalog *cat, const char *before, const char *after,
	     enum check_format format, FILE *out, FILE *errout)
{
	struct plan *pb = NULL, *pa = NULL;
	struct factset fb = { 0 }, fa = { 0 };
	struct fact_diff fd = { 0 };
	struct plan_diff pd = { 0 };
	struct error err;
	int status = 2, i;

	if (strcmp(before, "-") == 0 && strcmp(after, "-") == 0) {
		fprintf(errout, "schaap: %s\n", _("diff can read only one of OLD and NEW from standard input"));
		return 2;
	}
	error_clear(&err);
	pb = cli_load(before, cat, &err);
	if (pb)
		pa = cli_load(after, cat, &err);
	if (!pb || !pa) {
		error_print(&err, errout);
		goto out;
	}
	if (facts_of(pb, &fb) < 0 || facts_of(pa, &fa) < 0 || fact_diff(&fd, &fb, &fa) < 0 ||
	    plan_diff(&pd, pb, pa) < 0) {
		status = oom(errout, after);
		goto out;
	}
	if (format == FORMAT_TSV) {
		print_fact_diff(out, &fd, format);
	} else {
		for (i = 0; i < pd.n; i++)
			print_plan_change(out, &pd.v[i]);
		if (pd.n && fd.n)
			fputc('\n', out);
		print_fact_diff(out, &fd, format);
		if (pd.n || fd.n)
			fputc('\n', out);
		char lead[64];

		snprintf(lead, sizeof lead, P_("%d plan change; ", "%d plan changes; ", pd.n), pd.n);
		print_counts(out, lead, &fd, &fb, &fa);
	}
	status = fd.worse ? 1 : 0;
out:
	plan_diff_free(&pd);
	fact_diff_free(&fd);
	factset_free(&fb);
	factset_free(&fa);
	plan_free(pb);
	plan_free(pa);
	return finish(out, errout, status);
}

/* ---- whatif ---- */

/* Same, for TSV: "uncovered:strategist,no-owner:team", "-" when empty. */
static void items_tsv(const struct decide *d, const struct effect_item *it, int n, bool cleared,
		      char *out, size_t size)
{
	size_t len = 0;
	int i;

	out[0] = '\0';
	for (i = 0; i < n && len < size; i++)
		if (it[i].cleared == cleared)
			len += (size_t)snprintf(out + len, size - len, "%s%s:%s", len ? "," : "",
						finding_code_name(it[i].code), effect_subject(d, &it[i]));
	if (!out[0])
		snprintf(out, size, "-");
}

static void bus_text(const struct plan *p, const struct analysis *a, const struct knockout *k,
		     char *out, size_t size)
{
	const struct catalog *c = p->cat;
	size_t len;
	int i, shown_n = 0, s = k->bus_slot;

	if (k->bus == 0) {
		snprintf(out, size, "%s", _("bus factor: none (no needed slot is covered)"));
		return;
	}
	if (k->bus == 4) {
		snprintf(out, size, "%s", _("bus factor: >3 (every needed slot has 4 or more holders)"));
		return;
	}
	len = (size_t)snprintf(out, size, _("bus factor: %d (%s is held only by "), k->bus, c->slots[s].id);
	for (i = 0; i < p->npeople && len < size; i++) {
		if (!p->people[i]->cells[s].share)
			continue;
		shown_n++;
		len += (size_t)snprintf(out + len, size - len, "%s%s",
					shown_n == 1 ? "" : shown_n == a->slots[s].holders ? _(" and ") : ", ",
					p->people[i]->name);
	}
	if (len < size)
		snprintf(out + len, size - len, ")");
}

static int knockout_table(const struct plan *p, const struct analysis *a, const char *file,
			  enum check_format format, FILE *out, FILE *errout)
{
	struct decide *d = decide_new(a);
	struct knockout k;
	char buf[8192], name[128];
	int i, status = 0;

	if (!d || knockout_run(d, &k) < 0) {
		decide_free(d);
		return oom(errout, file);
	}
	if (format == FORMAT_TSV) {
		for (i = 0; i < k.nrows; i++) {
			const struct knockout_row *r = &k.rows[i];

			items_tsv(d, k.items + r->first, r->nitems, false, buf, sizeof buf);
			fprintf(out, "knockout\t%s\t%d\t%d\t%s\n", p->people[r->row]->id, r->errors,
				r->warnings, buf);
		}
		fprintf(out, "bus-factor\t%s\t%s\t", knockout_bus_text(k.bus),
			k.bus_slot >= 0 ? p->cat->slots[k.bus_slot].id : "-");
		for (i = 0, buf[0] = '\0'; k.bus_slot >= 0 && i < p->npeople; i++)
			if (p->people[i]->cells[k.bus_slot].share)
				fprintf(out, "%s%s", buf[0] ? "," : "", p->people[i]->id), buf[0] = 1;
		fprintf(out, "%s\n", k.bus_slot >= 0 ? "" : "-");
	} else {
		header(out, p, file);
		fprintf(out, "%s\n\n", _("What each person's absence alone would create, worst first"));
		if (k.nrows) {
			/* TRANSLATORS: whatif's column headers: PERSON at most 24
			   columns, ERR 3, WARN 4 */
			column(out, _("PERSON"), 24);
			fprintf(out, " %3s %4s  %s\n", _("ERR"), _("WARN"), _("CREATES"));
		}
		for (i = 0; i < k.nrows; i++) {
			const struct knockout_row *r = &k.rows[i];

			text_fit(p->people[r->row]->name, 24, true, name, sizeof name);
			fprintf(out, "%s %3d %4d  ", name, r->errors, r->warnings);
			effect_items_text(d, k.items + r->first, r->nitems, false, buf, sizeof buf);
			if (r->nitems < r->errors + r->warnings) /* items past EFFECT_ITEMS */
				snprintf(buf + strlen(buf), sizeof buf - strlen(buf), _(" and %d more"),
					 r->errors + r->warnings - r->nitems);
			wrap(out, buf[0] ? buf : _("nothing"), 35, 35);
		}
		if (!k.nrows)
			fprintf(out, "%s\n", _("No people."));
		bus_text(p, a, &k, buf, sizeof buf);
		fputc('\n', out);
		wrap(out, buf, 0, 4);
	}
	for (i = 0; i < k.nrows; i++)
		if (k.rows[i].uncovers)
			status = 1;
	knockout_free(&k);
	decide_free(d);
	return status;
}

/* Take the people named in @list out of @p into @gone (room for
 * p->npeople); returns how many, or -1 after an error. */
static int take_people(struct plan *p, const char *list, const char *file,
		       struct person **gone, int *at, FILE *errout)
{
	char *copy = strdup(list), *save = NULL, *id;
	int n = 0, i;

	if (!copy)
		return oom(errout, file), -1;
	for (id = strtok_r(copy, ",", &save); id; id = strtok_r(NULL, ",", &save)) {
		int row = plan_find_person(p, id);
		bool twice = false;

		for (i = 0; i < n; i++)
			twice |= strcmp(gone[i]->id, id) == 0;
		if (twice)
			continue; /* named twice: out once */
		if (row < 0) {
			const char **ids = malloc((size_t)(p->npeople + 1) * sizeof *ids);
			const char *near = NULL;
			char esc[256], fesc[2048];

			if (ids) {
				for (i = 0; i < p->npeople; i++)
					ids[i] = p->people[i]->id;
				near = text_suggest(id, ids, p->npeople);
			}
			text_escape(id, esc, sizeof esc);
			text_escape(shown(file), fesc, sizeof fesc);
			if (near)
				fprintf(errout, _("schaap: %s: no person '%s' in the plan; did you mean '%s'?\n"),
					fesc, esc, near);
			else
				fprintf(errout, _("schaap: %s: no person '%s' in the plan\n"), fesc, esc);
			free(ids);
			goto fail;
		}
		at[n] = row;
		gone[n++] = plan_take_person(p, row);
	}
	free(copy);
	if (n == 0) {
		fprintf(errout, "schaap: %s\n", _("--without needs at least one person id"));
		return -1;
	}
	return n;
fail:
	free(copy);
	while (n > 0) {
		n--;
		plan_put_person(p, gone[n], at[n]);
	}
	return -1;
}

int whatif_run(const struct catalog *cat, const char *file, const char *without,
	       enum check_format format, FILE *out, FILE *errout)
{
	struct error err;
	struct plan *p;
	struct analysis a;
	struct factset fb = { 0 }, fa = { 0 };
	struct fact_diff fd = { 0 };
	struct person **gone = NULL;
	int *at = NULL, n = 0, status = 2, i;

	error_clear(&err);
	p = cli_load(file, cat, &err);
	if (!p) {
		error_print(&err, errout);
		return 2;
	}
	analysis_init(&a);
	if (analysis_run(&a, p) < 0) {
		status = oom(errout, file);
		goto out;
	}
	if (!without) {
		status = knockout_table(p, &a, file, format, out, errout);
		goto out;
	}
	gone = malloc((size_t)(p->npeople + 1) * sizeof *gone);
	at = malloc((size_t)(p->npeople + 1) * sizeof *at);
	if (!gone || !at || factset_take(&fb, &a) < 0) {
		status = oom(errout, file);
		goto out;
	}
	n = take_people(p, without, file, gone, at, errout);
	if (n < 0)
		goto out;
	if (analysis_run(&a, p) < 0 || factset_take(&fa, &a) < 0 || fact_diff(&fd, &fb, &fa) < 0) {
		status = oom(errout, file);
		goto out;
	}
	if (format == FORMAT_TEXT) {
		char line[4096];
		size_t len;

		header(out, p, file);
		len = (size_t)snprintf(line, sizeof line, "%s", _("Without "));
		for (i = 0; i < n && len < sizeof line; i++)
			len += (size_t)snprintf(line + len, sizeof line - len, "%s%s (%s)",
						i == 0 ? "" : i == n - 1 ? _(" and ") : ", ",
						gone[i]->name, gone[i]->id);
		wrap(out, line, 0, 4);
		fputc('\n', out);
	}
	print_fact_diff(out, &fd, format);
	if (format == FORMAT_TEXT) {
		if (fd.n)
			fputc('\n', out);
		print_counts(out, "", &fd, &fb, &fa);
	}
	status = fd.worse ? 1 : 0;
out:
	/* put them back in the order they were taken out, in reverse */
	while (n > 0) {
		n--;
		plan_put_person(p, gone[n], at[n]);
	}
	free(gone);
	free(at);
	fact_diff_free(&fd);
	factset_free(&fb);
	factset_free(&fa);
	analysis_release(&a);
	plan_free(p);
	return finish(out, errout, status);
}

/* ---- suggest ---- */

#define TOP 3

/* The codes of the findings on @slot that suggest acts on: "uncovered, no-lead". */
static void wanted_text(const struct analysis *a, int slot, char *out, size_t size)
{
	size_t len = 0;
	int i, n;
	const enum finding_code *wanted = suggest_codes(&n);

	out[0] = '\0';
	for (i = 0; i < n; i++)
		if (analysis_slot_fires(a, wanted[i], slot))
			len += (size_t)snprintf(out + len, size - len, "%s%s", len ? ", " : "",
						finding_code_name(wanted[i]));
	if (!out[0])
		snprintf(out, size, "%s", _("no finding"));
}

static int suggest_one(struct decide *d, const struct analysis *a, int slot,
		       enum check_format format, FILE *out)
{
	const struct plan *p = a->plan;
	const struct catalog *c = p->cat;
	const char *sid = c->slots[slot].id;
	struct candidate top[TOP];
	struct effect e;
	char why[256], cl[2048], cr[2048], fit[CATALOG_LEGS_TEXT], line[8192];
	int n, total, within, i;

	n = suggest_slot(d, slot, top, TOP, &total, &within);
	if (n > within)
		n = within;
	if (format == FORMAT_TEXT) {
		wanted_text(a, slot, why, sizeof why);
		fprintf(out, "%s: %s\n", sid, why);
	}
	for (i = 0; i < n; i++) {
		const struct candidate *cd = &top[i];

		suggest_effect(d, slot, cd, &e);
		if (format == FORMAT_TSV) {
			items_tsv(d, e.items, e.nitems < EFFECT_ITEMS ? e.nitems : EFFECT_ITEMS, true,
				  cl, sizeof cl);
			items_tsv(d, e.items, e.nitems < EFFECT_ITEMS ? e.nitems : EFFECT_ITEMS, false,
				  cr, sizeof cr);
			catalog_legs_text(c, cd->fit, false, ",", fit, sizeof fit);
			fprintf(out, "%s\t%d\t%s\t%d\t%s\t%d\t%s\t%s\t%s\n", sid, i + 1,
				p->people[cd->row]->id, cd->share, cd->lead ? "lead" : "-", cd->load,
				cl, cr, fit[0] ? fit : "-");
			continue;
		}
		snprintf(line, sizeof line, "%d. ", i + 1);
		suggest_line(d, cd, &e, line + strlen(line), sizeof line - strlen(line));
		fputs("  ", out);
		wrap(out, line, 2, 5);
	}
	if (n == 0) {
		if (format == FORMAT_TSV)
			fprintf(out, "%s\t-\t-\t-\t-\t-\t-\t-\t-\n", sid);
		else if (total > 0)
			fprintf(out, _("  nobody can take %s without going over the load limit (%d%%)\n"),
				sid, plan_max_load(p));
		else if (p->npeople == 0)
			fprintf(out, _("  nobody to take %s: the team has no people yet\n"), sid);
		else
			fprintf(out, _("  nobody in the team would clear anything by taking %s\n"), sid);
	}
	return 0;
}

int suggest_run(const struct catalog *cat, const char *file, const char *slot,
		enum check_format format, FILE *out, FILE *errout)
{
	struct error err;
	struct plan *p;
	struct analysis a;
	struct decide *d = NULL;
	int status = 2, s, k, shown_n = 0, one = -1;

	if (slot) {
		one = catalog_slot_index(cat, slot);
		if (one < 0) {
			const char *near = text_suggest(slot, cat->ids, cat->nslots);
			char esc[256];

			text_escape(slot, esc, sizeof esc);
			if (near)
				fprintf(errout, _("schaap: unknown slot '%s'; did you mean '%s'?\n"), esc, near);
			else
				fprintf(errout, _("schaap: unknown slot '%s'\n"), esc);
			return 2;
		}
	}
	error_clear(&err);
	p = cli_load(file, cat, &err);
	if (!p) {
		error_print(&err, errout);
		return 2;
	}
	analysis_init(&a);
	if (analysis_run(&a, p) < 0 || !(d = decide_new(&a))) {
		status = oom(errout, file);
		goto out;
	}
	if (format == FORMAT_TEXT)
		header(out, p, file);
	status = 0;
	for (k = 0; k < cat->nslots; k++) {
		s = k; /* catalog order: roles, then tasks, as the planner shows them */
		if (one >= 0 ? s != one : !suggest_wanted(&a, s))
			continue;
		if (suggest_wanted(&a, s))
			status = 1;
		if (format == FORMAT_TEXT)
			fputc('\n', out);
		suggest_one(d, &a, s, format, out);
		shown_n++;
	}
	if (format == FORMAT_TEXT && shown_n == 0)
		fprintf(out, "\n%s\n", _("No slot is uncovered, understaffed, without a lead or held only "
					   "outside."));
out:
	decide_free(d);
	analysis_release(&a);
	plan_free(p);
	return finish(out, errout, status);
}
