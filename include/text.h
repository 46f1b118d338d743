/* text.h - strings as users type them and as screens show them.
 *
 * Pure functions, no locale state beyond what wcwidth(3) reads. */
#ifndef SCHAAP_TEXT_H
#define SCHAAP_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Longest value (name, note) in bytes that a team file line can carry. */
#define TEXT_VALUE_MAX 800

/* True when @s[0..len) is well-formed UTF-8 (no overlongs, surrogates or
 * code points past U+10FFFF). */
bool text_valid_utf8(const char *s, size_t len);

/* Decode one UTF-8 character at @s (at most @len bytes); store the code
 * point in @cp and return its length, or 0 when the bytes are not UTF-8. */
size_t text_decode(const char *s, size_t len, unsigned *cp);

/* True for C0 controls, DEL, C1 controls (U+0080..U+009F) and the bidi
 * embedding, override and isolate controls (U+202A..U+202E,
 * U+2066..U+2069), which are shown escaped wherever a person reads. */
bool text_is_control(unsigned cp);

/* Copy @in to @out (size @n, always terminated) with every control
 * character replaced by a visible escape ("\n", "\t", "\x1b", "\u0085")
 * and every byte that is not UTF-8 by "\xNN". Returns the length the
 * whole escaped text needs, like snprintf. */
size_t text_escape(const char *in, char *out, size_t n);

/* Columns @s takes on a terminal once escaped (wide characters count 2). */
int text_width(const char *s);

/* Copy the escaped @s into @out (size @n), cut so it takes at most @cols
 * columns, and padded with spaces to exactly @cols when @pad. Never splits
 * a character. Returns the columns used. */
int text_fit(const char *s, int cols, bool pad, char *out, size_t n);

/* How many bytes of @s fit in @cols columns: all of it when it fits,
 * else up to the last space that fits, else as many whole characters as
 * fit (at least one, so a caller always advances). */
size_t text_break(const char *s, int cols);

/* Whether @s can be stored as a name or note: UTF-8, no line break or
 * NUL, at most TEXT_VALUE_MAX bytes. On refusal returns false and points
 * @why at a sentence for the user. */
bool text_storable(const char *s, const char **why);

/* Whether a team file must quote @s so the INI reader gets it back whole:
 * it holds ';' or '#', starts with a quote, or has white space or a
 * backslash at either end. */
bool text_needs_quotes(const char *s);

/* Whether @s is an id: 1 to 24 of [a-z0-9-]. */
bool text_is_id(const char *s);

/* Parse a decimal with at most @decimals digits after the point or the
 * decimal comma ("0.8", "0,8", "2", "1.25") into an integer scaled by
 * 10^@decimals. Returns false on anything else, including a sign,
 * exponent, a second separator or overflow past @max. */
bool text_parse_decimal(const char *s, int decimals, long max, long *out);

/* Format @value scaled by 10^@decimals with the fewest digits that show it
 * exactly, but at least one decimal: 80 -> "0.8", 200 -> "2.0",
 * 125 (2 decimals) -> "1.25". */
void text_format_decimal(long value, int decimals, char *out, size_t n);

/* As text_format_decimal, with the decimal separator of the language
 * texts are shown in (text_set_shown_point; '.' until set): for screens
 * and messages, never for files, TSV or CSV. */
void text_format_shown(long value, int decimals, char *out, size_t n);
void text_set_shown_point(char c);

/* The candidate nearest to @word by edit distance, or NULL when none is
 * close enough to be a plausible typo. */
const char *text_suggest(const char *word, const char *const *candidates, int n);

#endif
