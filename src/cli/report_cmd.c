/* report_cmd.c - `schaap report`: load one team file, analyse it, build
 * the report model once and hand it to the writer of the chosen format,
 * on standard output or atomically into a file. */
#define _GNU_SOURCE
#include "cli.h"

#include <errno.h>
#include <stdbool.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "analysis.h"
#include "i18n.h"
#include "report.h"
#include "teamfile.h"
#include "text.h"
#include "writer.h"

static const char report_usage[] =
	/* TRANSLATORS: schaap report --help; at most 80 columns */
	N_("usage: schaap report [--format md|html|csv] [-o OUT] [--date DATE]\n"
	"                     [--catalog FILE] TEAMFILE\n"
	"\n"
	"Write the team's report for the board: the team, its people with load\n"
	"bars, the grid, coverage of every slot and the findings with advice.\n"
	"\n"
	"  --format FORMAT   md (Markdown, the default), html (one printable page)\n"
	"                    or csv (the grid and the figures of each slot)\n"
	"  -o, --output OUT  write to OUT (replaced whole or not at all), not stdout\n"
	"  --date DATE       date the report: YYYY-MM-DD, or today; without it the\n"
	"                    report has no date unless SOURCE_DATE_EPOCH is set\n"
	"  --catalog FILE    use FILE instead of the built-in roles and tasks\n"
	"  -h, --help        show this help\n");

static const struct report_writer *const formats[] = {
	&writer_md, &writer_html, &writer_csv, NULL,
};

static int report_error(const char *what)
{
	fprintf(stderr, "schaap: %s\n%s", what, _(report_usage));
	return 2;
}

/* @arg escaped and cut to fit @esc (64 bytes). */
static const char *esc_arg(const char *arg, char *esc)
{
	text_fit(arg, 40, false, esc, 64);
	return esc;
}

static bool valid_date(const char *s)
{
	struct tm tm;
	const char *end;

	if (strlen(s) != 10)
		return false;
	memset(&tm, 0, sizeof tm);
	end = strptime(s, "%Y-%m-%d", &tm);
	return end && !*end && s[4] == '-' && s[7] == '-';
}

/* The date to print into @buf, or NULL for none; -1 on a bad value. */
static int pick_date(const char *given, char *buf, size_t n, const char **date)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	struct tm tm;
	time_t t;

	*date = NULL;
	if (given && strcmp(given, "today") != 0) {
		if (!valid_date(given)) {
			char esc[64];

			text_fit(given, 20, false, esc, sizeof esc);
			fprintf(stderr, _("schaap: --date wants YYYY-MM-DD or today, not '%s'\n"), esc);
			return -1;
		}
		*date = given;
		return 0;
	}
	if (epoch && *epoch) {
		char *end;
		long long secs;

		errno = 0;
		secs = strtoll(epoch, &end, 10);
		if (errno || *end || secs < 0 || !gmtime_r(&(time_t){ (time_t)secs }, &tm)) {
			fprintf(stderr, "%s", _("schaap: SOURCE_DATE_EPOCH must be seconds since 1970\n"));
			return -1;
		}
	} else if (given) {
		t = time(NULL);
		localtime_r(&t, &tm);
	} else {
		return 0;
	}
	strftime(buf, n, "%Y-%m-%d", &tm);
	*date = buf;
	return 0;
}

/* Write @r to @path through a temporary file beside it, renamed over it
 * only when every byte is on disk. A link is written through to its
 * target, and an existing file keeps its permission bits. */
static int write_atomic(const struct report *r, const struct report_writer *w,
			const char *path)
{
	const struct writer_options opts = { false };
	char *target = NULL, *tmp = NULL, esc[1024];
	struct stat st;
	mode_t mode, mask;
	FILE *out = NULL;
	int fd = -1, saved = 0;
	bool created = false;

	text_fit(path, 200, false, esc, sizeof esc);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode)) {
		/* a device or a pipe (-o /dev/stdout): written as it is */
		if (!(out = fopen(path, "w")) || w->write(r, &opts, out) < 0 || fflush(out) != 0)
			goto fail;
		if (fclose(out) != 0) {
			out = NULL;
			goto fail;
		}
		return 0;
	}
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		errno = EISDIR; /* say so, not what rename would */
		goto fail;
	}
	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode) && !(target = realpath(path, NULL)))
		goto fail;
	if (!target && !(target = strdup(path)))
		goto fail;
	if (stat(target, &st) == 0) {
		mode = st.st_mode & 07777;
	} else {
		mask = umask(0);
		umask(mask);
		mode = 0666 & ~mask;
	}
	if (asprintf(&tmp, "%s.tmp-XXXXXX", target) < 0) {
		tmp = NULL;
		goto fail;
	}
	fd = mkstemp(tmp);
	created = fd >= 0;
	if (fd < 0 || fchmod(fd, mode) < 0 || !(out = fdopen(fd, "w")))
		goto fail;
	if (w->write(r, &opts, out) < 0 || fflush(out) != 0 || fsync(fd) < 0)
		goto fail;
	fd = -1;
	if (fclose(out) != 0) {
		out = NULL;
		goto fail;
	}
	out = NULL;
	if (rename(tmp, target) < 0)
		goto fail;
	created = false;
	free(tmp);
	free(target);
	return 0;
fail:
	saved = errno ? errno : EIO;
	if (out)
		fclose(out);
	else if (fd >= 0)
		close(fd);
	if (created)
		unlink(tmp);
	fprintf(stderr, _("schaap: %s: cannot write: %s\n"), esc, strerror(saved));
	free(tmp);
	free(target);
	return 2;
}

int report_main(int argc, char **argv, const char *catalog,
		struct catalog *(*load)(const char *path, FILE *errout))
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "date", required_argument, NULL, 'd' },
		{ "catalog", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct report_writer *w = &writer_md;
	const char *output = NULL, *given_date = NULL, *date;
	char datebuf[32];
	struct catalog *cat;
	struct analysis a;
	struct report *r = NULL;
	struct plan *p;
	struct error err;
	char what[160], esc[64];
	int c, status = 0;

	optind = 0; /* a full restart: options may follow the file name too */
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:c:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (!(w = writer_find(formats, optarg))) {
				text_fit(optarg, 20, false, esc, sizeof esc);
				snprintf(what, sizeof what, _("unknown format '%s' (md, html or csv)"), esc);
				return report_error(what);
			}
			break;
		case 'o':
			output = optarg;
			break;
		case 'd':
			given_date = optarg;
			break;
		case 'c':
			catalog = optarg;
			break;
		case 'h':
			fputs(_(report_usage), stdout);
			return 0;
		case ':':
			snprintf(what, sizeof what, _("option '%s' needs a value"), esc_arg(argv[optind - 1], esc));
			return report_error(what);
		default:
			if (optopt)
				snprintf(what, sizeof what, _("unknown option '-%c'"), optopt);
			else
				snprintf(what, sizeof what, _("unknown option '%s'"), esc_arg(argv[optind - 1], esc));
			return report_error(what);
		}
	}
	if (optind >= argc)
		return report_error(_("report needs a TEAMFILE"));
	if (argc - optind > 1) {
		text_fit(argv[optind + 1], 40, false, esc, sizeof esc);
		snprintf(what, sizeof what, _("report takes one TEAMFILE, not also '%s'"), esc);
		return report_error(what);
	}
	if (output && !*output)
		return report_error(_("-o wants a file name"));
	if (pick_date(given_date, datebuf, sizeof datebuf, &date) < 0)
		return 2;
	/* CSV is for spreadsheets and scripts: the same in every language */
	if (w == &writer_csv)
		i18n_scripted();
	cat = load(catalog, stderr);
	if (!cat)
		return 2;
	error_clear(&err);
	p = teamfile_load(argv[optind], cat, &err);
	if (!p) {
		error_print(&err, stderr);
		catalog_free(cat);
		return 2;
	}
	analysis_init(&a);
	if (analysis_run(&a, p) < 0 || !(r = report_build(&a, argv[optind], date))) {
		fprintf(stderr, "schaap: %s\n", _("out of memory"));
		status = 2;
	} else if (output) {
		status = write_atomic(r, w, output);
	} else {
		const struct writer_options o = { false };

		if (w->write(r, &o, stdout) < 0 || fflush(stdout) != 0) {
			fprintf(stderr, _("schaap: cannot write the report: %s\n"), strerror(errno));
			status = 2;
		}
	}
	report_free(r);
	analysis_release(&a);
	plan_free(p);
	catalog_free(cat);
	return status;
}
