/* actions.c - one small handler per action of the key table. A handler
 * edits the plan through the undo log, moves the cursor, or opens a
 * screen state (a prompt, a question, help, a profile); none reads keys,
 * so every key goes through the one loop in tui.c. */
#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "text.h"
#include "ui.h"

static struct person *current(struct ui *ui)
{
	return ui->plan->npeople ? ui->plan->people[ui->row] : NULL;
}

static bool need_person(struct ui *ui)
{
	if (ui->plan->npeople > 0)
		return true;
	ui_message(ui, true, "%s", _("no people yet: press a to add one"));
	return false;
}

static void edit_failed(struct ui *ui, const struct error *err)
{
	ui_message(ui, true, "%s", err->msg);
}

static void set_share(struct ui *ui, int share, bool lead)
{
	struct error err;

	if (edit_cell(&ui->undo, ui->plan, ui->row, ui->slot, share, lead, &err) < 0)
		edit_failed(ui, &err);
}

static void jump_to_finding(struct ui *ui)
{
	const struct finding *f;

	if (ui->sel < 0 || ui->sel >= ui->an.nfindings)
		return;
	f = &ui->an.findings[ui->sel];
	if (f->kind == SUBJECT_SLOT) {
		ui->slot = f->subject;
	} else if (f->kind == SUBJECT_PERSON) {
		ui->row = f->subject;
		if (f->code == F_POOR_COMBINATION)
			ui->slot = ui->cat->pairs[f->detail].a;
	} else {
		ui->slot = ui->cat->nowners ? ui->cat->owners[0] : 0;
	}
	ui->focus = FOCUS_GRID;
}

/* Moving: in the findings panel the vertical keys choose a finding. */

void act_left(struct ui *ui, int key)
{
	(void)key;
	ui->slot -= ui->slot > 0;
}

void act_right(struct ui *ui, int key)
{
	(void)key;
	ui->slot += ui->slot < ui->cat->nslots - 1;
}

void act_up(struct ui *ui, int key)
{
	(void)key;
	if (ui->focus == FOCUS_FINDINGS)
		ui->sel--;
	else
		ui->row--;
}

void act_down(struct ui *ui, int key)
{
	(void)key;
	if (ui->focus == FOCUS_FINDINGS)
		ui->sel++;
	else
		ui->row++;
}

void act_page_up(struct ui *ui, int key)
{
	(void)key;
	if (ui->focus == FOCUS_FINDINGS)
		ui->sel -= ui->find_h;
	else
		ui->row -= ui->grid_h;
}

void act_page_down(struct ui *ui, int key)
{
	(void)key;
	if (ui->focus == FOCUS_FINDINGS)
		ui->sel += ui->find_h;
	else
		ui->row += ui->grid_h;
}

void act_first_slot(struct ui *ui, int key)
{
	(void)key;
	ui->slot = 0;
}

void act_last_slot(struct ui *ui, int key)
{
	(void)key;
	ui->slot = ui->cat->nslots - 1;
}

void act_first_person(struct ui *ui, int key)
{
	(void)key;
	ui->row = 0;
}

void act_last_person(struct ui *ui, int key)
{
	(void)key;
	ui->row = ui->plan->npeople - 1;
}

void act_focus(struct ui *ui, int key)
{
	(void)key;
	ui->focus = ui->focus == FOCUS_GRID ? FOCUS_FINDINGS : FOCUS_GRID;
}

void act_jump(struct ui *ui, int key)
{
	(void)key;
	if (ui->focus == FOCUS_FINDINGS)
		jump_to_finding(ui);
}

/* One mouse event: the wheel moves three people; a click on a cell moves
 * the cursor there, a double click assigns it as Space does; a click on a
 * finding goes to its subject. */
static void mouse_event(struct ui *ui, const MEVENT *ev)
{
	int row, slot;
	bool on_cell;

	if (ev->bstate & BUTTON4_PRESSED) {
		ui->row -= 3;
		return;
	}
	if (ev->bstate & BUTTON5_PRESSED) {
		ui->row += 3;
		return;
	}
	if (!(ev->bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED)))
		return;
	if (ui_hit_cell(ui, ev->y, ev->x, &row, &slot, &on_cell)) {
		bool twice = ev->bstate & BUTTON1_DOUBLE_CLICKED;

		/* the terminal reports clicks (or presses) one by one: two on
		 * one cell within 400 ms are a double click; a test script
		 * says <DClick> instead */
		if ((ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) && !ui->script) {
			struct timespec now;
			long ms;

			clock_gettime(CLOCK_MONOTONIC, &now);
			ms = (now.tv_sec - ui->last_press.tv_sec) * 1000 +
			     (now.tv_nsec - ui->last_press.tv_nsec) / 1000000;
			twice = row == ui->press_row && slot == ui->press_slot && ms >= 0 && ms < 400;
			ui->last_press = now;
			ui->press_row = twice ? -1 : row;
			ui->press_slot = slot;
		}
		ui->row = row;
		ui->slot = slot;
		ui->focus = FOCUS_GRID;
		if (twice && on_cell)
			act_toggle(ui, ' ');
	} else if (ev->y > ui->find_y && ev->y <= ui->find_y + ui->find_h &&
		   ui->sel_top + (ev->y - ui->find_y - 1) < findings_shown(ui)) {
		ui->sel = ui->sel_top + (ev->y - ui->find_y - 1);
		ui->focus = FOCUS_FINDINGS;
		jump_to_finding(ui);
	}
}

void act_click(struct ui *ui)
{
	MEVENT ev;

	/* a burst of reports (a double click) can arrive as one KEY_MOUSE */
	while (ui_mouse(&ev))
		mouse_event(ui, &ev);
}

/* Whether @prefix starts @s, ignoring case (ASCII). */
static bool starts(const char *s, const char *prefix)
{
	return s && strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether @prefix starts @name or one of its words. */
static bool starts_word(const char *name, const char *prefix)
{
	const char *p;

	if (starts(name, prefix))
		return true;
	for (p = name; (p = strchr(p, ' ')) != NULL; p++)
		if (starts(p + 1, prefix))
			return true;
	return false;
}

/* Whether slot @s or person @i answers to @q: on the first pass by the
 * start of its id, label or Dutch label (or name), on the second by the
 * start of any word in them. */
static bool slot_matches(const struct slot *sl, const char *q, int pass)
{
	if (pass == 0)
		return starts(sl->id, q) || starts(sl->label, q) || starts(sl->dutch, q);
	return starts_word(sl->label, q) || starts_word(sl->dutch, q);
}

static bool person_matches(const struct person *p, const char *q, int pass)
{
	if (pass == 0)
		return starts(p->name, q) || starts(p->id, q);
	return starts_word(p->name, q);
}

static void find_answer(struct ui *ui, const char *answer)
{
	const struct catalog *c = ui->cat;
	char shown[64];
	int s, i, pass;

	if (!answer[0])
		return;
	/* the start of a slot's or person's name first, then of a word */
	for (pass = 0; pass < 2; pass++) {
		for (s = 0; s < c->nslots; s++)
			if (slot_matches(&c->slots[s], answer, pass)) {
				ui->slot = s;
				ui->focus = FOCUS_GRID;
				return;
			}
		for (i = 0; i < ui->plan->npeople; i++)
			if (person_matches(ui->plan->people[i], answer, pass)) {
				ui->row = i;
				ui->focus = FOCUS_GRID;
				return;
			}
	}
	text_fit(answer, 30, false, shown, sizeof shown);
	ui_message(ui, true, _("no slot and no person starts with \"%s\""), shown);
}

void act_find(struct ui *ui, int key)
{
	(void)key;
	/* TRANSLATORS: a prompt on the bottom row; at most 60 columns */
	ui_prompt(ui, _("Go to slot or person:"), "", find_answer, NULL);
}

void act_info(struct ui *ui, int key)
{
	(void)key;
	ui->hide_info = !ui->hide_info;
	ui_message(ui, false, "%s", ui->hide_info ? _("info findings hidden; i shows them")
						  : _("info findings shown; i hides them"));
}

void act_legend(struct ui *ui, int key)
{
	(void)key;
	ui->help_first = 0;
	ui->mode = MODE_LEGEND;
}

/* Cells */

void act_toggle(struct ui *ui, int key)
{
	(void)key;
	if (need_person(ui))
		set_share(ui, current(ui)->cells[ui->slot].share ? 0 : 10, false);
}

void act_more(struct ui *ui, int key)
{
	const struct cell *c;
	int share;

	(void)key;
	if (!need_person(ui))
		return;
	c = &current(ui)->cells[ui->slot];
	share = (c->share / 5 + 1) * 5;
	set_share(ui, share > 100 ? 100 : share, c->lead);
}

void act_less(struct ui *ui, int key)
{
	const struct cell *c;
	int share;

	(void)key;
	if (!need_person(ui) || !current(ui)->cells[ui->slot].share)
		return;
	c = &current(ui)->cells[ui->slot];
	share = ((c->share - 1) / 5) * 5;
	set_share(ui, share < 1 ? 1 : share, c->lead);
}

static void share_answer(struct ui *ui, const char *answer)
{
	const struct cell *cell = &current(ui)->cells[ui->slot];
	char text[64];
	size_t len;
	char *end;
	long v;

	snprintf(text, sizeof text, "%s", answer);
	len = strlen(text);
	if (len && text[len - 1] == '%')
		text[len - 1] = '\0';
	v = strtol(text, &end, 10);
	if (!text[0] || *end || v < 0 || v > 100) {
		ui_message(ui, true, "%s", _("a share is a whole percentage from 0 to 100"));
		return;
	}
	set_share(ui, (int)v, v > 0 && cell->lead);
}

void act_share(struct ui *ui, int key)
{
	const struct cell *cell;
	char initial[8], question[160], name[64];

	if (ui->focus == FOCUS_FINDINGS && (key == '\n' || key == KEY_ENTER)) {
		jump_to_finding(ui);
		return;
	}
	if (!need_person(ui))
		return;
	cell = &current(ui)->cells[ui->slot];
	if (key >= '1' && key <= '9')
		snprintf(initial, sizeof initial, "%c", key);
	else if (cell->share)
		snprintf(initial, sizeof initial, "%d", cell->share);
	else
		initial[0] = '\0';
	text_fit(current(ui)->name, 24, false, name, sizeof name);
	/* TRANSLATORS: a prompt on the bottom row; at most 60 columns */
	snprintf(question, sizeof question, _("Share of %s in %s (%%, 0 unassigns):"), name,
		 ui->cat->slots[ui->slot].id);
	ui_prompt(ui, question, initial, share_answer, NULL);
	/* a typed digit is the start of the answer, not a value to replace */
	if (key >= '1' && key <= '9')
		ui->prompt.selected = false;
}

void act_lead(struct ui *ui, int key)
{
	const struct cell *c;

	(void)key;
	if (!need_person(ui))
		return;
	c = &current(ui)->cells[ui->slot];
	if (!c->share)
		ui_message(ui, true, "%s", _("assign the cell first (Space), then mark the lead"));
	else
		set_share(ui, c->share, !c->lead);
}

/* People */

/* Adding asks three things, each skippable with Enter: the name, the FTE
 * (1.0) and whether the person is external (no). Escape at any step adds
 * nobody. The person is added once all is known. */
static void not_added(struct ui *ui)
{
	ui_message(ui, false, "%s", _("nobody added"));
}

static void add_person(struct ui *ui, bool external)
{
	struct error err;
	int row;

	error_clear(&err);
	row = edit_add_person(&ui->undo, ui->plan, ui->pending, ui->plan->npeople ? ui->row + 1 : 0, &err);
	if (row < 0) {
		edit_failed(ui, &err);
		return;
	}
	ui->row = row;
	if ((ui->pending_fte != FTE_UNIT &&
	     edit_person_fte(&ui->undo, ui->plan, row, ui->pending_fte, &err) < 0) ||
	    (external && edit_person_external(&ui->undo, ui->plan, row, true, &err) < 0)) {
		edit_failed(ui, &err);
		return;
	}
	ui_message(ui, false, _("added %s"), ui->pending);
}

static void add_external(struct ui *ui)
{
	add_person(ui, true);
}

static void add_internal(struct ui *ui)
{
	add_person(ui, false);
}

static void add_fte_answer(struct ui *ui, const char *answer);

static void add_ask_fte(struct ui *ui, const char *why, const char *initial)
{
	char q[256], name[64];

	text_fit(ui->pending, 24, false, name, sizeof name);
	if (why)
		/* TRANSLATORS: a prompt on the bottom row; at most 60 columns */
		snprintf(q, sizeof q, _("FTE of %s, from 0.05 to 1.5:"), name);
	else
		/* TRANSLATORS: a prompt on the bottom row; at most 60 columns */
		snprintf(q, sizeof q, _("FTE of %s (Enter: 1.0):"), name);
	ui_prompt(ui, q, initial, add_fte_answer, not_added);
}

static void add_fte_answer(struct ui *ui, const char *answer)
{
	char q[256], name[64];
	long v = FTE_UNIT;

	if (answer[0] && (!text_parse_decimal(answer, FTE_DECIMALS, 1000, &v) || v < FTE_MIN || v > FTE_MAX)) {
		add_ask_fte(ui, N_("out of range"), answer);
		return;
	}
	ui->pending_fte = (int)v;
	text_fit(ui->pending, 24, false, name, sizeof name);
	/* TRANSLATORS: answered with the yes key of " (y/n)" or Enter */
	snprintf(q, sizeof q, _("Is %s external, from outside the organisation? (y/n, Enter: no)"), name);
	ui_ask(ui, q, add_external, add_internal);
}

static void add_name_answer(struct ui *ui, const char *answer)
{
	const char *why;
	char one[16];

	if (!answer[0]) {
		not_added(ui);
		return;
	}
	if (!text_storable(answer, &why)) {
		ui_message(ui, true, "%s", why);
		return;
	}
	snprintf(ui->pending, sizeof ui->pending, "%s", answer);
	text_format_shown(FTE_UNIT, FTE_DECIMALS, one, sizeof one);
	add_ask_fte(ui, NULL, one);
}

void act_add(struct ui *ui, int key)
{
	(void)key;
	/* TRANSLATORS: a prompt on the bottom row; at most 60 columns */
	ui_prompt(ui, _("Name of the new person:"), "", add_name_answer, not_added);
}

static void rename_answer(struct ui *ui, const char *answer)
{
	struct error err;

	error_clear(&err);
	if (edit_person_name(&ui->undo, ui->plan, ui->row, answer, &err) < 0)
		edit_failed(ui, &err);
}

void act_rename(struct ui *ui, int key)
{
	(void)key;
	if (need_person(ui))
		ui_prompt(ui, _("Name:"), current(ui)->name, rename_answer, NULL);
}

static void note_answer(struct ui *ui, const char *answer)
{
	struct error err;

	error_clear(&err);
	if (edit_person_note(&ui->undo, ui->plan, ui->row, answer, &err) < 0)
		edit_failed(ui, &err);
}

void act_note(struct ui *ui, int key)
{
	(void)key;
	if (need_person(ui))
		ui_prompt(ui, _("Note:"), current(ui)->note, note_answer, NULL);
}

/* Strengths as leg ids, separated by spaces or commas; empty: not known. */
static void strengths_answer(struct ui *ui, const char *answer)
{
	const struct catalog *c = ui->cat;
	char words[CATALOG_LEGS_TEXT], *word, *save = NULL;
	const char *ids[CATALOG_MAX_LEGS];
	uint32_t legs = 0;
	struct error err;
	int i;

	snprintf(words, sizeof words, "%s", answer);
	for (i = 0; i < c->nlegs; i++)
		ids[i] = c->legs[i].id;
	for (word = strtok_r(words, " ,\t", &save); word; word = strtok_r(NULL, " ,\t", &save)) {
		const char *near;

		i = catalog_leg_index(c, word);
		if (i >= 0) {
			legs |= 1u << i;
			continue;
		}
		near = text_suggest(word, ids, c->nlegs);
		if (near)
			ui_message(ui, true, _("unknown leg '%s'; did you mean '%s'?"), word, near);
		else
			ui_message(ui, true, _("unknown leg '%s'"), word);
		return;
	}
	error_clear(&err);
	if (edit_person_strengths(&ui->undo, ui->plan, ui->row, legs != 0, legs, &err) < 0)
		edit_failed(ui, &err);
}

void act_strengths(struct ui *ui, int key)
{
	char initial[CATALOG_LEGS_TEXT];

	(void)key;
	if (!need_person(ui))
		return;
	initial[0] = '\0';
	if (current(ui)->strengths_known)
		catalog_legs_text(ui->cat, current(ui)->strengths, false, " ", initial, sizeof initial);
	/* TRANSLATORS: a prompt on the bottom row; at most 60 columns */
	ui_prompt(ui, _("Strengths (leg ids; empty: not known):"), initial, strengths_answer, NULL);
}

void act_follow(struct ui *ui, int key)
{
	struct error err;

	bool on;
	char name[64];

	(void)key;
	if (!need_person(ui))
		return;
	on = !current(ui)->cells[ui->slot].follows;
	if (edit_follows(&ui->undo, ui->plan, ui->row, ui->slot, on, &err) < 0) {
		edit_failed(ui, &err);
		return;
	}
	/* the f shows only on a cell not held: say what changed */
	text_fit(current(ui)->name, 40, false, name, sizeof name);
	ui_message(ui, false, on ? _("%s follows %s up (f); u undoes") : _("%s no longer follows %s up; u undoes"),
		   name, catalog_slot_label(ui->cat, ui->slot));
}

static void delete_yes(struct ui *ui)
{
	struct error err;
	char name[64];

	text_fit(current(ui)->name, 40, false, name, sizeof name);
	if (edit_delete_person(&ui->undo, ui->plan, ui->row, &err) < 0)
		edit_failed(ui, &err);
	else
		ui_message(ui, false, _("deleted %s; u undoes"), name);
}

void act_delete(struct ui *ui, int key)
{
	char q[160], name[64];

	(void)key;
	if (!need_person(ui))
		return;
	text_fit(current(ui)->name, 40, false, name, sizeof name);
	/* TRANSLATORS: end with the same " (y/n)" as every question */
	snprintf(q, sizeof q, _("Delete %s? (y/n)"), name);
	ui_ask(ui, q, delete_yes, NULL);
}

static void fte_answer(struct ui *ui, const char *answer)
{
	struct error err;
	long v;

	if (!text_parse_decimal(answer, FTE_DECIMALS, 1000, &v)) {
		ui_message(ui, true, "%s", _("an FTE is a number like 0.8, from 0.05 to 1.5"));
		return;
	}
	if (edit_person_fte(&ui->undo, ui->plan, ui->row, (int)v, &err) < 0)
		edit_failed(ui, &err);
}

void act_fte(struct ui *ui, int key)
{
	char initial[16];

	(void)key;
	if (!need_person(ui))
		return;
	text_format_shown(current(ui)->fte, FTE_DECIMALS, initial, sizeof initial);
	/* TRANSLATORS: a prompt on the bottom row; at most 60 columns */
	ui_prompt(ui, _("FTE (0.05 to 1.5):"), initial, fte_answer, NULL);
}

void act_external(struct ui *ui, int key)
{
	struct error err;

	(void)key;
	if (need_person(ui) &&
	    edit_person_external(&ui->undo, ui->plan, ui->row, !current(ui)->external, &err) < 0)
		edit_failed(ui, &err);
}

static void move_person(struct ui *ui, int to)
{
	struct error err;

	if (need_person(ui) && to >= 0 && to < ui->plan->npeople &&
	    edit_move_person(&ui->undo, ui->plan, ui->row, to, &err) == 0)
		ui->row = to;
}

void act_move_up(struct ui *ui, int key)
{
	(void)key;
	move_person(ui, ui->row - 1);
}

void act_move_down(struct ui *ui, int key)
{
	(void)key;
	move_person(ui, ui->row + 1);
}

/* Slots and the team */

static void need_answer(struct ui *ui, const char *answer)
{
	struct error err;
	long v;

	if (!answer[0])
		v = NEED_UNSET;
	else if (!text_parse_decimal(answer, FTE_DECIMALS, NEED_MAX, &v)) {
		ui_message(ui, true, "%s", _("a need is an FTE like 1.5, from 0 to 999.99"));
		return;
	}
	if (edit_need(&ui->undo, ui->plan, ui->slot, (int)v, &err) < 0)
		edit_failed(ui, &err);
}

void act_need(struct ui *ui, int key)
{
	int need = ui->plan->need[ui->slot];
	char initial[16], question[128];

	(void)key;
	if (need == NEED_UNSET)
		initial[0] = '\0';
	else
		text_format_shown(need, FTE_DECIMALS, initial, sizeof initial);
	/* TRANSLATORS: a prompt on the bottom row; at most 60 columns */
	snprintf(question, sizeof question, _("Need of %s in FTE (0 = not needed, empty = one holder):"),
		 ui->cat->slots[ui->slot].id);
	ui_prompt(ui, question, initial, need_answer, NULL);
}

static void team_name_answer(struct ui *ui, const char *answer)
{
	struct error err;

	error_clear(&err);
	if (edit_team_name(&ui->undo, ui->plan, answer, &err) < 0)
		edit_failed(ui, &err);
}

void act_team_name(struct ui *ui, int key)
{
	(void)key;
	ui_prompt(ui, _("Team name:"), ui->plan->name, team_name_answer, NULL);
}

/* Undo */

static void undo_or_redo(struct ui *ui, bool undo)
{
	struct undo_place where;

	if (undo ? undo_undo(&ui->undo, ui->plan, &where) : undo_redo(&ui->undo, ui->plan, &where)) {
		if (where.row >= 0)
			ui->row = where.row;
		if (where.slot >= 0)
			ui->slot = where.slot;
		ui_message(ui, false, "%s", undo ? _("undone") : _("redone"));
	} else {
		ui_message(ui, false, "%s", undo ? _("nothing to undo") : _("nothing to redo"));
	}
}

void act_undo(struct ui *ui, int key)
{
	(void)key;
	undo_or_redo(ui, true);
}

void act_redo(struct ui *ui, int key)
{
	(void)key;
	undo_or_redo(ui, false);
}

/* Screens, saving, quitting */

void act_profile(struct ui *ui, int key)
{
	(void)key;
	ui->mode = MODE_PROFILE;
}

void act_help(struct ui *ui, int key)
{
	(void)key;
	ui->help_first = 0;
	ui->mode = MODE_HELP;
}

void act_redraw(struct ui *ui, int key)
{
	(void)ui;
	(void)key;
	clearok(curscr, TRUE);
}

void act_save(struct ui *ui, int key)
{
	(void)key;
	ui_save(ui);
}

void act_save_as(struct ui *ui, int key)
{
	(void)key;
	ui_save_as(ui);
}

static void quit_yes(struct ui *ui)
{
	ui->quit = true;
}

static void quit_no(struct ui *ui)
{
	ui_message(ui, false, "%s", _("not quitting; s saves"));
}

void act_quit(struct ui *ui, int key)
{
	(void)key;
	if (!undo_dirty(&ui->undo))
		ui->quit = true;
	else
		/* TRANSLATORS: end with the same " (y/n)" as every question */
		ui_ask(ui, _("There are unsaved changes. Quit without saving? (y/n)"), quit_yes, quit_no);
}
