/* cli.h - the command line front: argument parsing and `schaap check`. */
#ifndef SCHAAP_CLI_H
#define SCHAAP_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "catalog.h"

#define SCHAAP_VERSION "0.1.0"

enum check_format { FORMAT_TEXT, FORMAT_TSV };

/* Run check over @files; returns the exit status (0, 1 or 2). */
int check_run(const struct catalog *cat, char **files, int nfiles,
	      enum check_format format, bool colour, FILE *out, FILE *errout);

/* `schaap report ...`: @argv[0] is "report"; @catalog a --catalog given
 * before it, or NULL, and @load the function that loads the catalog (see
 * cli_catalog). Returns the exit status. */
int report_main(int argc, char **argv, const char *catalog,
		struct catalog *(*load)(const char *path, FILE *errout));

/* Print @text (already escaped) wrapped at 80 columns, continuation
 * lines indented by @indent; the first line starts at column @col. */
void cli_wrap(FILE *out, const char *text, int col, int indent);

/* The catalog to use: @path when given, else the user's catalog under
 * $XDG_CONFIG_HOME/schaap (or ~/.config/schaap) when there is one, else
 * the built-in one. NULL after printing an error. */
struct catalog *cli_catalog(const char *path, FILE *errout);

#endif
