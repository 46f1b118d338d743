/* teamfile.h - read and write team files (SPEC section 2).
 *
 * Loading is all or nothing: a plan comes back whole or not at all, with
 * one error naming file and line. Saving writes the canonical form to a
 * temporary file beside the target, syncs it and renames it over the
 * target, so a failure at any step leaves the old file as it was. */
#ifndef SCHAAP_TEAMFILE_H
#define SCHAAP_TEAMFILE_H

#include <stdio.h>

#include "catalog.h"
#include "error.h"
#include "plan.h"

/* Load @path against @cat. An empty file is an empty plan. */
struct plan *teamfile_load(const char *path, const struct catalog *cat, struct error *err);

/* Load team file text held in memory; @shown names it in messages. */
struct plan *teamfile_load_buffer(const char *text, size_t len, const char *shown,
				  const struct catalog *cat, struct error *err);

/* Write the canonical form of @p to @out. Returns 0 or -1 on a write error. */
int teamfile_write(const struct plan *p, FILE *out);

/* Save @p to @path atomically, keeping the permission bits of an existing
 * file and writing through a symbolic link to its target. */
int teamfile_save(const struct plan *p, const char *path, struct error *err);

/* For tests: when set, called before each step of a save; a non-zero
 * return is taken as that step failing with that errno. */
enum save_step { SAVE_CREATE, SAVE_WRITE, SAVE_FSYNC, SAVE_RENAME, SAVE_STEPS };
extern int (*teamfile_fault)(enum save_step step);

#endif
