/* error.h - one error report: the file, the line and what is wrong.
 *
 * Every failure a user can cause ends in one of these, printed once as
 * "schaap: FILE:LINE: message" (or "schaap: FILE: message" when no line
 * applies). Core code fills them; front ends print them. */
#ifndef SCHAAP_ERROR_H
#define SCHAAP_ERROR_H

#include <stdio.h>

#define ERROR_FILE_MAX 1024
#define ERROR_MSG_MAX 600

struct error {
	char file[ERROR_FILE_MAX]; /* empty when no file is involved */
	int line;                  /* 0 when no line applies */
	char msg[ERROR_MSG_MAX];
};

/* Fill @e (which may be NULL) with @file, @line and a printf message. */
void error_set(struct error *e, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Clear @e to "no error". */
void error_clear(struct error *e);

/* Replace control characters and stray bytes in @e's message by visible
 * escapes: messages quote keys and values from files. */
void error_escape(struct error *e);

/* Print "schaap: FILE:LINE: message\n" to @out. */
void error_print(const struct error *e, FILE *out);

#endif
