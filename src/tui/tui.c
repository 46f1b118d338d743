/* tui.c - placeholder front until the ncurses planner lands: loads the
 * plan exactly as the planner will and prints its check. */
#include "tui.h"

#include <stdio.h>

#include "cli.h"

int tui_main(const struct catalog *cat, const char *path)
{
	char *files[1];

	if (!path) {
		fprintf(stderr, "schaap: the interactive planner is not built yet; "
				"give a TEAMFILE to see its check\n");
		return 2;
	}
	files[0] = (char *)path;
	fprintf(stderr, "schaap: the interactive planner is not built yet; "
			"showing the check of %s\n", path);
	return check_run(cat, files, 1, FORMAT_TEXT, false, stdout, stderr) == 2 ? 2 : 0;
}
