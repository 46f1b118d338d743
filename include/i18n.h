/* i18n.h - the program's texts in the user's language (gettext).
 *
 * Every text a person reads is written as _("...") where it is used, or
 * N_("...") where it is only named (a table) and translated later with
 * _(). Counted texts go through P_(singular, plural, n), never an English
 * plural built inline. Codes, TSV columns, INI keys and ids are never
 * translated. The core may use these too: gettext is not curses. */
#ifndef SCHAAP_I18N_H
#define SCHAAP_I18N_H

#include <libintl.h>
#include <stdbool.h>
#include <stddef.h>

#define _(s) gettext(s)
#define N_(s) (s)
#define P_(s, p, n) ngettext((s), (p), (unsigned long)(n))

/* Choose the language from the environment (LANG, LC_ALL, LANGUAGE) and
 * find the translations: beside the program when it runs from the build
 * tree (@argv0's directory, "locale/"), else in the installed locale
 * directory. Numbers stay in the C locale, so no file, TSV or CSV ever
 * gets a decimal comma. */
void i18n_init(const char *argv0);

/* The decimal separator of the language texts are shown in: ',' in
 * Dutch, '.' in English. Files, TSV and CSV always use '.'. */
char i18n_decimal_point(void);

/* From here on, texts are for scripts: English, with decimal points, as
 * TSV and CSV output must be whatever the user's language. */
void i18n_scripted(void);

#endif
