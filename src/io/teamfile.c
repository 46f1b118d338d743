/* teamfile.c - the team file: INI in, canonical INI out. */
#define _GNU_SOURCE
#include "teamfile.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "inidoc.h"
#include "text.h"
#include "i18n.h"

static const char *const team_keys[] = { "name", "sheep_legs", "max_load", "reports_to",
					 "hours_per_week", "min_strategic", "officer_fte" };
static const char *const person_keys[] = { "name", "fte", "external", "note", "strengths",
					   "follows_up" };
#define NTEAM_KEYS 7
#define NPERSON_KEYS 6
static const char *const section_kinds[] = { "team", "needs", "person" };

/* " (did you mean 'x'?)" or "" */
static void hint(const char *word, const char *const *cands, int n, char *out, size_t sz)
{
	const char *near = text_suggest(word, cands, n);

	if (near)
		/* TRANSLATORS: added to a message about an unknown word */
		snprintf(out, sz, _("; did you mean '%s'?"), near);
	else
		out[0] = '\0';
}

/* Suggest among slot ids and, for people, the person fields too. */
static void key_hint(const struct catalog *cat, const char *word, bool person,
		     char *out, size_t sz)
{
	const char *cands[CATALOG_MAX_SLOTS + NPERSON_KEYS];
	int n = 0, i;

	if (person)
		for (i = 0; i < NPERSON_KEYS; i++)
			cands[n++] = person_keys[i];
	for (i = 0; i < cat->nslots; i++)
		cands[n++] = cat->slots[i].id;
	hint(word, cands, n, out, sz);
}

static int parse_share(const char *value, int *share, bool *lead)
{
	const char *s = value;
	long n = 0;
	int digits = 0;

	while (*s == ' ' || *s == '\t')
		s++;
	while (*s >= '0' && *s <= '9' && digits < 4) {
		n = n * 10 + (*s++ - '0');
		digits++;
	}
	if (digits == 0 || (*s >= '0' && *s <= '9') || n < 1 || n > SHARE_MAX)
		return -1;
	if (*s == '%')
		s++;
	*lead = false;
	while (*s == ' ' || *s == '\t')
		s++;
	if (strncasecmp(s, "lead", 4) == 0 && (s == value || s[-1] == ' ' || s[-1] == '\t' || s[-1] == '%')) {
		*lead = true;
		s += 4;
		while (*s == ' ' || *s == '\t')
			s++;
	}
	if (*s)
		return -1;
	*share = (int)n;
	return 0;
}

static int parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	int i;

	for (i = 0; i < 4; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return 0;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return 0;
		}
	}
	return -1;
}

static int parse_int(const char *v, int lo, int hi, int *out)
{
	long n = 0;
	int i;

	for (i = 0; v[i]; i++) {
		if (v[i] < '0' || v[i] > '9' || i > 6)
			return -1;
		n = n * 10 + (v[i] - '0');
	}
	if (i == 0 || n < lo || n > hi)
		return -1;
	*out = (int)n;
	return 0;
}

static bool text_ok(const char *v, const char *what, const char *shown, int line,
		    struct error *err)
{
	const char *why;

	if (!text_valid_utf8(v, strlen(v))) {
		error_set(err, shown, line, _("%s is not valid UTF-8; save the file as UTF-8"), what);
		return false;
	}
	if (!text_storable(v, &why)) {
		error_set(err, shown, line, "%s: %s", what, why);
		return false;
	}
	return true;
}

enum section { SEC_NONE, SEC_TEAM, SEC_NEEDS, SEC_PERSON };

static int person_header(struct plan *p, const char *section, const char *shown, int line,
			 struct error *err)
{
	const char *id = section + 6;
	struct error e2;
	int row;

	if (*id == '\0' || id[1] == '\0') {
		error_set(err, shown, line, _("a person section needs an id, as in [person anna]"));
		return -1;
	}
	/* exactly one space: "[person  anna]" would otherwise be a second
	 * section with the same id, which inidoc's duplicate check cannot see */
	if (*id != ' ' || id[1] == ' ' || id[1] == '\t') {
		error_set(err, shown, line, _("write a person section as [person ID], with one space"));
		return -1;
	}
	id++;
	if (!text_is_id(id)) {
		error_set(err, shown, line,
			  _("'%s' is not a valid person id (1 to 24 of a-z, 0-9 and '-')"), id);
		return -1;
	}
	/* inidoc refused duplicate sections, so the id is unique */
	row = plan_append_unique(p, id, &e2);
	if (row < 0)
		error_set(err, shown, line, "%s", e2.msg);
	return row;
}

static int team_key(struct plan *p, const struct ini_entry *e, const char *shown,
		    struct error *err)
{
	char h[80];
	int n;

	if (strcmp(e->key, "name") == 0) {
		if (!text_ok(e->value, _("the team name"), shown, e->line, err))
			return -1;
		return plan_set_team_name(p, e->value, err);
	}
	if (strcmp(e->key, "sheep_legs") == 0) {
		if (parse_int(e->value, 1, CATALOG_MAX_LEGS, &n) < 0) {
			error_set(err, shown, e->line,
				  _("sheep_legs must be a whole number from 1 to %d, not '%s'"),
				  CATALOG_MAX_LEGS, e->value);
			return -1;
		}
		p->sheep_legs = n;
		return 0;
	}
	if (strcmp(e->key, "max_load") == 0) {
		char *v = strdup(e->value);
		size_t len;
		int rc;

		if (!v) {
			error_set(err, shown, e->line, _("out of memory"));
			return -1;
		}
		len = strlen(v);
		if (len && v[len - 1] == '%')
			v[len - 1] = '\0';
		rc = parse_int(v, 1, MAX_LOAD_MAX, &n);
		free(v);
		if (rc < 0) {
			error_set(err, shown, e->line,
				  _("max_load must be a whole percentage from 1 to %d, not '%s'"),
				  MAX_LOAD_MAX, e->value);
			return -1;
		}
		p->max_load = n;
		return 0;
	}
	if (strcmp(e->key, "reports_to") == 0) {
		struct error e2;

		if (plan_set_reports_to(p, e->value, &e2) < 0) {
			char shownv[40];

			text_fit(e->value, 24, false, shownv, sizeof shownv);
			error_set(err, shown, e->line, _("%s, not '%s'"), e2.msg, shownv);
			return -1;
		}
		return 0;
	}
	if (strcmp(e->key, "hours_per_week") == 0 || strcmp(e->key, "officer_fte") == 0) {
		bool hours = e->key[0] == 'h';
		long v;
		char shownv[40];

		if (text_parse_decimal(e->value, 2, hours ? HOURS_MAX : OFFICER_FTE_MAX, &v) &&
		    (!hours || v >= HOURS_MIN)) {
			if (hours)
				p->hours_per_week = (int)v;
			else
				p->officer_fte = (int)v;
			return 0;
		}
		text_fit(e->value, 24, false, shownv, sizeof shownv);
		if (hours)
			error_set(err, shown, e->line,
				  _("hours_per_week must be the hours of a full-time week, "
				  "from 1 to 168 (as 36 or 37,5), not '%s'"), shownv);
		else
			error_set(err, shown, e->line,
				  _("officer_fte must be an FTE from 0 to 999.99 (as 1.0; 0 switches "
				  "the rule off), not '%s'"), shownv);
		return -1;
	}
	if (strcmp(e->key, "min_strategic") == 0) {
		char v[16], shownv[40];
		size_t len = strlen(e->value);

		snprintf(v, sizeof v, "%s", e->value);
		if (len && len < sizeof v && v[len - 1] == '%')
			v[len - 1] = '\0';
		if (len < sizeof v && parse_int(v, 0, 100, &n) == 0) {
			p->min_strategic = n;
			return 0;
		}
		text_fit(e->value, 24, false, shownv, sizeof shownv);
		error_set(err, shown, e->line,
			  _("min_strategic must be a whole percentage from 0 to 100 (0 switches "
			  "the rule off), not '%s'"), shownv);
		return -1;
	}
	hint(e->key, team_keys, NTEAM_KEYS, h, sizeof h);
	error_set(err, shown, e->line,
		  _("unknown key '%s' in [team] (it takes name, sheep_legs, max_load, reports_to, "
		  "hours_per_week, min_strategic, officer_fte)%s"), e->key, h);
	return -1;
}

static int need_key(struct plan *p, const struct ini_entry *e, const char *shown,
		    struct error *err)
{
	int slot = catalog_slot_index(p->cat, e->key);
	long need;
	char h[80];

	if (slot < 0) {
		key_hint(p->cat, e->key, false, h, sizeof h);
		error_set(err, shown, e->line, _("unknown slot '%s' in [needs]%s"), e->key, h);
		return -1;
	}
	if (!text_parse_decimal(e->value, FTE_DECIMALS, NEED_MAX, &need)) {
		error_set(err, shown, e->line,
			  _("the need for '%s' must be an FTE from 0 to 999.99 (as 1.5), not '%s'"),
			  e->key, e->value);
		return -1;
	}
	p->need[slot] = (int)need;
	return 0;
}

/* strengths (leg ids) or follows_up (slot ids): words separated by
 * spaces or commas. No strengths at all means not known. */
static int id_list(struct plan *p, int row, const struct ini_entry *e, const char *shown,
		   struct error *err)
{
	const struct catalog *c = p->cat;
	bool legs = e->key[0] == 's';
	struct person *person = p->people[row];
	const char *at = e->value;
	uint32_t mask = 0;
	int s;

	if (!legs)
		for (s = 0; s < c->nslots; s++)
			person->cells[s].follows = false;
	for (;;) {
		char word[ID_MAX + 2], shownw[40], h[80];
		size_t len;
		int i;

		at += strspn(at, " \t,");
		if (!*at)
			break;
		len = strcspn(at, " \t,");
		snprintf(word, sizeof word, "%.*s", (int)(len < sizeof word ? len : sizeof word - 1),
			 at);
		i = len > ID_MAX ? -1 : legs ? catalog_leg_index(c, word) : catalog_slot_index(c, word);
		if (i < 0) {
			const char *cands[CATALOG_MAX_LEGS];

			text_fit(word, 26, false, shownw, sizeof shownw);
			if (legs) {
				for (s = 0; s < c->nlegs; s++)
					cands[s] = c->legs[s].id;
				hint(word, cands, c->nlegs, h, sizeof h);
			} else {
				hint(word, c->ids, c->nslots, h, sizeof h);
			}
			error_set(err, shown, e->line,
				  legs ? _("unknown leg '%s' in %s of '%s'%s")
				       : _("unknown slot '%s' in %s of '%s'%s"),
				  shownw, e->key, person->id, h);
			return -1;
		}
		if (legs)
			mask |= 1u << i;
		else
			person->cells[i].follows = true;
		at += len;
	}
	if (legs) {
		person->strengths_known = mask != 0;
		person->strengths = mask;
	}
	return 0;
}

static int person_key(struct plan *p, int row, const struct ini_entry *e,
		      const char *shown, struct error *err)
{
	struct person *person = p->people[row];
	int slot, share;
	bool lead;
	long fte;
	char h[80];

	if (strcmp(e->key, "name") == 0 || strcmp(e->key, "note") == 0) {
		bool is_name = e->key[0] == 'n' && e->key[1] == 'a';
		char what[64];

		snprintf(what, sizeof what, is_name ? _("the name of '%s'") : _("the note of '%s'"),
			 person->id);
		if (!text_ok(e->value, what, shown, e->line, err))
			return -1;
		if (is_name && e->value[0] == '\0') {
			error_set(err, shown, e->line, _("the name of '%s' is empty"), person->id);
			return -1;
		}
		return is_name ? plan_set_person_name(p, row, e->value, err)
			       : plan_set_person_note(p, row, e->value, err);
	}
	if (strcmp(e->key, "fte") == 0) {
		if (!text_parse_decimal(e->value, FTE_DECIMALS, 1000, &fte) ||
		    fte < FTE_MIN || fte > FTE_MAX) {
			error_set(err, shown, e->line,
				  _("fte of '%s' must be from 0.05 to 1.5, not '%s'"),
				  person->id, e->value);
			return -1;
		}
		person->fte = (int)fte;
		return 0;
	}
	if (strcmp(e->key, "external") == 0) {
		if (parse_bool(e->value, &lead) < 0) {
			error_set(err, shown, e->line,
				  _("external of '%s' must be yes or no, not '%s'"),
				  person->id, e->value);
			return -1;
		}
		person->external = lead;
		return 0;
	}
	if (strcmp(e->key, "strengths") == 0 || strcmp(e->key, "follows_up") == 0)
		return id_list(p, row, e, shown, err);
	slot = catalog_slot_index(p->cat, e->key);
	if (slot < 0) {
		key_hint(p->cat, e->key, true, h, sizeof h);
		error_set(err, shown, e->line,
			  _("unknown key '%s' for person '%s' (neither a person field nor a slot)%s"),
			  e->key, person->id, h);
		return -1;
	}
	if (parse_share(e->value, &share, &lead) < 0) {
		char shownv[64];

		text_fit(e->value, 30, false, shownv, sizeof shownv);
		error_set(err, shown, e->line,
			  _("share of '%s' in %s must be a whole percentage from 1 to 100, "
			  "optionally followed by 'lead' (as '50 lead'), not '%s'"),
			  person->id, e->key, shownv);
		return -1;
	}
	person->cells[slot].share = (unsigned char)share;
	person->cells[slot].lead = lead;
	return 0;
}

static struct plan *from_doc(const struct ini_doc *doc, const char *shown,
			     const struct catalog *cat, struct error *err)
{
	struct plan *p = plan_new(cat);
	enum section sec = SEC_NONE;
	int row = -1, header_line = 0, follows_line = 0, i;

	if (!p) {
		error_set(err, shown, 0, _("out of memory"));
		return NULL;
	}
	for (i = 0; i <= doc->n; i++) {
		const struct ini_entry *e = i < doc->n ? &doc->entries[i] : NULL;

		/* a section ends: check what must be there */
		if ((!e || !e->key) && sec == SEC_PERSON && p->people[row]->name[0] == '\0') {
			error_set(err, shown, header_line, _("person '%s' has no name (add 'name = ...')"),
				  p->people[row]->id);
			goto fail;
		}
		if ((!e || !e->key) && sec == SEC_PERSON && follows_line &&
		    p->people[row]->external) {
			error_set(err, shown, follows_line,
				  _("'%s' is external, and follows_up is for people inside the team "
				  "(seed 004: someone inside must follow it up)"), p->people[row]->id);
			goto fail;
		}
		if (!e || !e->key)
			follows_line = 0;
		if (e && e->key && sec == SEC_PERSON && strcmp(e->key, "follows_up") == 0)
			follows_line = e->line;
		if (!e)
			break;
		if (!e->key) {
			header_line = e->line;
			if (strcmp(e->section, "team") == 0) {
				sec = SEC_TEAM;
			} else if (strcmp(e->section, "needs") == 0) {
				sec = SEC_NEEDS;
			} else if (strncmp(e->section, "person", 6) == 0 &&
				   (e->section[6] == '\0' || e->section[6] == ' ' || e->section[6] == '\t')) {
				sec = SEC_PERSON;
				row = person_header(p, e->section, shown, e->line, err);
				if (row < 0)
					goto fail;
			} else {
				char h[80], first[ID_MAX + 8];
				char shownsec[80];

				snprintf(first, sizeof first, "%.*s", (int)strcspn(e->section, " \t"),
					 e->section);
				hint(first, section_kinds, 3, h, sizeof h);
				text_fit(e->section, 40, false, shownsec, sizeof shownsec);
				error_set(err, shown, e->line,
					  _("unknown section [%s] (expected [team], [needs] or [person ID])%s"),
					  shownsec, h);
				goto fail;
			}
			continue;
		}
		switch (sec) {
		case SEC_TEAM:
			if (team_key(p, e, shown, err) < 0)
				goto fail;
			break;
		case SEC_NEEDS:
			if (need_key(p, e, shown, err) < 0)
				goto fail;
			break;
		case SEC_PERSON:
			if (person_key(p, row, e, shown, err) < 0)
				goto fail;
			break;
		case SEC_NONE:
			break;
		}
	}
	return p;
fail:
	if (err && err->file[0] == '\0')
		snprintf(err->file, sizeof err->file, "%s", shown);
	if (err && err->line == 0 && i < doc->n)
		err->line = doc->entries[i].line;
	plan_free(p);
	return NULL;
}

/* A team file holds at most this many people. */
/* TRANSLATORS: in "holds more than %d %s" */
static const struct ini_limits team_limits = { "person", PEOPLE_MAX, N_("people") };

/* The text a plan was loaded from: its bytes as a document, and what it
 * says in the form of the canonical file (see describe()). */
struct model;
static int describe(const struct plan *p, struct model *m);
static void model_free(struct model *m);

struct teamfile_text {
	struct ini_doc doc; /* owner of the bytes */
	struct model *said;
};

void teamfile_text_free(struct teamfile_text *text)
{
	if (text) {
		inidoc_free(&text->doc);
		if (text->said)
			model_free(text->said);
		free(text->said);
		free(text);
	}
}

/* Take @doc (emptied) as the text of @p, which was read from it. */
static struct teamfile_text *keep_text(struct ini_doc *doc, const struct plan *p);

static struct plan *load(int rc, struct ini_doc *doc, const char *shown, const struct catalog *cat,
			 struct teamfile_text **text, struct error *err)
{
	struct plan *p;

	if (text)
		*text = NULL;
	if (rc < 0) {
		io_error_escape(err);
		return NULL;
	}
	p = from_doc(doc, shown, cat, err);
	if (p && text && !(*text = keep_text(doc, p))) {
		plan_free(p);
		p = NULL;
		error_set(err, shown, 0, _("out of memory"));
	}
	inidoc_free(doc);
	if (!p)
		io_error_escape(err);
	return p;
}

struct plan *teamfile_load_text(const char *path, const struct catalog *cat,
				struct teamfile_text **text, struct error *err)
{
	struct ini_doc doc;

	return load(inidoc_load_file(path, path, &team_limits, &doc, err), &doc, path, cat, text, err);
}

struct plan *teamfile_load(const char *path, const struct catalog *cat, struct error *err)
{
	return teamfile_load_text(path, cat, NULL, err);
}

struct plan *teamfile_load_buffer_text(const char *text, size_t len, const char *shown,
				       const struct catalog *cat, struct teamfile_text **kept,
				       struct error *err)
{
	struct ini_doc doc;

	return load(inidoc_load_buffer(text, len, shown, &team_limits, &doc, err), &doc, shown, cat,
		    kept, err);
}

struct plan *teamfile_load_buffer(const char *text, size_t len, const char *shown,
				  const struct catalog *cat, struct error *err)
{
	return teamfile_load_buffer_text(text, len, shown, cat, NULL, err);
}

/* ---- the canonical form ------------------------------------------------ */

/* What a plan says, as the canonical file lists it: sections in order,
 * each with its keys and values (unquoted) in order. Writing the
 * canonical form and keeping a file as its people wrote it both start
 * from this list, so a field is one line in describe(). */
struct model_key {
	char *key;
	char *value;
};

struct model_section {
	char *name;
	int first, n; /* its keys in model.keys */
};

struct model {
	struct model_section *secs;
	int nsecs, sec_cap;
	struct model_key *keys;
	int nkeys, key_cap;
	bool oom;
};

static void model_free(struct model *m)
{
	int i;

	for (i = 0; i < m->nsecs; i++)
		free(m->secs[i].name);
	for (i = 0; i < m->nkeys; i++) {
		free(m->keys[i].key);
		free(m->keys[i].value);
	}
	free(m->secs);
	free(m->keys);
	memset(m, 0, sizeof *m);
}

/* The array arr of n elements of *cap, with room for one more: it
 * doubles, starting at first. NULL (and m->oom) when memory runs out;
 * arr is then still valid. */
static void *grow(struct model *m, void *arr, int *cap, int n, int first, size_t size)
{
	int want;
	void *a;

	if (n < *cap)
		return arr;
	want = *cap ? *cap * 2 : first;
	a = realloc(arr, (size_t)want * size);
	if (!a) {
		m->oom = true;
		return NULL;
	}
	*cap = want;
	return a;
}

static void section(struct model *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void section(struct model *m, const char *fmt, ...)
{
	va_list ap;
	struct model_section *secs;
	char *name;

	if (m->oom)
		return;
	secs = grow(m, m->secs, &m->sec_cap, m->nsecs, 16, sizeof *secs);
	if (!secs)
		return;
	m->secs = secs;
	va_start(ap, fmt);
	if (vasprintf(&name, fmt, ap) < 0) {
		m->oom = true;
		name = NULL;
	}
	va_end(ap);
	if (!name)
		return;
	m->secs[m->nsecs++] = (struct model_section){ name, m->nkeys, 0 };
}

static void field(struct model *m, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void field(struct model *m, const char *key, const char *fmt, ...)
{
	va_list ap;
	struct model_key *keys;
	char *k, *v;

	if (m->oom || m->nsecs == 0)
		return;
	keys = grow(m, m->keys, &m->key_cap, m->nkeys, 64, sizeof *keys);
	if (!keys)
		return;
	m->keys = keys;
	va_start(ap, fmt);
	if (vasprintf(&v, fmt, ap) < 0)
		v = NULL;
	va_end(ap);
	k = strdup(key);
	if (!k || !v) {
		free(k);
		free(v);
		m->oom = true;
		return;
	}
	m->keys[m->nkeys++] = (struct model_key){ k, v };
	m->secs[m->nsecs - 1].n++;
}

/* The plan as the canonical file has it: [team], [needs], then each
 * person, fields first and slots in catalog order. */
static int describe(const struct plan *p, struct model *m)
{
	const struct catalog *c = p->cat;
	char num[32], follows[CATALOG_MAX_SLOTS * (ID_MAX + 1) + 1];
	int i, s, k;
	bool needs = false;

	memset(m, 0, sizeof *m);
	section(m, "team");
	field(m, "name", "%s", p->name);
	if (p->sheep_legs)
		field(m, "sheep_legs", "%d", p->sheep_legs);
	if (p->max_load)
		field(m, "max_load", "%d", p->max_load);
	if (p->reports_to[0])
		field(m, "reports_to", "%s", p->reports_to);
	if (p->hours_per_week) {
		text_format_decimal(p->hours_per_week, 2, num, sizeof num);
		if (p->hours_per_week % 100 == 0)
			num[strcspn(num, ".")] = '\0';
		field(m, "hours_per_week", "%s", num);
	}
	if (p->min_strategic != UNSET)
		field(m, "min_strategic", "%d", p->min_strategic);
	if (p->officer_fte != UNSET) {
		text_format_decimal(p->officer_fte, 2, num, sizeof num);
		field(m, "officer_fte", "%s", num);
	}
	for (s = 0; s < c->nslots; s++) {
		if (p->need[s] == NEED_UNSET)
			continue;
		if (!needs)
			section(m, "needs");
		needs = true;
		text_format_decimal(p->need[s], FTE_DECIMALS, num, sizeof num);
		field(m, c->slots[s].id, "%s", num);
	}
	for (i = 0; i < p->npeople; i++) {
		const struct person *person = p->people[i];

		section(m, "person %s", person->id);
		field(m, "name", "%s", person->name);
		text_format_decimal(person->fte, FTE_DECIMALS, num, sizeof num);
		field(m, "fte", "%s", num);
		if (person->external)
			field(m, "external", "yes");
		if (person->note[0])
			field(m, "note", "%s", person->note);
		if (person->strengths_known) {
			char legs[CATALOG_LEGS_TEXT];

			catalog_legs_text(c, person->strengths, false, " ", legs, sizeof legs);
			field(m, "strengths", "%s", legs);
		}
		/* every slot id and a space fit: nothing is cut */
		follows[0] = '\0';
		for (s = 0, k = 0; s < c->nslots; s++)
			if (person->cells[s].follows && !person->external)
				k += snprintf(follows + k, sizeof follows - (size_t)k, "%s%s",
					      k ? " " : "", c->slots[s].id);
		if (k)
			field(m, "follows_up", "%s", follows);
		for (s = 0; s < c->nslots; s++) {
			const struct cell *cell = &person->cells[s];

			if (cell->share)
				field(m, c->slots[s].id, "%d%s", cell->share, cell->lead ? " lead" : "");
		}
	}
	if (m->oom) {
		model_free(m);
		return -1;
	}
	return 0;
}

/* @value as the file must hold it to read it back whole: in double
 * quotes, or single quotes when it holds a double quote, when it must be
 * quoted at all (text_storable refuses what neither can carry). */
static void put_value(FILE *out, const char *value)
{
	if (!text_needs_quotes(value))
		fputs(value, out);
	else if (!strchr(value, '"'))
		fprintf(out, "\"%s\"", value);
	else
		fprintf(out, "'%s'", value);
}

/* The canonical lines of section @s, its header first when @header. */
static void put_section(FILE *out, const struct model *m, int s, bool header, const char *eol)
{
	int k;

	if (header)
		fprintf(out, "[%s]%s", m->secs[s].name, eol);
	for (k = m->secs[s].first; k < m->secs[s].first + m->secs[s].n; k++) {
		fprintf(out, "%s = ", m->keys[k].key);
		put_value(out, m->keys[k].value);
		fputs(eol, out);
	}
}

static int write_model(const struct model *m, FILE *out)
{
	int s;

	for (s = 0; s < m->nsecs; s++) {
		if (s > 0)
			fputs("\n", out);
		put_section(out, m, s, true, "\n");
	}
	return ferror(out) ? -1 : 0;
}

int teamfile_write(const struct plan *p, FILE *out)
{
	struct model m;
	int rc;

	if (describe(p, &m) < 0)
		return -1;
	rc = write_model(&m, out);
	model_free(&m);
	return rc;
}

/* ---- keeping the file as its people wrote it --------------------------- */

/* Sections of a model by name, for the doc's sections to find theirs. */
static int model_find(const struct model *m, const int *index, size_t size, const char *name)
{
	unsigned h = 2166136261u;
	const char *c;
	size_t i;

	for (c = name; *c; c++)
		h = (h ^ (unsigned char)*c) * 16777619u;
	for (i = h & (size - 1); index[i]; i = (i + 1) & (size - 1))
		if (strcmp(m->secs[index[i] - 1].name, name) == 0)
			return index[i] - 1;
	return -1;
}

/* An index of @m's sections (size a power of two, entries index + 1). */
static int *model_index(const struct model *m, size_t *size)
{
	int *index, s;

	*size = 16;
	while (*size < (size_t)m->nsecs * 2)
		*size *= 2;
	index = calloc(*size, sizeof *index);
	if (!index)
		return NULL;
	for (s = 0; s < m->nsecs; s++) {
		unsigned h = 2166136261u;
		const char *c;
		size_t i;

		for (c = m->secs[s].name; *c; c++)
			h = (h ^ (unsigned char)*c) * 16777619u;
		for (i = h & (*size - 1); index[i]; i = (i + 1) & (*size - 1))
			;
		index[i] = s + 1;
	}
	return index;
}

/* The value of @key in section @s of @m, or NULL. */
static const char *model_value(const struct model *m, int s, const char *key)
{
	int k;

	if (s < 0)
		return NULL;
	for (k = m->secs[s].first; k < m->secs[s].first + m->secs[s].n; k++)
		if (strcmp(m->keys[k].key, key) == 0)
			return m->keys[k].value;
	return NULL;
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* One change to the original bytes: [start, end) becomes @text. */
struct edit {
	size_t start, end;
	char *text;
	int seq; /* insertions at one place keep their order */
};

struct keeper {
	const struct ini_doc *doc;
	const struct model *mo, *mn; /* the plan as loaded, the plan now */
	int *io, *in;                /* their section indexes */
	size_t so, sn;
	const char *eol;             /* "\r\n" when the file's lines end so */
	bool final_eol;              /* whether the file ends in a line break */
	struct edit *edits;
	int nedits, cap;
	bool oom;
};

static void edit(struct keeper *k, size_t start, size_t end, char *text)
{
	if (!text) {
		k->oom = true;
		return;
	}
	if (k->nedits == k->cap) {
		int cap = k->cap ? k->cap * 2 : 32;
		struct edit *e = realloc(k->edits, (size_t)cap * sizeof *e);

		if (!e) {
			free(text);
			k->oom = true;
			return;
		}
		k->edits = e;
		k->cap = cap;
	}
	k->edits[k->nedits] = (struct edit){ start, end, text, k->nedits };
	k->nedits++;
}

static int edit_order(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->seq - y->seq;
}

/* @value as a file holds it, in the quotes @was used when they still fit. */
static char *quoted(const char *value, char was)
{
	char *out;

	if ((was == '"' || was == '\'') && !strchr(value, was))
		return asprintf(&out, "%c%s%c", was, value, was) < 0 ? NULL : out;
	if (!text_needs_quotes(value))
		return strdup(value);
	if (!strchr(value, '"'))
		return asprintf(&out, "\"%s\"", value) < 0 ? NULL : out;
	return asprintf(&out, "'%s'", value) < 0 ? NULL : out;
}

/* The lines of @keys as a new key of its section is written: the spacing
 * of @like (a key line of that section, or NULL for the canonical form),
 * each line ended by @eol. */
/* The column of the '=' on the line of @e. */
static size_t eq_column(const char *t, const struct ini_entry *e)
{
	size_t eq = e->start;

	while (eq < e->vstart && t[eq] != '=')
		eq++;
	return eq - e->start;
}

/* Whether the key lines of the section with header @h all put their '='
 * in one column (two lines at least): new keys then line up with them. */
static bool aligned(const struct ini_doc *doc, int h)
{
	size_t col = 0;
	int i, n = 0;

	for (i = h + 1; i < doc->n && doc->entries[i].key; i++) {
		if (doc->entries[i].continued)
			return false;
		if (n++ == 0)
			col = eq_column(doc->text, &doc->entries[i]);
		else if (eq_column(doc->text, &doc->entries[i]) != col)
			return false;
	}
	return n >= 2;
}

static char *key_lines(const struct keeper *k, const struct ini_entry *like, bool align,
		       const char *const *keys, const char *const *values, int n)
{
	const char *t = k->doc->text;
	size_t indent = 0, eqcol = 0, gap = 1, after = 1;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	int i;

	if (like && !like->continued) {
		size_t eq = like->start + eq_column(t, like), key_end;

		while (like->start + indent < eq && (t[like->start + indent] == ' ' ||
						     t[like->start + indent] == '\t'))
			indent++;
		key_end = eq;
		while (key_end > like->start + indent && isspace((unsigned char)t[key_end - 1]))
			key_end--;
		gap = eq - key_end;
		eqcol = align ? eq - like->start : 0;
		after = like->vstart - eq - 1;
		if (after > 8)
			after = 1;
		if (gap > 1 && !align)
			gap = 1;
	}
	f = open_memstream(&buf, &len);
	if (!f)
		return NULL;
	for (i = 0; i < n; i++) {
		char *v = quoted(values[i], 0);
		size_t col = indent + strlen(keys[i]);

		if (!v) {
			fclose(f);
			free(buf);
			return NULL;
		}
		if (like)
			fwrite(t + like->start, 1, indent, f);
		fputs(keys[i], f);
		if (gap > 0)
			fprintf(f, "%*s", (int)(col + 1 < eqcol ? eqcol - col : gap > 1 ? 1 : gap), "");
		fprintf(f, "=%*s%s%s", (int)after, "", v, k->eol);
		free(v);
	}
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	return buf;
}

/* The keys of section @sn of the new model that the file must gain: those
 * whose value differs from the plan as loaded and that @doc_sec (the
 * section's header entry in the file, or -1) does not hold. */
static int gained(const struct keeper *k, int sn, int doc_sec, const char **keys,
		  const char **values)
{
	const struct model *mn = k->mn;
	int so = model_find(k->mo, k->io, k->so, mn->secs[sn].name), n = 0, i, j;

	for (i = mn->secs[sn].first; i < mn->secs[sn].first + mn->secs[sn].n; i++) {
		bool held = false;

		if (same(model_value(k->mo, so, mn->keys[i].key), mn->keys[i].value))
			continue;
		for (j = doc_sec + 1; doc_sec >= 0 && j < k->doc->n && k->doc->entries[j].key; j++)
			if (strcmp(k->doc->entries[j].key, mn->keys[i].key) == 0)
				held = true;
		if (held)
			continue;
		if (keys) {
			keys[n] = mn->keys[i].key;
			values[n] = mn->keys[i].value;
		}
		n++;
	}
	return n;
}

/* Whether [at, end-of-line) is blank. */
static bool blank_line(const char *t, size_t len, size_t at, size_t *next)
{
	size_t i = at;

	while (i < len && t[i] != '\n' && isspace((unsigned char)t[i]))
		i++;
	if (i < len && t[i] != '\n')
		return false;
	*next = i < len ? i + 1 : len;
	return true;
}

/* Insert section @sn of the new model (all of its gained keys) at @at:
 * @before_blank puts a blank line first, @after_blank one after. */
static void insert_section(struct keeper *k, int sn, size_t at, bool before_blank,
			   bool after_blank)
{
	const char **keys, **values;
	char *lines, *block;
	int n;
	bool cut_eol = false;

	keys = malloc(((size_t)k->mn->secs[sn].n + 1) * sizeof *keys);
	values = malloc(((size_t)k->mn->secs[sn].n + 1) * sizeof *values);
	if (!keys || !values) {
		free(keys);
		free(values);
		k->oom = true;
		return;
	}
	n = gained(k, sn, -1, keys, values);
	lines = key_lines(k, NULL, false, keys, values, n);
	free(keys);
	free(values);
	if (!lines) {
		k->oom = true;
		return;
	}
	/* at the end of a file without a final line break, keep it so */
	if (at == k->doc->len && !k->final_eol && k->doc->len > 0) {
		before_blank = true;
		cut_eol = true;
	}
	if (asprintf(&block, "%s%s[%s]%s%s%s", cut_eol ? k->eol : "", before_blank ? k->eol : "",
		     k->mn->secs[sn].name, k->eol, lines, after_blank ? k->eol : "") < 0)
		block = NULL;
	free(lines);
	if (block && cut_eol)
		block[strlen(block) - strlen(k->eol)] = '\0';
	edit(k, at, at, block);
}

/* Where the first section's block starts: its header, or the comment
 * lines right above it that speak of it. */
static size_t block_start(const struct ini_doc *doc, size_t header)
{
	const char *t = doc->text;
	size_t at = header;

	while (at > 0) {
		size_t prev = at - 1, i;

		while (prev > 0 && t[prev - 1] != '\n')
			prev--;
		for (i = prev; i < at && isspace((unsigned char)t[i]); i++)
			;
		if (i >= at || (t[i] != ';' && t[i] != '#'))
			break;
		at = prev;
	}
	return at;
}

/* Remove the section whose header is entry @h: from the header to its last
 * key, and the blank lines after it; comment lines stay. */
static void remove_section(struct keeper *k, int h)
{
	const struct ini_doc *doc = k->doc;
	const char *t = doc->text;
	int last = h;
	size_t start = doc->entries[h].start, end, next;

	while (last + 1 < doc->n && doc->entries[last + 1].key)
		last++;
	end = doc->entries[last].end;
	while (end < doc->len && blank_line(t, doc->len, end, &next))
		end = next;
	if (end == doc->len) {
		/* nothing after it: take the blank lines before it instead */
		while (start > 0) {
			size_t prev = start - 1;

			while (prev > 0 && t[prev - 1] != '\n')
				prev--;
			if (!blank_line(t, doc->len, prev, &next) || next != start)
				break;
			start = prev;
		}
		/* and keep a file without a final line break so */
		if (!k->final_eol && start > 0) {
			start--;
			if (start > 0 && t[start - 1] == '\r')
				start--;
		}
	}
	edit(k, start, end, strdup(""));
}

/* Change what the file says in the section whose header is entry @h, which
 * the new model has as section @sn. */
static void keep_section(struct keeper *k, int h, int sn)
{
	const struct ini_doc *doc = k->doc;
	const char *t = doc->text;
	int so = model_find(k->mo, k->io, k->so, doc->entries[h].section), i, last = h, n;
	const char **keys, **values;

	for (i = h + 1; i < doc->n && doc->entries[i].key; i++) {
		const struct ini_entry *e = &doc->entries[i];
		const char *vo = model_value(k->mo, so, e->key);
		const char *vn = model_value(k->mn, sn, e->key);

		last = i;
		if (same(vo, vn))
			continue;
		if (!vn) {
			size_t start = e->start;

			/* the last line of a file without a final line break */
			if (e->end == doc->len && !k->final_eol && start > 0) {
				start--;
				if (start > 0 && t[start - 1] == '\r')
					start--;
			}
			edit(k, start, e->end, strdup(""));
		} else if (e->continued) {
			const char *one[1] = { e->key }, *val[1] = { vn };
			char *line = key_lines(k, NULL, false, one, val, 1);

			if (line && e->end == doc->len && !k->final_eol)
				line[strlen(line) - strlen(k->eol)] = '\0';
			edit(k, e->start, e->end, line);
		} else {
			char *v = quoted(vn, e->vend > e->vstart ? t[e->vstart] : 0), *s = NULL;

			/* a value where there was none: keep it off the '=' and a comment */
			if (v && e->vstart == e->vend &&
			    asprintf(&s, "%s%s%s", t[e->vstart - 1] == '=' ? " " : "", v,
				     e->vend < doc->len && (t[e->vend] == ';' || t[e->vend] == '#') ? " " : "") >= 0) {
				free(v);
				v = s;
			}
			edit(k, e->vstart, e->vend, v);
		}
	}
	if (sn < 0)
		return;
	/* keys the section gains go after its last key, spaced as that one */
	keys = malloc(((size_t)k->mn->secs[sn].n + 1) * sizeof *keys);
	values = malloc(((size_t)k->mn->secs[sn].n + 1) * sizeof *values);
	if (!keys || !values) {
		free(keys);
		free(values);
		k->oom = true;
		return;
	}
	n = gained(k, sn, h, keys, values);
	if (n > 0) {
		const struct ini_entry *like = last > h ? &doc->entries[last] : NULL;
		char *lines = key_lines(k, like, aligned(doc, h), keys, values, n);
		size_t at = doc->entries[last].end;

		if (lines && at == doc->len && !k->final_eol) {
			/* the section ends the file: a line break first, none last */
			char *s;

			lines[strlen(lines) - strlen(k->eol)] = '\0';
			if (asprintf(&s, "%s%s", k->eol, lines) < 0)
				s = NULL;
			free(lines);
			lines = s;
		}
		edit(k, at, at, lines);
	}
	free(keys);
	free(values);
}

/* A stretch of the file's bytes, [a, b), written in the order of the
 * segments: the file's own order but for people the plan moved. */
struct segment {
	size_t a, b;
	bool block; /* a person's block: takes what is inserted at its end */
	int rank;   /* a block's place in the plan */
};

static int by_rank(const void *a, const void *b)
{
	const struct segment *x = a, *y = b;

	return (x->rank > y->rank) - (x->rank < y->rank);
}

/* Write segment @sg with the edits it owns; *@next is the first edit not
 * yet written (edits are sorted). Returns -1 when an edit crosses it. */
static int put_segment(FILE *f, const char *t, const struct segment *sg, const struct edit *edits,
		       int nedits, bool *done)
{
	size_t at = sg->a;
	int i;

	for (i = 0; i < nedits; i++) {
		const struct edit *e = &edits[i];
		bool insert = e->start == e->end, mine;

		if (done[i])
			continue;
		/* what is inserted where a block ends belongs to the block; a
		 * stretch between blocks starts at the end of one but the first */
		if (insert)
			mine = e->start <= sg->b && (e->start > sg->a || (!sg->block && sg->a == 0));
		else
			mine = e->start >= sg->a && e->start < sg->b;
		if (!mine)
			continue;
		if (e->start < at || e->end > sg->b)
			return -1; /* overlapping, or across a moved block */
		fwrite(t + at, 1, e->start - at, f);
		fputs(e->text, f);
		at = e->end;
		done[i] = true;
	}
	fwrite(t + at, 1, sg->b - at, f);
	return 0;
}

/* The new text: the file's bytes in the order of @segs with @k's edits
 * made. */
static char *apply(struct keeper *k, const struct segment *segs, int nsegs, size_t *outlen)
{
	const char *t = k->doc->text;
	char *buf = NULL;
	size_t len = 0;
	FILE *f;
	bool *done = calloc((size_t)k->nedits + 1, sizeof *done);
	int i, rc = 0;

	if (!done)
		return NULL;
	f = open_memstream(&buf, &len);
	if (!f) {
		free(done);
		return NULL;
	}
	if (k->nedits > 0)
		qsort(k->edits, (size_t)k->nedits, sizeof *k->edits, edit_order);
	for (i = 0; i < nsegs && rc == 0; i++)
		rc = put_segment(f, t, &segs[i], k->edits, k->nedits, done);
	for (i = 0; i < k->nedits && rc == 0; i++)
		if (!done[i])
			rc = -1;
	free(done);
	if (fclose(f) != 0 || rc < 0) {
		free(buf);
		return NULL;
	}
	*outlen = len;
	return buf;
}

/* The segments of @doc: one for the whole file, or, when the plan has
 * moved people, each kept person's block (comments right above the header
 * to the last key) in the plan's order, with what lies between them left
 * in place. Returns the count, or -1 when out of memory. */
static int segments(const struct keeper *k, const int *row_of_header, struct segment **out)
{
	const struct ini_doc *doc = k->doc;
	struct segment *segs, *blocks, *sorted;
	int *order, n = 0, i, j, nsegs = 0;
	bool moved = false;

	for (i = 0; i < doc->n; i++)
		if (row_of_header[i] >= 0)
			n++;
	segs = calloc((size_t)n * 2 + 2, sizeof *segs);
	blocks = calloc((size_t)n + 1, sizeof *blocks);
	sorted = calloc((size_t)n + 1, sizeof *sorted);
	order = calloc((size_t)n + 1, sizeof *order);
	if (!segs || !blocks || !sorted || !order) {
		free(segs);
		free(blocks);
		free(sorted);
		free(order);
		return -1;
	}
	for (i = 0, j = 0; i < doc->n; i++) {
		int last = i;

		if (row_of_header[i] < 0)
			continue;
		while (last + 1 < doc->n && doc->entries[last + 1].key)
			last++;
		blocks[j].a = block_start(doc, doc->entries[i].start);
		if (j > 0 && blocks[j].a < blocks[j - 1].b)
			blocks[j].a = blocks[j - 1].b;
		blocks[j].b = doc->entries[last].end;
		blocks[j].block = true;
		order[j] = row_of_header[i];
		if (j > 0 && order[j] < order[j - 1])
			moved = true;
		j++;
	}
	if (!moved) {
		segs[0] = (struct segment){ 0, doc->len, false, 0 };
		nsegs = 1;
	} else {
		size_t at = 0;

		/* the j-th slot gets the block of the j-th person in the plan */
		for (j = 0; j < n; j++)
			blocks[j].rank = order[j];
		memcpy(sorted, blocks, (size_t)n * sizeof *blocks);
		qsort(sorted, (size_t)n, sizeof *sorted, by_rank);
		for (j = 0; j < n; j++) {
			segs[nsegs++] = (struct segment){ at, blocks[j].a, false, 0 };
			segs[nsegs++] = sorted[j];
			at = blocks[j].b;
		}
		segs[nsegs++] = (struct segment){ at, doc->len, false, 0 };
	}
	free(blocks);
	free(sorted);
	free(order);
	*out = segs;
	return nsegs;
}

static bool is_person(const char *name)
{
	return strncmp(name, "person ", 7) == 0;
}

/* @doc made to say what @mn says, where @mo is what it said. Returns the
 * malloc'd text, or NULL when the edit cannot be made this way. */
static char *keep(const struct ini_doc *doc, const struct model *mo, const struct model *mn,
		  size_t *outlen)
{
	struct keeper k = { 0 };
	int i, s, first = -1, team = -1, prev_person = -1;
	char *out = NULL;
	int *doc_of; /* new model section -> header entry in the file, or -1 */
	int *doc_row = NULL; /* header entry in the file -> new model section, or -1 */

	k.doc = doc;
	k.mo = mo;
	k.mn = mn;
	k.io = model_index(mo, &k.so);
	k.in = model_index(mn, &k.sn);
	doc_of = malloc(((size_t)mn->nsecs + 1) * sizeof *doc_of);
	doc_row = malloc(((size_t)doc->n + 1) * sizeof *doc_row);
	if (!k.io || !k.in || !doc_of || !doc_row)
		goto done;
	{
		const char *nl = memchr(doc->text, '\n', doc->len);

		k.eol = nl && nl > doc->text && nl[-1] == '\r' ? "\r\n" : "\n";
	}
	k.final_eol = doc->len > 0 && doc->text[doc->len - 1] == '\n';
	for (s = 0; s < mn->nsecs; s++)
		doc_of[s] = -1;

	/* the file's sections, in its order */
	for (i = 0; i < doc->n; i++) {
		const struct ini_entry *e = &doc->entries[i];
		int sn;

		if (e->key)
			continue;
		if (first < 0)
			first = i;
		sn = model_find(mn, k.in, k.sn, e->section);
		if (sn >= 0)
			doc_of[sn] = i;
		if (sn < 0 && is_person(e->section))
			remove_section(&k, i);
		else
			keep_section(&k, i, sn);
		if (strcmp(e->section, "team") == 0)
			team = i;
	}

	/* sections the file does not have yet, in canonical order */
	for (s = 0; s < mn->nsecs; s++) {
		const char *name = mn->secs[s].name;

		if (doc_of[s] >= 0) {
			if (is_person(name))
				prev_person = doc_of[s];
			continue;
		}
		if (!is_person(name) && gained(&k, s, -1, NULL, NULL) == 0)
			continue; /* nothing new to say: no need for the section */
		if (!is_person(name) && strcmp(name, "needs") == 0 && team >= 0) {
			int last = team;

			while (last + 1 < doc->n && doc->entries[last + 1].key)
				last++;
			insert_section(&k, s, doc->entries[last].end, true, false);
		} else if (!is_person(name)) {
			/* [team], or [needs] without one: before the first section */
			if (first >= 0)
				insert_section(&k, s, block_start(doc, doc->entries[first].start), false, true);
			else
				insert_section(&k, s, doc->len, doc->len > 0, false);
		} else if (prev_person >= 0) {
			/* after the person before them in the plan */
			int last = prev_person;

			while (last + 1 < doc->n && doc->entries[last + 1].key)
				last++;
			insert_section(&k, s, doc->entries[last].end, true, false);
		} else {
			/* the first person: before the file's first person, else at the end */
			int h;

			for (h = 0; h < doc->n; h++)
				if (!doc->entries[h].key && is_person(doc->entries[h].section) &&
				    model_find(mn, k.in, k.sn, doc->entries[h].section) >= 0)
					break;
			if (h < doc->n)
				insert_section(&k, s, block_start(doc, doc->entries[h].start), false, true);
			else
				insert_section(&k, s, doc->len, doc->len > 0 &&
					       !(doc->len >= 2 && doc->text[doc->len - 1] == '\n' &&
						 (doc->text[doc->len - 2] == '\n' ||
						  (doc->len >= 3 && doc->text[doc->len - 2] == '\r' &&
						   doc->text[doc->len - 3] == '\n'))), false);
		}
	}
	if (!k.oom) {
		struct segment *segs = NULL;
		int nsegs;

		for (i = 0; i < doc->n; i++)
			doc_row[i] = -1;
		for (s = 0; s < mn->nsecs; s++)
			if (doc_of[s] >= 0 && is_person(mn->secs[s].name))
				doc_row[doc_of[s]] = s;
		nsegs = segments(&k, doc_row, &segs);
		if (nsegs > 0)
			out = apply(&k, segs, nsegs, outlen);
		free(segs);
	}
done:
	for (i = 0; i < k.nedits; i++)
		free(k.edits[i].text);
	free(k.edits);
	free(k.io);
	free(k.in);
	free(doc_of);
	free(doc_row);
	return out;
}

/* The canonical text of @m, malloc'd. */
static char *canonical(const struct model *m, size_t *outlen)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	if (write_model(m, f) < 0) {
		fclose(f);
		free(buf);
		return NULL;
	}
	if (fclose(f) != 0) {
		free(buf);
		return NULL;
	}
	*outlen = len;
	return buf;
}

static bool same_model(const struct model *a, const struct model *b)
{
	int i;

	if (a->nsecs != b->nsecs || a->nkeys != b->nkeys)
		return false;
	for (i = 0; i < a->nsecs; i++)
		if (a->secs[i].n != b->secs[i].n || strcmp(a->secs[i].name, b->secs[i].name) != 0)
			return false;
	for (i = 0; i < a->nkeys; i++)
		if (strcmp(a->keys[i].key, b->keys[i].key) != 0 ||
		    strcmp(a->keys[i].value, b->keys[i].value) != 0)
			return false;
	return true;
}

static struct teamfile_text *keep_text(struct ini_doc *doc, const struct plan *p)
{
	struct teamfile_text *t = calloc(1, sizeof *t);

	if (!t)
		return NULL;
	t->said = malloc(sizeof *t->said);
	if (!t->said || describe(p, t->said) < 0) {
		free(t->said);
		free(t);
		return NULL;
	}
	t->doc = *doc;
	memset(doc, 0, sizeof *doc);
	return t;
}

/* Read @bytes back: when they say what @m says, 0 and (with @next) their
 * text in *@next. */
static int read_back(const struct catalog *cat, const char *bytes, size_t len,
		     const struct model *m, struct teamfile_text **next)
{
	struct ini_doc doc;
	struct error err;
	struct model said;
	struct plan *q;
	int rc = -1;

	if (inidoc_load_buffer(bytes, len, "(saved)", &team_limits, &doc, &err) < 0)
		return -1;
	q = from_doc(&doc, "(saved)", cat, &err);
	if (q && describe(q, &said) == 0) {
		if (same_model(&said, m)) {
			rc = 0;
			if (next && !(*next = keep_text(&doc, q)))
				rc = -1;
		}
		model_free(&said);
	}
	plan_free(q);
	inidoc_free(&doc);
	return rc;
}

/* What a save of @p against @text writes; with @next, also the text of
 * what it writes, for the save after it. */
static int render(const struct plan *p, const struct teamfile_text *text, char **out,
		  size_t *outlen, enum save_form *form, struct teamfile_text **next)
{
	struct model now;
	char *kept = NULL;
	size_t keptlen = 0;

	*out = NULL;
	*outlen = 0;
	if (next)
		*next = NULL;
	if (describe(p, &now) < 0)
		return -1;
	*form = SAVE_CANONICAL;
	if (text) {
		*form = SAVE_REWRITTEN;
		kept = keep(&text->doc, text->said, &now, &keptlen);
		/* before it is written, make sure it says what the plan says */
		if (kept && read_back(p->cat, kept, keptlen, &now, next) == 0) {
			model_free(&now);
			*out = kept;
			*outlen = keptlen;
			*form = SAVE_KEPT;
			return 0;
		}
		free(kept);
	}
	*out = canonical(&now, outlen);
	if (*out && next && read_back(p->cat, *out, *outlen, &now, next) < 0)
		*next = NULL; /* the next save writes the canonical form again */
	model_free(&now);
	return *out ? 0 : -1;
}

int teamfile_render(const struct plan *p, const struct teamfile_text *text, char **out,
		    size_t *outlen, enum save_form *form)
{
	return render(p, text, out, outlen, form, NULL);
}

/* ---- saving ------------------------------------------------------------- */

int (*teamfile_fault)(enum save_step step);

/* A failure injected by a test at @step: sets errno and says so. */
#define FAULT(step) (teamfile_fault && (errno = teamfile_fault(step)) != 0)

/* How long a temporary file of ours may stand unchanged before a save in
 * its directory takes it for the leftover of a killed save. */
#define STALE_SECONDS 300

/* Where the bytes go: the target of a symbolic link, else @path itself. */
static char *save_target(const char *path)
{
	struct stat st;
	char *target;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		target = realpath(path, NULL);
		if (target)
			return target;
		/* a dangling link: write where it points */
		{
			char link[PATH_MAX];
			ssize_t n = readlink(path, link, sizeof link - 1);

			if (n > 0) {
				link[n] = '\0';
				if (link[0] == '/')
					return strdup(link);
				else {
					char *copy = strdup(path), *dir, *full;

					if (!copy)
						return NULL;
					dir = dirname(copy);
					if (asprintf(&full, "%s/%s", dir, link) < 0)
						full = NULL;
					free(copy);
					return full;
				}
			}
		}
	}
	return strdup(path);
}

/* Whether @name is one of our temporary files: ".schaap-" and six of
 * mkstemp's letters. */
static bool ours(const char *name)
{
	int i;

	if (strncmp(name, ".schaap-", 8) != 0)
		return false;
	for (i = 8; i < 14; i++)
		if (!isalnum((unsigned char)name[i]))
			return false;
	return name[14] == '\0';
}

/* Remove what killed saves left in @dir: our own temporary files, owned
 * by us and unchanged for STALE_SECONDS. */
static void remove_stale(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	time_t now = time(NULL);

	if (!d)
		return;
	while ((e = readdir(d))) {
		struct stat st;

		if (!ours(e->d_name) ||
		    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (S_ISREG(st.st_mode) && st.st_uid == geteuid() &&
		    st.st_mtime + STALE_SECONDS < now)
			unlinkat(dirfd(d), e->d_name, 0);
	}
	closedir(d);
}

static int write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			if (w == 0)
				errno = EIO;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Write @bytes to a new file beside @target and rename it over @target:
 * never through a link planted at the temporary name, with @mode. Names
 * the file @shown in messages. */
static int replace_file(const char *shown, const char *target, const char *bytes, size_t len,
			mode_t mode, struct error *err)
{
	char *copy = strdup(target), *tmp = NULL;
	/* TRANSLATORS: the steps of a save, in "cannot save (STEP): ..." */
	const char *dir, *step = N_("create a temporary file");
	int fd = -1, saved_errno;
	bool created = false;

	if (!copy) {
		error_set(err, shown, 0, _("cannot save: out of memory"));
		return -1;
	}
	dir = dirname(copy);
	if (asprintf(&tmp, "%s/.schaap-XXXXXX", dir) < 0) {
		free(copy);
		error_set(err, shown, 0, _("cannot save: out of memory"));
		return -1;
	}
	remove_stale(dir);
	if (FAULT(SAVE_CREATE) || (fd = mkostemp(tmp, O_CLOEXEC | O_NOFOLLOW)) < 0)
		goto fail;
	created = true;
	step = N_("set permissions on the temporary file");
	if (fchmod(fd, mode) < 0)
		goto fail;
	step = N_("write");
	if (FAULT(SAVE_WRITE) || write_all(fd, bytes, len) < 0)
		goto fail;
	step = N_("flush to disk");
	if (FAULT(SAVE_FSYNC) || fsync(fd) < 0)
		goto fail;
	step = N_("close");
	saved_errno = close(fd);
	fd = -1;
	if (saved_errno != 0)
		goto fail;
	step = N_("replace the file");
	if (FAULT(SAVE_RENAME) || rename(tmp, target) < 0)
		goto fail;
	/* make the rename itself durable */
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(tmp);
	free(copy);
	return 0;
fail:
	saved_errno = errno;
	error_set(err, shown, 0, _("cannot save (%s): %s; the file on disk is unchanged"),
		  step, strerror(saved_errno));
	if (fd >= 0)
		close(fd);
	if (created)
		unlink(tmp);
	free(tmp);
	free(copy);
	return -1;
}

/* The permission bits a new file gets. */
static mode_t new_file_mode(void)
{
	mode_t mask = umask(0);

	umask(mask);
	return 0666 & ~mask;
}

static int save_text(const struct plan *p, struct teamfile_text **text, const char *path,
		     enum save_form *form, struct error *err)
{
	struct teamfile_text *next = NULL;
	char *target = save_target(path), *bytes = NULL;
	size_t len;
	struct stat st;
	mode_t mode;
	enum save_form how;
	int rc;

	if (!target) {
		error_set(err, path, 0, _("cannot save: out of memory"));
		return -1;
	}
	if (stat(target, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			error_set(err, path, 0, _("cannot save: it is a directory"));
			free(target);
			return -1;
		}
		mode = st.st_mode & 07777;
	} else {
		mode = new_file_mode();
	}
	if (render(p, text ? *text : NULL, &bytes, &len, &how, text ? &next : NULL) < 0) {
		error_set(err, path, 0, _("cannot save: out of memory"));
		free(target);
		return -1;
	}
	rc = replace_file(path, target, bytes, len, mode, err);
	free(target);
	free(bytes);
	if (rc == 0 && text && next) {
		/* what is on disk now is what the next save keeps */
		teamfile_text_free(*text);
		*text = next;
		next = NULL;
	}
	teamfile_text_free(next);
	if (rc == 0 && form)
		*form = how;
	return rc;
}

int teamfile_save_text(const struct plan *p, struct teamfile_text **text, const char *path,
		       enum save_form *form, struct error *err)
{
	if (save_text(p, text, path, form, err) == 0)
		return 0;
	io_error_escape(err);
	return -1;
}

int teamfile_save(const struct plan *p, const char *path, struct error *err)
{
	return teamfile_save_text(p, NULL, path, NULL, err);
}

char *teamfile_recovery_path(const char *path)
{
	char *save;

	if (strlen(path) + sizeof ".save" > PATH_MAX) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if (asprintf(&save, "%s.save", path) < 0)
		return NULL;
	return save;
}

int teamfile_save_recovery(const struct plan *p, const struct teamfile_text *text,
			   const char *path, char **written, struct error *err)
{
	const char *plan_path = path ? path : "schaap-untitled.ini";
	char *save = teamfile_recovery_path(plan_path), *bytes;
	size_t len;
	struct stat st;
	enum save_form how;
	int rc;

	*written = NULL;
	if (!save) {
		error_set(err, plan_path, 0, _("cannot write its .save file beside it: %s"),
			  errno == ENAMETOOLONG ? _("the name would be too long") : strerror(errno));
		io_error_escape(err);
		return -1;
	}
	if (teamfile_render(p, text, &bytes, &len, &how) < 0) {
		error_set(err, save, 0, _("cannot save: out of memory"));
		free(save);
		return -1;
	}
	/* the plan's own permission bits: a private plan stays private */
	rc = replace_file(save, save, bytes, len,
			  path && stat(path, &st) == 0 ? st.st_mode & 07777 : new_file_mode(), err);
	free(bytes);
	if (rc < 0) {
		io_error_escape(err);
		free(save);
		return -1;
	}
	*written = save;
	return 0;
}
