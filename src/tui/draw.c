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

	if (f < 9.995)
		snprintf(buf, n, "%.2f", f);
	else if (f < 99.95)
		snprintf(buf, n, "%.1f", f);
	else
		snprintf(buf, n, "%.0f", f);
}

static void draw_title(struct ui *ui)
{
	const struct analysis *a = &ui->an;
	char left[1024], right[128];
	int rw;

	snprintf(left, sizeof left, " schaap %s %s \u2014 %s", undo_dirty(&ui->undo) ? "[+]" : "\u2014",
		 ui->path ? ui->path : "(untitled)",
		 ui->plan->name[0] ? ui->plan->name : "(unnamed team)");
	/* whom the team reports to, when the plan says (seed 004) */
	snprintf(right, sizeof right, "%s%s%sX %d  ! %d  i %d ",
		 ui->plan->reports_to[0] ? "reports to " : "", ui->plan->reports_to,
		 ui->plan->reports_to[0] ? " \u00b7 " : "", a->count[SEV_ERROR],
		 a->count[SEV_WARNING], a->count[SEV_INFO]);
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
	text_format_decimal(fte, FTE_DECIMALS, buf, sizeof buf);
	{
		char who[96];

		snprintf(who, sizeof who, "%d %s, %s FTE", ui->plan->npeople,
			 ui->plan->npeople == 1 ? "person" : "people", buf);
		put_text(y, 0, ui->left_w - 1, who, role_attr(ui, ROLE_MUTED), true);
	}
	put_text(y + 1, 0, ui->name_w, "Person", role_attr(ui, ROLE_HEADER), true);
	put_text(y + 1, ui->name_w + 1, LOAD_W, "  Load", role_attr(ui, ROLE_HEADER), true);
	put_text(y + 1, ui->name_w + 2 + LOAD_W, LEGS_W, "Leg", role_attr(ui, ROLE_HEADER), true);
	for (s = ui->left; s < c->nslots; s++) {
		bool role = s < c->nroles;
		attr_t at;

		x = slot_x(ui, s);
		if (x < 0)
			break;
		at = role_attr(ui, role ? ROLE_ROLES : ROLE_TASKS);
		if (s == ui->left || s == c->nroles)
			put_text(y, x, ui->cols - x, role ? "Roles" : "Tasks", at | A_BOLD, false);
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
			snprintf(more, sizeof more, "\u25c2%d more", ui->left);
			put_text(y, ui->left_w - 1 - text_width(more), text_width(more), more,
				 role_attr(ui, ROLE_HEADER) | A_BOLD, false);
		}
		if (right > 0) {
			snprintf(more, sizeof more, " %d more\u25b8", right);
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
		put_text(ui->grid_y, 1, ui->cols - 2, "No people yet: press a to add one.",
			 role_attr(ui, ROLE_MUTED), false);
		return;
	}
	for (i = 0; i < ui->grid_h && ui->top + i < ui->plan->npeople; i++)
		draw_person(ui, ui->top + i, ui->grid_y + i);
}

static void draw_summary(struct ui *ui)
{
	const struct catalog *c = ui->cat;
	static const char *const labels[3] = { "holders, status", "staffed FTE", "needed FTE" };
	char buf[32];
	int s, x, k;

	for (k = 0; k < 3; k++) {
		move(ui->sum_y + k, 0);
		clrtoeol();
		put_text(ui->sum_y + k, 0, ui->left_w - 1, labels[k], role_attr(ui, ROLE_HEADER), true);
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
	char buf[4096], need[48], staffed[32], legs[CATALOG_LEGS_TEXT * 2];

	move(ui->detail_y, 0);
	clrtoeol();
	move(ui->detail_y + 1, 0);
	clrtoeol();
	if (ui->focus == FOCUS_FINDINGS) {
		draw_finding_detail(ui);
		return;
	}
	analysis_format_staffed(r->staffed, staffed, sizeof staffed);
	if (r->need == NEED_UNSET)
		snprintf(need, sizeof need, "need: 1 holder");
	else if (r->need == 0)
		snprintf(need, sizeof need, "not needed");
	else {
		char n[24];

		text_format_decimal(r->need, FTE_DECIMALS, n, sizeof n);
		snprintf(need, sizeof need, "need %s FTE", n);
	}
	/* the status in words first: it explains the symbol under the cursor */
	snprintf(buf, sizeof buf, "%s \u00b7 %s%s%s%s \u00b7 %d holder%s, %s FTE, %s%s%s",
		 slot_status(ui, ui->slot), sl->label, sl->dutch[0] ? " (" : "", sl->dutch,
		 sl->dutch[0] ? ")" : "", r->holders, r->holders == 1 ? "" : "s", staffed, need,
		 sl->summary[0] ? " \u2014 " : "", sl->summary);
	put_text(ui->detail_y, 0, ui->cols, buf, role_attr(ui, state_role(r->state)), true);

	if (ui->plan->npeople == 0)
		return;
	{
		const struct person *p = ui->plan->people[ui->row];
		const struct person_result *pr = &ui->an.people[ui->row];
		const struct cell *cell = &p->cells[ui->slot];
		char fte[24], over[48], here[CATALOG_LEGS_TEXT + 160], strengths[CATALOG_LEGS_TEXT + 16];
		uint32_t stretch = p->strengths_known ? sl->legs & ~p->strengths : 0;

		catalog_legs_text(c, pr->legs, true, ", ", legs, sizeof legs);
		text_format_decimal(p->fte, FTE_DECIMALS, fte, sizeof fte);
		over[0] = '\0';
		if (pr->over) {
			int excess = pr->load - plan_max_load(ui->plan);
			char hours[24];

			/* hours a week stand beside over-load */
			text_format_shown(analysis_over_hours(ui->plan, ui->row, excess), 1, hours,
					  sizeof hours);
			snprintf(over, sizeof over, " (%d over, %s hours a week)", excess, hours);
		}
		if (cell->share && stretch) {
			char missing[CATALOG_LEGS_TEXT];

			catalog_legs_text(c, stretch, true, ", ", missing, sizeof missing);
			snprintf(here, sizeof here, "%s: %d%%%s, a stretch (^): asks for %s",
				 sl->label, cell->share, cell->lead ? ", lead (*)" : "", missing);
		} else if (cell->share) {
			snprintf(here, sizeof here, "%s: %d%%%s", sl->label, cell->share,
				 cell->lead ? ", lead (*)" : "");
		} else {
			snprintf(here, sizeof here, "%s: not assigned%s", sl->label,
				 cell->follows ? ", follows it up (f)" : "");
		}
		if (p->strengths_known) {
			char known[CATALOG_LEGS_TEXT];

			catalog_legs_text(c, p->strengths, true, ", ", known, sizeof known);
			snprintf(strengths, sizeof strengths, " \u00b7 strong in %s", known);
		} else {
			strengths[0] = '\0';
		}
		/* what matters most first: the cell, the load, the sheep */
		snprintf(buf, sizeof buf, "%s \u00b7 %s \u00b7 load %d%%%s \u00b7 %d leg%s%s%s%s%s \u00b7 %s FTE%s \u00b7 %s%s%s",
			 p->name, here, pr->load, over, pr->nlegs, pr->nlegs == 1 ? "" : "s",
			 pr->sheep ? ", a five-legged sheep (S)" : "", pr->nlegs ? ": " : "", legs, strengths,
			 fte, p->external ? ", external" : "", p->note[0] ? "note: " : "", p->note,
			 p->note[0] ? "" : "no note");
		put_text(ui->detail_y + 1, 0, ui->cols, buf,
			 pr->sheep || pr->over ? role_attr(ui, ROLE_WARNING) : A_NORMAL, true);
	}
}

static void draw_findings(struct ui *ui)
{
	const struct analysis *a = &ui->an;
	char buf[1024], line[1100], info[64];
	int i, y, shown = findings_shown(ui);

	if (ui->mode == MODE_KNOCKOUT) {
		draw_knockout(ui);
		return;
	}
	if (ui->mode == MODE_CANDIDATES) {
		draw_candidates(ui);
		return;
	}
	if (ui->hide_info)
		snprintf(info, sizeof info, "%d info hidden (i)", a->count[SEV_INFO]);
	else
		snprintf(info, sizeof info, "%d info", a->count[SEV_INFO]);
	snprintf(buf, sizeof buf, "Findings: %d error%s, %d warning%s, %s%s",
		 a->count[SEV_ERROR], a->count[SEV_ERROR] == 1 ? "" : "s",
		 a->count[SEV_WARNING], a->count[SEV_WARNING] == 1 ? "" : "s", info,
		 ui->focus == FOCUS_FINDINGS ? "  (Enter: go to it, Tab: back)"
					     : "  (Tab: browse)");
	put_text(ui->find_y, 0, ui->cols, buf, role_attr(ui, ROLE_HEADER) | A_BOLD, true);
	for (i = 0; i < ui->find_h; i++) {
		int k = ui->sel_top + i;
		enum severity sev;

		y = ui->find_y + 1 + i;
		move(y, 0);
		clrtoeol();
		if (k >= shown) {
			if (k == 0 && a->nfindings == 0)
				put_text(y, 2, ui->cols - 2, "No findings: every slot is covered and nobody is overloaded.",
					 role_attr(ui, ROLE_OK), false);
			else if (k == 0)
				put_text(y, 2, ui->cols - 2, "No errors or warnings.", role_attr(ui, ROLE_OK), false);
			continue;
		}
		sev = finding_severity(a->findings[k].code);
		finding_message(a, &a->findings[k], buf, sizeof buf);
		snprintf(line, sizeof line, "%c %-17s %s", sev_symbol[sev],
			 finding_code_name(a->findings[k].code), buf);
		put_text(y, 0, ui->cols, line,
			 ui->focus == FOCUS_FINDINGS && k == ui->sel ? role_attr(ui, ROLE_SELECT)
								     : role_attr(ui, sev_role[sev]),
			 true);
	}
}

static void draw_hints(struct ui *ui)
{
	char buf[512];
	size_t len = 0;
	int i;

	if (ui->message[0]) {
		put_text(ui->hint_y, 0, ui->cols, ui->message,
			 ui->message_error ? role_attr(ui, ROLE_ERROR) | A_REVERSE : role_attr(ui, ROLE_HINT),
			 true);
		return;
	}
	/* help, quit and the legend first, so they survive a narrow screen */
	for (int pass = 0; pass < 4; pass++)
		for (i = 0; i < nactions && len < sizeof buf; i++) {
			enum act id = actions[i].id;
			int rank = id == ACT_HELP ? 0 : id == ACT_QUIT ? 1 : id == ACT_LEGEND ? 2 : 3;

			if (actions[i].hint && rank == pass)
				len += (size_t)snprintf(buf + len, sizeof buf - len, " %s %s ",
							key_label(actions[i].keys[0]), actions[i].hint);
		}
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
	snprintf(buf, sizeof buf, "Terminal too small: %dx%d, schaap needs %dx%d. Resize or press q.",
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
	put_text(0, 0, ui->cols, " schaap \u2014 keys (Up/Down scroll, any other key closes)",
		 role_attr(ui, ROLE_TITLE), true);
	for (i = first; i < nactions && y < ui->rows - 6; i++, y++) {
		size_t len = 0;

		buf[0] = '\0';
		for (k = 0; k < 4 && actions[i].keys[k]; k++)
			len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", k ? ", " : "",
						key_label(actions[i].keys[k]));
		put_text(y, 2, 22, buf, A_BOLD, true);
		put_text(y, 25, ui->cols - 25, actions[i].help, A_NORMAL, false);
	}
	y = ui->rows - 5;
	put_text(y++, 2, ui->cols - 4, "Cells: share in % of own time, * lead, ^ stretch, \u00b7 not held, f followed up.",
		 role_attr(ui, ROLE_MUTED), false);
	put_text(y++, 2, ui->cols - 4, "Status: X uncovered, ! understaffed, no lead, lead conflict or external only,",
		 role_attr(ui, ROLE_MUTED), false);
	put_text(y++, 2, ui->cols - 4, "  ~ one holder, + ok or shared, led, - not needed. e shows the whole legend.",
		 role_attr(ui, ROLE_MUTED), false);
	put_text(y++, 2, ui->cols - 4, "Findings: X error, ! warning, i info. See schaap(1) and schaap-team(5).",
		 role_attr(ui, ROLE_MUTED), false);
	refresh();
}

/* The legend: every symbol and column of the grid, in check's words. */
static const char *const legend[][2] = {
	{ NULL, "The grid" },
	{ "15", "15% of the person's working time goes to the slot" },
	{ "15*", "the person leads the slot, the one who answers for it" },
	{ "\u00b7", "the person does not hold the slot" },
	{ "e", "after a name: external, from outside the organisation" },
	{ "Load", "the sum of the person's shares; ! over the team's max_load" },
	{ "Leg", "legs (families of strengths) the person's slots ask for" },
	{ "S", "a five-legged sheep: asked to be strong in nearly all" },
	{ "\u25c2 \u25b8", "slots off screen: the grid scrolls with the cursor" },
	{ NULL, "Slot status (row \"holders, status\"), as schaap check says it" },
	{ "X uncovered", "the team needs the slot and nobody holds it" },
	{ "! understaffed", "the holders give less FTE than the slot needs" },
	{ "! no lead", "shared by several people and nobody leads it" },
	{ "! lead conflict", "more than one person leads it" },
	{ "! external only", "only external people hold it" },
	{ "~ one holder", "the slot rests on one person" },
	{ "+ shared, led", "shared, with one lead" },
	{ "+ ok", "fine" },
	{ "- not needed", "its need is 0" },
	{ NULL, "Findings" },
	{ "X ! i", "error, warning, info; Tab browses them, i hides info" },
};

void draw_legend(struct ui *ui)
{
	int n = (int)(sizeof legend / sizeof legend[0]), i, y = 2;

	erase();
	put_text(0, 0, ui->cols, " schaap \u2014 legend (Up/Down scroll, any other key closes)",
		 role_attr(ui, ROLE_TITLE), true);
	if (ui->help_first > n - 1)
		ui->help_first = n - 1;
	for (i = ui->help_first; i < n && y < ui->rows - 1; i++, y++) {
		if (!legend[i][0]) {
			if (i > ui->help_first && y + 1 < ui->rows - 1)
				y++;
			put_text(y, 2, ui->cols - 4, legend[i][1], A_BOLD, false);
			continue;
		}
		put_text(y, 4, 16, legend[i][0], A_BOLD, true);
		put_text(y, 21, ui->cols - 22, legend[i][1], A_NORMAL, false);
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
	snprintf(buf, sizeof buf, " schaap \u2014 %s cannot be opened", ui->path ? ui->path : "");
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
		snprintf(buf, sizeof buf, "Fix it in your editor (%s) at line %d, and it is loaded again.",
			 name, ui->load_error_line);
	}
	wrap_text(&y, 2, ui->cols - 4, ui->rows - 4, buf, A_NORMAL);
	y++;
	put_text(y++, 4, ui->cols - 6, "e  edit the file at that line, then load it again", A_NORMAL, false);
	put_text(y++, 4, ui->cols - 6, "r  load it again", A_NORMAL, false);
	put_text(y++, 4, ui->cols - 6, "q  quit", A_NORMAL, false);
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
	char buf[2048];
	int y = 2, i;

	erase();
	snprintf(buf, sizeof buf, " %s \u2014 %s%s%s%s", sl->id, sl->label, sl->dutch[0] ? " (" : "",
		 sl->dutch, sl->dutch[0] ? ")" : "");
	put_text(0, 0, ui->cols, buf, role_attr(ui, ROLE_TITLE), true);
	put_text(y++, 2, ui->cols - 4, sl->kind == SLOT_ROLE ? "Role" : "Task", A_BOLD, false);
	wrap_text(&y, 2, ui->cols - 4, ui->rows - 2, sl->summary, A_NORMAL);
	y++;
	put_text(y++, 2, ui->cols - 4, "Profile", A_BOLD, false);
	wrap_text(&y, 2, ui->cols - 4, ui->rows - 2, sl->profile[0] ? sl->profile : "(none given)", A_NORMAL);
	y++;
	{
		char legs[CATALOG_LEGS_TEXT];

		if (catalog_legs_text(c, sl->legs, false, ", ", legs, sizeof legs))
			snprintf(buf, sizeof buf, "Legs: %s", legs);
		else
			snprintf(buf, sizeof buf, "Legs: none");
	}
	put_text(y++, 2, ui->cols - 4, buf, A_NORMAL, false);
	for (i = 0; i < c->npairs; i++) {
		const struct pair *pr = &c->pairs[i];

		if (pr->a != ui->slot && pr->b != ui->slot)
			continue;
		snprintf(buf, sizeof buf, "Combines %s with %s", pr->poor ? "poorly" : "well",
			 c->slots[pr->a == ui->slot ? pr->b : pr->a].id);
		put_text(y++, 2, ui->cols - 4, buf, role_attr(ui, pr->poor ? ROLE_WARNING : ROLE_OK), false);
	}
	put_text(ui->rows - 1, 0, ui->cols, " any key closes", role_attr(ui, ROLE_HINT), true);
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

	qw = text_width(pr->question) + 1;
	if (qw > ui->cols / 2)
		qw = ui->cols / 2;
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
	static const char yn[] = " (y/n)";
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
