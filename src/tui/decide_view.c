/* decide_view.c - the planner's two decision views (SPEC section 7):
 *
 * `w` shows the knock-out of the person under the cursor: their row
 * struck through and, in the findings panel, the errors and warnings
 * their absence would create, without changing the plan. Up and down
 * move to the next person's knock-out; any other key closes the view.
 *
 * `c` lists the ranked candidates for the slot under the cursor in the
 * findings panel; Up and down choose one, Enter applies it as an ordinary
 * edit (undone by u), any other key closes the list.
 *
 * The reasoning is the core's (decide.h): the created findings come from
 * the incremental removal, and only their messages from the figures of
 * their slots recomputed with their cells emptied and put back at once. */
#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decide.h"
#include "text.h"
#include "ui.h"

static const char sev_symbol[SEV_COUNT] = { 'X', '!', 'i' };

/* Work out the knock-out of ui->ko.row into ui->ko. */
static void knockout_compute(struct ui *ui)
{
	struct ko_view *ko = &ui->ko;
	struct decide *d = decide_new(&ui->an);
	struct effect e;
	struct cell *cells, *keep;
	struct analysis view;
	int row = ko->row, ns = ui->cat->nslots, i, k, n;

	ko->n = ko->errors = ko->warnings = 0;
	if (!d) {
		ui_message(ui, true, "%s", _("out of memory while working out the knock-out"));
		return;
	}
	decide_removal(d, &row, 1, &e);
	ko->errors = e.created[SEV_ERROR];
	ko->warnings = e.created[SEV_WARNING];
	n = e.nitems < EFFECT_ITEMS ? e.nitems : EFFECT_ITEMS;
	/* the messages: the figures of their slots recomputed, in a copy, with
	 * their cells emptied for the moment (taking the row out would
	 * reorder the people, and a whole analysis costs more than the rest) */
	cells = ui->plan->people[row]->cells;
	keep = malloc((size_t)ns * sizeof *keep + 1);
	view = ui->an;
	view.slots = malloc((size_t)ns * sizeof *view.slots + 1);
	if (!keep || !view.slots) {
		free(keep);
		free(view.slots);
		decide_free(d);
		ui_message(ui, true, "%s", _("out of memory while working out the knock-out"));
		return;
	}
	memcpy(keep, cells, (size_t)ns * sizeof *keep);
	memcpy(view.slots, ui->an.slots, (size_t)ns * sizeof *view.slots);
	memset(cells, 0, (size_t)ns * sizeof *cells);
	for (k = 0; k < ns; k++)
		if (keep[k].share || keep[k].follows)
			analysis_update_slot(&view, k);
	/* errors first, then warnings; each in report order already */
	for (i = 0; i < 2 * n && ko->n < KO_LINES; i++) {
		const struct effect_item *it = &e.items[i % n];
		struct finding f = { it->code, it->kind, it->subject, it->detail };
		char msg[sizeof ko->lines[0] - 24];

		if (it->cleared || (finding_severity(it->code) == SEV_ERROR) != (i < n))
			continue;
		finding_message(&view, &f, msg, sizeof msg);
		ko->sev[ko->n] = finding_severity(it->code);
		snprintf(ko->lines[ko->n], sizeof ko->lines[ko->n], "%c %-17s %s",
			 sev_symbol[finding_severity(it->code)], finding_code_name(it->code), msg);
		ko->n++;
	}
	memcpy(cells, keep, (size_t)ns * sizeof *keep);
	free(keep);
	free(view.slots);
	decide_free(d);
}

void act_whatif(struct ui *ui, int key)
{
	(void)key;
	if (ui->plan->npeople == 0) {
		ui_message(ui, true, "%s", _("no people yet: press a to add one"));
		return;
	}
	ui->focus = FOCUS_GRID;
	ui->ko.row = ui->row;
	knockout_compute(ui);
	ui->mode = MODE_KNOCKOUT;
}

void knockout_key(struct ui *ui, int key)
{
	int row = ui->ko.row;

	if ((key == KEY_DOWN || key == 'j') && row < ui->plan->npeople - 1)
		row++;
	else if ((key == KEY_UP || key == 'k') && row > 0)
		row--;
	else if (key != KEY_DOWN && key != 'j' && key != KEY_UP && key != 'k') {
		ui->mode = MODE_GRID;
		return;
	}
	ui->row = ui->ko.row = row;
	knockout_compute(ui);
}

void draw_knockout(struct ui *ui)
{
	const struct ko_view *ko = &ui->ko;
	char buf[1024], errors[48], warnings[48];
	int i, y;

	snprintf(errors, sizeof errors, P_("%d error", "%d errors", ko->errors), ko->errors);
	snprintf(warnings, sizeof warnings, P_("%d warning", "%d warnings", ko->warnings), ko->warnings);
	/* TRANSLATORS: the knock-out's header: a name, then "1 error" and
	   "2 warnings" */
	snprintf(buf, sizeof buf, _("Without %s: %s, %s new  (j/k next, Esc back)"),
		 ui->plan->people[ko->row]->name, errors, warnings);
	put_text(ui->find_y, 0, ui->cols, buf, role_attr(ui, ROLE_HEADER) | A_BOLD, true);
	for (i = 0; i < ui->find_h; i++) {
		y = ui->find_y + 1 + i;
		move(y, 0);
		clrtoeol();
		if (i == 0 && ko->n == 0)
			put_text(y, 2, ui->cols - 2, _("Nothing: the team covers for this absence."),
				 role_attr(ui, ROLE_OK), false);
		if (i < ko->n)
			put_line(y, 0, ui->cols, ko->lines[i],
				 role_attr(ui, ko->sev[i] == SEV_ERROR ? ROLE_ERROR : ROLE_WARNING));
	}
}

/* The struck-through row of the person in a knock-out. */
bool knockout_struck(const struct ui *ui, int row)
{
	return ui->mode == MODE_KNOCKOUT && ui->ko.row == row;
}

/* ---- candidates ---- */

void act_candidates(struct ui *ui, int key)
{
	struct cand_view *cv = &ui->cand;
	struct decide *d;
	int i;

	(void)key;
	if (ui->plan->npeople == 0) {
		ui_message(ui, true, "%s", _("no people yet: press a to add one"));
		return;
	}
	d = decide_new(&ui->an);
	if (!d) {
		ui_message(ui, true, "%s", _("out of memory while ranking candidates"));
		return;
	}
	cv->slot = ui->slot;
	cv->n = suggest_slot(d, cv->slot, cv->c, CAND_MAX, &cv->total, &cv->within);
	if (cv->n > cv->within)
		cv->n = cv->within;
	for (i = 0; i < cv->n; i++) {
		struct effect e;
		int len;

		suggest_effect(d, cv->slot, &cv->c[i], &e);
		len = snprintf(cv->lines[i], sizeof cv->lines[i], "%d. ", i + 1);
		suggest_line(d, &cv->c[i], &e, cv->lines[i] + len, sizeof cv->lines[i] - (size_t)len);
	}
	decide_free(d);
	cv->sel = 0;
	ui->focus = FOCUS_GRID;
	ui->mode = MODE_CANDIDATES;
}

void candidates_key(struct ui *ui, int key)
{
	struct cand_view *cv = &ui->cand;
	const struct candidate *c;
	struct error err;

	if (key == KEY_DOWN || key == 'j') {
		cv->sel += cv->sel < cv->n - 1;
		return;
	}
	if (key == KEY_UP || key == 'k') {
		cv->sel -= cv->sel > 0;
		return;
	}
	ui->mode = MODE_GRID;
	if ((key != '\n' && key != KEY_ENTER) || cv->n == 0)
		return;
	c = &cv->c[cv->sel];
	if (edit_cell(&ui->undo, ui->plan, c->row, cv->slot, c->share, c->lead, &err) < 0) {
		ui_message(ui, true, "%s", err.msg);
		return;
	}
	ui->row = c->row;
	ui->slot = cv->slot;
	ui_message(ui, false, c->lead ? _("%s takes %s: %d%% lead (u undoes)") : _("%s takes %s: %d%% (u undoes)"),
		   ui->plan->people[c->row]->name, catalog_slot_label(ui->cat, cv->slot), c->share);
}

void draw_candidates(struct ui *ui)
{
	const struct cand_view *cv = &ui->cand;
	const char *sid = catalog_slot_label(ui->cat, cv->slot);
	char buf[1024];
	int i, y;

	snprintf(buf, sizeof buf, _("Who could take %s  (j/k choose, Enter apply, Esc back)"), sid);
	put_line(ui->find_y, 0, ui->cols, buf, role_attr(ui, ROLE_HEADER) | A_BOLD);
	for (i = 0; i < ui->find_h; i++) {
		int k = i + (cv->sel >= ui->find_h ? cv->sel - ui->find_h + 1 : 0);

		y = ui->find_y + 1 + i;
		move(y, 0);
		clrtoeol();
		if (i == 0 && cv->n == 0) {
			if (cv->total > 0)
				snprintf(buf, sizeof buf, _("Nobody can take %s without going over the "
							    "load limit (%d%%)."), sid, plan_max_load(ui->plan));
			else
				snprintf(buf, sizeof buf, _("Nobody would clear anything by taking %s."), sid);
			put_text(y, 2, ui->cols - 2, buf, role_attr(ui, ROLE_MUTED), false);
		}
		if (k < cv->n)
			put_line(y, 0, ui->cols, cv->lines[k],
				 k == cv->sel ? role_attr(ui, ROLE_SELECT) : A_NORMAL);
	}
}
