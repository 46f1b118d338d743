/* main.c - schaap's command line. */
#define _GNU_SOURCE
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalogfile.h"
#include "cli.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

static const char usage_text[] =
	"usage: schaap [--catalog FILE] [TEAMFILE]\n"
	"       schaap check [--format text|tsv] [--catalog FILE] TEAMFILE...\n"
	"       schaap report [--format md|html|csv] [-o OUT] [--catalog FILE] TEAMFILE\n"
	"       schaap --help | --version\n"
	"\n"
	"Plan a social media team: people against roles and tasks, with live\n"
	"coverage, overlap, load and five-legged sheep.\n"
	"\n"
	"  TEAMFILE          the team file to open; a missing file starts a new plan\n"
	"  check             print the findings; exit 0 clean, 1 warnings or errors,\n"
	"                    2 a file could not be read\n"
	"  --format FORMAT   check output: text (default) or tsv\n"
	"  --catalog FILE    use FILE instead of the built-in roles and tasks\n"
	"  -h, --help        show this help\n"
	"  -V, --version     show the version\n"
	"\n"
	"See schaap(1) and schaap-team(5).\n";

/* @what may quote an argument: escaped, as every message. */
static int usage_error(const char *what)
{
	char shown[1024];

	text_escape(what, shown, sizeof shown);
	fprintf(stderr, "schaap: %s\n%s", shown, usage_text);
	return 2;
}

/* getopt's own message would quote the option raw: say it here. */
static int bad_option(char **argv)
{
	char what[300];

	if (optopt && strchr("fc", optopt))
		snprintf(what, sizeof what, "option '%.200s' needs an argument", argv[optind - 1]);
	else if (optopt)
		snprintf(what, sizeof what, "unknown option '-%c'", optopt);
	else
		snprintf(what, sizeof what, "unknown option '%.200s'", argv[optind - 1]);
	return usage_error(what);
}

struct catalog *cli_catalog(const char *path, FILE *errout)
{
	struct error err;
	struct catalog *cat;
	char user[4096];
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct stat st;

	error_clear(&err);
	if (!path) {
		user[0] = '\0';
		if (xdg && *xdg)
			snprintf(user, sizeof user, "%s/schaap/catalog.ini", xdg);
		else if (home && *home)
			snprintf(user, sizeof user, "%s/.config/schaap/catalog.ini", home);
		if (user[0] && stat(user, &st) == 0)
			path = user;
	}
	cat = path ? catalogfile_load(path, &err) : catalogfile_builtin(&err);
	if (!cat)
		error_print(&err, errout);
	return cat;
}

/* Measure text in UTF-8 even when the locale is plain C. */
static void setup_locale(const char *argv0)
{
	const char *cs;

	i18n_init(argv0);
	cs = nl_langinfo(CODESET);
	if (!cs || strcmp(cs, "UTF-8") != 0)
		if (!setlocale(LC_CTYPE, "C.UTF-8"))
			setlocale(LC_CTYPE, "en_US.UTF-8");
}

/* @catalog: a --catalog given before the word check, or NULL. */
static int run_check(int argc, char **argv, const char *catalog)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "catalog", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum check_format format = FORMAT_TEXT;
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
	struct catalog *cat;
	bool colour;
	int c, status;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+f:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = FORMAT_TEXT;
			else if (strcmp(optarg, "tsv") == 0)
				format = FORMAT_TSV;
			else {
				char what[256];

				snprintf(what, sizeof what, "unknown format '%s' (text or tsv)", optarg);
				return usage_error(what);
			}
			break;
		case 'c':
			catalog = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		default:
			return bad_option(argv);
		}
	}
	if (optind >= argc)
		return usage_error("check needs at least one TEAMFILE");
	cat = cli_catalog(catalog, stderr);
	if (!cat)
		return 2;
	colour = isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
		 !(term && strcmp(term, "dumb") == 0);
	status = check_run(cat, argv + optind, argc - optind, format, colour, stdout, stderr);
	catalog_free(cat);
	return status;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "catalog", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "list-keys", no_argument, NULL, 'K' },
		{ NULL, 0, NULL, 0 },
	};
	const char *catalog = NULL;
	struct catalog *cat;
	int c, status;

	setup_locale(argv[0]);
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+c:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			catalog = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf("schaap %s\n", SCHAAP_VERSION);
			return 0;
		case 'K':
			/* the planner's key table, for the man page and its test */
			actions_print(stdout);
			return 0;
		default:
			return bad_option(argv);
		}
	}
	if (optind < argc && strcmp(argv[optind], "check") == 0) {
		int sub_argc = argc - optind;
		char **sub_argv = argv + optind;

		return run_check(sub_argc, sub_argv, catalog);
	}
	if (optind < argc && strcmp(argv[optind], "report") == 0)
		return report_main(argc - optind, argv + optind, catalog, cli_catalog);
	if (argc - optind > 1) {
		char what[256];

		snprintf(what, sizeof what, "unexpected argument '%s'", argv[optind + 1]);
		return usage_error(what);
	}
	cat = cli_catalog(catalog, stderr);
	if (!cat)
		return 2;
	status = tui_main(cat, optind < argc ? argv[optind] : NULL);
	catalog_free(cat);
	return status;
}
