/* catalogfile.c - read a catalog: [catalog], [leg ID], [role ID], [task ID]. */
#include "catalogfile.h"

#include <stdlib.h>
#include <string.h>

#include "inidoc.h"
#include "text.h"

static const char *const slot_keys[] = { "label", "dutch", "abbrev", "legs", "kind", "summary",
					 "profile" };
static const char *const leg_keys[] = { "label", "dutch", "summary" };
static const char *const catalog_keys[] = { "sheep_legs", "owners", "poor", "good",
					    "min_strategic", "officer_fte" };
static const char *const level_words[] = { "none", "strategic", "operational" };
static const char *const kinds[] = { "catalog", "leg", "role", "task" };

static const char *value_of(const struct ini_doc *doc, int header, const char *key)
{
	int i;

	for (i = header + 1; i < doc->n && doc->entries[i].key; i++)
		if (strcmp(doc->entries[i].key, key) == 0)
			return doc->entries[i].value;
	return NULL;
}

static int line_of(const struct ini_doc *doc, int header, const char *key)
{
	int i;

	for (i = header + 1; i < doc->n && doc->entries[i].key; i++)
		if (strcmp(doc->entries[i].key, key) == 0)
			return doc->entries[i].line;
	return doc->entries[header].line;
}

/* Refuse keys outside @allowed in the section starting at @header. */
static int check_keys(const struct ini_doc *doc, int header, const char *const *allowed,
		      int n, const char *shown, struct error *err)
{
	int i, k;

	for (i = header + 1; i < doc->n && doc->entries[i].key; i++) {
		const struct ini_entry *e = &doc->entries[i];
		const char *near;

		for (k = 0; k < n && strcmp(e->key, allowed[k]) != 0; k++)
			;
		if (k < n) {
			if (!text_valid_utf8(e->value, strlen(e->value))) {
				error_set(err, shown, e->line, "'%s' is not valid UTF-8", e->key);
				return -1;
			}
			continue;
		}
		near = text_suggest(e->key, allowed, n);
		error_set(err, shown, e->line, "unknown key '%s' in [%s]%s%s%s", e->key,
			  e->section, near ? "; did you mean '" : "", near ? near : "",
			  near ? "'?" : "");
		return -1;
	}
	return 0;
}

/* Split a space- or comma-separated list in place; calls @each per word. */
static int each_word(char *list, int (*each)(void *, char *), void *ctx)
{
	char *save = NULL, *w;

	for (w = strtok_r(list, " \t,", &save); w; w = strtok_r(NULL, " \t,", &save))
		if (each(ctx, w) < 0)
			return -1;
	return 0;
}

struct ctx {
	struct catalog *cat;
	struct error *err;
	uint32_t legs;
	bool poor;
};

static int add_leg_word(void *v, char *w)
{
	struct ctx *c = v;
	int i = catalog_leg_index(c->cat, w);

	if (i < 0) {
		const char *ids[CATALOG_MAX_LEGS], *near;
		int k;

		for (k = 0; k < c->cat->nlegs; k++)
			ids[k] = c->cat->legs[k].id;
		near = text_suggest(w, ids, c->cat->nlegs);
		error_set(c->err, NULL, 0, "unknown leg '%s'%s%s%s", w,
			  near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
		return -1;
	}
	c->legs |= 1u << i;
	return 0;
}

static int add_pair_word(void *v, char *w)
{
	struct ctx *c = v;
	char *plus = strchr(w, '+');

	if (!plus) {
		error_set(c->err, NULL, 0, "a pair is two slot ids joined by '+', not '%s'", w);
		return -1;
	}
	*plus = '\0';
	return catalog_add_pair(c->cat, w, plus + 1, c->poor, c->err);
}

static int add_owner_word(void *v, char *w)
{
	struct ctx *c = v;

	return catalog_add_owner(c->cat, w, c->err);
}

/* Run @fn over the words of a copy of @value, placing errors at @line. */
static int words(const char *value, int (*fn)(void *, char *), struct ctx *c,
		 const char *shown, int line)
{
	char *copy = strdup(value);
	int rc;

	if (!copy) {
		error_set(c->err, shown, line, "out of memory");
		return -1;
	}
	rc = each_word(copy, fn, c);
	free(copy);
	if (rc < 0) {
		snprintf(c->err->file, sizeof c->err->file, "%s", shown);
		c->err->line = line;
	}
	return rc;
}

static struct catalog *from_doc(const struct ini_doc *doc, const char *shown, struct error *err)
{
	struct catalog *cat = catalog_new();
	struct ctx c = { cat, err, 0, false };
	int i, header_catalog = -1, pass;

	if (!cat) {
		error_set(err, shown, 0, "out of memory");
		return NULL;
	}
	/* legs first, so slots can name them wherever they stand */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < doc->n; i++) {
			const struct ini_entry *e = &doc->entries[i];
			const char *sp, *id;
			size_t kind_len;
			int k;

			if (e->key)
				continue;
			sp = strpbrk(e->section, " \t");
			kind_len = sp ? (size_t)(sp - e->section) : strlen(e->section);
			for (k = 0; k < 4; k++)
				if (strlen(kinds[k]) == kind_len &&
				    strncmp(e->section, kinds[k], kind_len) == 0)
					break;
			id = sp ? sp : "";
			while (*id == ' ' || *id == '\t')
				id++;
			if (k == 4) {
				char word[64];
				const char *near;

				snprintf(word, sizeof word, "%.*s", (int)kind_len, e->section);
				near = text_suggest(word, kinds, 4);
				error_set(err, shown, e->line,
					  "unknown section [%s] (expected [catalog], [leg ID], [role ID] or [task ID])%s%s%s",
					  e->section, near ? "; did you mean '" : "", near ? near : "",
					  near ? "'?" : "");
				goto fail;
			}
			if (k == 0) {
				if (pass == 0 && check_keys(doc, i, catalog_keys, 6, shown, err) < 0)
					goto fail;
				header_catalog = i;
				continue;
			}
			if ((k == 1) != (pass == 0))
				continue;
			if (k > 1 && *id == '\0') {
				error_set(err, shown, e->line, "[%s] needs an id, as in [%s content]",
					  kinds[k], kinds[k]);
				goto fail;
			}
			if (k == 1) {
				if (check_keys(doc, i, leg_keys, 3, shown, err) < 0)
					goto fail; /* it named the key's own line */
				if (catalog_add_leg(cat, id, value_of(doc, i, "label"),
						    value_of(doc, i, "dutch"),
						    value_of(doc, i, "summary"), err) < 0)
					goto at_line;
				continue;
			}
			if (check_keys(doc, i, slot_keys, 7, shown, err) < 0)
				goto fail;
			c.legs = 0;
			if (value_of(doc, i, "legs") &&
			    words(value_of(doc, i, "legs"), add_leg_word, &c, shown,
				  line_of(doc, i, "legs")) < 0)
				goto fail;
			if (catalog_add_slot(cat, id, k == 2 ? SLOT_ROLE : SLOT_TASK,
					     value_of(doc, i, "label"), value_of(doc, i, "dutch"),
					     value_of(doc, i, "abbrev"), value_of(doc, i, "summary"),
					     value_of(doc, i, "profile"), c.legs, err) < 0)
				goto at_line;
			if (value_of(doc, i, "kind")) {
				const char *kind = value_of(doc, i, "kind");
				int level = catalog_level_by_name(kind);

				if (level < 0) {
					const char *near = text_suggest(kind, level_words, 3);
					char shownv[40];

					text_fit(kind, 24, false, shownv, sizeof shownv);
					error_set(err, shown, line_of(doc, i, "kind"),
						  "kind must be strategic, operational or none, not '%s'%s%s%s",
						  shownv, near ? "; did you mean '" : "",
						  near ? near : "", near ? "'?" : "");
					goto fail;
				}
				catalog_set_level(cat, (enum slot_level)level);
			}
			continue;
at_line:
			snprintf(err->file, sizeof err->file, "%s", shown);
			err->line = e->line;
			goto fail;
		}
	}
	if (cat->nslots == 0) {
		error_set(err, shown, 0, "defines no roles or tasks");
		goto fail;
	}
	if (header_catalog >= 0) {
		const char *v;
		int n;

		if ((v = value_of(doc, header_catalog, "sheep_legs"))) {
			n = atoi(v);
			if (strspn(v, "0123456789") != strlen(v) || n < 1 || n > CATALOG_MAX_LEGS) {
				error_set(err, shown, line_of(doc, header_catalog, "sheep_legs"),
					  "sheep_legs must be a whole number from 1 to %d", CATALOG_MAX_LEGS);
				goto fail;
			}
			cat->sheep_legs = n;
		}
		if ((v = value_of(doc, header_catalog, "min_strategic"))) {
			char copy[16];
			size_t len = strlen(v);
			long pct;

			snprintf(copy, sizeof copy, "%s", v);
			if (len && len < sizeof copy && copy[len - 1] == '%')
				copy[len - 1] = '\0';
			if (len >= sizeof copy || !text_parse_decimal(copy, 0, 100, &pct)) {
				error_set(err, shown, line_of(doc, header_catalog, "min_strategic"),
					  "min_strategic must be a whole percentage from 0 to 100");
				goto fail;
			}
			cat->min_strategic = (int)pct;
		}
		if ((v = value_of(doc, header_catalog, "officer_fte"))) {
			long fte;

			if (!text_parse_decimal(v, 2, 99999, &fte)) {
				error_set(err, shown, line_of(doc, header_catalog, "officer_fte"),
					  "officer_fte must be an FTE from 0 to 999.99 (as 1.0)");
				goto fail;
			}
			cat->officer_fte = (int)fte;
		}
		if ((v = value_of(doc, header_catalog, "owners")) &&
		    words(v, add_owner_word, &c, shown, line_of(doc, header_catalog, "owners")) < 0)
			goto fail;
		c.poor = true;
		if ((v = value_of(doc, header_catalog, "poor")) &&
		    words(v, add_pair_word, &c, shown, line_of(doc, header_catalog, "poor")) < 0)
			goto fail;
		c.poor = false;
		if ((v = value_of(doc, header_catalog, "good")) &&
		    words(v, add_pair_word, &c, shown, line_of(doc, header_catalog, "good")) < 0)
			goto fail;
	}
	if (catalog_finish(cat, err) < 0)
		goto fail;
	return cat;
fail:
	catalog_free(cat);
	return NULL;
}

struct catalog *catalogfile_load(const char *path, struct error *err)
{
	struct ini_doc doc;
	struct catalog *cat;

	if (inidoc_load_file(path, path, NULL, &doc, err) < 0) {
		io_error_escape(err);
		return NULL;
	}
	cat = from_doc(&doc, path, err);
	inidoc_free(&doc);
	if (!cat)
		io_error_escape(err);
	return cat;
}

struct catalog *catalogfile_builtin(struct error *err)
{
	struct ini_doc doc;
	struct catalog *cat;
	const char *shown = "(built-in catalog)";

	if (inidoc_load_buffer(catalog_builtin_text, catalog_builtin_size, shown, NULL, &doc, err) < 0) {
		io_error_escape(err);
		return NULL;
	}
	cat = from_doc(&doc, shown, err);
	inidoc_free(&doc);
	return cat;
}
