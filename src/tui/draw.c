/* draw.c - paint the planner: title, grid with fixed header and name
 * column, per-slot summary, detail lines, findings, hint bar; and the help,
 * profile and "too small" screens. Every string goes through put_text,
 * which escapes control characters and measures with wcwidth. */
#define _XOPEN_SOURCE_EXTENDED 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui.h"

#define LOAD_W 6
#define LEGS_W 3

static const short role_colours[ROLE_COUNT][2] = {
	[ROLE_NORMAL] = { -1, -1 },
	[ROLE_TITLE] = { COLOR_BLACK, COLOR_CYAN },
	[ROLE_HEADER] = { COLOR_CYAN, -1 },
	[ROLE_ROLES] = { COLOR_MAGENTA, -1 },
	[ROLE_TASKS] = { COLOR_BLUE, -1 },
	[ROLE_CURSOR] = { COLOR_BLACK, COLOR_YELLOW },
	[ROLE_ERROR] = { COLOR_RED, -1 },
	[ROLE_WARNING] = { COLOR_YELLOW, -1 },
	[ROLE_INFO] = { COLOR_CYAN, -1 },
	[ROLE_OK] = { COLOR_GREEN, -1 },
	[ROLE_MUTED] = { -1, -1 },
	[ROLE_HINT] = { COLOR_BLACK, COLOR_WHITE },
	[ROLE_SELECT] = { COLOR_BLACK, COLOR_CYAN },
};

/* What each role looks like without colour: status stays readable from
 * its symbol, emphasis from attributes. */
static const attr_t role_mono[ROLE_COUNT] = {
	[ROLE_NORMAL] = A_NORMAL, [ROLE_TITLE] = A_REVERSE, [ROLE_HEADER] = A_BOLD,
	[ROLE_ROLES] = A_BOLD, [ROLE_TASKS] = A_BOLD, [ROLE_CURSOR] = A_REVERSE,
	[ROLE_ERROR] = A_BOLD, [ROLE_WARNING] = A_BOLD, [ROLE_INFO] = A_NORMAL,
	[ROLE_OK] = A_NORMAL, [ROLE_MUTED] = A_DIM, [ROLE_HINT] = A_REVERSE,
	[ROLE_SELECT] = A_REVERSE,
};

void colours_init(struct ui *ui)
{
	int r;

	if (!ui->colour)
		return;
	start_color();
	use_default_colors();
	for (r = 1; r < ROLE_COUNT; r++)
		init_pair((short)r, role_colours[r][0], role_colours[r][1]);
}

attr_t role_attr(const struct ui *ui, enum role r)
{
	if (!ui->colour)
		return role_mono[r];
	if (r == ROLE_MUTED)
		return A_DIM;
	return COLOR_PAIR(r) | (r == ROLE_ERROR || r == ROLE_TITLE ? A_BOLD : 0);
}

void put_text(int y, int x, int w, const char *s, attr_t attr, bool pad)
{
	char buf[2048];

	if (y < 0 || x < 0 || y >= LINES || x >= COLS || w <= 0)
		return;
	if (w > COLS - x)
		w = COLS - x;
	text_fit(s, w, pad, buf, sizeof buf);
	attron(attr);
	mvaddstr(y, x, buf);
	attroff(attr);
}

/* One line of prose in w columns, padded; when it does not fit, cut
 * with an ellipsis so the reader sees there is more (Tab or the CLI
 * shows it whole). */
void put_line(int y, int x, int w, const char *s, attr_t attr)
{
	char esc[2048], buf[2048 + 4];
	size_t n;

	if (w < 2 || text_width(s) <= w) {
		put_text(y, x, w, s, attr, true);
		return;
	}
	text_fit(s, w - 1, false, esc, sizeof esc);
	/* text_break keeps all of a text that fits: ask where the next
	 * word would start, and cut at that space */
	n = text_break(s, w - 1);
	if (n >= strlen(esc))
		n = strlen(esc);
	while (n > 0 && esc[n - 1] == ' ')
		n--;
	snprintf(buf, sizeof buf, "%.*s\u2026", (int)n, esc);
	put_text(y, x, w, buf, attr, true);
}

/* Columns all slots take side by side. */
static int slots_width(const struct ui *ui, int cell_w)
{
	const struct catalog *c = ui->cat;

	return c->nslots * cell_w + (c->nroles > 0 && c->nroles < c->nslots ? 1 : 0);
}

void ui_layout(struct ui *ui)
{
	int avail, find_min, people;

	ui->rows = LINES;
	ui->cols = COLS;
	ui->too_small = ui->rows < MIN_ROWS || ui->cols < MIN_COLS;
	ui->cell_w = 5;
	/* the name column gives way so that every slot fits when it can
	 * (all 17 of the built-in catalog at 120 columns) */
	ui->name_w = ui->cols - (1 + LOAD_W + 1 + LEGS_W + 1) - slots_width(ui, ui->cell_w);
	if (ui->name_w < 16) {
		ui->name_w = ui->cols / 5;
		if (ui->name_w < 12)
			ui->name_w = 12;
	}
	if (ui->name_w > 26)
		ui->name_w = 26;
	ui->left_w = ui->name_w + 1 + LOAD_W + 1 + LEGS_W + 1;
	ui->head_y = 1;
	ui->grid_y = 3;
	/* the grid takes the rows its people need, the findings the rest,
	 * but never fewer than a third */
	avail = ui->rows - 10;
	find_min = avail / 3;
	if (find_min < 2)
		find_min = 2;
	if (find_min > 8)
		find_min = 8;
	people = ui->plan->npeople > 0 ? ui->plan->npeople : 1;
	ui->grid_h = avail - find_min;
	if (ui->grid_h > people)
		ui->grid_h = people;
	if (ui->grid_h < 1)
		ui->grid_h = 1;
	ui->find_h = avail - ui->grid_h;
	if (ui->find_h < 2)
		ui->find_h = 2;
	ui->sum_y = ui->grid_y + ui->grid_h;
	ui->detail_y = ui->sum_y + 3;
	ui->find_y = ui->detail_y + 2;
	ui->hint_y = ui->rows - 1;
}

int findings_shown(const struct ui *ui)
{
	/* findings come in report order, info last */
	return ui->an.nfindings - (ui->hide_info ? ui->an.count[SEV_INFO] : 0);
}

/* Screen column of slot @s, or -1 when it is not on screen. */
static int slot_x(const struct ui *ui, int s)
{
	int x = ui->left_w, k;

	if (s < ui->left)
		return -1;
	for (k = ui->left; k <= s; k++) {
		if (k == ui->cat->nroles && k > ui->left)
			x++; /* the line between roles and tasks */
		if (k == s)
			break;
		x += ui->cell_w;
	}
	return x + ui->cell_w <= ui->cols ? x : -1;
}

void ui_scroll_into_view(struct ui *ui)
{
	int n = ui->plan->npeople;

	if (ui->row >= n)
		ui->row = n - 1;
	if (ui->row < 0)
		ui->row = 0;
	if (ui->row < ui->top)
		ui->top = ui->row;
	if (ui->row >= ui->top + ui->grid_h)
		ui->top = ui->row - ui->grid_h + 1;
	if (ui->top > 0 && ui->top + ui->grid_h > n)
		ui->top = n - ui->grid_h > 0 ? n - ui->grid_h : 0;
	if (ui->slot < ui->left)
		ui->left = ui->slot;
	while (ui->left < ui->slot && slot_x(ui, ui->slot) < 0)
		ui->left++;
	if (ui->focus == FOCUS_GRID)
		ui->sel = ui->sel_top = 0; /* back at the top after browsing */
	if (ui->sel >= findings_shown(ui))
		ui->sel = findings_shown(ui) - 1;
	if (ui->sel < 0)
		ui->sel = 0;
	if (ui->sel < ui->sel_top)
		ui->sel_top = ui->sel;
	if (ui->sel >= ui->sel_top + ui->find_h)
		ui->sel_top = ui->sel - ui->find_h + 1;
}

bool ui_hit_cell(const struct ui *ui, int y, int x, int *row, int *slot, bool *on_cell)
{
	int s, sx;

	if (y < ui->grid_y || y >= ui->grid_y + ui->grid_h)
		return false;
	*row = ui->top + (y - ui->grid_y);
	if (*row >= ui->plan->npeople)
		return false;
	*slot = -1;
	for (s = ui->left; s < ui->cat->nslots; s++) {
		sx = slot_x(ui, s);
		if (sx < 0)
			break;
		if (x >= sx && x < sx + ui->cell_w)
			*slot = s;
	}
	*on_cell = *slot >= 0;
	if (*slot < 0)
		*slot = ui->slot; /* a click on the name keeps the column */
	return true;
}

static enum role state_role(enum slot_state st)
{
	switch (st) {
	case STATE_UNCOVERED: return ROLE_ERROR;
	case STATE_WARNING: return ROLE_WARNING;
	case STATE_THIN: return ROLE_INFO;
	case STATE_OK: return ROLE_OK;
	default: return ROLE_MUTED;
	}
}

static char state_symbol(enum slot_state st)
{
	static const char sym[] = { 'X', '!', '~', '+', '-' };

	return sym[st];
}

static const char sev_symbol[SEV_COUNT] = { 'X', '!', 'i' };
static const enum role sev_role[SEV_COUNT] = { ROLE_ERROR, ROLE_WARNING, ROLE_INFO };

/* "Label (Dutch label)" in English; the Dutch label alone in Dutch. */
static void slot_title(const struct catalog *c, int s, char *out, size_t n)
{
	const struct slot *sl = &c->slots[s];

	if (catalog_dutch() || !sl->dutch[0])
		snprintf(out, n, "%s", catalog_slot_label(c, s));
	else
		snprintf(out, n, "%s (%s)", sl->label, sl->dutch);
}

/* The status of slot @s in check's words: its symbol and what it means
 * ("~ one holder", "! external only"), from the rule table. */
static const char *slot_status(const struct ui *ui, int s)
{
	enum severity sev;

	return analysis_slot_status(&ui->an, s, &sev);
}

/* FTE in 1/10000 units into at most 4 columns. */
static void fte4(long v, char *buf, size_t n)
{
	double f = (double)v / 10000.0;
	char *p;

	if (f < 9.995)
		snprintf(buf, n, "%.2f", f);
	else if (f < 99.95)
		snprintf(buf, n, "%.1f", f);
	else
		snprintf(buf, n, "%.0f", f);
	/* the language's decimal separator: numbers here are for people */
	if ((p = strchr(buf, '.')))
		*p = i18n_decimal_point();
}

static void draw_title(struct ui *ui)
{
	const struct analysis *a = &ui->an;
	char left[1024], right[160], to[80];
	int rw;

	snprintf(left, sizeof left, " schaap %s %s \u2014 %s", undo_dirty(&ui->undo) ? "[+]" : "\u2014",
		 ui->path ? ui->path : _("(untitled)"),
		 ui->plan->name[0] ? ui->plan->name : _("(unnamed team)"));
	/* whom the team reports to, when the plan says (seed 004) */
	if (ui->plan->reports_to[0])
		/* TRANSLATORS: in the title bar, before the counts of findings;
		   %s is an id (ceo, marketing); at most 20 columns */
		snprintf(to, sizeof to, _("reports to %s"), ui->plan->reports_to);
	else
		to[0] = '\0';
	snprintf(right, sizeof right, "%s%sX %d  ! %d  i %d ", to, to[0] ? " \u00b7 " : "",
		 a->count[SEV_ERROR], a->count[SEV_WARNING], a->count[SEV_INFO]);
	rw = text_width(right);
	if (rw >= ui->cols / 2)
		rw = 0;
	put_text(0, 0, ui->cols - rw - (rw ? 1 : 0), left, role_attr(ui, ROLE_TITLE), true);
	if (rw)
		put_text(0, ui->cols - rw - 1, 1, " ", role_attr(ui, ROLE_TITLE), true);
	if (rw)
		put_text(0, ui->cols - rw, rw, right, role_attr(ui, ROLE_TITLE), false);
}

static void draw_headers(struct ui *ui)
{
	const struct catalog *c = ui->cat;
	int s, x, y = ui->head_y;
	char buf[64];
	long fte = 0;
	int i;

	for (i = 0; i < ui->plan->npeople; i++)
		fte += ui->plan->people[i]->fte;
	text_format_shown(fte, FTE_DECIMALS, buf, sizeof buf);
	{
		char who[96];

		/* TRANSLATORS: above the names: how many people and their FTE
		   together; at most 24 columns with the figures */
		snprintf(who, sizeof who, P_("%d person, %s FTE", "%d people, %s FTE",
					     ui->plan->npeople), ui->plan->npeople, buf);
		put_text(y, 0, ui->left_w - 1, who, role_attr(ui, ROLE_MUTED), true);
	}
	/* TRANSLATORS: column header over the names; at most 12 columns */
	put_text(y + 1, 0, ui->name_w, _("Person"), role_attr(ui, ROLE_HEADER), true);
	/* TRANSLATORS: column header over each person's load in percent,
	   right-aligned with spaces; at most 6 columns */
	put_text(y + 1, ui->name_w + 1, LOAD_W, _("  Load"), role_attr(ui, ROLE_HEADER), true);
	/* TRANSLATORS: column header over the number of legs (families of
	   strengths) a person's slots ask for; at most 3 columns */
	put_text(y + 1, ui->name_w + 2 + LOAD_W, LEGS_W, _("Leg"), role_attr(ui, ROLE_HEADER), true);
	for (s = ui->left; s < c->nslots; s++) {
		bool role = s < c->nroles;
		attr_t at;

		x = slot_x(ui, s);
		if (x < 0)
			break;
		at = role_attr(ui, role ? ROLE_ROLES : ROLE_TASKS);
		if (s == ui->left || s == c->nroles)
			/* TRANSLATORS: group headers over the slot columns; at most 10 columns */
			put_text(y, x, ui->cols - x, role ? _("Roles") : _("Tasks"), at | A_BOLD, false);
		if (s == c->nroles && s > ui->left) {
			mvaddstr(y, x - 1, "\u2502");
			mvaddstr(y + 1, x - 1, "\u2502");
		}
		put_text(y + 1, x, ui->cell_w - 1, c->slots[s].abbrev,
			 s == ui->slot ? role_attr(ui, ROLE_CURSOR) : at, true);
	}
	/* which columns are off screen, and on which side */
	{
		int last = ui->left, right;
		char more[32];

		while (last + 1 < c->nslots && slot_x(ui, last + 1) >= 0)
			last++;
		right = c->nslots - 1 - last;
		if (ui->left > 0) {
			/* TRANSLATORS: how many slot columns are off screen to the
			   left; at most 10 columns with the figure */
			snprintf(more, sizeof more, _("\u25c2%d more"), ui->left);
			put_text(y, ui->left_w - 1 - text_width(more), text_width(more), more,
				 role_attr(ui, ROLE_HEADER) | A_BOLD, false);
		}
		if (right > 0) {
			/* TRANSLATORS: how many slot columns are off screen to the
			   right; at most 10 columns with the figure */
			snprintf(more, sizeof more, _(" %d more\u25b8"), right);
			put_text(y, ui->cols - text_width(more), text_width(more), more,
				 role_attr(ui, ROLE_HEADER) | A_BOLD, false);
		}
	}
}

static void draw_person(struct ui *ui, int row, int y)
{
	const struct person *p = ui->plan->people[row];
	const struct person_result *pr = &ui->an.people[row];
	const struct catalog *c = ui->cat;
	char buf[64];
	int s, x;
	bool current = row == ui->row;

	if (knockout_struck(ui, row)) {
		/* gone for the knock-out: the name, and a line through the rest */
		put_text(y, 0, ui->name_w - 2, p->name, A_BOLD | A_DIM, true);
		move(y, ui->name_w - 2);
		for (x = ui->name_w - 2; x < ui->cols; x++)
			addstr("\u2500");
		return;
	}
	put_text(y, 0, ui->name_w - 2, p->name, current ? A_BOLD : A_NORMAL, true);
	put_text(y, ui->name_w - 2, 2, p->external ? " e" : "  ", role_attr(ui, ROLE_MUTED), true);
	snprintf(buf, sizeof buf, "%4d%%%c", pr->load, pr->over ? '!' : ' ');
	put_text(y, ui->name_w + 1, LOAD_W, buf, pr->over ? role_attr(ui, ROLE_WARNING) : A_NORMAL, true);
	snprintf(buf, sizeof buf, "%2d%c", pr->nlegs, pr->sheep ? 'S' : ' ');
	put_text(y, ui->name_w + 2 + LOAD_W, LEGS_W, buf,
		 pr->sheep ? role_attr(ui, ROLE_WARNING) | A_BOLD : A_NORMAL, true);
	mvaddstr(y, ui->left_w - 1, "\u2502");
	for (s = ui->left; s < c->nslots; s++) {
		const struct cell *cell = &p->cells[s];
		attr_t at = A_NORMAL;
		bool stretch;

		x = slot_x(ui, s);
		if (x < 0)
			break;
		if (s == c->nroles && s > ui->left)
			mvaddstr(y, x - 1, "\u2502");
		/* '*' lead; '^' a stretch: the slot asks for a leg outside the
		 * person's known strengths (underlined, lead or not); 'f' on
		 * an empty cell: followed up, not held */
		stretch = cell->share && p->strengths_known && (c->slots[s].legs & ~p->strengths);
		if (cell->share)
			snprintf(buf, sizeof buf, "%3d%c", cell->share,
				 cell->lead ? '*' : stretch ? '^' : ' ');
		else
			snprintf(buf, sizeof buf, "  %s ", cell->follows ? "f" : "\u00b7");
		if (cell->lead)
			at |= A_BOLD;
		if (stretch)
			at |= A_UNDERLINE;
		if (!cell->share)
			at |= role_attr(ui, ROLE_MUTED);
		if (current && s == ui->slot && ui->focus == FOCUS_GRID)
			at = role_attr(ui, ROLE_CURSOR) | (cell->lead ? A_BOLD : 0) |
			     (stretch ? A_UNDERLINE : 0);
		put_text(y, x, ui->cell_w - 1, buf, at, true);
	}
}

static void draw_grid(struct ui *ui)
{
	int i, y;

	for (y = ui->grid_y; y < ui->grid_y + ui->grid_h; y++) {
		move(y, 0);
		clrtoeol();
	}
	if (ui->plan->npeople == 0) {
		put_text(ui->grid_y, 1, ui->cols - 2, _("No people yet: press a to add one."),
			 role_attr(ui, ROLE_MUTED), false);
		return;
	}
	for (i = 0; i < ui->grid_h && ui->top + i < ui->plan->npeople; i++)
		draw_person(ui, ui->top + i, ui->grid_y + i);
}

static void draw_summary(struct ui *ui)
{
	const struct catalog *c = ui->cat;
	/* TRANSLATORS: row headers of the slot summary under the grid; at
	   most 16 columns each */
	static const char *const labels[3] = { N_("holders, status"), N_("staffed FTE"),
					       N_("needed FTE") };
	char buf[32];
	int s, x, k;

	for (k = 0; k < 3; k++) {
		move(ui->sum_y + k, 0);
		clrtoeol();
		put_text(ui->sum_y + k, 0, ui->left_w - 1, _(labels[k]), role_attr(ui, ROLE_HEADER), true);
		mvaddstr(ui->sum_y + k, ui->left_w - 1, "\u2502");
	}
	for (s = ui->left; s < c->nslots; s++) {
		const struct slot_result *r = &ui->an.slots[s];

		x = slot_x(ui, s);
		if (x < 0)
			break;
		if (s == c->nroles && s > ui->left)
			for (k = 0; k < 3; k++)
				mvaddstr(ui->sum_y + k, x - 1, "\u2502");
		/* four columns: the status symbol must survive any count */
		if (r->holders < 100)
			snprintf(buf, sizeof buf, "%2d %c", r->holders, state_symbol(r->state));
		else if (r->holders < 1000)
			snprintf(buf, sizeof buf, "%3d%c", r->holders, state_symbol(r->state));
		else
			snprintf(buf, sizeof buf, "%2dk%c", r->holders / 1000 > 99 ? 99 : r->holders / 1000,
				 state_symbol(r->state));
		put_text(ui->sum_y, x, ui->cell_w - 1, buf, role_attr(ui, state_role(r->state)), true);
		fte4(r->staffed, buf, sizeof buf);
		put_text(ui->sum_y + 1, x, ui->cell_w - 1, buf, A_NORMAL, true);
		if (r->need == NEED_UNSET)
			snprintf(buf, sizeof buf, "   -");
		else
			fte4((long)r->need * 100, buf, sizeof buf);
		put_text(ui->sum_y + 2, x, ui->cell_w - 1, buf,
			 r->need == NEED_UNSET ? role_attr(ui, ROLE_MUTED) : A_NORMAL, true);
	}
}

static void wrap_text(int *y, int x, int w, int max_y, const char *text, attr_t at);

/* The finding chosen in the panel, in full, wrapped over the detail lines. */
static void draw_finding_detail(struct ui *ui)
{
	const struct analysis *a = &ui->an;
	const struct finding *f;
	char msg[1024], buf[1200];
	enum severity sev;
	int y = ui->detail_y;

	if (ui->sel < 0 || ui->sel >= findings_shown(ui))
		return;
	f = &a->findings[ui->sel];
	sev = finding_severity(f->code);
	finding_message(a, f, msg, sizeof msg);
	snprintf(buf, sizeof buf, "%c %s: %s", sev_symbol[sev], finding_code_name(f->code), msg);
	wrap_text(&y, 0, ui->cols, ui->detail_y + 2, buf, role_attr(ui, sev_role[sev]));
}

static void draw_detail(struct ui *ui)
{
	const struct catalog *c = ui->cat;
	const struct slot *sl = &c->slots[ui->slot];
	const struct slot_result *r = &ui->an.slots[ui->slot];
	char buf[4096], need[48], staffed[32], legs[CATALOG_LEGS_TEXT * 2], title[512], holders[48];

	move(ui->detail_y, 0);
	clrtoeol();
	move(ui->detail_y + 1, 0);
	clrtoeol();
	if (ui->focus == FOCUS_FINDINGS) {
		draw_finding_detail(ui);
		return;
	}
	text_format_shown(r->staffed, 4, staffed, sizeof staffed);
	if (r->need == NEED_UNSET)
		snprintf(need, sizeof need, "%s", _("need: 1 holder"));
	else if (r->need == 0)
		snprintf(need, sizeof need, "%s", _("not needed"));
	else {
		char n[24];

		text_format_shown(r->need, FTE_DECIMALS, n, sizeof n);
		snprintf(need, sizeof need, _("need %s FTE"), n);
	}
	slot_title(c, ui->slot, title, sizeof title);
	snprintf(holders, sizeof holders, P_("%d holder", "%d holders", r->holders), r->holders);
	/* the status in words first: it explains the symbol under the cursor */
	snprintf(buf, sizeof buf, "%s \u00b7 %s \u00b7 %s, %s FTE, %s%s%s",
		 slot_status(ui, ui->slot), title, holders, staffed, need,
		 catalog_slot_summary(c, ui->slot)[0] ? " \u2014 " : "", catalog_slot_summary(c, ui->slot));
	put_line(ui->detail_y, 0, ui->cols, buf, role_attr(ui, state_role(r->state)));

	if (ui->plan->npeople == 0)
		return;
	{
		const struct person *p = ui->plan->people[ui->row];
		const struct person_result *pr = &ui->an.people[ui->row];
		const struct cell *cell = &p->cells[ui->slot];
		char fte[24], over[48], here[CATALOG_LEGS_TEXT + 160], strengths[CATALOG_LEGS_TEXT + 16];
		uint32_t stretch = p->strengths_known ? sl->legs & ~p->strengths : 0;

		const char *label = catalog_slot_label(c, ui->slot);
		char load[48], nlegs[48], note[TEXT_VALUE_MAX + 32];

		catalog_legs_text(c, pr->legs, true, ", ", legs, sizeof legs);
		text_format_shown(p->fte, FTE_DECIMALS, fte, sizeof fte);
		over[0] = '\0';
		if (pr->over) {
			int excess = pr->load - plan_max_load(ui->plan);
			char hours[24];

			/* hours a week stand beside over-load */
			text_format_shown(analysis_over_hours(ui->plan, ui->row, excess), 1, hours,
					  sizeof hours);
			snprintf(over, sizeof over, _(" (%d over, %s hours a week)"), excess, hours);
		}
		if (cell->share && stretch) {
			char missing[CATALOG_LEGS_TEXT];

			catalog_legs_text(c, stretch, true, ", ", missing, sizeof missing);
			snprintf(here, sizeof here,
				 cell->lead ? _("%s: %d%%, lead (*), a stretch (^): asks for %s")
					    : _("%s: %d%%, a stretch (^): asks for %s"),
				 label, cell->share, missing);
		} else if (cell->share) {
			snprintf(here, sizeof here, cell->lead ? _("%s: %d%%, lead (*)") : _("%s: %d%%"),
				 label, cell->share);
		} else {
			snprintf(here, sizeof here,
				 cell->follows ? _("%s: not assigned, follows it up (f)") : _("%s: not assigned"),
				 label);
		}
		if (p->strengths_known) {
			char known[CATALOG_LEGS_TEXT];

			catalog_legs_text(c, p->strengths, true, ", ", known, sizeof known);
			snprintf(strengths, sizeof strengths, _(" \u00b7 strong in %s"), known);
		} else {
			strengths[0] = '\0';
		}
		snprintf(load, sizeof load, _("load %d%%"), pr->load);
		snprintf(nlegs, sizeof nlegs, P_("%d leg", "%d legs", pr->nlegs), pr->nlegs);
		if (p->note[0])
			snprintf(note, sizeof note, _("note: %s"), p->note);
		else
			snprintf(note, sizeof note, "%s", _("no note"));
		/* what matters most first: the cell, the load, the sheep */
		snprintf(buf, sizeof buf, "%s \u00b7 %s \u00b7 %s%s \u00b7 %s%s%s%s%s \u00b7 %s FTE%s \u00b7 %s",
			 p->name, here, load, over, nlegs,
			 pr->sheep ? _(", a five-legged sheep (S)") : "", pr->nlegs ? ": " : "", legs, strengths,
			 fte, p->external ? _(", external") : "", note);
		put_line(ui->detail_y + 1, 0, ui->cols, buf,
			 pr->sheep || pr->over ? role_attr(ui, ROLE_WARNING) : A_NORMAL);
	}
}

static void draw_findings(struct ui *ui)
{
	const struct analysis *a = &ui->an;
	char buf[1024], line[1100], info[64], errors[48], warnings[48];
	int i, y, shown = findings_shown(ui);

	if (ui->mode == MODE_KNOCKOUT) {
		draw_knockout(ui);
		return;
	}
	if (ui->mode == MODE_CANDIDATES) {
		draw_candidates(ui);
		return;
	}
	/* TRANSLATORS: part of the findings header "Findings: 1 error,
	   2 warnings, 4 info"; at most 10 columns */
	snprintf(errors, sizeof errors, P_("%d error", "%d errors", a->count[SEV_ERROR]),
		 a->count[SEV_ERROR]);
	/* TRANSLATORS: part of the findings header; at most 18 columns */
	snprintf(warnings, sizeof warnings, P_("%d warning", "%d warnings", a->count[SEV_WARNING]),
		 a->count[SEV_WARNING]);
	if (ui->hide_info)
		/* TRANSLATORS: part of the findings header; at most 22 columns */
		snprintf(info, sizeof info, _("%d info hidden (i)"), a->count[SEV_INFO]);
	else
		/* TRANSLATORS: part of the findings header; at most 12 columns */
		snprintf(info, sizeof info, _("%d info"), a->count[SEV_INFO]);
	/* the keys at the end only when the whole header fits */
	for (int keys = 1; keys >= 0; keys--) {
		const char *end = "";

		if (keys && ui->focus == FOCUS_FINDINGS)
			/* TRANSLATORS: end of the findings header, left out when
			   the header would not fit; at most 30 columns */
			end = _("  (Enter: go to it, Tab: back)");
		else if (keys)
			/* TRANSLATORS: end of the findings header, left out when
			   the header would not fit; at most 30 columns */
			end = _("  (Tab: browse)");
		/* TRANSLATORS: the findings header with the parts above; at most
		   26 columns as written here */
		snprintf(buf, sizeof buf, _("Findings: %s, %s, %s%s"), errors, warnings, info, end);
		if (text_width(buf) <= ui->cols)
			break;
	}
	put_text(ui->find_y, 0, ui->cols, buf, role_attr(ui, ROLE_HEADER) | A_BOLD, true);
	for (i = 0; i < ui->find_h; i++) {
		int k = ui->sel_top + i;
		enum severity sev;

		y = ui->find_y + 1 + i;
		move(y, 0);
		clrtoeol();
		if (k >= shown) {
			if (k == 0 && a->nfindings == 0)
				put_text(y, 2, ui->cols - 2, _("No findings: every slot is covered and nobody is overloaded."),
					 role_attr(ui, ROLE_OK), false);
			else if (k == 0)
				put_text(y, 2, ui->cols - 2, _("No errors or warnings."), role_attr(ui, ROLE_OK), false);
			continue;
		}
		sev = finding_severity(a->findings[k].code);
		finding_message(a, &a->findings[k], buf, sizeof buf);
		snprintf(line, sizeof line, "%c %-17s %s", sev_symbol[sev],
			 finding_code_name(a->findings[k].code), buf);
		put_line(y, 0, ui->cols, line,
			 ui->focus == FOCUS_FINDINGS && k == ui->sel ? role_attr(ui, ROLE_SELECT)
								     : role_attr(ui, sev_role[sev]));
	}
}

static void draw_hints(struct ui *ui)
{
	char buf[512];
	size_t len = 0;
	int i, width = 0;

	if (ui->message[0]) {
		put_text(ui->hint_y, 0, ui->cols, ui->message,
			 ui->message_error ? role_attr(ui, ROLE_ERROR) | A_REVERSE : role_attr(ui, ROLE_HINT),
			 true);
		return;
	}
	/* help, quit, the legend and save first, so they survive a narrow
	 * screen */
	for (int pass = 0; pass < 5; pass++)
		for (i = 0; i < nactions && len < sizeof buf; i++) {
			enum act id = actions[i].id;
			int rank = id == ACT_HELP ? 0 : id == ACT_QUIT ? 1 : id == ACT_LEGEND ? 2 :
				   id == ACT_SAVE ? 3 : 4;

			if (actions[i].hint && rank == pass) {
				char item[128];

				snprintf(item, sizeof item, " %s %s ", key_label(actions[i].keys[0]),
					 _(actions[i].hint));
				/* whole hints only: one cut in half says nothing */
				if (width + text_width(item) > ui->cols)
					continue;
				width += text_width(item);
				len += (size_t)snprintf(buf + len, sizeof buf - len, "%s", item);
			}
		}
	buf[len < sizeof buf ? len : sizeof buf - 1] = '\0';
	put_text(ui->hint_y, 0, ui->cols, buf, role_attr(ui, ROLE_HINT), true);
}

/* Wrap @text into lines of @w columns starting at row *@y. */
static void wrap_text(int *y, int x, int w, int max_y, const char *text, attr_t at)
{
	const char *p = text;

	while (*p && *y < max_y) {
		char line[1024];
		int n = (int)text_break(p, w);

		if (n == 0)
			break;
		snprintf(line, sizeof line, "%.*s", n, p);
		put_text((*y)++, x, w, line, at, false);
		p += n;
		while (*p == ' ')
			p++;
	}
}

static void draw_too_small(struct ui *ui)
{
	char buf[96];

	erase();
	snprintf(buf, sizeof buf, _("Terminal too small: %dx%d, schaap needs %dx%d. Resize or press q."),
		 ui->cols, ui->rows, MIN_COLS, MIN_ROWS);
	{
		int y = 0;

		wrap_text(&y, 0, ui->cols, ui->rows, buf, A_BOLD);
	}
}

void ui_draw(struct ui *ui)
{
	if (ui->too_small) {
		draw_too_small(ui);
		refresh();
		return;
	}
	ui_scroll_into_view(ui);
	draw_title(ui);
	move(ui->head_y, 0);
	clrtoeol();
	move(ui->head_y + 1, 0);
	clrtoeol();
	draw_headers(ui);
	draw_grid(ui);
	draw_summary(ui);
	draw_detail(ui);
	draw_findings(ui);
	draw_hints(ui);
	refresh();
}

void draw_help(struct ui *ui, int first)
{
	char buf[512];
	int i, y = 2, k;

	erase();
	/* TRANSLATORS: title of the help screen; at most 80 columns */
	put_text(0, 0, ui->cols, _(" schaap \u2014 keys (Up/Down scroll, any other key closes)"),
		 role_attr(ui, ROLE_TITLE), true);
	for (i = first; i < nactions && y < ui->rows - 6; i++, y++) {
		size_t len = 0;

		buf[0] = '\0';
		for (k = 0; k < 4 && actions[i].keys[k]; k++)
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", k ? ", " : "",
						key_label(actions[i].keys[k]));
		put_text(y, 2, 22, buf, A_BOLD, true);
		put_text(y, 25, ui->cols - 25, _(actions[i].help), A_NORMAL, false);
	}
	y = ui->rows - 5;
	/* TRANSLATORS: the four lines at the foot of the help screen; at
	   most 76 columns each */
	/* xgettext:no-c-format */
	put_text(y++, 2, ui->cols - 4, _("Cells: share in % of own time, * lead, ^ stretch, \u00b7 not held, f followed up."),
		 role_attr(ui, ROLE_MUTED), false);
	/* TRANSLATORS: at most 76 columns */
	put_text(y++, 2, ui->cols - 4, _("Status: X uncovered, ! understaffed, no lead, lead conflict or external only"),
		 role_attr(ui, ROLE_MUTED), false);
	/* TRANSLATORS: at most 76 columns */
	put_text(y++, 2, ui->cols - 4, _("  ~ one holder, + ok or shared, led, - not needed. e shows the whole legend."),
		 role_attr(ui, ROLE_MUTED), false);
	/* TRANSLATORS: at most 76 columns */
	put_text(y++, 2, ui->cols - 4, _("Findings: X error, ! warning, i info. See schaap(1) and schaap-team(5)."),
		 role_attr(ui, ROLE_MUTED), false);
	refresh();
}

/* The legend: every symbol and column of the grid, in check's words. */
/* TRANSLATORS: the legend: a symbol or word of the grid (at most 16
   columns) and what it means (at most 58 columns); the slot statuses are
   the same texts as check's STATUS column. */
static const char *const legend[][2] = {
	/* TRANSLATORS: a heading of the legend; at most 76 columns */
	{ NULL, N_("The grid") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	/* xgettext:no-c-format */
	{ "15", N_("15% of the person's working time goes to the slot") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ "15*", N_("the person leads the slot, the one who answers for it") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ "\u00b7", N_("the person does not hold the slot") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ "e", N_("after a name: external, from outside the organisation") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("Load"), N_("the sum of the person's shares; ! over the team's max_load") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("Leg"), N_("legs (families of strengths) the person's slots ask for") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ "S", N_("a five-legged sheep: asked to be strong in nearly all") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ "\u25c2 \u25b8", N_("slots off screen: the grid scrolls with the cursor") },
	/* TRANSLATORS: a heading of the legend; at most 76 columns */
	{ NULL, N_("Slot status (row \"holders, status\"), as schaap check says it") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("X uncovered"), N_("the team needs the slot and nobody holds it") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("! understaffed"), N_("the holders give less FTE than the slot needs") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("! no lead"), N_("shared by several people and nobody leads it") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("! lead conflict"), N_("more than one person leads it") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("! external only"), N_("only external people hold it") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("~ one holder"), N_("the slot rests on one person") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("+ shared, led"), N_("shared, with one lead") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("+ ok"), N_("fine") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ N_("- not needed"), N_("its need is 0") },
	/* TRANSLATORS: a heading of the legend; at most 76 columns */
	{ NULL, N_("Findings") },
	/* TRANSLATORS: at most 58 columns (the symbol or word: 16) */
	{ "X ! i", N_("error, warning, info; Tab browses them, i hides info") },
};

void draw_legend(struct ui *ui)
{
	int n = (int)(sizeof legend / sizeof legend[0]), i, y = 2;

	erase();
	/* TRANSLATORS: title of the legend screen; at most 80 columns */
	put_text(0, 0, ui->cols, _(" schaap \u2014 legend (Up/Down scroll, any other key closes)"),
		 role_attr(ui, ROLE_TITLE), true);
	if (ui->help_first > n - 1)
		ui->help_first = n - 1;
	for (i = ui->help_first; i < n && y < ui->rows - 1; i++, y++) {
		if (!legend[i][0]) {
			if (i > ui->help_first && y + 1 < ui->rows - 1)
				y++;
			put_text(y, 2, ui->cols - 4, _(legend[i][1]), A_BOLD, false);
			continue;
		}
		put_text(y, 4, 16, _(legend[i][0]), A_BOLD, true);
		put_text(y, 21, ui->cols - 22, _(legend[i][1]), A_NORMAL, false);
	}
	refresh();
}

int legend_lines(void)
{
	return (int)(sizeof legend / sizeof legend[0]);
}

/* The team file did not load: the error, its line, and what can be done. */
void draw_load_error(struct ui *ui)
{
	char buf[9000];
	const char *editor = getenv("VISUAL");
	int y = 2;

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	erase();
	snprintf(buf, sizeof buf, _(" schaap \u2014 %s cannot be opened"), ui->path ? ui->path : "");
	put_text(0, 0, ui->cols, buf, role_attr(ui, ROLE_TITLE), true);
	wrap_text(&y, 2, ui->cols - 4, ui->rows - 6, ui->load_error, role_attr(ui, ROLE_ERROR));
	y++;
	{
		/* the program's name, without its directory or options */
		char name[64];
		const char *base = editor, *p;
		size_t n;

		for (p = editor; *p && *p != ' '; p++)
			if (*p == '/')
				base = p + 1;
		n = strcspn(base, " ");
		snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), base);
		snprintf(buf, sizeof buf, _("Fix it in your editor (%s) at line %d, and it is loaded again."),
			 name, ui->load_error_line);
	}
	wrap_text(&y, 2, ui->cols - 4, ui->rows - 4, buf, A_NORMAL);
	y++;
	/* TRANSLATORS: the keys of the screen for a file that does not load;
	   keep the key letters; at most 74 columns */
	put_text(y++, 4, ui->cols - 6, _("e  edit the file at that line, then load it again"), A_NORMAL, false);
	/* TRANSLATORS: at most 74 columns */
	put_text(y++, 4, ui->cols - 6, _("r  load it again"), A_NORMAL, false);
	/* TRANSLATORS: at most 74 columns */
	put_text(y++, 4, ui->cols - 6, _("q  quit"), A_NORMAL, false);
	if (ui->message[0])
		put_text(ui->rows - 1, 0, ui->cols, ui->message,
			 ui->message_error ? role_attr(ui, ROLE_ERROR) | A_REVERSE : role_attr(ui, ROLE_HINT),
			 true);
	refresh();
}

void draw_profile(struct ui *ui)
{
	const struct catalog *c = ui->cat;
	const struct slot *sl = &c->slots[ui->slot];
	char buf[2048], title[512];
	int y = 2, i;

	erase();
	slot_title(c, ui->slot, title, sizeof title);
	snprintf(buf, sizeof buf, " %s \u2014 %s", sl->id, title);
	put_text(0, 0, ui->cols, buf, role_attr(ui, ROLE_TITLE), true);
	put_text(y++, 2, ui->cols - 4, sl->kind == SLOT_ROLE ? _("Role") : _("Task"), A_BOLD, false);
	wrap_text(&y, 2, ui->cols - 4, ui->rows - 2, catalog_slot_summary(c, ui->slot), A_NORMAL);
	y++;
	put_text(y++, 2, ui->cols - 4, _("Profile"), A_BOLD, false);
	wrap_text(&y, 2, ui->cols - 4, ui->rows - 2,
		  catalog_slot_profile(c, ui->slot)[0] ? catalog_slot_profile(c, ui->slot) : _("(none given)"),
		  A_NORMAL);
	y++;
	{
		char legs[CATALOG_LEGS_TEXT];

		/* ids are English words: a Dutch reader gets the labels */
		if (catalog_legs_text(c, sl->legs, catalog_dutch(), ", ", legs, sizeof legs))
			snprintf(buf, sizeof buf, _("Legs: %s"), legs);
		else
			snprintf(buf, sizeof buf, "%s", _("Legs: none"));
	}
	put_text(y++, 2, ui->cols - 4, buf, A_NORMAL, false);
	for (i = 0; i < c->npairs; i++) {
		const struct pair *pr = &c->pairs[i];

		if (pr->a != ui->slot && pr->b != ui->slot)
			continue;
		snprintf(buf, sizeof buf, pr->poor ? _("Combines poorly with %s") : _("Combines well with %s"),
			 catalog_slot_label(c, pr->a == ui->slot ? pr->b : pr->a));
		put_text(y++, 2, ui->cols - 4, buf, role_attr(ui, pr->poor ? ROLE_WARNING : ROLE_OK), false);
	}
	/* TRANSLATORS: at most 40 columns */
	put_text(ui->rows - 1, 0, ui->cols, _(" any key closes"), role_attr(ui, ROLE_HINT), true);
	refresh();
}

/* The question and the answer being typed on the bottom row, scrolled so
 * the cursor shows: only the visible part is measured, so a pasted line
 * of any length costs the same to draw. */
void draw_prompt(struct ui *ui)
{
	const struct prompt *pr = &ui->prompt;
	int y = ui->rows - 1, qw, room, col;
	char shown[1024];
	size_t start, n;

	/* the whole question when it leaves room to type in */
	qw = text_width(pr->question) + 1;
	if (qw > ui->cols - 16)
		qw = ui->cols - 16;
	move(y, 0);
	clrtoeol();
	put_text(y, 0, qw, pr->question, role_attr(ui, ROLE_TITLE), true);
	room = ui->cols - qw;
	start = prompt_window(pr, room, &col);
	/* at most a screen's width of characters after the start */
	n = pr->len - start;
	if (n > (size_t)room * 4)
		n = (size_t)room * 4;
	if (n >= sizeof shown)
		n = sizeof shown - 1;
	while (n > 0 && start + n < pr->len && ((unsigned char)pr->text[start + n] & 0xc0) == 0x80)
		n--;
	memcpy(shown, pr->text + start, n);
	shown[n] = '\0';
	put_text(y, qw, room, shown, pr->selected ? role_attr(ui, ROLE_SELECT) : A_NORMAL, false);
	move(y, qw + col);
	curs_set(1);
	refresh();
}

void draw_ask(struct ui *ui)
{
	/* TRANSLATORS: the end of every yes/no question, with the key for
	   yes (see "y") and for no */
	const char *yn = _(" (y/n)");
	const char *q = ui->ask.question;
	int y = ui->rows - 1, qw = text_width(q) + 1;
	size_t len = strlen(q), ynl = strlen(yn);

	move(y, 0);
	clrtoeol();
	if (qw > ui->cols - 1 && len > ynl && strcmp(q + len - ynl, yn) == 0) {
		/* too long: cut the question, never the answers it takes */
		char head[sizeof ui->ask.question];

		snprintf(head, sizeof head, "%.*s", (int)(len - ynl), q);
		put_text(y, 0, ui->cols - 2 - (int)ynl, head, role_attr(ui, ROLE_TITLE), true);
		put_text(y, ui->cols - 2 - (int)ynl, 1, "\u2026", role_attr(ui, ROLE_TITLE), true);
		put_text(y, ui->cols - 1 - (int)ynl, (int)ynl, yn, role_attr(ui, ROLE_TITLE), true);
		qw = ui->cols - 1;
	} else {
		if (qw > ui->cols - 1)
			qw = ui->cols - 1;
		put_text(y, 0, qw, q, role_attr(ui, ROLE_TITLE), true);
	}
	move(y, qw);
	curs_set(1);
	refresh();
}
