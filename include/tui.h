/* tui.h - the interactive planner. */
#ifndef SCHAAP_TUI_H
#define SCHAAP_TUI_H

#include <stdio.h>

#include "catalog.h"

/* Run the planner on @path (NULL: an untitled plan). Returns the exit
 * status: 0, or 2 when the file cannot be loaded (message printed before
 * the screen is touched). */
int tui_main(const struct catalog *cat, const char *path);

/* Print the planner's key table: action, keys, help (tab separated). */
void actions_print(FILE *out);

#endif
