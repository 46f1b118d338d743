/* support.h - helpers shared by the cmocka suites. */
#ifndef SCHAAP_TEST_SUPPORT_H
#define SCHAAP_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "analysis.h"
#include "catalog.h"
#include "error.h"
#include "plan.h"

/* The built-in catalog, loaded once per process. */
const struct catalog *test_catalog(void);

/* Load team file text; on failure the error is kept in test_error. */
struct plan *test_plan(const char *text);
extern struct error test_error;

/* A scratch directory for the running suite, made once, removed at exit. */
const char *test_dir(void);

/* Write @text to @name inside test_dir(); returns the full path (static). */
const char *test_write(const char *name, const char *text);

/* Read a whole file into a malloc'd string. */
char *test_read(const char *path);

/* Slot index by id, failing the test when it is missing. */
int test_slot(const char *id);

/* Whether the analysis of @p holds a finding @code on subject id @subject. */
bool test_has(const struct analysis *a, enum finding_code code, const char *subject);

/* The message of the first finding @code on @subject, or "" (static). */
const char *test_message(const struct analysis *a, enum finding_code code, const char *subject);

#endif
