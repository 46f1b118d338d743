/* inidoc.h - an INI file as its people wrote it, with line numbers.
 *
 * iniparser gives values but no line numbers, lowercases names, merges
 * duplicates and cuts values at a stray quote. inidoc reads the file once
 * into memory and keeps those bytes; its own linear scan counts what is
 * there (refusing files too big to answer quickly), names each entry,
 * reads each value by schaap's quoting rules and records where key and
 * value stand in the bytes, so a save can change a value and nothing
 * else. iniparser still parses every line for syntax, in bounded pieces,
 * and any disagreement between the two is refused rather than guessed at.
 * Duplicates, NUL bytes and keys outside a section are refused too. */
#ifndef SCHAAP_INIDOC_H
#define SCHAAP_INIDOC_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

struct ini_entry {
	const char *section; /* lowercased, as iniparser has it */
	const char *key;     /* lowercased; NULL on a section header */
	const char *value;   /* the value as schaap reads it; NULL on a header */
	int line;            /* first line of the entry, from 1 */
	/* Byte offsets into the document's text. */
	size_t start, end;   /* its lines: first byte, one past the last newline */
	size_t vstart, vend; /* the value as written, quotes included (empty
			      * right after the '=' and its blanks when there is
			      * no value); unset when the entry is continued */
	bool continued;      /* spread over lines joined by a backslash */
};

struct ini_doc {
	struct ini_entry *entries; /* in file order */
	int n;
	char *text;    /* the bytes as read, byte order mark included */
	size_t len;
	char *strings; /* storage of names and values */
};

/* What a caller allows beyond the general limits below: at most @most
 * sections whose name starts with @prefix (as "person"), called @what in
 * the message ("people"). */
struct ini_limits {
	const char *prefix;
	int most;
	const char *what;
};

/* Load @path; @shown is the name used in messages; @limits may be NULL.
 * Returns 0, or -1 with @err set (file and line filled). */
int inidoc_load_file(const char *path, const char *shown, const struct ini_limits *limits,
		     struct ini_doc *doc, struct error *err);

/* Load text held in memory (copied). */
int inidoc_load_buffer(const char *text, size_t len, const char *shown,
		       const struct ini_limits *limits, struct ini_doc *doc, struct error *err);

void inidoc_free(struct ini_doc *doc);

/* Make @e safe for a terminal: control characters and stray bytes in its
 * file name and message become visible escapes. */
void io_error_escape(struct error *e);

/* The largest file inidoc reads, and the most entries (section headers
 * and keys) it takes from one: more would keep a user waiting. */
#define INIDOC_MAX_BYTES (64u << 20)
#define INIDOC_MAX_ENTRIES 100000

/* For tests: when set, iniparser is given its copy of the text through a
 * temporary file named in $TMPDIR, as when /proc is not mounted. */
extern bool inidoc_no_proc;

#endif
