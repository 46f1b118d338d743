/* i18n.c - choose the language and find its translations. */
#define _GNU_SOURCE
#include "i18n.h"

#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

#define DOMAIN "schaap"

/* Whether @dir holds a catalog of ours for some language. */
static bool has_translations(const char *dir)
{
	char path[PATH_MAX + 64];
	struct stat st;

	snprintf(path, sizeof path, "%s/nl/LC_MESSAGES/" DOMAIN ".mo", dir);
	return stat(path, &st) == 0;
}

/* The directory of the running program, from /proc or from @argv0. */
static bool program_dir(const char *argv0, char *out, size_t n)
{
	char exe[PATH_MAX];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	char *slash;

	if (len > 0) {
		exe[len] = '\0';
	} else if (argv0 && strchr(argv0, '/') && strlen(argv0) < sizeof exe) {
		strcpy(exe, argv0);
	} else {
		return false;
	}
	slash = strrchr(exe, '/');
	if (!slash)
		return false;
	*slash = '\0';
	snprintf(out, n, "%s", exe[0] ? exe : "/");
	return true;
}

void i18n_init(const char *argv0)
{
	char dir[PATH_MAX], try[PATH_MAX + 32];
	const char *found = LOCALEDIR;

	const char *language = getenv("LANGUAGE"), *messages;

	setlocale(LC_ALL, "");
	/* LANGUAGE=nl chooses Dutch even in the plain C locale, which
	   gettext would otherwise keep English */
	messages = setlocale(LC_MESSAGES, NULL);
	if (language && *language && messages &&
	    (strcmp(messages, "C") == 0 || strcmp(messages, "POSIX") == 0))
		setlocale(LC_MESSAGES, "C.UTF-8");
	/* numbers in files, TSV and CSV never take the locale's comma */
	setlocale(LC_NUMERIC, "C");
	if (program_dir(argv0, dir, sizeof dir)) {
		/* run from the build tree: build/schaap beside build/locale */
		snprintf(try, sizeof try, "%s/locale", dir);
		if (has_translations(try)) {
			found = try;
		} else {
			/* installed: PREFIX/bin/schaap beside PREFIX/share/locale */
			snprintf(try, sizeof try, "%s/../share/locale", dir);
			if (has_translations(try))
				found = try;
		}
	}
	bindtextdomain(DOMAIN, found);
	bind_textdomain_codeset(DOMAIN, "UTF-8");
	textdomain(DOMAIN);
	text_set_shown_point(i18n_decimal_point());
}

char i18n_decimal_point(void)
{
	/* TRANSLATORS: the decimal separator in numbers shown to people
	   (FTE 0.8, 3.6 hours): one character, "," in Dutch. */
	const char *p = _(".");

	return p[0] && !p[1] ? p[0] : '.';
}

void i18n_scripted(void)
{
	setlocale(LC_MESSAGES, "C");
	text_set_shown_point('.');
}
