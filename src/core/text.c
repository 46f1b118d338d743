/* text.c - UTF-8, escaping, widths, ids, decimals and suggestions. */
#define _XOPEN_SOURCE 700
#include "text.h"
#include "i18n.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

size_t text_decode(const char *s, size_t len, unsigned *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned c;
	size_t need, i;

	if (len == 0)
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xc2 && u[0] <= 0xdf) {
		need = 2;
		c = u[0] & 0x1f;
	} else if (u[0] >= 0xe0 && u[0] <= 0xef) {
		need = 3;
		c = u[0] & 0x0f;
	} else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
		need = 4;
		c = u[0] & 0x07;
	} else {
		return 0;
	}
	if (len < need)
		return 0;
	for (i = 1; i < need; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	/* overlong forms, surrogates, beyond Unicode */
	if ((need == 3 && c < 0x800) || (need == 4 && c < 0x10000) ||
	    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
		return 0;
	*cp = c;
	return need;
}

bool text_valid_utf8(const char *s, size_t len)
{
	size_t i = 0, k;
	unsigned cp;

	while (i < len) {
		k = text_decode(s + i, len - i, &cp);
		if (k == 0)
			return false;
		i += k;
	}
	return true;
}

bool text_is_control(unsigned cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
	       /* bidi embeddings, overrides and isolates: raw, a name could
		* turn the rest of a terminal line or a report row around */
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Append @piece to out[*pos..n) keeping it terminated; *pos counts the
 * whole length even past @n. */
static void put(char *out, size_t n, size_t *pos, const char *piece, size_t len)
{
	if (*pos < n) {
		size_t room = n - *pos - 1;
		size_t k = len < room ? len : room;

		memcpy(out + *pos, piece, k);
		out[*pos + k] = '\0';
	}
	*pos += len;
}

/* The escape for one control character or stray byte. */
static size_t escape_of(unsigned cp, bool stray, char buf[16])
{
	if (stray)
		return (size_t)snprintf(buf, 16, "\\x%02x", cp);
	switch (cp) {
	case '\n': return (size_t)snprintf(buf, 16, "\\n");
	case '\t': return (size_t)snprintf(buf, 16, "\\t");
	case '\r': return (size_t)snprintf(buf, 16, "\\r");
	}
	if (cp < 0x80)
		return (size_t)snprintf(buf, 16, "\\x%02x", cp);
	return (size_t)snprintf(buf, 16, "\\u%04x", cp);
}

size_t text_escape(const char *in, char *out, size_t n)
{
	size_t pos = 0, i = 0, len = strlen(in), k;
	unsigned cp;
	char buf[16];

	if (n)
		out[0] = '\0';
	while (i < len) {
		k = text_decode(in + i, len - i, &cp);
		if (k == 0) {
			put(out, n, &pos, buf, escape_of((unsigned char)in[i], true, buf));
			i++;
		} else if (text_is_control(cp)) {
			put(out, n, &pos, buf, escape_of(cp, false, buf));
			i += k;
		} else {
			put(out, n, &pos, in + i, k);
			i += k;
		}
	}
	return pos;
}

static int cp_width(unsigned cp)
{
	int w = wcwidth((wchar_t)cp);

	/* unknown to the locale: assume one column rather than none */
	return w < 0 ? 1 : w;
}

int text_fit(const char *s, int cols, bool pad, char *out, size_t n)
{
	size_t i = 0, len = strlen(s), k, pos = 0;
	int used = 0, w;
	unsigned cp;
	char buf[16];
	const char *piece;
	size_t plen;

	if (n)
		out[0] = '\0';
	while (i < len) {
		k = text_decode(s + i, len - i, &cp);
		if (k == 0 || text_is_control(cp)) {
			plen = escape_of(k == 0 ? (unsigned char)s[i] : cp, k == 0, buf);
			piece = buf;
			w = (int)plen;
			if (k == 0)
				k = 1;
		} else {
			piece = s + i;
			plen = k;
			w = cp_width(cp);
		}
		if (used + w > cols || pos + plen + 1 > n)
			break;
		memcpy(out + pos, piece, plen);
		pos += plen;
		out[pos] = '\0';
		used += w;
		i += k;
	}
	while (pad && used < cols && pos + 2 <= n) {
		out[pos++] = ' ';
		out[pos] = '\0';
		used++;
	}
	return used;
}

int text_width(const char *s)
{
	size_t i = 0, len = strlen(s), k;
	int used = 0;
	unsigned cp;
	char buf[16];

	while (i < len) {
		k = text_decode(s + i, len - i, &cp);
		if (k == 0) {
			used += (int)escape_of((unsigned char)s[i], true, buf);
			i++;
		} else {
			used += text_is_control(cp) ? (int)escape_of(cp, false, buf)
						    : cp_width(cp);
			i += k;
		}
	}
	return used;
}

/* What iniparser strips from the ends of a value: isspace() in the C
 * locale, so vertical tab and form feed as well as blank and tab. */
static bool ini_space(char c)
{
	return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r' || c == '\n';
}

size_t text_break(const char *s, int cols)
{
	size_t i = 0, len = strlen(s), last_space = 0, k;
	int used = 0;
	unsigned cp;
	char one[8];

	while (i < len) {
		k = text_decode(s + i, len - i, &cp);
		if (k == 0)
			k = 1;
		memcpy(one, s + i, k);
		one[k] = '\0';
		if (used + text_width(one) > cols)
			break;
		used += text_width(one);
		if (s[i] == ' ')
			last_space = i;
		i += k;
	}
	if (i == len || s[i] == ' ')
		return i; /* all of it, or it ends just before a space */
	if (last_space > 0)
		return last_space;
	if (i > 0)
		return i;
	/* not even one character fits: take it anyway */
	k = text_decode(s, len, &cp);
	return k ? k : 1;
}

bool text_needs_quotes(const char *s)
{
	size_t len = strlen(s);

	if (len == 0)
		return false;
	return strpbrk(s, ";#") || ini_space(s[0]) || s[0] == '"' ||
	       s[0] == '\'' || ini_space(s[len - 1]) || s[len - 1] == '\\';
}

bool text_storable(const char *s, const char **why)
{
	size_t len = strlen(s);

	if (!text_valid_utf8(s, len)) {
		*why = _("text must be UTF-8");
		return false;
	}
	if (strpbrk(s, "\n\r")) {
		*why = _("text cannot hold a line break");
		return false;
	}
	if (len > TEXT_VALUE_MAX) {
		*why = _("text is too long (at most 800 bytes)");
		return false;
	}
	/* quoting cannot protect a value that holds both kinds of quote */
	if (text_needs_quotes(s) && strchr(s, '"') && strchr(s, '\'')) {
		*why = _("text cannot hold both a double and a single quote");
		return false;
	}
	return true;
}

bool text_is_id(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		char c = s[i];

		if (i >= 24 || !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return i > 0;
}

bool text_parse_decimal(const char *s, int decimals, long max, long *out)
{
	long whole = 0, frac = 0;
	int i = 0, fdigits = 0, digits = 0;

	while (s[i] >= '0' && s[i] <= '9') {
		whole = whole * 10 + (s[i] - '0');
		if (whole > max)
			return false;
		i++;
		digits++;
	}
	if (s[i] == '.' || s[i] == ',') { /* Dutch managers write 0,8 */
		i++;
		while (s[i] >= '0' && s[i] <= '9') {
			if (fdigits == decimals) {
				if (s[i] != '0') /* more precision than we keep */
					return false;
			} else {
				frac = frac * 10 + (s[i] - '0');
				fdigits++;
			}
			i++;
			digits++;
		}
	}
	if (s[i] != '\0' || digits == 0)
		return false;
	for (; fdigits < decimals; fdigits++)
		frac *= 10;
	for (i = 0; i < decimals; i++)
		whole *= 10;
	if (whole + frac > max)
		return false;
	*out = whole + frac;
	return true;
}

void text_format_decimal(long value, int decimals, char *out, size_t n)
{
	long scale = 1, whole, frac;
	int shown = decimals, i;
	char digits[24];

	for (i = 0; i < decimals; i++)
		scale *= 10;
	whole = value / scale;
	frac = value % scale;
	if (decimals == 0) {
		snprintf(out, n, "%ld.0", whole);
		return;
	}
	snprintf(digits, sizeof digits, "%0*ld", decimals, frac);
	while (shown > 1 && digits[shown - 1] == '0')
		shown--;
	digits[shown] = '\0';
	snprintf(out, n, "%ld.%s", whole, digits);
}

static char shown_point = '.';

void text_set_shown_point(char c)
{
	shown_point = c;
}

void text_format_shown(long value, int decimals, char *out, size_t n)
{
	char *dot;

	text_format_decimal(value, decimals, out, n);
	dot = strchr(out, '.');
	if (dot)
		*dot = shown_point;
}

static int distance(const char *a, const char *b)
{
	int la = (int)strlen(a), lb = (int)strlen(b), i, j;
	int row[64], prev, tmp;

	if (la > 60 || lb > 60)
		return INT_MAX;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			int best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

const char *text_suggest(const char *word, const char *const *candidates, int n)
{
	const char *best = NULL;
	int best_d = INT_MAX, i, limit;
	size_t len = strlen(word);

	limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
	for (i = 0; i < n; i++) {
		int d = distance(word, candidates[i]);

		/* a prefix of a long id is a plausible abbreviation */
		if (d > limit && len >= 3 && strncmp(candidates[i], word, len) == 0)
			d = limit;
		if (d <= limit && d < best_d) {
			best = candidates[i];
			best_d = d;
		}
	}
	return best;
}
