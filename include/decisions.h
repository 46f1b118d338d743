/* decisions.h - `schaap whatif`, `schaap suggest` and `schaap diff`: the
 * decisions of SPEC section 7 as text for people or TSV for scripts. Each
 * returns the exit status: 0, 1 (see schaap(1)) or 2 on trouble, after one
 * "schaap: FILE:LINE: what" on @errout. */
#ifndef SCHAAP_DECISIONS_H
#define SCHAAP_DECISIONS_H

#include <stdio.h>

#include "catalog.h"
#include "cli.h"
#include "error.h"
#include "plan.h"

/* Load @path, or standard input when it is "-". */
struct plan *cli_load(const char *path, const struct catalog *cat, struct error *err);

/* @without: a comma-separated list of person ids, or NULL for the
 * knock-out table and the bus factor. */
int whatif_run(const struct catalog *cat, const char *file, const char *without,
	       enum check_format format, FILE *out, FILE *errout);

/* @slot: one slot id, or NULL for every slot with a finding to act on. */
int suggest_run(const struct catalog *cat, const char *file, const char *slot,
		enum check_format format, FILE *out, FILE *errout);

int diff_run(const struct catalog *cat, const char *before, const char *after,
	     enum check_format format, FILE *out, FILE *errout);

#endif
