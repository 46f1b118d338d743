/* writer.h - one writer per output format, each laying out the report
 * model of report.h. A new format is one file with one of these and a
 * line in the format table of the command that offers it. */
#ifndef SCHAAP_WRITER_H
#define SCHAAP_WRITER_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"

struct writer_options {
	bool colour; /* terminal colours (text only) */
};

struct report_writer {
	const char *name; /* the word after --format */
	/* Write @r to @out; returns 0, or -1 when writing failed. */
	int (*write)(const struct report *r, const struct writer_options *o, FILE *out);
};

extern const struct report_writer writer_text; /* check: for people at a terminal */
extern const struct report_writer writer_tsv;  /* check: one finding a line */
extern const struct report_writer writer_md;   /* report: Markdown pipe tables */
extern const struct report_writer writer_html; /* report: one self-contained page */
extern const struct report_writer writer_csv;  /* report: grid and slot figures */

/* The writer called @name among the NULL-ended @table, or NULL. */
const struct report_writer *writer_find(const struct report_writer *const *table,
					const char *name);

#endif
