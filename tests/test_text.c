/* test_text.c - src/core/text.c: what reaches the terminal, what is stored,
 * how figures are read and written, and the "did you mean" guesses. */
#define _GNU_SOURCE
#include "support.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

static bool utf8_locale;

/* ---- text_escape ----------------------------------------------------- */

static void check_escape(const char *in, const char *want)
{
	char out[256];
	size_t n = text_escape(in, out, sizeof out);

	assert_string_equal(out, want);
	assert_int_equal(n, strlen(want));
}

static void escape_controls_become_visible(void **state)
{
	(void)state;
	check_escape("\x1b[31mred", "\\x1b[31mred");
	check_escape("two\nlines", "two\\nlines");
	check_escape("a\tb", "a\\tb");
	check_escape("cr\r", "cr\\r");
	check_escape("del\x7f", "del\\x7f");
	check_escape("bell\a", "bell\\x07");
	check_escape("\x01", "\\x01");
	/* C1 control U+0085 (NEL), encoded as UTF-8 */
	check_escape("next\xc2\x85line", "next\\u0085line");
	check_escape("csi\xc2\x9b", "csi\\u009b");
	/* bidi override, embedding and isolates: escaped, not passed raw */
	check_escape("Anna\xe2\x80\xae" "eerf", "Anna\\u202eeerf");
	check_escape("\xe2\x80\xaa\xe2\x81\xa6x\xe2\x81\xa9", "\\u202a\\u2066x\\u2069");
	/* their neighbours are ordinary text */
	check_escape("\xe2\x80\xa0\xe2\x81\xb0", "\xe2\x80\xa0\xe2\x81\xb0"); /* † ⁰ */
}

static void escape_stray_bytes_become_hex(void **state)
{
	(void)state;
	check_escape("caf\xe9", "caf\\xe9"); /* Latin-1, not UTF-8 */
	check_escape("\xff", "\\xff");
	check_escape("\xc3", "\\xc3");         /* truncated sequence */
	check_escape("\xed\xa0\x80", "\\xed\\xa0\\x80"); /* surrogate */
	check_escape("\xc0\xaf", "\\xc0\\xaf"); /* overlong '/' */
}

static void escape_leaves_plain_utf8_alone(void **state)
{
	const char *plain[] = { "", "Anna de Vries", "Joëlle Smit", "Fatma Yılmaz",
				"日本語のチーム", "emoji 😀", "back\\slash", "a;b#c\"d'e",
				"\xc2\xa0nbsp" };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof plain / sizeof *plain; i++)
		check_escape(plain[i], plain[i]);
}

static void escape_never_overruns_and_reports_full_length(void **state)
{
	char out[8];
	size_t n;

	(void)state;
	memset(out, 'X', sizeof out);
	n = text_escape("\x1b\x1b\x1b", out, 5);
	assert_int_equal(n, 12);             /* what the whole escape needs */
	assert_int_equal(strlen(out), 4);    /* terminated inside 5 bytes */
	assert_memory_equal(out, "\\x1b", 5);
	assert_int_equal(out[5], 'X');       /* nothing written past n */
	memset(out, 'X', sizeof out);
	n = text_escape("abc", out, 0);
	assert_int_equal(n, 3);
	assert_int_equal(out[0], 'X');
}

/* ---- text_width and text_fit ------------------------------------------ */

static void width_counts_columns(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width("Joëlle"), 6);
	assert_int_equal(text_width("a\tb"), 4);   /* "\t" shown as two */
	assert_int_equal(text_width("\x1b"), 4);   /* "\x1b" */
	assert_int_equal(text_width("\xff"), 4);   /* "\xff" */
	assert_int_equal(text_width("\xc2\x85"), 6); /* "\u0085" */
	if (!utf8_locale)
		skip();
	assert_int_equal(text_width("日本語"), 6);
	assert_int_equal(text_width("a日b"), 4);
	assert_int_equal(text_width("😀"), 2);
	assert_int_equal(text_width("e\xcc\x81"), 1); /* e + combining acute */
}

static void fit_cuts_between_characters(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(text_fit("Anna de Vries", 4, false, out, sizeof out), 4);
	assert_string_equal(out, "Anna");
	assert_int_equal(text_fit("Joëlle", 3, false, out, sizeof out), 3);
	assert_string_equal(out, "Joë");
	assert_int_equal(text_fit("abc", 0, true, out, sizeof out), 0);
	assert_string_equal(out, "");
	/* an escape is one piece: it fits whole or not at all */
	assert_int_equal(text_fit("a\x1bz", 3, false, out, sizeof out), 1);
	assert_string_equal(out, "a");
	assert_int_equal(text_fit("a\x1bz", 10, false, out, sizeof out), 6);
	assert_string_equal(out, "a\\x1bz");
	/* no raw control character survives fitting */
	assert_int_equal(text_fit("\x1b]0;title\a", 40, false, out, sizeof out),
			 (int)strlen("\\x1b]0;title\\x07"));
	assert_string_equal(out, "\\x1b]0;title\\x07");
}

static void fit_cuts_wide_characters_whole(void **state)
{
	char out[64];

	(void)state;
	if (!utf8_locale)
		skip();
	/* 5 columns hold two wide characters, never half of the third */
	assert_int_equal(text_fit("日本語", 5, false, out, sizeof out), 4);
	assert_string_equal(out, "日本");
	assert_int_equal(text_fit("日本語", 5, true, out, sizeof out), 5);
	assert_string_equal(out, "日本 ");
	assert_int_equal(text_fit("a😀", 2, true, out, sizeof out), 2);
	assert_string_equal(out, "a ");
}

static void fit_pads_to_exact_width(void **state)
{
	char out[64];

	(void)state;
	assert_int_equal(text_fit("abc", 6, true, out, sizeof out), 6);
	assert_string_equal(out, "abc   ");
	assert_int_equal(text_fit("Zoë", 5, true, out, sizeof out), 5);
	assert_string_equal(out, "Zoë  ");
	assert_int_equal(text_width(out), 5);
	assert_int_equal(text_fit("abc", 3, true, out, sizeof out), 3);
	assert_string_equal(out, "abc");
}

static void fit_small_buffer_never_splits_bytes(void **state)
{
	char out[8];

	(void)state;
	memset(out, 'X', sizeof out);
	/* room for one "é" (2 bytes) and the terminator, not for two */
	assert_int_equal(text_fit("ééé", 10, false, out, 4), 1);
	assert_string_equal(out, "é");
	assert_true(text_valid_utf8(out, strlen(out)));
	assert_int_equal(out[4], 'X');
	/* padding stops at the buffer too, and the count says so */
	assert_int_equal(text_fit("a", 10, true, out, 4), 3);
	assert_string_equal(out, "a  ");
	/* an escape that does not fit the buffer is left out whole */
	assert_int_equal(text_fit("\x1b", 10, false, out, 4), 0);
	assert_string_equal(out, "");
}

/* ---- UTF-8 ------------------------------------------------------------- */

static void valid_utf8_accepts_well_formed(void **state)
{
	const char *good[] = { "", "ascii", "é", "€", "日本", "😀", "\xf4\x8f\xbf\xbf",
			       "\xee\x80\x80" /* U+E000, just past the surrogates */ };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof good / sizeof *good; i++)
		assert_true(text_valid_utf8(good[i], strlen(good[i])));
}

static void valid_utf8_rejects_malformed(void **state)
{
	const char *bad[] = {
		"\xc0\xaf",             /* overlong '/' (2 bytes) */
		"\xc1\xbf",             /* overlong */
		"\xe0\x80\xaf",         /* overlong '/' (3 bytes) */
		"\xe0\x9f\xbf",         /* overlong U+07FF */
		"\xf0\x80\x80\xaf",     /* overlong '/' (4 bytes) */
		"\xf0\x8f\xbf\xbf",     /* overlong U+FFFF */
		"\xed\xa0\x80",         /* surrogate U+D800 */
		"\xed\xbf\xbf",         /* surrogate U+DFFF */
		"\xf4\x90\x80\x80",     /* U+110000 */
		"\xf5\x80\x80\x80",
		"\xff", "\xfe", "\x80", "\xbf", /* bytes that never start */
		"\xe2\x82",             /* truncated € */
		"a\xe2\x82z",           /* bad continuation */
		"caf\xe9",              /* Latin-1 */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof *bad; i++) {
		if (text_valid_utf8(bad[i], strlen(bad[i])))
			fail_msg("accepted malformed UTF-8 #%zu", i);
	}
	/* the length is honoured: the "é" cut in half is not valid */
	assert_false(text_valid_utf8("é", 1));
	assert_true(text_valid_utf8("é", 2));
}

static void decode_gives_code_points(void **state)
{
	unsigned cp = 0;

	(void)state;
	assert_int_equal(text_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(text_decode("é", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(text_decode("€", 3, &cp), 3);
	assert_int_equal(cp, 0x20ac);
	assert_int_equal(text_decode("😀", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(text_decode("€", 2, &cp), 0);
	assert_int_equal(text_decode("", 0, &cp), 0);
}

static void controls_are_c0_del_and_c1(void **state)
{
	(void)state;
	assert_true(text_is_control(0x00));
	assert_true(text_is_control(0x1b));
	assert_true(text_is_control(0x1f));
	assert_false(text_is_control(0x20));
	assert_false(text_is_control('~'));
	assert_true(text_is_control(0x7f));
	assert_true(text_is_control(0x80));
	assert_true(text_is_control(0x85));
	assert_true(text_is_control(0x9f));
	assert_false(text_is_control(0xa0));
	assert_false(text_is_control(0xe9));
}

/* ---- what can be stored ------------------------------------------------ */

static void storable_refuses_what_a_file_cannot_hold(void **state)
{
	const char *why = NULL;
	char big[TEXT_VALUE_MAX + 2];

	(void)state;
	assert_true(text_storable("Anna de Vries; \"AJ\" #1", &why));
	assert_true(text_storable("\x1b[31m tab\t", &why));
	assert_true(text_storable("", &why));

	assert_false(text_storable("two\nlines", &why));
	assert_non_null(strstr(why, "line break"));
	why = NULL;
	assert_false(text_storable("cr\r", &why));
	assert_non_null(strstr(why, "line break"));
	why = NULL;
	assert_false(text_storable("caf\xe9", &why));
	assert_non_null(strstr(why, "UTF-8"));

	memset(big, 'x', TEXT_VALUE_MAX);
	big[TEXT_VALUE_MAX] = '\0';
	assert_true(text_storable(big, &why));
	big[TEXT_VALUE_MAX] = 'x';
	big[TEXT_VALUE_MAX + 1] = '\0';
	why = NULL;
	assert_false(text_storable(big, &why));
	assert_non_null(strstr(why, "too long"));

	/* needs quoting and holds both quotes: no INI quoting can carry it */
	why = NULL;
	assert_false(text_storable("'a\" ", &why));
	assert_non_null(strstr(why, "quote"));
	/* both quotes are fine when no quoting is needed */
	assert_true(text_storable("it's \"fine\"", &why));
}

static void needs_quotes_exactly_when_ini_would_mangle(void **state)
{
	(void)state;
	assert_false(text_needs_quotes(""));
	assert_false(text_needs_quotes("Anna de Vries"));
	assert_false(text_needs_quotes("it's"));
	assert_false(text_needs_quotes("say \"hi\""));
	assert_false(text_needs_quotes("a\\b"));
	assert_false(text_needs_quotes("a=b"));
	assert_false(text_needs_quotes("\x1b[31m"));
	assert_true(text_needs_quotes("a;b"));
	assert_true(text_needs_quotes("#1"));
	assert_true(text_needs_quotes(" lead"));
	assert_true(text_needs_quotes("trail "));
	assert_true(text_needs_quotes("\tlead"));
	assert_true(text_needs_quotes("trail\t"));
	assert_true(text_needs_quotes("\"quoted"));
	assert_true(text_needs_quotes("'quoted"));
	assert_true(text_needs_quotes("back\\"));
	/* iniparser strips every isspace() character at either end */
	assert_true(text_needs_quotes("\vlead"));
	assert_true(text_needs_quotes("trail\f"));
}

static void ids_follow_the_id_rule(void **state)
{
	(void)state;
	assert_true(text_is_id("anna"));
	assert_true(text_is_id("a"));
	assert_true(text_is_id("anna-2"));
	assert_true(text_is_id("0"));
	assert_true(text_is_id("abcdefghijklmnopqrstuvwx")); /* 24 */
	assert_false(text_is_id("abcdefghijklmnopqrstuvwxy")); /* 25 */
	assert_false(text_is_id(""));
	assert_false(text_is_id("Anna"));
	assert_false(text_is_id("a_b"));
	assert_false(text_is_id("a b"));
	assert_false(text_is_id("anna!"));
	assert_false(text_is_id("zoë"));
}

/* ---- decimals ---------------------------------------------------------- */

static void check_parse(const char *s, int decimals, long max, long want)
{
	long v = -12345;

	if (!text_parse_decimal(s, decimals, max, &v))
		fail_msg("'%s' refused, want %ld", s, want);
	assert_int_equal(v, want);
}

static void check_refused(const char *s, int decimals, long max)
{
	long v = -12345;

	if (text_parse_decimal(s, decimals, max, &v))
		fail_msg("'%s' accepted as %ld", s, v);
	assert_int_equal(v, -12345); /* untouched */
}

static void parse_decimal_reads_plain_decimals(void **state)
{
	(void)state;
	check_parse("0.8", 2, 1000, 80);
	check_parse("2", 2, 1000, 200);
	check_parse("1.25", 2, 1000, 125);
	check_parse("1.250", 2, 1000, 125); /* a trailing zero adds nothing */
	check_parse("0.05", 2, 1000, 5);
	check_parse("0", 2, 1000, 0);
	check_parse("999.99", 2, 99999, 99999);
	check_parse("7", 0, 10, 7);
	check_parse(".5", 2, 1000, 50);
	/* the decimal comma, as Dutch managers write it */
	check_parse("0,8", 2, 1000, 80);
	check_parse("1,25", 2, 1000, 125);
	check_parse(",5", 2, 1000, 50);
}

static void parse_decimal_refuses_the_rest(void **state)
{
	(void)state;
	check_refused("", 2, 1000);
	check_refused(".", 2, 1000);
	check_refused("1.234", 2, 1000); /* finer than hundredths */
	check_refused("-1", 2, 1000);
	check_refused("+1", 2, 1000);
	check_refused("1e2", 2, 1000);
	check_refused("1,5,0", 2, 1000);
	check_refused("1.5,0", 2, 1000);
	check_refused(",", 2, 1000);
	check_refused("1,234", 2, 1000);
	check_refused(" 1", 2, 1000);
	check_refused("1 ", 2, 1000);
	check_refused("1.2.3", 2, 1000);
	check_refused("abc", 2, 1000);
	check_refused("1000.01", 2, 100000);
	check_refused("10.01", 2, 1000);
	check_refused("99999999999999999999999", 2, 1000); /* no overflow */
	check_refused("0.00000000000000000000001", 2, 1000);
}

static void format_decimal_shows_fewest_digits(void **state)
{
	char out[32];

	(void)state;
	text_format_decimal(80, 2, out, sizeof out);
	assert_string_equal(out, "0.8");
	text_format_decimal(200, 2, out, sizeof out);
	assert_string_equal(out, "2.0");
	text_format_decimal(125, 2, out, sizeof out);
	assert_string_equal(out, "1.25");
	text_format_decimal(5, 2, out, sizeof out);
	assert_string_equal(out, "0.05");
	text_format_decimal(0, 2, out, sizeof out);
	assert_string_equal(out, "0.0");
	text_format_decimal(99999, 2, out, sizeof out);
	assert_string_equal(out, "999.99");
	text_format_decimal(3, 0, out, sizeof out);
	assert_string_equal(out, "3.0");
}

static void format_then_parse_is_identity(void **state)
{
	char out[32];
	long v, back;

	(void)state;
	for (v = 0; v <= 20000; v++) {
		text_format_decimal(v, 2, out, sizeof out);
		if (!text_parse_decimal(out, 2, 99999, &back) || back != v)
			fail_msg("%ld formatted as '%s' does not read back", v, out);
	}
}

/* ---- suggestions ------------------------------------------------------- */

static void suggest_finds_typos(void **state)
{
	const char *slots[] = { "strategist", "manager", "community", "webcare",
				"analyst", "content", "advertising", "kpi", "presence" };
	const char *fields[] = { "name", "fte", "external", "note" };
	int ns = sizeof slots / sizeof *slots;

	(void)state;
	assert_string_equal(text_suggest("comunity", slots, ns), "community");
	assert_string_equal(text_suggest("webcar", slots, ns), "webcare");
	assert_string_equal(text_suggest("managr", slots, ns), "manager");
	assert_string_equal(text_suggest("strategits", slots, ns), "strategist");
	assert_string_equal(text_suggest("adv", slots, ns), "advertising"); /* prefix */
	assert_string_equal(text_suggest("kpis", slots, ns), "kpi");
	assert_string_equal(text_suggest("nam", fields, 4), "name");
	assert_string_equal(text_suggest("ftee", fields, 4), "fte");
	assert_string_equal(text_suggest("extrenal", fields, 4), "external");
}

static void suggest_stays_quiet_when_nothing_is_near(void **state)
{
	const char *slots[] = { "strategist", "manager", "community", "webcare" };
	char huge[200];

	(void)state;
	assert_null(text_suggest("budget", slots, 4));
	assert_null(text_suggest("xyz", slots, 4));
	assert_null(text_suggest("", slots, 4));
	assert_null(text_suggest("community", slots, 0));
	memset(huge, 'a', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	assert_null(text_suggest(huge, slots, 4));
}

/* Wrapping in check and the planner breaks lines with text_break. */
static void test_break(void **state)
{
	(void)state;
	assert_int_equal(text_break("short", 10), 5);
	assert_int_equal(text_break("two words here", 9), 9);   /* "two words" */
	assert_int_equal(text_break("two words here", 8), 3);   /* "two" */
	assert_int_equal(text_break("unbroken", 4), 4);         /* no space: cut */
	assert_int_equal(text_break("\xe7\x8e\x8b\xe5\xb0\x8f", 3), 3); /* one wide char */
	assert_int_equal(text_break("\xe7\x8e\x8bx", 1), 3); /* nothing fits: one char */
	assert_int_equal(text_break("", 5), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_break),
		cmocka_unit_test(escape_controls_become_visible),
		cmocka_unit_test(escape_stray_bytes_become_hex),
		cmocka_unit_test(escape_leaves_plain_utf8_alone),
		cmocka_unit_test(escape_never_overruns_and_reports_full_length),
		cmocka_unit_test(width_counts_columns),
		cmocka_unit_test(fit_cuts_between_characters),
		cmocka_unit_test(fit_cuts_wide_characters_whole),
		cmocka_unit_test(fit_pads_to_exact_width),
		cmocka_unit_test(fit_small_buffer_never_splits_bytes),
		cmocka_unit_test(valid_utf8_accepts_well_formed),
		cmocka_unit_test(valid_utf8_rejects_malformed),
		cmocka_unit_test(decode_gives_code_points),
		cmocka_unit_test(controls_are_c0_del_and_c1),
		cmocka_unit_test(storable_refuses_what_a_file_cannot_hold),
		cmocka_unit_test(needs_quotes_exactly_when_ini_would_mangle),
		cmocka_unit_test(ids_follow_the_id_rule),
		cmocka_unit_test(parse_decimal_reads_plain_decimals),
		cmocka_unit_test(parse_decimal_refuses_the_rest),
		cmocka_unit_test(format_decimal_shows_fewest_digits),
		cmocka_unit_test(format_then_parse_is_identity),
		cmocka_unit_test(suggest_finds_typos),
		cmocka_unit_test(suggest_stays_quiet_when_nothing_is_near),
	};

	/* wide characters are only wide in a UTF-8 locale, as the program
	 * itself sets one up (src/cli/main.c) */
	utf8_locale = setlocale(LC_CTYPE, "C.UTF-8") || setlocale(LC_CTYPE, "C.utf8") ||
		      setlocale(LC_CTYPE, "en_US.UTF-8");
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
