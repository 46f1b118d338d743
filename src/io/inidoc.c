/* inidoc.c - read INI text as its people wrote it, with iniparser's
 * verdict on its syntax.
 *
 * One linear scan mirrors iniparser 4.1's line rules (strip, comments,
 * sections up to the first ']', keys up to the first '=', lines joined by
 * a trailing backslash, at most 1,022 characters a line): it counts and
 * names the entries, reads the values by schaap's quoting rules and
 * records where each stands in the bytes. Only then does iniparser see
 * the section and key lines, in pieces of at most CHUNK_ENTRIES entries
 * (its dictionary grows with the square of its size), and its entries
 * are walked in lockstep with the scan's; any disagreement is refused. */
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

#include "text.h"

#define LINE_LIMIT 1024     /* iniparser's ASCIILINESZ */
#define CHUNK_ENTRIES 256  /* lines iniparser parses at a time */
#define NONE ((size_t)-1)

bool inidoc_no_proc;

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
	free(doc->entries);
	free(doc->text);
	free(doc->strings);
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

void io_error_escape(struct error *e)
{
	char buf[sizeof e->file];

	if (!e)
		return;
	text_escape(e->file, buf, sizeof buf);
	memcpy(e->file, buf, sizeof buf);
	error_escape(e);
}

/* ---- the scan ---------------------------------------------------------- */

struct buf {
	char *s;
	size_t len, cap;
};

/* Append @n bytes of @s and then @end (when not NUL); the offset or NONE. */
static size_t buf_add(struct buf *b, const char *s, size_t n, char end)
{
	size_t need = b->len + n + 1, off = b->len;

	if (need > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4096;
		char *grown;

		while (cap < need)
			cap *= 2;
		grown = realloc(b->s, cap);
		if (!grown)
			return NONE;
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + off, s, n);
	b->len += n;
	if (end) /* '\n' between sent lines; names and values end in NUL */
		b->s[b->len++] = end;
	else
		b->s[b->len++] = '\0';
	return off;
}

/* A line iniparser is shown: a section, a key or a line it must refuse. */
struct sent {
	size_t off;     /* in scan.sent */
	int line;       /* its first line in the file */
	int entry;      /* its entry, or -1 */
	size_t section; /* the section in force before it, or NONE */
};

struct scan {
	struct ini_entry *entries;
	size_t *sec, *key, *val; /* offsets into strings, NONE for none */
	int n, cap;
	struct buf strings;
	struct buf sent_text;
	struct sent *sent;
	int nsent, sent_cap;
	struct error own; /* the scan's first objection */
	bool objected;
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

static const char *str_at(const struct scan *sc, size_t off)
{
	return off == NONE ? NULL : sc->strings.s + off;
}

static int add_entry(struct scan *sc)
{
	if (sc->n == sc->cap) {
		int cap = sc->cap ? sc->cap * 2 : 64;
		struct ini_entry *e = realloc(sc->entries, (size_t)cap * sizeof *e);
		size_t *a, *b, *c;

		if (!e)
			return -1;
		sc->entries = e;
		a = realloc(sc->sec, (size_t)cap * sizeof *a);
		if (!a)
			return -1;
		sc->sec = a;
		b = realloc(sc->key, (size_t)cap * sizeof *b);
		if (!b)
			return -1;
		sc->key = b;
		c = realloc(sc->val, (size_t)cap * sizeof *c);
		if (!c)
			return -1;
		sc->val = c;
		sc->cap = cap;
	}
	memset(&sc->entries[sc->n], 0, sizeof sc->entries[sc->n]);
	sc->sec[sc->n] = sc->key[sc->n] = sc->val[sc->n] = NONE;
	return sc->n++;
}

static int add_sent(struct scan *sc, const char *line, int lineno, int entry, size_t section)
{
	size_t off;

	if (sc->nsent == sc->sent_cap) {
		int cap = sc->sent_cap ? sc->sent_cap * 2 : 64;
		struct sent *s = realloc(sc->sent, (size_t)cap * sizeof *s);

		if (!s)
			return -1;
		sc->sent = s;
		sc->sent_cap = cap;
	}
	off = buf_add(&sc->sent_text, line, strlen(line), '\n');
	if (off == NONE)
		return -1;
	sc->sent[sc->nsent++] = (struct sent){ off, lineno, entry, section };
	return 0;
}

/* Remember the scan's first objection; the caller goes on scanning. */
static void object(struct scan *sc, const char *shown, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void object(struct scan *sc, const char *shown, int line, const char *fmt, ...)
{
	va_list ap;
	char msg[ERROR_MSG_MAX];

	if (sc->objected)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	error_set(&sc->own, shown, line, "%s", msg);
	sc->objected = true;
}

/* Read the value that starts at @v (blanks before it skipped, none after
 * it). A value in quotes is the text between them, and the closing quote
 * must end it (a comment may follow); an apostrophe that no second one
 * closes is text, as in 't Hoekje. Unquoted, the value runs to a ';' or
 * '#' and loses its trailing blanks. Sets the value's text (@val, @vlen)
 * and the length written (@wlen, quotes included); returns NULL or why
 * the value cannot be read. */
static const char *read_value(const char *v, const char **val, size_t *vlen, size_t *wlen)
{
	size_t n;

	if (*v == '"' || *v == '\'') {
		const char *close = strchr(v + 1, *v), *cut = strpbrk(v, ";#"), *rest;

		if (close) {
			for (rest = close + 1; isspace((unsigned char)*rest); rest++)
				;
			if (!*rest || *rest == ';' || *rest == '#') {
				*val = v + 1;
				*vlen = (size_t)(close - v - 1);
				*wlen = (size_t)(close + 1 - v);
				return NULL;
			}
			if (*v == '"' || !cut || close < cut)
				return "goes on after its closing quote; put the whole value in quotes "
				       "(in double quotes when it holds an apostrophe) or leave them out";
		} else if (*v == '"') {
			return "opens a double quote that is never closed";
		}
	}
	n = strcspn(v, ";#");
	while (n > 0 && isspace((unsigned char)v[n - 1]))
		n--;
	*val = v;
	*vlen = n;
	*wlen = n;
	return NULL;
}

struct logical {
	char *text;   /* the line as iniparser joins it */
	int line;     /* its first line */
	size_t start; /* offset of its first line */
	size_t end;   /* one past its last newline */
	int lines;    /* physical lines joined */
};

/* Take one logical line into the scan. Returns 0, or -1 with @err set
 * when the file must be refused at once (out of memory, too many
 * entries). */
static int take_line(struct scan *sc, const struct logical *lg, size_t *section,
		     const char *shown, const struct ini_limits *lim, int *counted,
		     struct error *err)
{
	char *line = strip(lg->text), *eq;
	const char *val, *why;
	size_t vlen, wlen;
	int e;

	if (*line == '\0' || *line == ';' || *line == '#')
		return 0;
	if (sc->n >= INIDOC_MAX_ENTRIES) {
		error_set(err, shown, lg->line,
			  "holds more than %d entries (sections and keys); schaap reads at most that many",
			  INIDOC_MAX_ENTRIES);
		return -1;
	}
	if (line[0] == '[' && line[strlen(line) - 1] == ']') {
		char *close = strchr(line + 1, ']');
		size_t before = *section;
		char header[LINE_LIMIT + 4], *name;

		*close = '\0';
		name = strip(line + 1);
		lower(name);
		if (*name == '\0')
			object(sc, shown, lg->line, "a section needs a name");
		if (lim && lim->prefix && strncmp(name, lim->prefix, strlen(lim->prefix)) == 0 &&
		    ++*counted > lim->most) {
			error_set(err, shown, lg->line,
				  "holds more than %d %s; schaap plans at most that many",
				  lim->most, lim->what);
			return -1;
		}
		if ((e = add_entry(sc)) < 0)
			goto oom;
		*section = sc->sec[e] = buf_add(&sc->strings, name, strlen(name), 0);
		if (*section == NONE)
			goto oom;
		sc->entries[e].line = lg->line;
		sc->entries[e].start = lg->start;
		sc->entries[e].end = lg->end;
		sc->entries[e].continued = lg->lines > 1;
		/* iniparser is shown the header as it will read it back */
		snprintf(header, sizeof header, "[%s]", name);
		if (add_sent(sc, header, lg->line, e, before) < 0)
			goto oom;
		return 0;
	}
	eq = strchr(line, '=');
	if (!eq || eq == line) {
		object(sc, shown, lg->line, "syntax error: expected 'key = value'");
		if (add_sent(sc, line, lg->line, -1, *section) < 0)
			goto oom;
		return 0;
	}
	if (add_sent(sc, line, lg->line, sc->n, *section) < 0)
		goto oom;
	*eq = '\0';
	{
		char *key = strip(line), *v = eq + 1;

		lower(key);
		if (*section == NONE)
			object(sc, shown, lg->line,
			       "'%s' stands before any section; put it under [team] or a [person ...]", key);
		while (isspace((unsigned char)*v))
			v++;
		why = read_value(v, &val, &vlen, &wlen);
		if (why) {
			object(sc, shown, lg->line, "the value of '%s' %s", key, why);
			val = "";
			vlen = wlen = 0;
		}
		if ((e = add_entry(sc)) < 0)
			goto oom;
		sc->sec[e] = *section;
		sc->key[e] = buf_add(&sc->strings, key, strlen(key), 0);
		sc->val[e] = buf_add(&sc->strings, val, vlen, 0);
		if (sc->key[e] == NONE || sc->val[e] == NONE)
			goto oom;
		sc->entries[e].line = lg->line;
		sc->entries[e].start = lg->start;
		sc->entries[e].end = lg->end;
		sc->entries[e].continued = lg->lines > 1;
		if (lg->lines == 1) {
			sc->entries[e].vstart = lg->start + (size_t)(v - lg->text);
			sc->entries[e].vend = sc->entries[e].vstart + wlen;
		}
	}
	return 0;
oom:
	error_set(err, shown, 0, "out of memory");
	return -1;
}

/* Scan @text[@pos..@len) into entries. The caller has checked there is no
 * NUL. Returns -1 with @err set when the file is refused at once; the
 * scan's other objections wait in sc->own. */
static int scan_text(const char *text, size_t pos, size_t len, const char *shown,
		     const struct ini_limits *lim, struct scan *sc, struct error *err)
{
	struct logical lg = { 0 };
	size_t llen = 0, section = NONE;
	int lineno = 0, counted = 0, rc = 0;

	lg.text = malloc(len - pos + 1);
	if (!lg.text) {
		error_set(err, shown, 0, "out of memory");
		return -1;
	}
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len, k;

		lineno++;
		if (llen == 0) {
			lg.line = lineno;
			lg.start = pos;
			lg.lines = 0;
		}
		lg.lines++;
		if (end - pos + llen > LINE_LIMIT - 2) {
			object(sc, shown, lineno, "line is too long (at most %d characters)",
			       LINE_LIMIT - 2);
			llen = 0;
			break; /* iniparser stops here too */
		}
		memcpy(lg.text + llen, text + pos, end - pos);
		k = llen + (end - pos);
		pos = nl ? end + 1 : len;
		lg.end = pos;
		while (k > 0 && isspace((unsigned char)lg.text[k - 1]))
			k--;
		lg.text[k] = '\0';
		if (k > 0 && lg.text[k - 1] == '\\') {
			llen = k - 1; /* the next line continues this one */
			continue;
		}
		llen = 0;
		if ((rc = take_line(sc, &lg, &section, shown, lim, &counted, err)) < 0)
			break;
		if (sc->objected)
			break; /* what follows cannot change the answer */
	}
	/* a backslash on the last line continues nothing: take what is there */
	if (rc == 0 && llen > 0 && !sc->objected) {
		lg.text[llen] = '\0';
		rc = take_line(sc, &lg, &section, shown, lim, &counted, err);
	}
	free(lg.text);
	return rc;
}

/* ---- duplicates ------------------------------------------------------ */

/* Open addressing over "section\x01key". */
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

/* Returns the index of an earlier identical entry, -1 if none, -2 on OOM. */
static int seen_check(struct seen *s, const struct scan *sc, int idx)
{
	const char *sec = str_at(sc, sc->sec[idx]);
	const char *key = str_at(sc, sc->key[idx]);
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
		const char *osec = str_at(sc, sc->sec[other]);
		const char *okey = str_at(sc, sc->key[other]);

		if (s->hash[i] == h && strcmp(osec, sec) == 0 &&
		    ((!key && !okey) || (key && okey && strcmp(key, okey) == 0)))
			return other;
	}
	s->hash[i] = h;
	s->entry[i] = idx + 1;
	return -1;
}

/* ---- iniparser on a private copy, a piece at a time --------------------- */

/* A file iniparser (which only opens paths) can read by @path: a memory
 * file seen through /proc when there is one, else a temporary file that
 * the caller removes (*@named). */
static int private_file(char *path, size_t pathsz, bool *named)
{
	const char *dir = getenv("TMPDIR");
	int fd = -1;

	*named = false;
#ifdef MFD_CLOEXEC
	if (!inidoc_no_proc) {
		fd = memfd_create("schaap-ini", MFD_CLOEXEC);
		if (fd >= 0) {
			snprintf(path, pathsz, "/proc/self/fd/%d", fd);
			if (access(path, R_OK) == 0)
				return fd;
			close(fd);
		}
	}
#endif
	if ((size_t)snprintf(path, pathsz, "%s/schaap-ini-XXXXXX",
			     dir && *dir ? dir : "/tmp") >= pathsz) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkostemp(path, O_CLOEXEC);
	if (fd >= 0)
		*named = true;
	return fd;
}

static int put_all(int fd, const char *s, size_t n, off_t at)
{
	while (n > 0) {
		ssize_t w = pwrite(fd, s, n, at);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		s += w;
		n -= (size_t)w;
		at += w;
	}
	return 0;
}

/* Turn iniparser's message into ours: the line it names and what it means. */
static void parser_error(const char *shown, int line, struct error *err)
{
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

/* Walk iniparser's entries beside the scan's for sent lines [@a, @b);
 * returns the line of the first disagreement, or 0. */
static int pair(const struct scan *sc, const dictionary *d, int a, int b, bool header)
{
	int i, k = a;

	for (i = 0; i < d->size; i++) {
		const struct sent *s;
		const char *sec, *key;
		size_t seclen;

		if (!d->key[i])
			continue;
		if (header) {
			header = false;
			continue;
		}
		while (k < b && sc->sent[k].entry < 0)
			k++;
		if (k == b)
			return sc->sent[b - 1].line;
		s = &sc->sent[k++];
		sec = str_at(sc, sc->sec[s->entry]);
		key = str_at(sc, sc->key[s->entry]);
		if (!sec)
			return s->line;
		seclen = strlen(sec);
		if (key ? (strncmp(d->key[i], sec, seclen) != 0 || d->key[i][seclen] != ':' ||
			   strcmp(d->key[i] + seclen + 1, key) != 0)
			: strcmp(d->key[i], sec) != 0)
			return s->line;
	}
	while (k < b && sc->sent[k].entry < 0)
		k++;
	return k < b ? sc->sent[k].line : 0;
}

/* Have iniparser parse every sent line. Returns 0, or -1 with @perr set
 * (a syntax error, or a failure to make the copy); *@mismatch gets the
 * first line where iniparser and the scan disagree. */
static int iniparser_check(struct scan *sc, const char *shown, int *mismatch,
			   struct error *perr)
{
	char path[4200];
	bool named;
	int fd, a, rc = 0;

	*mismatch = 0;
	if (sc->nsent == 0)
		return 0;
	fd = private_file(path, sizeof path, &named);
	if (fd < 0) {
		error_set(perr, shown, 0, "cannot make a private copy to parse: %s",
			  strerror(errno));
		return -1;
	}
	for (a = 0; a < sc->nsent && rc == 0; a += CHUNK_ENTRIES) {
		int b = a + CHUNK_ENTRIES < sc->nsent ? a + CHUNK_ENTRIES : sc->nsent;
		size_t from = sc->sent[a].off;
		size_t to = b < sc->nsent ? sc->sent[b].off : sc->sent_text.len;
		const char *sec = str_at(sc, sc->sent[a].section);
		/* a piece that starts inside a section is given its header */
		bool header = sec && !(sc->sent[a].entry >= 0 && sc->key[sc->sent[a].entry] == NONE);
		char *head = NULL;
		int hlen = 0, line;
		dictionary *d;

		if (header && (hlen = asprintf(&head, "[%s]\n", sec)) < 0) {
			error_set(perr, shown, 0, "out of memory");
			rc = -1;
			break;
		}
		if (ftruncate(fd, 0) < 0 || put_all(fd, head ? head : "", (size_t)(header ? hlen : 0), 0) < 0 ||
		    put_all(fd, sc->sent_text.s + from, to - from, header ? hlen : 0) < 0) {
			error_set(perr, shown, 0, "cannot make a private copy to parse: %s",
				  strerror(errno));
			free(head);
			rc = -1;
			break;
		}
		free(head);
		parser_messages = 0;
		parser_message[0] = '\0';
		iniparser_set_error_callback(capture_error);
		d = iniparser_load(path);
		iniparser_set_error_callback(NULL);
		if (!d) {
			/* "... in PATH (LINE):": our path holds no '(' */
			const char *open = strchr(parser_message, '(');
			int n = open ? atoi(open + 1) - (header ? 1 : 0) : 0;

			line = n >= 1 && n <= b - a ? sc->sent[a + n - 1].line : sc->sent[a].line;
			if (parser_messages)
				parser_error(shown, line, perr);
			else
				error_set(perr, shown, 0, "cannot be parsed");
			rc = -1;
			break;
		}
		line = pair(sc, d, a, b, header);
		if (line && !*mismatch)
			*mismatch = line;
		iniparser_freedict(d);
	}
	close(fd);
	if (named)
		unlink(path);
	return rc;
}

/* Load the text in @text (owned from here on). */
static int load_owned(char *text, size_t len, const char *shown, const struct ini_limits *lim,
		      struct ini_doc *doc, struct error *err)
{
	struct scan sc = { 0 };
	struct seen seen = { 0 };
	struct error perr;
	size_t body = 0;
	const char *nul;
	int i, perr_rc, mismatch;

	memset(doc, 0, sizeof *doc);
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		body = 3;
	nul = memchr(text + body, '\0', len - body);
	if (nul) {
		int line = 1;
		const char *t;

		for (t = text + body; t < nul; t++)
			line += *t == '\n';
		error_set(err, shown, line, "holds a NUL byte; this is not a text file");
		goto fail;
	}
	if (scan_text(text, body, len, shown, lim, &sc, err) < 0)
		goto fail;
	error_clear(&perr);
	perr_rc = iniparser_check(&sc, shown, &mismatch, &perr);
	/* the first objection by line, iniparser's or the scan's */
	if (perr_rc < 0 && (!sc.objected || perr.line == 0 || perr.line <= sc.own.line)) {
		*err = perr;
		goto fail;
	}
	if (sc.objected) {
		*err = sc.own;
		goto fail;
	}
	for (i = 0; i < sc.n; i++) {
		int other = seen_check(&seen, &sc, i);

		if (other == -2) {
			error_set(err, shown, 0, "out of memory");
			goto fail;
		}
		if (other >= 0) {
			const char *key = str_at(&sc, sc.key[i]);

			if (key)
				error_set(err, shown, sc.entries[i].line,
					  "'%s' is given twice in [%s] (first on line %d)",
					  key, str_at(&sc, sc.sec[i]), sc.entries[other].line);
			else
				error_set(err, shown, sc.entries[i].line,
					  "section [%s] appears twice (first on line %d)",
					  str_at(&sc, sc.sec[i]), sc.entries[other].line);
			goto fail;
		}
	}
	if (mismatch) {
		error_set(err, shown, mismatch,
			  "this line cannot be read unambiguously; check its quotes and brackets");
		goto fail;
	}
	for (i = 0; i < sc.n; i++) {
		sc.entries[i].section = str_at(&sc, sc.sec[i]);
		sc.entries[i].key = str_at(&sc, sc.key[i]);
		sc.entries[i].value = str_at(&sc, sc.val[i]);
	}
	free(seen.hash);
	free(seen.entry);
	free(sc.sec);
	free(sc.key);
	free(sc.val);
	free(sc.sent);
	free(sc.sent_text.s);
	doc->entries = sc.entries;
	doc->n = sc.n;
	doc->strings = sc.strings.s;
	doc->text = text;
	doc->len = len;
	return 0;
fail:
	free(seen.hash);
	free(seen.entry);
	free(sc.entries);
	free(sc.sec);
	free(sc.key);
	free(sc.val);
	free(sc.sent);
	free(sc.sent_text.s);
	free(sc.strings.s);
	free(text);
	return -1;
}

int inidoc_load_file(const char *path, const char *shown, const struct ini_limits *limits,
		     struct ini_doc *doc, struct error *err)
{
	char *text;
	size_t len;

	memset(doc, 0, sizeof *doc);
	if (read_all(path, shown, &text, &len, err) < 0)
		return -1;
	return load_owned(text, len, shown, limits, doc, err);
}

int inidoc_load_buffer(const char *text, size_t len, const char *shown,
		       const struct ini_limits *limits, struct ini_doc *doc, struct error *err)
{
	char *copy = malloc(len + 1);

	memset(doc, 0, sizeof *doc);
	if (!copy) {
		error_set(err, shown, 0, "out of memory");
		return -1;
	}
	memcpy(copy, text, len);
	copy[len] = '\0';
	return load_owned(copy, len, shown, limits, doc, err);
}
