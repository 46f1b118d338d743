/* inidoc.h - an INI file as iniparser reads it, with line numbers.
 *
 * iniparser gives values but no line numbers, lowercases names and merges
 * duplicates. inidoc reads the file once into memory, refuses what
 * iniparser would misread (NUL bytes, duplicates, keys outside a
 * section), lets iniparser parse a copy without the byte order mark, and
 * pairs each of its entries with the line it came from. */
#ifndef SCHAAP_INIDOC_H
#define SCHAAP_INIDOC_H

#include <stddef.h>

#include "error.h"

struct ini_entry {
	const char *section; /* lowercased, as iniparser has it */
	const char *key;     /* NULL on a section header */
	const char *value;   /* iniparser's value; NULL on a section header */
	int line;            /* first line of the entry, from 1 */
};

struct ini_doc {
	struct ini_entry *entries; /* in file order */
	int n;
	void *dict;    /* iniparser's dictionary, owner of the values */
	char *names;   /* storage of section and key names */
};

/* Load @path; @shown is the name used in messages. Returns 0, or -1 with
 * @err set (file and line filled). */
int inidoc_load_file(const char *path, const char *shown, struct ini_doc *doc,
		     struct error *err);

/* Load text held in memory. */
int inidoc_load_buffer(const char *text, size_t len, const char *shown,
		       struct ini_doc *doc, struct error *err);

void inidoc_free(struct ini_doc *doc);

/* The largest file inidoc reads. */
#define INIDOC_MAX_BYTES (64u << 20)

#endif
