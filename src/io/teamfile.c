/* teamfile.c - the team file: INI in, canonical INI out. */
#define _GNU_SOURCE
#include "teamfile.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inidoc.h"
#include "text.h"

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
		snprintf(out, sz, "; did you mean '%s'?", near);
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
		error_set(err, shown, line, "%s is not valid UTF-8; save the file as UTF-8", what);
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
		error_set(err, shown, line, "a person section needs an id, as in [person anna]");
		return -1;
	}
	/* exactly one space: "[person  anna]" would otherwise be a second
	 * section with the same id, which inidoc's duplicate check cannot see */
	if (*id != ' ' || id[1] == ' ' || id[1] == '\t') {
		error_set(err, shown, line, "write a person section as [person ID], with one space");
		return -1;
	}
	id++;
	if (!text_is_id(id)) {
		error_set(err, shown, line,
			  "'%s' is not a valid person id (1 to 24 of a-z, 0-9 and '-')", id);
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
		if (!text_ok(e->value, "the team name", shown, e->line, err))
			return -1;
		return plan_set_team_name(p, e->value, err);
	}
	if (strcmp(e->key, "sheep_legs") == 0) {
		if (parse_int(e->value, 1, CATALOG_MAX_LEGS, &n) < 0) {
			error_set(err, shown, e->line,
				  "sheep_legs must be a whole number from 1 to %d, not '%s'",
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
			error_set(err, shown, e->line, "out of memory");
			return -1;
		}
		len = strlen(v);
		if (len && v[len - 1] == '%')
			v[len - 1] = '\0';
		rc = parse_int(v, 1, MAX_LOAD_MAX, &n);
		free(v);
		if (rc < 0) {
			error_set(err, shown, e->line,
				  "max_load must be a whole percentage from 1 to %d, not '%s'",
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
			error_set(err, shown, e->line, "%s, not '%s'", e2.msg, shownv);
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
				  "hours_per_week must be the hours of a full-time week, "
				  "from 1 to 168 (as 36 or 37,5), not '%s'", shownv);
		else
			error_set(err, shown, e->line,
				  "officer_fte must be an FTE from 0 to 999.99 (as 1.0; 0 switches "
				  "the rule off), not '%s'", shownv);
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
			  "min_strategic must be a whole percentage from 0 to 100 (0 switches "
			  "the rule off), not '%s'", shownv);
		return -1;
	}
	hint(e->key, team_keys, NTEAM_KEYS, h, sizeof h);
	error_set(err, shown, e->line,
		  "unknown key '%s' in [team] (it takes name, sheep_legs, max_load, reports_to, "
		  "hours_per_week, min_strategic, officer_fte)%s", e->key, h);
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
		error_set(err, shown, e->line, "unknown slot '%s' in [needs]%s", e->key, h);
		return -1;
	}
	if (!text_parse_decimal(e->value, FTE_DECIMALS, NEED_MAX, &need)) {
		error_set(err, shown, e->line,
			  "the need for '%s' must be an FTE from 0 to 999.99 (as 1.5), not '%s'",
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
			error_set(err, shown, e->line, "unknown %s '%s' in %s of '%s'%s",
				  legs ? "leg" : "slot", shownw, e->key, person->id, h);
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

		snprintf(what, sizeof what, "the %s of '%s'", e->key, person->id);
		if (!text_ok(e->value, what, shown, e->line, err))
			return -1;
		if (is_name && e->value[0] == '\0') {
			error_set(err, shown, e->line, "the name of '%s' is empty", person->id);
			return -1;
		}
		return is_name ? plan_set_person_name(p, row, e->value, err)
			       : plan_set_person_note(p, row, e->value, err);
	}
	if (strcmp(e->key, "fte") == 0) {
		if (!text_parse_decimal(e->value, FTE_DECIMALS, 1000, &fte) ||
		    fte < FTE_MIN || fte > FTE_MAX) {
			error_set(err, shown, e->line,
				  "fte of '%s' must be from 0.05 to 1.5, not '%s'",
				  person->id, e->value);
			return -1;
		}
		person->fte = (int)fte;
		return 0;
	}
	if (strcmp(e->key, "external") == 0) {
		if (parse_bool(e->value, &lead) < 0) {
			error_set(err, shown, e->line,
				  "external of '%s' must be yes or no, not '%s'",
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
			  "unknown key '%s' for person '%s' (neither a person field nor a slot)%s",
			  e->key, person->id, h);
		return -1;
	}
	if (parse_share(e->value, &share, &lead) < 0) {
		char shownv[64];

		text_fit(e->value, 30, false, shownv, sizeof shownv);
		error_set(err, shown, e->line,
			  "share of '%s' in %s must be a whole percentage from 1 to 100, "
			  "optionally followed by 'lead' (as '50 lead'), not '%s'",
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
		error_set(err, shown, 0, "out of memory");
		return NULL;
	}
	for (i = 0; i <= doc->n; i++) {
		const struct ini_entry *e = i < doc->n ? &doc->entries[i] : NULL;

		/* a section ends: check what must be there */
		if ((!e || !e->key) && sec == SEC_PERSON && p->people[row]->name[0] == '\0') {
			error_set(err, shown, header_line, "person '%s' has no name (add 'name = ...')",
				  p->people[row]->id);
			goto fail;
		}
		if ((!e || !e->key) && sec == SEC_PERSON && follows_line &&
		    p->people[row]->external) {
			error_set(err, shown, follows_line,
				  "'%s' is external, and follows_up is for people inside the team "
				  "(seed 004: someone inside must follow it up)", p->people[row]->id);
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
					  "unknown section [%s] (expected [team], [needs] or [person ID])%s",
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

struct plan *teamfile_load(const char *path, const struct catalog *cat, struct error *err)
{
	struct ini_doc doc;
	struct plan *p;

	if (inidoc_load_file(path, path, &doc, err) < 0) {
		error_escape(err);
		return NULL;
	}
	p = from_doc(&doc, path, cat, err);
	inidoc_free(&doc);
	if (!p)
		error_escape(err);
	return p;
}

struct plan *teamfile_load_buffer(const char *text, size_t len, const char *shown,
				  const struct catalog *cat, struct error *err)
{
	struct ini_doc doc;
	struct plan *p;

	if (inidoc_load_buffer(text, len, shown, &doc, err) < 0) {
		error_escape(err);
		return NULL;
	}
	p = from_doc(&doc, shown, cat, err);
	inidoc_free(&doc);
	if (!p)
		error_escape(err);
	return p;
}

/* ---- writing ------------------------------------------------------------ */

static void put_value(FILE *out, const char *key, const char *value)
{
	if (!text_needs_quotes(value))
		fprintf(out, "%s = %s\n", key, value);
	else if (!strchr(value, '"'))
		fprintf(out, "%s = \"%s\"\n", key, value);
	else
		fprintf(out, "%s = '%s'\n", key, value);
}

int teamfile_write(const struct plan *p, FILE *out)
{
	const struct catalog *c = p->cat;
	char num[32];
	int i, s, k;
	bool needs = false;

	fprintf(out, "[team]\n");
	put_value(out, "name", p->name);
	if (p->sheep_legs)
		fprintf(out, "sheep_legs = %d\n", p->sheep_legs);
	if (p->max_load)
		fprintf(out, "max_load = %d\n", p->max_load);
	if (p->reports_to[0])
		fprintf(out, "reports_to = %s\n", p->reports_to);
	if (p->hours_per_week) {
		text_format_decimal(p->hours_per_week, 2, num, sizeof num);
		if (p->hours_per_week % 100 == 0)
			num[strcspn(num, ".")] = '\0';
		fprintf(out, "hours_per_week = %s\n", num);
	}
	if (p->min_strategic != UNSET)
		fprintf(out, "min_strategic = %d\n", p->min_strategic);
	if (p->officer_fte != UNSET) {
		text_format_decimal(p->officer_fte, 2, num, sizeof num);
		fprintf(out, "officer_fte = %s\n", num);
	}
	for (s = 0; s < c->nslots; s++) {
		if (p->need[s] == NEED_UNSET)
			continue;
		if (!needs)
			fprintf(out, "\n[needs]\n");
		needs = true;
		text_format_decimal(p->need[s], FTE_DECIMALS, num, sizeof num);
		fprintf(out, "%s = %s\n", c->slots[s].id, num);
	}
	for (i = 0; i < p->npeople; i++) {
		const struct person *person = p->people[i];

		fprintf(out, "\n[person %s]\n", person->id);
		put_value(out, "name", person->name);
		text_format_decimal(person->fte, FTE_DECIMALS, num, sizeof num);
		fprintf(out, "fte = %s\n", num);
		if (person->external)
			fprintf(out, "external = yes\n");
		if (person->note[0])
			put_value(out, "note", person->note);
		if (person->strengths_known) {
			char legs[CATALOG_LEGS_TEXT];

			catalog_legs_text(c, person->strengths, false, " ", legs, sizeof legs);
			fprintf(out, "strengths = %s\n", legs);
		}
		for (s = 0, k = 0; s < c->nslots; s++)
			if (person->cells[s].follows && !person->external)
				fprintf(out, "%s%s", k++ ? " " : "follows_up = ", c->slots[s].id);
		if (k)
			fputc('\n', out);
		for (s = 0; s < c->nslots; s++) {
			const struct cell *cell = &person->cells[s];

			if (cell->share)
				fprintf(out, "%s = %d%s\n", c->slots[s].id, cell->share,
					cell->lead ? " lead" : "");
		}
	}
	return ferror(out) ? -1 : 0;
}

int (*teamfile_fault)(enum save_step step);

/* A failure injected by a test at @step: sets errno and says so. */
#define FAULT(step) (teamfile_fault && (errno = teamfile_fault(step)) != 0)

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

int teamfile_save(const struct plan *p, const char *path, struct error *err)
{
	char *target = save_target(path), *copy = NULL, *tmp = NULL;
	const char *dir;
	struct stat st;
	mode_t mode;
	FILE *out = NULL;
	int fd = -1, saved_errno;
	const char *step = "create a temporary file";

	if (!target)
		goto oom;
	copy = strdup(target);
	if (!copy)
		goto oom;
	dir = dirname(copy);
	if (asprintf(&tmp, "%s/.schaap-XXXXXX", dir) < 0) {
		tmp = NULL;
		goto oom;
	}
	if (stat(target, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			error_set(err, path, 0, "cannot save: it is a directory");
			goto fail_quiet;
		}
		mode = st.st_mode & 07777;
	} else {
		mode_t mask = umask(0);

		umask(mask);
		mode = 0666 & ~mask;
	}
	if (FAULT(SAVE_CREATE) || (fd = mkstemp(tmp)) < 0)
		goto fail;
	step = "set permissions on the temporary file";
	if (fchmod(fd, mode) < 0)
		goto fail;
	step = "write";
	out = fdopen(fd, "w");
	if (!out)
		goto fail;
	fd = -1;
	if (FAULT(SAVE_WRITE) || teamfile_write(p, out) < 0 || fflush(out) != 0)
		goto fail;
	step = "flush to disk";
	if (FAULT(SAVE_FSYNC) || fsync(fileno(out)) < 0)
		goto fail;
	step = "close";
	if (fclose(out) != 0) {
		out = NULL;
		goto fail;
	}
	out = NULL;
	step = "replace the file";
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
	free(target);
	return 0;
fail:
	saved_errno = errno;
	error_set(err, path, 0, "cannot save (%s): %s; the file on disk is unchanged",
		  step, strerror(saved_errno));
fail_quiet:
	if (out)
		fclose(out);
	if (fd >= 0)
		close(fd);
	if (tmp && strcmp(step, "create a temporary file") != 0)
		unlink(tmp);
	free(tmp);
	free(copy);
	free(target);
	return -1;
oom:
	error_set(err, path, 0, "cannot save: out of memory");
	free(tmp);
	free(copy);
	free(target);
	return -1;
}
