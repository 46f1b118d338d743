/* input.c - keys from the terminal or from a test script, and the
 * bottom-line prompt.
 *
 * A test script is text: each character is a key, except that <Name>
 * stands for a special key (<Up> <Down> <Left> <Right> <Enter> <Tab>
 * <BTab> <Esc> <Bs> <Del> <Home> <End> <PgUp> <PgDn> <F1> <C-x> <lt>),
 * <Resize=80x24> resizes the screen, <Click=Y,X> clicks, <WheelUp> and
 * <WheelDown> scroll, <Hup> delivers a hang-up, and <Dump> writes the
 * screen as text to the dump file. Newlines in the script are ignored. */
#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
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
	if (sscanf(name, "Click=%d,%d", &a, &b) == 2) {
		memset(&script_mouse, 0, sizeof script_mouse);
		script_mouse.y = a;
		script_mouse.x = b;
		script_mouse.bstate = BUTTON1_CLICKED;
		have_script_mouse = true;
		return KEY_MOUSE;
	}
	if (strcmp(name, "WheelUp") == 0 || strcmp(name, "WheelDown") == 0) {
		memset(&script_mouse, 0, sizeof script_mouse);
		script_mouse.bstate = name[5] == 'U' ? BUTTON4_PRESSED : BUTTON5_PRESSED;
		have_script_mouse = true;
		return KEY_MOUSE;
	}
	if (strcmp(name, "Hup") == 0) {
		raise(SIGHUP);
		return 0;
	}
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
			return -1;
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
			return -1;
		mb[n++] = (char)c;
		memset(&st, 0, sizeof st);
	}
	if (k == (size_t)-1 || k == (size_t)-2)
		return 0;
	*ch = (wint_t)wc;
	return wc < 128 ? (int)wc : 0x10000000;
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

/* Returns a key code: a curses KEY_* value, an ASCII character, or
 * 0x10000000 for a wider character left in *@ch. */
int ui_getkey(struct ui *ui, wint_t *ch)
{
	wint_t w = 0;
	int rc;

	*ch = 0;
	if (ui->script) {
		rc = script_key(ui, &w);
		*ch = w;
		return rc;
	}
	rc = get_wch(&w);
	if (rc == ERR)
		return 0;
	*ch = w;
	if (rc == KEY_CODE_YES)
		return (int)w;
	if (w == 127 || w == 8)
		return KEY_BACKSPACE;
	if (w == '\r')
		return '\n';
	return w < 128 ? (int)w : 0x10000000;
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

static void prompt_draw(struct ui *ui, const char *question, const char *text)
{
	int qw = text_width(question) + 1, y = ui->rows - 1, room, tw;
	const char *shown = text;

	move(y, 0);
	clrtoeol();
	put_text(y, 0, qw, question, role_attr(ui, ROLE_TITLE), true);
	room = ui->cols - qw - 1;
	/* show the end of a long answer */
	while ((tw = text_width(shown)) > room && *shown) {
		unsigned cp;
		size_t k = text_decode(shown, strlen(shown), &cp);

		shown += k ? k : 1;
	}
	put_text(y, qw, room, shown, A_NORMAL, false);
	move(y, qw + (tw < room ? tw : room));
	curs_set(1);
	refresh();
}

bool ui_prompt(struct ui *ui, const char *question, const char *initial, char *out, size_t n)
{
	char text[1024];
	wint_t ch;
	int key;
	size_t len;

	snprintf(text, sizeof text, "%s", initial ? initial : "");
	for (;;) {
		if (ui->too_small) {
			curs_set(0);
			return false;
		}
		prompt_draw(ui, question, text);
		key = ui_getkey(ui, &ch);
		len = strlen(text);
		if (key == -1 || key == 27 || key == 7 /* Ctrl-G */) {
			curs_set(0);
			return false;
		}
		if (key == 0)
			continue;
		if (key == '\n' || key == KEY_ENTER) {
			curs_set(0);
			snprintf(out, n, "%s", text);
			return true;
		}
		if (key == KEY_RESIZE) {
			ui_layout(ui);
			ui_draw(ui);
			continue;
		}
		if (key == KEY_BACKSPACE) {
			/* drop the last whole UTF-8 character */
			while (len > 0 && ((unsigned char)text[len - 1] & 0xc0) == 0x80)
				len--;
			if (len > 0)
				len--;
			text[len] = '\0';
			continue;
		}
		if (key == ('u' & 0x1f)) {
			text[0] = '\0';
			continue;
		}
		if (key == 0x10000000 || (key >= 32 && key < 127)) {
			char mb[MB_LEN_MAX + 1];
			mbstate_t st;
			size_t k;

			memset(&st, 0, sizeof st);
			k = wcrtomb(mb, (wchar_t)ch, &st);
			if (k != (size_t)-1 && len + k < sizeof text - 1) {
				memcpy(text + len, mb, k);
				text[len + k] = '\0';
			}
		}
	}
}

bool ui_ask(struct ui *ui, const char *question)
{
	wint_t ch;
	int key;

	for (;;) {
		if (ui->too_small)
			return false;
		prompt_draw(ui, question, "");
		key = ui_getkey(ui, &ch);
		if (key == KEY_RESIZE) {
			ui_layout(ui);
			ui_draw(ui);
			continue;
		}
		if (key == 0)
			continue;
		curs_set(0);
		return key == 'y' || key == 'Y';
	}
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
