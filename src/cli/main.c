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
#include "decisions.h"
#include "i18n.h"
#include "text.h"
#include "tui.h"

static const char usage_text[] =
	/* TRANSLATORS: schaap --help; keep the command words, options and
	   FORMAT values (text, tsv) as they are; at most 80 columns */
	N_("usage: schaap [--catalog FILE] [TEAMFILE]\n"
	"       schaap check [--format text|tsv] [--catalog FILE] TEAMFILE...\n"
	"       schaap whatif [--without ID[,ID...]] [--format text|tsv] TEAMFILE\n"
	"       schaap suggest [--slot ID] [--format text|tsv] TEAMFILE\n"
	"       schaap diff [--format text|tsv] OLD NEW\n"
	"       schaap report [--format md|html|csv] [-o OUT] [--catalog FILE] TEAMFILE\n"
	"       schaap --help | --version\n"
	"\n"
	"Plan a social media team: people against roles and tasks, with live\n"
	"coverage, overlap, load and five-legged sheep.\n"
	"\n"
	"  TEAMFILE          the team file to open; a missing file starts a new plan\n"
	"  check             print the findings; exit 0 clean, 1 warnings or errors,\n"
	"                    2 a file could not be read\n"
	"  whatif            what each person's absence would create, and the bus\n"
	"                    factor; --without ID,...: what those absences change\n"
	"  suggest           who could take each slot that is uncovered, understaffed,\n"
	"                    without a lead or held only outside (--slot ID: that one)\n"
	"  diff              what changed from OLD to NEW: the plan, then the findings;\n"
	"                    - reads standard input\n"
	"  report            the team's report for the board: md (default), html or\n"
	"                    csv; -o OUT writes it to a file\n"
	"  --format FORMAT   output of a command: text (default) or tsv\n"
	"  --catalog FILE    use FILE instead of the built-in roles and tasks\n"
	"  -h, --help        show this help\n"
	"  -V, --version     show the version\n"
	"\n"
	"See schaap(1) and schaap-team(5).\n");

/* @what may quote an argument: escaped, as every message. */
static int usage_error(const char *what)
{
	char shown[1024];

	text_escape(what, shown, sizeof shown);
	fprintf(stderr, "schaap: %s\n%s", shown, _(usage_text));
	return 2;
}

/* getopt's own message would quote the option raw: say it here. */
static int bad_option(char **argv)
{
	char what[300];

	if (optopt && strchr("fc", optopt))
		snprintf(what, sizeof what, _("option '%.200s' needs an argument"), argv[optind - 1]);
	else if (optopt)
		snprintf(what, sizeof what, _("unknown option '-%c'"), optopt);
	else
		snprintf(what, sizeof what, _("unknown option '%.200s'"), argv[optind - 1]);
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

/* The subcommands: their words, what they take and their usage. */
enum { OPT_WITHOUT = 1, OPT_SLOT = 2 };

struct subcommand {
	const char *name;
	unsigned extra;     /* OPT_* the command takes beyond --format, --catalog, --help */
	int min, max;       /* file operands */
	const char *usage;
};

static const struct subcommand subcommands[] = {
	{ "check", 0, 1, -1,
	  /* TRANSLATORS: schaap check --help; at most 80 columns */
	  N_("usage: schaap check [--format text|tsv] [--catalog FILE] TEAMFILE...\n"
	  "\n"
	  "Print the findings of each team file. Exit 0 when there is no error or\n"
	  "warning, 1 when there is one, 2 when a file cannot be read.\n") },
	{ "whatif", OPT_WITHOUT, 1, 1,
	  /* TRANSLATORS: schaap whatif --help; at most 80 columns */
	  N_("usage: schaap whatif [--without ID[,ID...]] [--format text|tsv] [--catalog FILE]\n"
	  "                     TEAMFILE\n"
	  "\n"
	  "Without --without: for every person, the errors and warnings their absence\n"
	  "alone would create, worst first, and the team's bus factor; exit 1 when one\n"
	  "person's absence alone uncovers a needed slot. With --without: the findings\n"
	  "the absence of those people creates (new), clears (gone) and changes; exit 1\n"
	  "when an error or warning is new or changed. Exit 2 on trouble.\n") },
	{ "suggest", OPT_SLOT, 1, 1,
	  /* TRANSLATORS: schaap suggest --help; at most 80 columns */
	  N_("usage: schaap suggest [--slot ID] [--format text|tsv] [--catalog FILE] TEAMFILE\n"
	  "\n"
	  "For every slot that is uncovered, understaffed, without a lead or held only\n"
	  "by external people (or the slot given with --slot), the three best people\n"
	  "to take it: what each clears and creates, their load after and their fit.\n"
	  "Exit 1 when a slot has such a finding, 0 when none has, 2 on trouble.\n") },
	{ "diff", 0, 2, 2,
	  /* TRANSLATORS: schaap diff --help; at most 80 columns */
	  N_("usage: schaap diff [--format text|tsv] [--catalog FILE] OLD NEW\n"
	  "\n"
	  "What changed from OLD to NEW: people, shares, leads, fte, external and\n"
	  "needs, then the findings that are new, gone or changed. - reads standard\n"
	  "input. Exit 0 when no error or warning is new or changed, 1 when one is,\n"
	  "2 on trouble.\n") },
};

#define NSUB ((int)(sizeof subcommands / sizeof *subcommands))

static const struct subcommand *find_subcommand(const char *word)
{
	int i;

	for (i = 0; i < NSUB; i++)
		if (strcmp(subcommands[i].name, word) == 0)
			return &subcommands[i];
	return NULL;
}

/* @what may quote an argument: escaped, as every message. */
static int sub_usage_error(const struct subcommand *sc, const char *what)
{
	char shown[1024];

	text_escape(what, shown, sizeof shown);
	fprintf(stderr, "schaap: %s\n%s", shown, _(sc->usage));
	return 2;
}

/* Run a subcommand: argv[0] is its word. Options may stand before or after
 * the file names (getopt moves the names to the end); `--` ends them.
 * @catalog: a --catalog given before the word, or NULL. */
static int run_subcommand(const struct subcommand *sc, int argc, char **argv, const char *catalog)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "catalog", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "without", required_argument, NULL, 'w' },
		{ "slot", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	enum check_format format = FORMAT_TEXT;
	const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
	const char *without = NULL, *slot = NULL;
	struct catalog *cat;
	char what[300];
	char **files;
	int c, status, nfiles;
	bool colour;

	optind = 0; /* a full restart, so that getopt permutes again */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0)
				format = FORMAT_TEXT;
			else if (strcmp(optarg, "tsv") == 0)
				format = FORMAT_TSV;
			else {
				snprintf(what, sizeof what, _("unknown format '%.200s' (text or tsv)"), optarg);
				return sub_usage_error(sc, what);
			}
			break;
		case 'c':
			catalog = optarg;
			break;
		case 'h':
			fputs(_(sc->usage), stdout);
			return 0;
		case 'w':
		case 's':
			if (!(sc->extra & (c == 'w' ? OPT_WITHOUT : OPT_SLOT))) {
				snprintf(what, sizeof what, _("%s takes no option '--%s'"), sc->name,
					 c == 'w' ? "without" : "slot");
				return sub_usage_error(sc, what);
			}
			if (c == 'w')
				without = optarg;
			else
				slot = optarg;
			break;
		case ':':
			snprintf(what, sizeof what, _("option '%.200s' needs a value"), argv[optind - 1]);
			return sub_usage_error(sc, what);
		default:
			if (optopt)
				snprintf(what, sizeof what, _("unknown option '-%c'"), optopt);
			else
				snprintf(what, sizeof what, _("unknown option '%.200s'"), argv[optind - 1]);
			return sub_usage_error(sc, what);
		}
	}
	files = argv + optind;
	nfiles = argc - optind;
	if (nfiles < sc->min) {
		if (sc->min == 2)
			snprintf(what, sizeof what, _("%s needs two files, OLD and NEW"), sc->name);
		else if (sc->max < 0)
			snprintf(what, sizeof what, _("%s needs at least one TEAMFILE"), sc->name);
		else
			snprintf(what, sizeof what, _("%s needs a TEAMFILE"), sc->name);
		return sub_usage_error(sc, what);
	}
	if (sc->max >= 0 && nfiles > sc->max) {
		snprintf(what, sizeof what, _("unexpected argument '%.200s'"), files[sc->max]);
		return sub_usage_error(sc, what);
	}
	/* TSV is for scripts: English, with decimal points */
	if (format == FORMAT_TSV)
		i18n_scripted();
	cat = cli_catalog(catalog, stderr);
	if (!cat)
		return 2;
	colour = isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
		 !(term && strcmp(term, "dumb") == 0);
	if (strcmp(sc->name, "check") == 0)
		status = check_run(cat, files, nfiles, format, colour, stdout, stderr);
	else if (strcmp(sc->name, "whatif") == 0)
		status = whatif_run(cat, files[0], without, format, stdout, stderr);
	else if (strcmp(sc->name, "suggest") == 0)
		status = suggest_run(cat, files[0], slot, format, stdout, stderr);
	else
		status = diff_run(cat, files[0], files[1], format, stdout, stderr);
	catalog_free(cat);
	return status;
}

/* A word that is no command and names no file, but is near a command. */
static int near_command(const char *word)
{
	const char *names[NSUB + 1];
	const char *near;
	struct stat st;
	int i;

	if (stat(word, &st) == 0 || strchr(word, '.') || strchr(word, '/'))
		return 0;
	for (i = 0; i < NSUB; i++)
		names[i] = subcommands[i].name;
	names[NSUB] = "report"; /* report parses its own options (report_cmd.c) */
	near = text_suggest(word, names, NSUB + 1);
	if (!near)
		return 0;
	{
		char esc[256];

		text_escape(word, esc, sizeof esc);
		fprintf(stderr, _("schaap: unknown command '%s'; did you mean '%s'?\n"), esc, near);
	}
	return 2;
}

/* --help, --version and --list-keys. */
static int main_option(int c)
{
	if (c == 'h')
		fputs(_(usage_text), stdout);
	else if (c == 'V')
		printf("schaap %s\n", SCHAAP_VERSION);
	else {
		/* the planner's key table, for the man page and its test */
		i18n_scripted();
		actions_print(stdout);
	}
	return 0;
}

/* The options of schaap itself, from optind on (@optstring "+..." stops at
 * the first word). Returns -1 to go on, else the exit status. */
static int main_options(int argc, char **argv, const char *optstring, const char **catalog)
{
	static const struct option opts[] = {
		{ "catalog", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "list-keys", no_argument, NULL, 'K' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, optstring, opts, NULL)) != -1) {
		if (c == 'c')
			*catalog = optarg;
		else if (c == 'h' || c == 'V' || c == 'K')
			return main_option(c);
		else
			return bad_option(argv);
	}
	return -1;
}

int main(int argc, char **argv)
{
	const char *catalog = NULL;
	struct catalog *cat;
	int status;

	setup_locale(argv[0]);
	if ((status = main_options(argc, argv, "+c:hV", &catalog)) >= 0)
		return status;
	if (optind < argc && strcmp(argv[optind], "report") == 0)
		return report_main(argc - optind, argv + optind, catalog, cli_catalog);
	if (optind < argc && strcmp(argv[optind - 1], "--") != 0) {
		const struct subcommand *sc = find_subcommand(argv[optind]);

		if (sc)
			return run_subcommand(sc, argc - optind, argv + optind, catalog);
		if (near_command(argv[optind]))
			return 2;
	}
	/* the planner: options may also follow the file name */
	optind = 0;
	if ((status = main_options(argc, argv, "c:hV", &catalog)) >= 0)
		return status;
	if (argc - optind > 1) {
		char what[256];

		snprintf(what, sizeof what, _("unexpected argument '%.200s'"), argv[optind + 1]);
		return usage_error(what);
	}
	cat = cli_catalog(catalog, stderr);
	if (!cat)
		return 2;
	status = tui_main(cat, optind < argc ? argv[optind] : NULL);
	catalog_free(cat);
	return status;
}
