/* inidoc.c - read INI text with iniparser and keep line numbers.
 *
 * The scan here mirrors iniparser 4.1's line rules (strip, comments,
 * sections up to the first ']', keys up to the first '=', lines joined by
 * a trailing backslash) only far enough to name each entry and its line;
 * the values always come from iniparser. The two are walked in lockstep,
 * since iniparser's dictionary keeps entries in insertion order, and any
 * disagreement is refused rather than guessed at. */
#define _GNU_SOURCE
#include "inidoc.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <iniparser.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define LINE_LIMIT 1024 /* iniparser's ASCIILINESZ */

/* iniparser reports through a global callback; loads are not concurrent. */
static char parser_message[512];
static int parser_messages;

static int capture_error(const char *fmt, ...)
{
	va_list ap;

	if (parser_messages++ == 0) {
		va_start(ap, fmt);
		vsnprintf(parser_message, sizeof parser_message, fmt, ap);
		va_end(ap);
	}
	return 0;
}

void inidoc_free(struct ini_doc *doc)
{
	if (doc->dict)
		iniparser_freedict(doc->dict);
	free(doc->entries);
	free(doc->names);
	memset(doc, 0, sizeof *doc);
}

static int read_all(const char *path, const char *shown, char **out, size_t *outlen,
		    struct error *err)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	ssize_t got;
	int fd;

	/* O_NONBLOCK: opening a FIFO nobody writes to must not wait forever */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		error_set(err, shown, 0, "cannot open: %s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		error_set(err, shown, 0, "cannot read: %s", strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		error_set(err, shown, 0, "is a directory, not a team file");
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		error_set(err, shown, 0, "is not a regular file");
		goto fail;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	for (;;) {
		if (len == cap) {
			char *grown;

			if (cap >= INIDOC_MAX_BYTES) {
				error_set(err, shown, 0, "is larger than %u MiB",
					  INIDOC_MAX_BYTES >> 20);
				goto fail;
			}
			cap = cap ? cap * 2 : 65536;
			grown = realloc(buf, cap + 1);
			if (!grown) {
				error_set(err, shown, 0, "out of memory");
				goto fail;
			}
			buf = grown;
		}
		got = read(fd, buf + len, cap - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			error_set(err, shown, 0, "cannot read: %s", strerror(errno));
			goto fail;
		}
		if (got == 0)
			break;
		len += (size_t)got;
	}
	close(fd);
	if (!buf && !(buf = malloc(1))) {
		error_set(err, shown, 0, "out of memory");
		return -1;
	}
	buf[len] = '\0';
	*out = buf;
	*outlen = len;
	return 0;
fail:
	close(fd);
	free(buf);
	return -1;
}

int inidoc_load_file(const char *path, const char *shown, struct ini_doc *doc,
		     struct error *err)
{
	char *text;
	size_t len;
	int rc;

	memset(doc, 0, sizeof *doc);
	if (read_all(path, shown, &text, &len, err) < 0)
		return -1;
	rc = inidoc_load_buffer(text, len, shown, doc, err);
	free(text);
	return rc;
}

/* ---- the scan ---------------------------------------------------------- */

struct scan {
	struct ini_entry *entries;
	int n, cap;
	char *names;
	size_t names_len, names_cap;
	/* offsets into names, fixed up to pointers at the end */
	size_t *section_off, *key_off;
};

static char *strip(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		end--;
	*end = '\0';
	return s;
}

static void lower(char *s)
{
	for (; *s; s++)
		*s = (char)tolower((unsigned char)*s);
}

static size_t keep_name(struct scan *sc, const char *name)
{
	size_t len = strlen(name) + 1, off;

	if (sc->names_len + len > sc->names_cap) {
		size_t cap = sc->names_cap ? sc->names_cap * 2 : 4096;
		char *grown;

		while (cap < sc->names_len + len)
			cap *= 2;
		grown = realloc(sc->names, cap);
		if (!grown)
			return (size_t)-1;
		sc->names = grown;
		sc->names_cap = cap;
	}
	off = sc->names_len;
	memcpy(sc->names + off, name, len);
	sc->names_len += len;
	return off;
}

static int add_entry(struct scan *sc, size_t section, size_t key, int line)
{
	if (sc->n == sc->cap) {
		int cap = sc->cap ? sc->cap * 2 : 64;
		struct ini_entry *e = realloc(sc->entries, (size_t)cap * sizeof *e);
		size_t *so = realloc(sc->section_off, (size_t)cap * sizeof *so);
		size_t *ko;

		if (e)
			sc->entries = e;
		if (so)
			sc->section_off = so;
		if (!e || !so)
			return -1;
		ko = realloc(sc->key_off, (size_t)cap * sizeof *ko);
		if (!ko)
			return -1;
		sc->key_off = ko;
		sc->cap = cap;
	}
	sc->section_off[sc->n] = section;
	sc->key_off[sc->n] = key;
	sc->entries[sc->n].line = line;
	sc->entries[sc->n].value = NULL;
	sc->n++;
	return 0;
}

/* Duplicate detection: open addressing over "section\x01key". */
struct seen {
	unsigned *hash;
	int *entry; /* index + 1, 0 = empty */
	size_t size;
};

static unsigned hash_of(const char *a, const char *b)
{
	unsigned h = 2166136261u;

	for (; *a; a++)
		h = (h ^ (unsigned char)*a) * 16777619u;
	h = (h ^ 1u) * 16777619u;
	for (; b && *b; b++)
		h = (h ^ (unsigned char)*b) * 16777619u;
	return h;
}

static const char *name_at(const struct scan *sc, size_t off)
{
	return off == (size_t)-1 ? NULL : sc->names + off;
}

/* Returns the index of an earlier identical entry, -1 if none, -2 on OOM. */
static int seen_check(struct seen *s, const struct scan *sc, int idx)
{
	const char *sec = name_at(sc, sc->section_off[idx]);
	const char *key = name_at(sc, sc->key_off[idx]);
	unsigned h = hash_of(sec, key);
	size_t i;

	if (!s->hash) {
		s->size = 1024;
		while (s->size < (size_t)sc->n * 2)
			s->size *= 2;
		s->hash = calloc(s->size, sizeof *s->hash);
		s->entry = calloc(s->size, sizeof *s->entry);
		if (!s->hash || !s->entry)
			return -2;
	}
	for (i = h & (s->size - 1); s->entry[i]; i = (i + 1) & (s->size - 1)) {
		int other = s->entry[i] - 1;
		const char *osec = name_at(sc, sc->section_off[other]);
		const char *okey = name_at(sc, sc->key_off[other]);

		if (s->hash[i] == h && strcmp(osec, sec) == 0 &&
		    ((!key && !okey) || (key && okey && strcmp(key, okey) == 0)))
			return other;
	}
	s->hash[i] = h;
	s->entry[i] = idx + 1;
	return -1;
}

/* Scan @text into entries. The caller has checked there is no NUL. */
static int scan_text(char *text, size_t len, const char *shown, struct scan *sc,
		     struct error *err)
{
	char *logical = malloc(len + 1);
	size_t pos = 0, llen = 0;
	size_t section = (size_t)-1;
	int lineno = 0, first_line = 0;

	if (!logical)
		goto oom;
	while (pos < len) {
		char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len, k;
		char *line;

		lineno++;
		if (llen == 0)
			first_line = lineno;
		memcpy(logical + llen, text + pos, end - pos);
		k = llen + (end - pos);
		pos = nl ? end + 1 : len;
		while (k > llen && isspace((unsigned char)logical[k - 1]))
			k--;
		logical[k] = '\0';
		if (k > 0 && logical[k - 1] == '\\' && k - 1 >= llen) {
			llen = k - 1; /* the next line continues this one */
			continue;
		}
		llen = 0;
		line = strip(logical);
		if (*line == '\0' || *line == ';' || *line == '#')
			continue;
		if (line[0] == '[' && line[strlen(line) - 1] == ']') {
			char *close = strchr(line + 1, ']');

			*close = '\0';
			line = strip(line + 1);
			if (*line == '\0') {
				error_set(err, shown, first_line, "a section needs a name");
				goto fail;
			}
			lower(line);
			section = keep_name(sc, line);
			if (section == (size_t)-1 || add_entry(sc, section, (size_t)-1, first_line) < 0)
				goto oom;
			continue;
		}
		{
			char *eq = strchr(line, '=');
			size_t key;

			if (!eq || eq == line) {
				/* iniparser has refused the file already; be safe */
				error_set(err, shown, first_line, "syntax error: expected 'key = value'");
				goto fail;
			}
			*eq = '\0';
			line = strip(line);
			lower(line);
			if (section == (size_t)-1) {
				error_set(err, shown, first_line,
					  "'%s' stands before any section; put it under [team] or a [person ...]",
					  line);
				goto fail;
			}
			key = keep_name(sc, line);
			if (key == (size_t)-1 || add_entry(sc, section, key, first_line) < 0)
				goto oom;
		}
	}
	free(logical);
	return 0;
oom:
	error_set(err, shown, 0, "out of memory");
fail:
	free(logical);
	return -1;
}

/* ---- iniparser on a private copy --------------------------------------- */

/* A descriptor holding @text, readable by path, so iniparser (which only
 * opens paths) parses exactly the bytes that were scanned. */
static int private_copy(const char *text, size_t len, char *path, size_t pathsz)
{
	int fd = -1;
	size_t done = 0;

#ifdef MFD_CLOEXEC
	fd = memfd_create("schaap-ini", MFD_CLOEXEC);
#endif
	if (fd >= 0) {
		snprintf(path, pathsz, "/proc/self/fd/%d", fd);
		if (access(path, R_OK) != 0) {
			close(fd);
			fd = -1;
		}
	}
	if (fd < 0) {
		const char *dir = getenv("TMPDIR");

		snprintf(path, pathsz, "%s/schaap-ini-XXXXXX", dir && *dir ? dir : "/tmp");
		fd = mkstemp(path);
		if (fd < 0)
			return -1;
		unlink(path);
		/* opened again by path below; keep the name until then */
		snprintf(path, pathsz, "/dev/fd/%d", fd);
	}
	while (done < len) {
		ssize_t w = write(fd, text + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			close(fd);
			return -1;
		}
		done += (size_t)w;
	}
	return fd;
}

/* Turn iniparser's message into ours: its line number and what it means. */
static void parser_error(const char *shown, struct error *err)
{
	/* "... in PATH (LINE):\n-> TEXT": the first '(' follows our own path,
	 * which has none; the offending line's text may hold more */
	const char *open = strchr(parser_message, '(');
	int line = open ? atoi(open + 1) : 0;

	if (strstr(parser_message, "too long"))
		error_set(err, shown, line, "line is too long (at most %d characters)",
			  LINE_LIMIT - 2);
	else if (strstr(parser_message, "syntax error")) {
		/* quote the line (escaped later with the rest of the message) */
		const char *text = strstr(parser_message, "-> ");
		char quoted[64];

		snprintf(quoted, sizeof quoted, "%.*s", (int)strcspn(text ? text + 3 : "", "\n"),
			 text ? text + 3 : "");
		error_set(err, shown, line,
			  "syntax error: expected '[section]', 'key = value' or a comment, not '%s'",
			  quoted);
	} else if (strstr(parser_message, "memory"))
		error_set(err, shown, 0, "out of memory");
	else
		error_set(err, shown, line, "cannot be parsed");
}

int inidoc_load_buffer(const char *text, size_t len, const char *shown,
		       struct ini_doc *doc, struct error *err)
{
	struct scan sc = { 0 };
	struct seen seen = { 0 };
	char path[128], *copy = NULL;
	const char *nul;
	dictionary *d = NULL;
	int fd = -1, i, j;

	memset(doc, 0, sizeof *doc);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;
		len -= 3;
	}
	nul = memchr(text, '\0', len);
	if (nul) {
		int line = 1;
		const char *t;

		for (t = text; t < nul; t++)
			line += *t == '\n';
		error_set(err, shown, line, "holds a NUL byte; this is not a text file");
		return -1;
	}

	fd = private_copy(text, len, path, sizeof path);
	if (fd < 0) {
		error_set(err, shown, 0, "cannot make a private copy to parse: %s", strerror(errno));
		return -1;
	}
	parser_messages = 0;
	parser_message[0] = '\0';
	iniparser_set_error_callback(capture_error);
	d = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	close(fd);
	if (!d) {
		if (parser_messages)
			parser_error(shown, err);
		else
			error_set(err, shown, 0, "cannot be parsed");
		return -1;
	}

	copy = malloc(len + 1);
	if (!copy) {
		error_set(err, shown, 0, "out of memory");
		goto fail;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	if (scan_text(copy, len, shown, &sc, err) < 0)
		goto fail;

	for (i = 0; i < sc.n; i++) {
		int other = seen_check(&seen, &sc, i);

		if (other == -2) {
			error_set(err, shown, 0, "out of memory");
			goto fail;
		}
		if (other >= 0) {
			const char *key = name_at(&sc, sc.key_off[i]);

			if (key)
				error_set(err, shown, sc.entries[i].line,
					  "'%s' is given twice in [%s] (first on line %d)",
					  key, name_at(&sc, sc.section_off[i]), sc.entries[other].line);
			else
				error_set(err, shown, sc.entries[i].line,
					  "section [%s] appears twice (first on line %d)",
					  name_at(&sc, sc.section_off[i]), sc.entries[other].line);
			goto fail;
		}
	}

	/* pair our entries with the dictionary's, in order */
	for (i = 0, j = 0; i < d->size && j <= sc.n; i++) {
		const char *sec, *key;
		size_t seclen;

		if (!d->key[i])
			continue;
		if (j == sc.n)
			break;
		sec = name_at(&sc, sc.section_off[j]);
		key = name_at(&sc, sc.key_off[j]);
		seclen = strlen(sec);
		if (key ? (strncmp(d->key[i], sec, seclen) != 0 || d->key[i][seclen] != ':' ||
			   strcmp(d->key[i] + seclen + 1, key) != 0)
			: strcmp(d->key[i], sec) != 0) {
			error_set(err, shown, sc.entries[j].line,
				  "this line cannot be read unambiguously; check its quotes and brackets");
			goto fail;
		}
		sc.entries[j].value = key ? d->val[i] : NULL;
		if (key && !sc.entries[j].value)
			sc.entries[j].value = "";
		j++;
	}
	if (j != sc.n) {
		error_set(err, shown, j < sc.n ? sc.entries[j].line : 0,
			  "this line cannot be read unambiguously; check its quotes and brackets");
		goto fail;
	}
	for (j = 0; j < sc.n; j++) {
		sc.entries[j].section = name_at(&sc, sc.section_off[j]);
		sc.entries[j].key = name_at(&sc, sc.key_off[j]);
	}
	free(copy);
	free(seen.hash);
	free(seen.entry);
	free(sc.section_off);
	free(sc.key_off);
	doc->entries = sc.entries;
	doc->n = sc.n;
	doc->names = sc.names;
	doc->dict = d;
	return 0;
fail:
	free(copy);
	free(seen.hash);
	free(seen.entry);
	free(sc.entries);
	free(sc.section_off);
	free(sc.key_off);
	free(sc.names);
	if (d)
		iniparser_freedict(d);
	return -1;
}
