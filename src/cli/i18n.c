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

#include "catalog.h"
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

	if (!setlocale(LC_ALL, "")) {
		/* the locale asked for is not installed here: still speak its
		   language, as if LANGUAGE named it */
		const char *asked = getenv("LC_ALL");
		char code[16];
		size_t n;

		if (!asked || !*asked)
			asked = getenv("LC_MESSAGES");
		if (!asked || !*asked)
			asked = getenv("LANG");
		n = asked ? strcspn(asked, "_.@") : 0;
		if ((!language || !*language) && n > 0 && n < sizeof code &&
		    strcmp(asked, "C") != 0 && strcmp(asked, "POSIX") != 0 && asked[0] != 'C') {
			memcpy(code, asked, n);
			code[n] = '\0';
			setenv("LANGUAGE", code, 1);
			language = getenv("LANGUAGE");
		}
	}
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
	catalog_set_dutch(i18n_language_is("nl"));
}

bool i18n_language_is(const char *code)
{
	/* the header of the translation in use names its language; with no
	   translation gettext("") is "" */
	static const char header_id[] = "";
	const char *header = gettext(header_id), *at = header;
	size_t len = strlen(code);

	while ((at = strstr(at, "Language: "))) {
		if (at == header || at[-1] == '\n') {
			at += strlen("Language: ");
			return strncmp(at, code, len) == 0 &&
			       (at[len] == '\n' || at[len] == '_' || at[len] == '\0');
		}
		at++;
	}
	return false;
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
	catalog_set_dutch(false);
}
