/* tui.c - the planner's loop: load, draw, read a key, act, re-analyse.
 *
 * Signals only set ui_signal; the loop notices it after the next key or
 * timeout, writes FILE.save when there are unsaved changes and restores
 * the terminal. Nothing is drawn from a handler. */
#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE
#include "tui.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "teamfile.h"
#include "text.h"
#include "ui.h"

volatile int ui_signal;

static void on_signal(int sig)
{
	ui_signal = sig;
}

void ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->message, sizeof ui->message, fmt, ap);
	va_end(ap);
	ui->message_error = error;
}

static void stamp_take(struct file_stamp *st, const char *path)
{
	struct stat sb;

	st->known = path && stat(path, &sb) == 0;
	if (!st->known)
		return;
	st->dev = sb.st_dev;
	st->ino = sb.st_ino;
	st->size = sb.st_size;
	st->mtime = sb.st_mtim;
}

static bool stamp_changed(const struct file_stamp *st, const char *path)
{
	struct file_stamp now;

	stamp_take(&now, path);
	if (!st->known)
		return now.known; /* a file appeared where there was none */
	return !now.known || now.dev != st->dev || now.ino != st->ino || now.size != st->size ||
	       now.mtime.tv_sec != st->mtime.tv_sec || now.mtime.tv_nsec != st->mtime.tv_nsec;
}

static void reanalyse(struct ui *ui)
{
	if (analysis_run(&ui->an, ui->plan) < 0)
		ui_message(ui, true, "out of memory while analysing the plan");
}

static void edit_failed(struct ui *ui, const struct error *err)
{
	ui_message(ui, true, "%s", err->msg);
}

static bool save_to(struct ui *ui, const char *path)
{
	struct error err;

	enum save_form form;

	error_clear(&err);
	if (teamfile_save_text(ui->plan, &ui->text, path, &form, &err) < 0) {
		ui_message(ui, true, "%s", err.msg);
		return false;
	}
	if (!ui->path || strcmp(ui->path, path) != 0) {
		char *copy = strdup(path);

		if (copy) {
			free(ui->path);
			ui->path = copy;
		}
	}
	stamp_take(&ui->stamp, ui->path);
	undo_mark_saved(&ui->undo);
	if (form == SAVE_REWRITTEN)
		ui_message(ui, true, "saved %s, rewritten in the standard layout: this change "
			   "could not be made in the file as written", path);
	else
		ui_message(ui, false, "saved %s", path);
	if (ui->recovered) {
		char *save = teamfile_recovery_path(ui->path);

		if (save)
			unlink(save);
		free(save);
		ui->recovered = false;
	}
	return true;
}

static bool do_save_as(struct ui *ui)
{
	char path[1024];

	if (!ui_prompt(ui, "Save as:", ui->path ? ui->path : "team.ini", path, sizeof path) ||
	    !path[0]) {
		ui_message(ui, false, "not saved");
		return false;
	}
	if (access(path, F_OK) == 0 && (!ui->path || strcmp(path, ui->path) != 0) &&
	    !ui_ask(ui, "That file exists. Overwrite it? (y/n)")) {
		ui_message(ui, false, "not saved");
		return false;
	}
	return save_to(ui, path);
}

static bool do_save(struct ui *ui)
{
	if (!ui->path)
		return do_save_as(ui);
	if (stamp_changed(&ui->stamp, ui->path) &&
	    !ui_ask(ui, "The file changed on disk since it was loaded. Overwrite it? (y/n)")) {
		ui_message(ui, false, "not saved; use S to save under another name");
		return false;
	}
	return save_to(ui, ui->path);
}

/* Write the plan to FILE.save after a hang-up or termination. */
static void emergency_save(struct ui *ui)
{
	char *path;
	struct error err;

	if (!undo_dirty(&ui->undo))
		return;
	if (teamfile_save_recovery(ui->plan, ui->text, ui->path, &path, &err) == 0) {
		char shown[1024];

		text_escape(path, shown, sizeof shown);
		snprintf(ui->message, sizeof ui->message, "schaap: unsaved changes written to %s", shown);
	} else
		snprintf(ui->message, sizeof ui->message, "schaap: %s: could not write: %s", err.file, err.msg);
	free(path);
}

static bool need_person(struct ui *ui)
{
	if (ui->plan->npeople > 0)
		return true;
	ui_message(ui, true, "no people yet: press a to add one");
	return false;
}

static void set_share(struct ui *ui, int share, bool lead)
{
	struct error err;

	if (edit_cell(&ui->undo, ui->plan, ui->row, ui->slot, share, lead, &err) < 0)
		edit_failed(ui, &err);
}

static void prompt_share(struct ui *ui, int first_digit)
{
	const struct cell *cell = &ui->plan->people[ui->row]->cells[ui->slot];
	char initial[8], answer[64], question[160], name[64];
	char *end;
	long v;

	if (first_digit)
		snprintf(initial, sizeof initial, "%c", first_digit);
	else if (cell->share)
		snprintf(initial, sizeof initial, "%d", cell->share);
	else
		initial[0] = '\0';
	text_fit(ui->plan->people[ui->row]->name, 24, false, name, sizeof name);
	snprintf(question, sizeof question, "Share of %s in %s (%%, 0 unassigns):", name,
		 ui->cat->slots[ui->slot].id);
	if (!ui_prompt(ui, question, initial, answer, sizeof answer))
		return;
	if (answer[strlen(answer) ? strlen(answer) - 1 : 0] == '%')
		answer[strlen(answer) - 1] = '\0';
	v = strtol(answer, &end, 10);
	if (!answer[0] || *end || v < 0 || v > 100) {
		ui_message(ui, true, "a share is a whole percentage from 0 to 100");
		return;
	}
	set_share(ui, (int)v, v > 0 && cell->lead);
}

static void prompt_fte(struct ui *ui)
{
	struct person *p = ui->plan->people[ui->row];
	char initial[16], answer[64];
	struct error err;
	long v;

	text_format_decimal(p->fte, FTE_DECIMALS, initial, sizeof initial);
	if (!ui_prompt(ui, "FTE (0.05 to 1.5):", initial, answer, sizeof answer))
		return;
	if (!text_parse_decimal(answer, FTE_DECIMALS, 1000, &v)) {
		ui_message(ui, true, "an FTE is a number like 0.8, from 0.05 to 1.5");
		return;
	}
	if (edit_person_fte(&ui->undo, ui->plan, ui->row, (int)v, &err) < 0)
		edit_failed(ui, &err);
}

static void prompt_need(struct ui *ui)
{
	int need = ui->plan->need[ui->slot];
	char initial[16], answer[64], question[128];
	struct error err;
	long v;

	if (need == NEED_UNSET)
		initial[0] = '\0';
	else
		text_format_decimal(need, FTE_DECIMALS, initial, sizeof initial);
	snprintf(question, sizeof question, "Need of %s in FTE (0 = not needed, empty = one holder):",
		 ui->cat->slots[ui->slot].id);
	if (!ui_prompt(ui, question, initial, answer, sizeof answer))
		return;
	if (!answer[0])
		v = NEED_UNSET;
	else if (!text_parse_decimal(answer, FTE_DECIMALS, NEED_MAX, &v)) {
		ui_message(ui, true, "a need is an FTE like 1.5, from 0 to 999.99");
		return;
	}
	if (edit_need(&ui->undo, ui->plan, ui->slot, (int)v, &err) < 0)
		edit_failed(ui, &err);
}

static void prompt_text(struct ui *ui, enum act what)
{
	char answer[1024];
	struct error err;
	int rc = 0, row;

	error_clear(&err);
	switch (what) {
	case ACT_ADD:
		if (!ui_prompt(ui, "Name of the new person:", "", answer, sizeof answer) || !answer[0])
			return;
		row = edit_add_person(&ui->undo, ui->plan,
				      answer, ui->plan->npeople ? ui->row + 1 : 0, &err);
		if (row < 0)
			rc = -1;
		else
			ui->row = row;
		break;
	case ACT_RENAME:
		if (!ui_prompt(ui, "Name:", ui->plan->people[ui->row]->name, answer, sizeof answer))
			return;
		rc = edit_person_name(&ui->undo, ui->plan, ui->row, answer, &err);
		break;
	case ACT_NOTE:
		if (!ui_prompt(ui, "Note:", ui->plan->people[ui->row]->note, answer, sizeof answer))
			return;
		rc = edit_person_note(&ui->undo, ui->plan, ui->row, answer, &err);
		break;
	case ACT_TEAM_NAME:
		if (!ui_prompt(ui, "Team name:", ui->plan->name, answer, sizeof answer))
			return;
		rc = edit_team_name(&ui->undo, ui->plan, answer, &err);
		break;
	default:
		return;
	}
	if (rc < 0)
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

static void show_help(struct ui *ui)
{
	int first = 0;
	wint_t ch;

	for (;;) {
		int key;

		draw_help(ui, first);
		key = ui_getkey(ui, &ch);
		if (key == 0)
			continue;
		if (key == KEY_RESIZE) {
			ui_layout(ui);
			continue;
		}
		if ((key == KEY_DOWN || key == 'j') && first < nactions - 1)
			first++;
		else if ((key == KEY_UP || key == 'k') && first > 0)
			first--;
		else if (key != KEY_DOWN && key != KEY_UP && key != 'j' && key != 'k')
			break;
	}
	erase();
}

static void show_profile(struct ui *ui)
{
	wint_t ch;
	int key;

	do {
		draw_profile(ui);
		key = ui_getkey(ui, &ch);
		if (key == KEY_RESIZE)
			ui_layout(ui);
	} while (key == 0 || key == KEY_RESIZE);
	erase();
}

static void on_mouse(struct ui *ui)
{
	MEVENT ev;
	int row, slot;

	if (!ui_mouse(&ev))
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		ui->row -= 3;
		return;
	}
	if (ev.bstate & BUTTON5_PRESSED) {
		ui->row += 3;
		return;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)))
		return;
	if (ui_hit_cell(ui, ev.y, ev.x, &row, &slot)) {
		ui->row = row;
		ui->slot = slot;
		ui->focus = FOCUS_GRID;
	} else if (ev.y > ui->find_y && ev.y <= ui->find_y + ui->find_h &&
		   ui->sel_top + (ev.y - ui->find_y - 1) < ui->an.nfindings) {
		ui->sel = ui->sel_top + (ev.y - ui->find_y - 1);
		ui->focus = FOCUS_FINDINGS;
		jump_to_finding(ui);
	}
}

static void act(struct ui *ui, enum act a, int key)
{
	struct person *p = ui->plan->npeople ? ui->plan->people[ui->row] : NULL;
	struct undo_place where;
	struct error err;
	int share;

	if (ui->focus == FOCUS_FINDINGS) {
		switch (a) {
		case ACT_UP: ui->sel--; return;
		case ACT_DOWN: ui->sel++; return;
		case ACT_PAGE_UP: ui->sel -= ui->find_h; return;
		case ACT_PAGE_DOWN: ui->sel += ui->find_h; return;
		case ACT_JUMP: jump_to_finding(ui); return;
		case ACT_SHARE:
			if (key == '\n' || key == KEY_ENTER) {
				jump_to_finding(ui);
				return;
			}
			break;
		default: break;
		}
	}
	switch (a) {
	case ACT_LEFT: ui->slot -= ui->slot > 0; break;
	case ACT_RIGHT: ui->slot += ui->slot < ui->cat->nslots - 1; break;
	case ACT_UP: ui->row--; break;
	case ACT_DOWN: ui->row++; break;
	case ACT_PAGE_UP: ui->row -= ui->grid_h; break;
	case ACT_PAGE_DOWN: ui->row += ui->grid_h; break;
	case ACT_FIRST_SLOT: ui->slot = 0; break;
	case ACT_LAST_SLOT: ui->slot = ui->cat->nslots - 1; break;
	case ACT_FIRST_PERSON: ui->row = 0; break;
	case ACT_LAST_PERSON: ui->row = ui->plan->npeople - 1; break;
	case ACT_TOGGLE:
		if (need_person(ui))
			set_share(ui, p->cells[ui->slot].share ? 0 : 10, false);
		break;
	case ACT_MORE:
		if (need_person(ui)) {
			share = p->cells[ui->slot].share;
			share = (share / 5 + 1) * 5;
			set_share(ui, share > 100 ? 100 : share, p->cells[ui->slot].lead);
		}
		break;
	case ACT_LESS:
		if (need_person(ui) && p->cells[ui->slot].share) {
			share = p->cells[ui->slot].share;
			share = ((share - 1) / 5) * 5;
			set_share(ui, share < 1 ? 1 : share, p->cells[ui->slot].lead);
		}
		break;
	case ACT_SHARE:
		if (need_person(ui))
			prompt_share(ui, key >= '1' && key <= '9' ? key : 0);
		break;
	case ACT_LEAD:
		if (need_person(ui)) {
			if (!p->cells[ui->slot].share)
				ui_message(ui, true, "assign the cell first (Space), then mark the lead");
			else
				set_share(ui, p->cells[ui->slot].share, !p->cells[ui->slot].lead);
		}
		break;
	case ACT_ADD:
	case ACT_TEAM_NAME:
		prompt_text(ui, a);
		break;
	case ACT_RENAME:
	case ACT_NOTE:
		if (need_person(ui))
			prompt_text(ui, a);
		break;
	case ACT_DELETE:
		if (need_person(ui)) {
			char q[160], name[64];

			text_fit(p->name, 40, false, name, sizeof name);
			snprintf(q, sizeof q, "Delete %s? (y/n)", name);
			if (ui_ask(ui, q)) {
				if (edit_delete_person(&ui->undo, ui->plan, ui->row, &err) < 0)
					edit_failed(ui, &err);
				else
					ui_message(ui, false, "deleted %s; u undoes", name);
			}
		}
		break;
	case ACT_FTE:
		if (need_person(ui))
			prompt_fte(ui);
		break;
	case ACT_EXTERNAL:
		if (need_person(ui) &&
		    edit_person_external(&ui->undo, ui->plan, ui->row, !p->external, &err) < 0)
			edit_failed(ui, &err);
		break;
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		if (need_person(ui)) {
			int to = ui->row + (a == ACT_MOVE_UP ? -1 : 1);

			if (to >= 0 && to < ui->plan->npeople &&
			    edit_move_person(&ui->undo, ui->plan, ui->row, to, &err) == 0)
				ui->row = to;
		}
		break;
	case ACT_NEED:
		prompt_need(ui);
		break;
	case ACT_UNDO:
	case ACT_REDO:
		if (a == ACT_UNDO ? undo_undo(&ui->undo, ui->plan, &where)
				  : undo_redo(&ui->undo, ui->plan, &where)) {
			if (where.row >= 0)
				ui->row = where.row;
			if (where.slot >= 0)
				ui->slot = where.slot;
			ui_message(ui, false, a == ACT_UNDO ? "undone" : "redone");
		} else {
			ui_message(ui, false, a == ACT_UNDO ? "nothing to undo" : "nothing to redo");
		}
		break;
	case ACT_FOCUS:
		ui->focus = ui->focus == FOCUS_GRID ? FOCUS_FINDINGS : FOCUS_GRID;
		break;
	case ACT_JUMP:
		break;
	case ACT_PROFILE:
		show_profile(ui);
		break;
	case ACT_SAVE:
		do_save(ui);
		break;
	case ACT_SAVE_AS:
		do_save_as(ui);
		break;
	case ACT_HELP:
		show_help(ui);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_QUIT:
		if (!undo_dirty(&ui->undo) ||
		    ui_ask(ui, "There are unsaved changes. Quit without saving? (y/n)"))
			ui->quit = true;
		else
			ui_message(ui, false, "not quitting; s saves");
		break;
	case ACT_NONE:
	case ACT_COUNT:
		break;
	}
}

/* When FILE.save (left by a hang-up) is newer than FILE, say so and offer
 * to continue from it. The recovered plan counts as unsaved; once it is
 * saved to FILE, FILE.save has done its work and is removed. */
static void offer_recovery(struct ui *ui)
{
	char *save, q[4200];
	struct teamfile_text *text;
	struct stat plan_st, save_st;
	struct error err;
	struct plan *p;

	if (!ui->path || !(save = teamfile_recovery_path(ui->path)))
		return;
	if (stat(save, &save_st) < 0)
		goto out;
	if (stat(ui->path, &plan_st) == 0 &&
	    (save_st.st_mtim.tv_sec < plan_st.st_mtim.tv_sec ||
	     (save_st.st_mtim.tv_sec == plan_st.st_mtim.tv_sec &&
	      save_st.st_mtim.tv_nsec <= plan_st.st_mtim.tv_nsec)))
		goto out;
	ui_draw(ui);
	snprintf(q, sizeof q, "%s is newer: unsaved changes from an earlier session. Recover them? (y/n)", save);
	if (!ui_ask(ui, q)) {
		ui_message(ui, false, "not recovered; %s is left as it was", save);
		goto out;
	}
	error_clear(&err);
	p = teamfile_load_text(save, ui->cat, &text, &err);
	if (!p) {
		ui_message(ui, true, "cannot recover: %s:%d: %s", save, err.line, err.msg);
		goto out;
	}
	plan_free(ui->plan);
	ui->plan = p;
	teamfile_text_free(ui->text);
	ui->text = text;
	ui->recovered = true;
	ui->undo.saved = -1; /* differs from the file until saved */
	reanalyse(ui);
	ui_message(ui, false, "recovered %s; s saves it to %s", save, ui->path);
out:
	free(save);
}

/* Load @path, or start a new plan there when it does not exist. */
static struct plan *open_plan(const struct catalog *cat, const char *path, bool *is_new,
			      struct teamfile_text **text)
{
	struct error err;
	struct plan *p;
	struct stat st;

	*is_new = false;
	if (path && stat(path, &st) < 0 && errno == ENOENT) {
		struct stat lst;

		/* a dangling symbolic link is a file to create, not to load */
		if (lstat(path, &lst) < 0 || S_ISLNK(lst.st_mode)) {
			*is_new = true;
			return plan_new(cat);
		}
	}
	if (!path)
		return plan_new(cat);
	error_clear(&err);
	p = teamfile_load_text(path, cat, text, &err);
	if (!p)
		error_print(&err, stderr);
	return p;
}

/* Scripted tests make one save step fail: SCHAAP_TEST_SAVE_FAULT=STEP:ERRNO
 * with STEP one of create, write, fsync, rename. */
static enum save_step fault_step;
static int fault_errno;

static int test_fault(enum save_step step)
{
	return step == fault_step ? fault_errno : 0;
}

static void test_faults_setup(void)
{
	static const char *const steps[SAVE_STEPS] = { "create", "write", "fsync", "rename" };
	const char *spec = getenv("SCHAAP_TEST_SAVE_FAULT");
	int s;

	if (!spec)
		return;
	for (s = 0; s < SAVE_STEPS; s++)
		if (strncmp(spec, steps[s], strlen(steps[s])) == 0 && spec[strlen(steps[s])] == ':') {
			fault_step = (enum save_step)s;
			fault_errno = atoi(spec + strlen(steps[s]) + 1);
			teamfile_fault = test_fault;
		}
}

static int start_screen(struct ui *ui)
{
	const char *no_color = getenv("NO_COLOR");
	SCREEN *scr;

	if (ui->script) {
		FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
		const char *size = getenv("SCHAAP_TEST_SIZE");
		int w = 80, h = 24;

		test_faults_setup();
		if (!out || !in) {
			fprintf(stderr, "schaap: cannot open /dev/null\n");
			return -1;
		}
		scr = newterm("xterm", out, in);
		if (!scr) {
			fprintf(stderr, "schaap: cannot start the test screen\n");
			return -1;
		}
		if (size && sscanf(size, "%dx%d", &w, &h) != 2)
			w = 80, h = 24;
		resizeterm(h, w);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, "schaap: the planner needs a terminal; "
					"use 'schaap check' in scripts\n");
			return -1;
		}
		scr = newterm(NULL, stdout, stdin);
		if (!scr) {
			fprintf(stderr, "schaap: cannot start the planner: unknown terminal type '%s'\n",
				getenv("TERM") ? getenv("TERM") : "");
			return -1;
		}
	}
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(50);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	if (!ui->script)
		timeout(500);
	ui->colour = has_colors() && !(no_color && *no_color) && !ui->script;
	colours_init(ui);
	return 0;
}

int tui_main(const struct catalog *cat, const char *path)
{
	struct ui ui;
	struct sigaction sa;
	bool is_new;
	int key;
	wint_t ch;

	memset(&ui, 0, sizeof ui);
	ui.cat = cat;
	ui.plan = open_plan(cat, path, &is_new, &ui.text);
	if (!ui.plan)
		return 2;
	ui.path = path ? strdup(path) : NULL;
	stamp_take(&ui.stamp, ui.path);
	analysis_init(&ui.an);
	undo_init(&ui.undo);
	if (analysis_run(&ui.an, ui.plan) < 0 || ui_script_open(&ui) < 0 || start_screen(&ui) < 0) {
		analysis_release(&ui.an);
		plan_free(ui.plan);
		teamfile_text_free(ui.text);
		free(ui.path);
		return 2;
	}
	if (is_new)
		ui_message(&ui, false, "new plan: s saves it to %s", path);
	else if (!path)
		ui_message(&ui, false, "untitled plan: a adds a person, s asks for a file name");
	ui_layout(&ui);
	offer_recovery(&ui);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);

	while (!ui.quit) {
		ui_draw(&ui);
		key = ui_getkey(&ui, &ch);
		if (ui_signal) {
			int sig = ui_signal;

			ui_signal = 0;
			if (sig == SIGINT) {
				act(&ui, ACT_QUIT, 0);
				continue;
			}
			emergency_save(&ui);
			ui.status = 128 + sig;
			break;
		}
		if (key == -1)
			break; /* the test script ended */
		if (key == 0)
			continue;
		if (key == KEY_RESIZE) {
			ui_layout(&ui);
			erase();
			continue;
		}
		ui.message[0] = '\0';
		if (ui.too_small) {
			if (key == 'q' || key == ('c' & 0x1f))
				act(&ui, ACT_QUIT, key);
			continue;
		}
		if (key == KEY_MOUSE) {
			on_mouse(&ui);
			continue;
		}
		if (key == 27 && ui.focus == FOCUS_FINDINGS) {
			ui.focus = FOCUS_GRID;
			continue;
		}
		act(&ui, action_for_key(key), key);
		reanalyse(&ui);
	}
	endwin();
	if (ui.status && ui.message[0])
		fprintf(stderr, "%s\n", ui.message);
	if (ui.script) {
		fclose(ui.script);
		if (ui.dump != stdout)
			fclose(ui.dump);
	}
	undo_release(&ui.undo);
	analysis_release(&ui.an);
	plan_free(ui.plan);
	teamfile_text_free(ui.text);
	free(ui.path);
	return ui.status;
}
