/* tui.c - the planner's one loop: load, draw the screen state, read a
 * key, hand it to the state, re-analyse.
 *
 * The grid, help, profile, prompt and yes/no question are states of this
 * loop (as in ncdu), never loops of their own, so a signal or a hang-up
 * is seen in one place whatever is open. Signals only set ui_signal; a
 * signal ends the wait for a key at once, and the loop then writes
 * FILE.save when there are unsaved changes and restores the terminal.
 * Nothing is drawn from a handler. */
#define _XOPEN_SOURCE_EXTENDED 1
#define _GNU_SOURCE
#include "tui.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

void ui_reanalyse(struct ui *ui)
{
	if (analysis_run(&ui->an, ui->plan) < 0)
		ui_message(ui, true, "out of memory while analysing the plan");
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

static void not_saved(struct ui *ui)
{
	ui_message(ui, false, "not saved");
}

static void save_as_confirmed(struct ui *ui)
{
	save_to(ui, ui->pending);
}

static void save_as_answer(struct ui *ui, const char *path)
{
	if (!path[0]) {
		not_saved(ui);
		return;
	}
	snprintf(ui->pending, sizeof ui->pending, "%s", path);
	if (access(path, F_OK) == 0 && (!ui->path || strcmp(path, ui->path) != 0))
		ui_ask(ui, "That file exists. Overwrite it? (y/n)", save_as_confirmed, not_saved);
	else
		save_to(ui, path);
}

void ui_save_as(struct ui *ui)
{
	ui_prompt(ui, "Save as:", ui->path ? ui->path : "team.ini", save_as_answer, not_saved);
}

static void save_confirmed(struct ui *ui)
{
	save_to(ui, ui->path);
}

static void save_declined(struct ui *ui)
{
	ui_message(ui, false, "not saved; use S to save under another name");
}

void ui_save(struct ui *ui)
{
	if (!ui->path)
		ui_save_as(ui);
	else if (stamp_changed(&ui->stamp, ui->path))
		ui_ask(ui, "The file changed on disk since it was loaded. Overwrite it? (y/n)",
		       save_confirmed, save_declined);
	else
		save_to(ui, ui->path);
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

void ui_prompt(struct ui *ui, const char *question, const char *initial,
	       void (*done)(struct ui *, const char *), void (*cancel)(struct ui *))
{
	struct prompt *pr = &ui->prompt;

	snprintf(pr->question, sizeof pr->question, "%s", question);
	snprintf(pr->text, sizeof pr->text, "%s", initial ? initial : "");
	pr->len = pr->cur = strlen(pr->text);
	/* the value filled in is chosen: the first key typed replaces it */
	pr->selected = pr->len > 0;
	pr->done = done;
	pr->cancel = cancel;
	ui->mode = MODE_PROMPT;
}

void ui_ask(struct ui *ui, const char *question, void (*yes)(struct ui *), void (*no)(struct ui *))
{
	snprintf(ui->ask.question, sizeof ui->ask.question, "%s", question);
	ui->ask.yes = yes;
	ui->ask.no = no;
	ui->mode = MODE_ASK;
}

/* The key functions of the screen states. Each returns to MODE_GRID
 * before it calls back, so a callback may open the next state. */

static void grid_key(struct ui *ui, int key)
{
	const struct action *a;

	if (key == KEY_MOUSE) {
		act_click(ui);
		return;
	}
	if (key == 27 && ui->focus == FOCUS_FINDINGS) {
		ui->focus = FOCUS_GRID;
		return;
	}
	a = action_for_key(key);
	if (a)
		a->run(ui, key);
}

static void help_key(struct ui *ui, int key)
{
	if ((key == KEY_DOWN || key == 'j') && ui->help_first < nactions - 1)
		ui->help_first++;
	else if ((key == KEY_UP || key == 'k') && ui->help_first > 0)
		ui->help_first--;
	else if (key != KEY_DOWN && key != KEY_UP && key != 'j' && key != 'k')
		ui->mode = MODE_GRID;
}

static void profile_key(struct ui *ui, int key)
{
	(void)key;
	ui->mode = MODE_GRID;
}

static void legend_key(struct ui *ui, int key)
{
	if ((key == KEY_DOWN || key == 'j') && ui->help_first < legend_lines() - 1)
		ui->help_first++;
	else if ((key == KEY_UP || key == 'k') && ui->help_first > 0)
		ui->help_first--;
	else if (key != KEY_DOWN && key != KEY_UP && key != 'j' && key != 'k')
		ui->mode = MODE_GRID;
}

static void load_error_key(struct ui *ui, int key);

static void prompt_key(struct ui *ui, int key, wint_t ch)
{
	struct prompt *pr = &ui->prompt;

	if (key == '\n' || key == KEY_ENTER) {
		ui->mode = MODE_GRID;
		if (pr->done)
			pr->done(ui, pr->text);
	} else if (key == 27 || key == 7 /* Ctrl-G */ || key == 3 /* Ctrl-C */) {
		ui->mode = MODE_GRID;
		if (pr->cancel)
			pr->cancel(ui);
	} else {
		prompt_edit(pr, key, ch);
	}
}

static void ask_key(struct ui *ui, int key)
{
	ui->mode = MODE_GRID;
	if (key == 'y' || key == 'Y') {
		if (ui->ask.yes)
			ui->ask.yes(ui);
	} else if (ui->ask.no) {
		ui->ask.no(ui);
	}
}

static void draw(struct ui *ui)
{
	ui_layout(ui);
	if (ui->too_small) {
		ui_draw(ui);
		return;
	}
	switch (ui->mode) {
	case MODE_HELP:
		draw_help(ui, ui->help_first);
		break;
	case MODE_PROFILE:
		draw_profile(ui);
		break;
	case MODE_LEGEND:
		draw_legend(ui);
		break;
	case MODE_LOAD_ERROR:
		curs_set(0);
		draw_load_error(ui);
		break;
	case MODE_PROMPT:
		/* typing changes only the bottom row */
		if (ui->stale)
			ui_draw(ui);
		ui->stale = false;
		draw_prompt(ui);
		break;
	case MODE_ASK:
		ui_draw(ui);
		draw_ask(ui);
		break;
	case MODE_KNOCKOUT:
	case MODE_CANDIDATES:
		curs_set(0);
		ui_draw(ui);
		break;
	case MODE_GRID:
		curs_set(0);
		ui_draw(ui);
		break;
	}
}

/* When FILE.save (left by a hang-up) is newer than FILE, say so and offer
 * to continue from it. The recovered plan counts as unsaved; once it is
 * saved to FILE, FILE.save has done its work and is removed. */
static void recover_yes(struct ui *ui)
{
	char *save = teamfile_recovery_path(ui->path);
	struct teamfile_text *text;
	struct error err;
	struct plan *p;

	if (!save)
		return;
	error_clear(&err);
	p = teamfile_load_text(save, ui->cat, &text, &err);
	if (!p) {
		ui_message(ui, true, "cannot recover: %s:%d: %s", save, err.line, err.msg);
		free(save);
		return;
	}
	plan_free(ui->plan);
	ui->plan = p;
	teamfile_text_free(ui->text);
	ui->text = text;
	ui->recovered = true;
	ui->undo.saved = -1; /* differs from the file until saved */
	ui_reanalyse(ui);
	ui_message(ui, false, "recovered %s; s saves it to %s", save, ui->path);
	free(save);
}

static void recover_no(struct ui *ui)
{
	ui_message(ui, false, "not recovered; %s.save is left as it was", ui->path);
}

static void offer_recovery(struct ui *ui)
{
	char *save, q[4200];
	struct stat plan_st, save_st;

	if (!ui->path || !(save = teamfile_recovery_path(ui->path)))
		return;
	if (stat(save, &save_st) == 0 &&
	    !(stat(ui->path, &plan_st) == 0 &&
	      (save_st.st_mtim.tv_sec < plan_st.st_mtim.tv_sec ||
	       (save_st.st_mtim.tv_sec == plan_st.st_mtim.tv_sec &&
		save_st.st_mtim.tv_nsec <= plan_st.st_mtim.tv_nsec)))) {
		snprintf(q, sizeof q, "%s is newer: unsaved changes from an earlier session. Recover them? (y/n)", save);
		ui_ask(ui, q, recover_yes, recover_no);
	}
	free(save);
}

/* Load @path, or start a new plan there when it does not exist. A file
 * that is there but does not parse (an error with a line) is not the
 * end: *@err keeps the error and the planner shows it and offers the
 * editor; any other failure returns NULL. A loaded file's text goes to
 * *@text, for saves that keep it. */
static struct plan *open_plan(const struct catalog *cat, const char *path, bool *is_new,
			      struct teamfile_text **text, struct error *err)
{
	struct plan *p;
	struct stat st;

	*is_new = false;
	error_clear(err);
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
	p = teamfile_load_text(path, cat, text, err);
	if (p) {
		error_clear(err);
		return p;
	}
	error_print(err, stderr);
	if (err->line > 0)
		return plan_new(cat);
	return NULL;
}

static void show_load_error(struct ui *ui, const struct error *err)
{
	snprintf(ui->load_error, sizeof ui->load_error, "%s:%d: %s", err->file[0] ? err->file : ui->path,
		 err->line, err->msg);
	ui->load_error_line = err->line;
	ui->mode = MODE_LOAD_ERROR;
	ui->status = 2;
}

/* Load the team file again, after it was edited. */
static void reload(struct ui *ui)
{
	struct teamfile_text *text;
	struct error err;
	struct plan *p;

	error_clear(&err);
	p = teamfile_load_text(ui->path, ui->cat, &text, &err);
	if (!p) {
		if (err.line > 0) {
			show_load_error(ui, &err);
			ui_message(ui, true, "still not loaded: see the line above");
		} else {
			ui_message(ui, true, "%s", err.msg);
		}
		return;
	}
	plan_free(ui->plan);
	ui->plan = p;
	teamfile_text_free(ui->text);
	ui->text = text;
	ui->row = ui->slot = ui->top = ui->left = 0;
	ui->status = 0;
	ui->mode = MODE_GRID;
	stamp_take(&ui->stamp, ui->path);
	ui_reanalyse(ui);
	ui_message(ui, false, "loaded %s", ui->path);
}

/* Run $VISUAL (or $EDITOR, or vi) on the team file at the error's line,
 * as "EDITOR +LINE FILE", with the terminal handed over meanwhile. */
static void run_editor(struct ui *ui)
{
	const char *editor = getenv("VISUAL");
	struct sigaction ign, old_int, old_quit;
	char line[32];
	pid_t pid;
	int st;

	if (!editor || !*editor)
		editor = getenv("EDITOR");
	if (!editor || !*editor)
		editor = "vi";
	snprintf(line, sizeof line, "+%d", ui->load_error_line);
	def_prog_mode();
	endwin();
	/* Ctrl-C in the editor is the editor's */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		char cmd[4200];

		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		/* the editor setting may hold options: let the shell split it */
		snprintf(cmd, sizeof cmd, "%s \"$1\" \"$2\"", editor);
		execl("/bin/sh", "sh", "-c", cmd, "sh", line, ui->path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0)
		while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (pid < 0) {
		ui_message(ui, true, "cannot start the editor: %s", strerror(errno));
		return;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		ui_message(ui, true, "the editor (%s) failed; r loads the file again", editor);
		return;
	}
	reload(ui);
}

static void load_error_key(struct ui *ui, int key)
{
	if (key == 'e' || key == '\n')
		run_editor(ui);
	else if (key == 'r')
		reload(ui);
	else if (key == 'q' || key == 3 || key == 27)
		ui->quit = true;
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
	/* raw: Ctrl-S and Ctrl-Q reach the planner instead of flow control,
	 * and Ctrl-C, Ctrl-\ and Ctrl-Z come as keys (see run_key) */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(50);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	if (!ui->script)
		timeout(0); /* ui_getkey waits in poll(2), where signals reach it */
	ui->colour = has_colors() && !(no_color && *no_color) && !ui->script;
	colours_init(ui);
	return 0;
}

/* What a signal (or its key) does: Ctrl-C and SIGINT ask to quit, as q
 * does; Ctrl-Z suspends; everything else ends the planner, writing
 * FILE.save first when there are unsaved changes. */
static void on_stop(struct ui *ui, int sig)
{
	emergency_save(ui);
	ui->status = 128 + sig;
	ui->quit = true;
}

static void run_signal(struct ui *ui, int sig)
{
	if (sig != SIGINT) {
		on_stop(ui, sig);
		return;
	}
	/* an interrupt closes what is open and asks, as Ctrl-C in the grid;
	 * with no plan loaded there is nothing to ask about */
	if (ui->mode == MODE_LOAD_ERROR) {
		ui->quit = true;
		return;
	}
	ui->mode = MODE_GRID;
	act_quit(ui, 3);
}

static void run_key(struct ui *ui, int key, wint_t ch)
{
	if (key == 28) { /* Ctrl-\, the terminal's quit key */
		on_stop(ui, SIGQUIT);
		return;
	}
	if (key == 26) { /* Ctrl-Z: let curses suspend and restore */
		raise(SIGTSTP);
		return;
	}
	if (key == KEY_RESIZE || ui->mode != MODE_PROMPT)
		ui->stale = true;
	if (key == KEY_RESIZE) {
		ui_layout(ui);
		erase();
		return;
	}
	if (ui->mode == MODE_GRID || ui->mode == MODE_LOAD_ERROR)
		ui->message[0] = '\0';
	if (ui->too_small) {
		/* only quitting works on the "too small" screen */
		if ((ui->mode == MODE_GRID || ui->mode == MODE_LOAD_ERROR) && (key == 'q' || key == 3))
			act_quit(ui, key);
		return;
	}
	switch (ui->mode) {
	case MODE_GRID: grid_key(ui, key); break;
	case MODE_HELP: help_key(ui, key); break;
	case MODE_PROFILE: profile_key(ui, key); break;
	case MODE_LEGEND: legend_key(ui, key); break;
	case MODE_LOAD_ERROR: load_error_key(ui, key); break;
	case MODE_PROMPT: prompt_key(ui, key, ch); break;
	case MODE_ASK: ask_key(ui, key); break;
	case MODE_KNOCKOUT: knockout_key(ui, key); break;
	case MODE_CANDIDATES: candidates_key(ui, key); break;
	}
	/* a prompt being typed changes nothing yet */
	if (ui->mode != MODE_PROMPT)
		ui_reanalyse(ui);
}

int tui_main(const struct catalog *cat, const char *path)
{
	static const int stop_signals[] = { SIGHUP, SIGTERM, SIGINT, SIGQUIT, SIGPIPE };
	struct ui ui;
	struct sigaction sa;
	struct error load_err;
	bool is_new;
	int key;
	size_t i;
	wint_t ch;

	memset(&ui, 0, sizeof ui);
	ui.cat = cat;
	ui.plan = open_plan(cat, path, &is_new, &ui.text, &load_err);
	if (!ui.plan)
		return 2;
	if (load_err.line > 0 && !getenv("SCHAAP_TEST_KEYS") &&
	    !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
		plan_free(ui.plan); /* no terminal to show it on: the message is all */
		return 2;
	}
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
	if (load_err.line > 0)
		show_load_error(&ui, &load_err);
	else
		offer_recovery(&ui);

	/* no SA_RESTART: a signal ends the wait in ui_getkey at once */
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaction(stop_signals[i], &sa, NULL);

	/* One loop for every screen state: draw it, read one key, hand the
	 * key to the state. Signals and the hang-up are seen here only. */
	while (!ui.quit) {
		if (!ui_keys_waiting(&ui))
			draw(&ui);
		key = ui_getkey(&ui, &ch);
		if (ui_signal) {
			int sig = ui_signal;

			ui_signal = 0;
			run_signal(&ui, sig);
			continue;
		}
		if (key == UI_KEY_END)
			break; /* the test script ended */
		if (key == UI_KEY_HANGUP) {
			on_stop(&ui, SIGHUP);
			continue;
		}
		if (key != 0)
			run_key(&ui, key, ch);
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
