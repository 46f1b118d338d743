/* input.c - keys from the terminal or from a test script, and the
 * bottom-line prompt.
 *
 * A test script is text: each character is a key, except that <Name>
 * stands for a special key (<Up> <Down> <Left> <Right> <Enter> <Tab>
 * <BTab> <Esc> <Bs> <Del> <Home> <End> <PgUp> <PgDn> <F1> <C-x> <lt>),
 * <Resize=80x24> resizes the screen, <Click=Y,X> clicks and <DClick=Y,X>
 * double-clicks at row Y, column X, <WheelUp> and
 * <WheelDown> scroll, <Hup> <Term> <Quit> <Int> <Pipe> deliver that
 * signal, <Eof> is the end of the terminal's input, and <Dump> writes the
 * screen as text to the dump file. Newlines in the script are ignored. */
#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "text.h"
#include "ui.h"

static MEVENT script_mouse;
static bool have_script_mouse;

static int named_key(struct ui *ui, const char *name)
{
	static const struct {
		const char *name;
		int key;
	} names[] = {
		{ "Up", KEY_UP }, { "Down", KEY_DOWN }, { "Left", KEY_LEFT },
		{ "Right", KEY_RIGHT }, { "Enter", '\n' }, { "Tab", '\t' },
		{ "BTab", KEY_BTAB }, { "Esc", 27 }, { "Bs", KEY_BACKSPACE },
		{ "Del", KEY_DC }, { "Home", KEY_HOME }, { "End", KEY_END },
		{ "PgUp", KEY_PPAGE }, { "PgDn", KEY_NPAGE }, { "F1", KEY_F(1) },
		{ "lt", '<' }, { "Space", ' ' },
	};
	size_t i;
	int a, b;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0)
			return names[i].key;
	if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3])
		return name[2] & 0x1f;
	if (sscanf(name, "Resize=%dx%d", &a, &b) == 2) {
		resizeterm(b, a);
		return KEY_RESIZE;
	}
	if (sscanf(name, "Click=%d,%d", &a, &b) == 2 || sscanf(name, "DClick=%d,%d", &a, &b) == 2) {
		memset(&script_mouse, 0, sizeof script_mouse);
		script_mouse.y = a;
		script_mouse.x = b;
		script_mouse.bstate = name[0] == 'D' ? BUTTON1_DOUBLE_CLICKED : BUTTON1_CLICKED;
		have_script_mouse = true;
		return KEY_MOUSE;
	}
	if (strcmp(name, "WheelUp") == 0 || strcmp(name, "WheelDown") == 0) {
		memset(&script_mouse, 0, sizeof script_mouse);
		script_mouse.bstate = name[5] == 'U' ? BUTTON4_PRESSED : BUTTON5_PRESSED;
		have_script_mouse = true;
		return KEY_MOUSE;
	}
	if (strcmp(name, "Hup") == 0 || strcmp(name, "Term") == 0 || strcmp(name, "Quit") == 0 ||
	    strcmp(name, "Int") == 0 || strcmp(name, "Pipe") == 0) {
		raise(name[0] == 'H' ? SIGHUP : name[0] == 'T' ? SIGTERM : name[0] == 'Q' ? SIGQUIT :
		      name[0] == 'I' ? SIGINT : SIGPIPE);
		return 0;
	}
	if (strcmp(name, "Eof") == 0)
		return UI_KEY_HANGUP;
	if (strcmp(name, "Dump") == 0) {
		ui_dump(ui);
		return 0;
	}
	fprintf(stderr, "schaap: test script: unknown key <%s>\n", name);
	return 0;
}

/* The next key from the script: its code, 0 for none, -1 at the end. */
static int script_key(struct ui *ui, wint_t *ch)
{
	char name[64], mb[8];
	int c, n = 0;
	mbstate_t st;
	wchar_t wc;
	size_t k;

	for (;;) {
		c = fgetc(ui->script);
		if (c == EOF)
			return UI_KEY_END;
		if (c == '\n' || c == '\r')
			continue;
		break;
	}
	if (c == '<') {
		while ((c = fgetc(ui->script)) != EOF && c != '>' && n < 63)
			name[n++] = (char)c;
		name[n] = '\0';
		return named_key(ui, name);
	}
	/* a UTF-8 character */
	mb[0] = (char)c;
	n = 1;
	memset(&st, 0, sizeof st);
	while ((k = mbrtowc(&wc, mb, (size_t)n, &st)) == (size_t)-2 && n < 6) {
		c = fgetc(ui->script);
		if (c == EOF)
			return UI_KEY_END;
		mb[n++] = (char)c;
		memset(&st, 0, sizeof st);
	}
	if (k == (size_t)-1 || k == (size_t)-2)
		return 0;
	*ch = (wint_t)wc;
	return wc < 128 ? (int)wc : UI_KEY_WIDE;
}

int ui_script_open(struct ui *ui)
{
	const char *keys = getenv("SCHAAP_TEST_KEYS"), *dump = getenv("SCHAAP_TEST_DUMP");

	if (!keys)
		return 0;
	ui->script = fopen(keys, "r");
	if (!ui->script) {
		fprintf(stderr, "schaap: %s: %s\n", keys, strerror(errno));
		return -1;
	}
	ui->dump = dump ? fopen(dump, "w") : stdout;
	if (!ui->dump) {
		fprintf(stderr, "schaap: %s: %s\n", dump, strerror(errno));
		fclose(ui->script);
		ui->script = NULL;
		return -1;
	}
	return 1;
}

/* Consecutive reads that found input ready and got no key: a terminal
 * at end of input looks so without a POLLHUP, and must not spin. */
static int empty_reads;

static int decode(int rc, wint_t w, wint_t *ch)
{
	*ch = w;
	if (rc == KEY_CODE_YES)
		return (int)w;
	if (w == 127 || w == 8)
		return KEY_BACKSPACE;
	if (w == '\r')
		return '\n';
	return w < 128 ? (int)w : UI_KEY_WIDE;
}

int ui_getkey(struct ui *ui, wint_t *ch)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };
	wint_t w = 0;
	int rc;

	*ch = 0;
	if (ui->script) {
		rc = script_key(ui, &w);
		*ch = w;
		return rc;
	}
	/* curses may hold keys already read (the rest of an escape
	 * sequence, a resize): take those without waiting */
	rc = get_wch(&w);
	if (rc != ERR) {
		empty_reads = 0;
		return decode(rc, w, ch);
	}
	if (ui_signal)
		return 0;
	rc = poll(&pfd, 1, 500);
	if (rc < 0)
		return errno == EINTR ? 0 : UI_KEY_HANGUP;
	if (rc == 0)
		return 0;
	if (pfd.revents & (POLLHUP | POLLERR | POLLNVAL))
		return UI_KEY_HANGUP;
	rc = get_wch(&w);
	if (rc != ERR) {
		empty_reads = 0;
		return decode(rc, w, ch);
	}
	/* ready, yet nothing: end of input, a read error, or bytes that
	 * made no key (an ignored mouse report); many in a row are the end */
	if (++empty_reads >= 100)
		return UI_KEY_HANGUP;
	return 0;
}

bool ui_keys_waiting(const struct ui *ui)
{
	struct pollfd pfd = { .fd = STDIN_FILENO, .events = POLLIN };

	/* a script's screen is dumped between keys: always draw it */
	if (ui->script)
		return false;
	return poll(&pfd, 1, 0) == 1 && !(pfd.revents & (POLLHUP | POLLERR | POLLNVAL));
}

bool ui_mouse(MEVENT *ev)
{
	if (have_script_mouse) {
		*ev = script_mouse;
		have_script_mouse = false;
		return true;
	}
	return getmouse(ev) == OK;
}

/* Bytes of the UTF-8 character before @at in @s. */
static size_t char_before(const char *s, size_t at)
{
	size_t k = at;

	while (k > 0 && ((unsigned char)s[k - 1] & 0xc0) == 0x80)
		k--;
	if (k > 0)
		k--;
	return at - k;
}

/* Bytes of the UTF-8 character at @at in @s (of length @len). */
static size_t char_at(const char *s, size_t len, size_t at)
{
	size_t k = at;

	if (k >= len)
		return 0;
	k++;
	while (k < len && ((unsigned char)s[k] & 0xc0) == 0x80)
		k++;
	return k - at;
}

/* Columns the character of @n bytes at @s takes on the screen. */
static int char_cols(const char *s, size_t n)
{
	char one[8];

	if (n >= sizeof one)
		n = sizeof one - 1;
	memcpy(one, s, n);
	one[n] = '\0';
	return text_width(one);
}

static void cut(struct prompt *pr, size_t from, size_t to)
{
	memmove(pr->text + from, pr->text + to, pr->len - to + 1);
	pr->len -= to - from;
	if (pr->cur > to)
		pr->cur -= to - from;
	else if (pr->cur > from)
		pr->cur = from;
}

static bool insert(struct prompt *pr, wint_t ch)
{
	char mb[MB_LEN_MAX + 1];
	mbstate_t st;
	size_t k;

	memset(&st, 0, sizeof st);
	k = wcrtomb(mb, (wchar_t)ch, &st);
	if (k == (size_t)-1 || pr->len + k >= sizeof pr->text)
		return false;
	memmove(pr->text + pr->cur + k, pr->text + pr->cur, pr->len - pr->cur + 1);
	memcpy(pr->text + pr->cur, mb, k);
	pr->len += k;
	pr->cur += k;
	return true;
}

bool prompt_edit(struct prompt *pr, int key, wint_t ch)
{
	bool was_selected = pr->selected;
	size_t k;

	pr->selected = false;
	switch (key) {
	case KEY_BACKSPACE:
		if (was_selected)
			cut(pr, 0, pr->len);
		else if (pr->cur > 0)
			cut(pr, pr->cur - char_before(pr->text, pr->cur), pr->cur);
		return true;
	case KEY_DC:
	case 4: /* Ctrl-D */
		if (was_selected)
			cut(pr, 0, pr->len);
		else
			cut(pr, pr->cur, pr->cur + char_at(pr->text, pr->len, pr->cur));
		return true;
	case KEY_LEFT:
	case 2: /* Ctrl-B */
		pr->cur -= char_before(pr->text, pr->cur);
		return true;
	case KEY_RIGHT:
	case 6: /* Ctrl-F */
		pr->cur += char_at(pr->text, pr->len, pr->cur);
		return true;
	case KEY_HOME:
	case 1: /* Ctrl-A */
		pr->cur = 0;
		return true;
	case KEY_END:
	case 5: /* Ctrl-E */
		pr->cur = pr->len;
		return true;
	case 21: /* Ctrl-U: everything before the cursor */
		cut(pr, 0, pr->cur);
		return true;
	case 11: /* Ctrl-K: everything from the cursor */
		cut(pr, pr->cur, pr->len);
		return true;
	case 23: /* Ctrl-W: the word before the cursor */
		k = pr->cur;
		while (k > 0 && pr->text[k - 1] == ' ')
			k--;
		while (k > 0 && pr->text[k - 1] != ' ')
			k--;
		cut(pr, k, pr->cur);
		return true;
	}
	if (key == UI_KEY_WIDE || (key >= 32 && key < 127)) {
		if (was_selected)
			cut(pr, 0, pr->len);
		if (!insert(pr, ch ? ch : (wint_t)key))
			beep();
		return true;
	}
	pr->selected = was_selected;
	return false;
}

size_t prompt_window(const struct prompt *pr, int room, int *cursor_col)
{
	size_t start = pr->cur;
	int cols = 0;

	/* walk back from the cursor while the characters fit, keeping a
	 * column for the cursor: the work is bounded by the screen width */
	while (start > 0) {
		size_t k = char_before(pr->text, start);
		int w = char_cols(pr->text + start - k, k);

		if (cols + w > room - 1)
			break;
		cols += w;
		start -= k;
	}
	*cursor_col = cols;
	return start;
}

void ui_dump(struct ui *ui)
{
	int y, x;

	/* the screen as the user sees it: every loop draws before reading */
	for (y = 0; y < LINES; y++) {
		char line[4096];
		size_t len = 0;

		for (x = 0; x < COLS; x++) {
			cchar_t cc;
			wchar_t wc[CCHARW_MAX + 1];
			attr_t attrs;
			short pair;
			mbstate_t st;
			int i;

			if (mvin_wch(y, x, &cc) == ERR)
				break;
			if (getcchar(&cc, wc, &attrs, &pair, NULL) == ERR)
				continue;
			/* the right half of a wide character repeats it: skip */
			if (x > 0 && wcwidth(wc[0]) < 1 && wc[0] != L'\0')
				continue;
			memset(&st, 0, sizeof st);
			for (i = 0; wc[i] && len + MB_LEN_MAX < sizeof line; i++) {
				size_t k = wcrtomb(line + len, wc[i], &st);

				if (k != (size_t)-1)
					len += k;
			}
			if (wc[0] != L'\0' && wcwidth(wc[0]) == 2)
				x++;
		}
		while (len > 0 && line[len - 1] == ' ')
			len--;
		fprintf(ui->dump, "%.*s\n", (int)len, line);
	}
	fprintf(ui->dump, "----\n");
	fflush(ui->dump);
}
