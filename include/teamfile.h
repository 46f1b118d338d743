/* teamfile.h - read and write team files (SPEC section 2).
 *
 * Loading is all or nothing: a plan comes back whole or not at all, with
 * one error naming file and line. A plan loaded with its text is saved
 * against that text, so the file keeps its comments, spelling and layout
 * and only what the plan changed changes; a plan without one is written
 * in the canonical form. Saving writes to a temporary file beside the
 * target, syncs it and renames it over the target, so a failure at any
 * step leaves the old file as it was. */
#ifndef SCHAAP_TEAMFILE_H
#define SCHAAP_TEAMFILE_H

#include <stdio.h>

#include "catalog.h"
#include "error.h"
#include "plan.h"

/* The most people a team file may hold. */
#define PEOPLE_MAX 10000

/* The bytes a plan was loaded from. */
struct teamfile_text;

/* Load @path against @cat. An empty file is an empty plan. */
struct plan *teamfile_load(const char *path, const struct catalog *cat, struct error *err);

/* Load @path and hand its text to *@text (NULL when the load fails); the
 * caller frees it with teamfile_text_free. */
struct plan *teamfile_load_text(const char *path, const struct catalog *cat,
				struct teamfile_text **text, struct error *err);

/* Load team file text held in memory; @shown names it in messages. */
struct plan *teamfile_load_buffer(const char *text, size_t len, const char *shown,
				  const struct catalog *cat, struct error *err);
struct plan *teamfile_load_buffer_text(const char *text, size_t len, const char *shown,
				       const struct catalog *cat, struct teamfile_text **kept,
				       struct error *err);

void teamfile_text_free(struct teamfile_text *text);

/* Write the canonical form of @p to @out. Returns 0 or -1 on a write error. */
int teamfile_write(const struct plan *p, FILE *out);

/* How a save wrote the file. */
enum save_form {
	SAVE_CANONICAL, /* no text to keep: the canonical form */
	SAVE_KEPT,      /* the loaded text, changed only where the plan changed */
	SAVE_REWRITTEN, /* the change could not be made in the loaded text, so
			 * the canonical form was written: tell the user */
};

/* The bytes a save of @p would write: @text (may be NULL) with only what
 * changed changed, or the canonical form. Returns 0 and a malloc'd
 * *@out, or -1 when out of memory. */
int teamfile_render(const struct plan *p, const struct teamfile_text *text, char **out,
		    size_t *outlen, enum save_form *form);

/* Save @p to @path atomically, keeping the permission bits of an existing
 * file and writing through a symbolic link to its target. With @text
 * (may be NULL) the save keeps that text and, once saved, *@text becomes
 * what was written; @form (may be NULL) says how it was written. */
int teamfile_save_text(const struct plan *p, struct teamfile_text **text, const char *path,
		       enum save_form *form, struct error *err);
int teamfile_save(const struct plan *p, const char *path, struct error *err);

/* "@path.save", malloc'd, or NULL (errno ENAMETOOLONG when it would not
 * fit a path). */
char *teamfile_recovery_path(const char *path);

/* Write @p to PATH.save (PATH NULL: schaap-untitled.ini.save) after a
 * hang-up: a new file renamed over whatever stands there, never written
 * through a link, with the permission bits of PATH. On success *@written
 * is the malloc'd name written. */
int teamfile_save_recovery(const struct plan *p, const struct teamfile_text *text,
			   const char *path, char **written, struct error *err);

/* For tests: when set, called before each step of a save; a non-zero
 * return is taken as that step failing with that errno. */
enum save_step { SAVE_CREATE, SAVE_WRITE, SAVE_FSYNC, SAVE_RENAME, SAVE_STEPS };
extern int (*teamfile_fault)(enum save_step step);

#endif
