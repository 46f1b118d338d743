/* keys.c - the one table of actions: it drives the dispatcher, the help
 * screen, the hint bar and (through --list-keys) the man page. */
#include <stdio.h>
#include <string.h>

#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

/* TRANSLATORS: each action's line in the help screen, at most 54 columns,
   and its word in the hint bar at the bottom (short: the bar shows the
   hints that fit 80 columns, help, quit and legend first). */
const struct action actions[] = {
	{ ACT_LEFT, "left", { KEY_LEFT, 'h' }, N_("move one slot left"), NULL, act_left },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_RIGHT, "right", { KEY_RIGHT, 'l' }, N_("move one slot right"), NULL, act_right },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_UP, "up", { KEY_UP, 'k' }, N_("move one person up (or one finding)"), NULL, act_up },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_DOWN, "down", { KEY_DOWN, 'j' }, N_("move one person down (or one finding)"), NULL, act_down },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_PAGE_UP, "page-up", { KEY_PPAGE }, N_("move one screen up"), NULL, act_page_up },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_PAGE_DOWN, "page-down", { KEY_NPAGE }, N_("move one screen down"), NULL, act_page_down },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_FIRST_SLOT, "first-slot", { KEY_HOME, '^' }, N_("go to the first slot"), NULL, act_first_slot },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_LAST_SLOT, "last-slot", { KEY_END, '$' }, N_("go to the last slot"), NULL, act_last_slot },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_FIRST_PERSON, "first-person", { 'g' }, N_("go to the first person"), NULL, act_first_person },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_LAST_PERSON, "last-person", { 'G' }, N_("go to the last person"), NULL, act_last_person },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_TOGGLE, "assign", { ' ' }, N_("assign the cell (10%) or unassign it"), N_("assign"), act_toggle },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_MORE, "share-up", { '+', '=' }, N_("raise the share by 5 points"), N_("share"), act_more },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_LESS, "share-down", { '-' }, N_("lower the share by 5 points (at least 1)"), NULL, act_less },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_SHARE, "share", { KEY_DIGIT, '%', '\n', KEY_ENTER }, N_("type the share (0 unassigns)"), NULL, act_share },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_LEAD, "lead", { 'L' }, N_("mark or unmark the person as the slot's lead"), N_("lead"), act_lead },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_ADD, "add", { 'a' }, N_("add a person: name, FTE, internal or external"), N_("add"), act_add },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_RENAME, "rename", { 'r' }, N_("rename the person"), NULL, act_rename },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_DELETE, "delete", { 'D', KEY_DC }, N_("delete the person (asks first)"), NULL, act_delete },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_FTE, "fte", { 'f' }, N_("set the person's FTE (0.05 to 1.5)"), NULL, act_fte },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_EXTERNAL, "external", { 'x' }, N_("mark the person external or internal"), NULL, act_external },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_NOTE, "note", { 'n' }, N_("set the person's note"), NULL, act_note },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_STRENGTHS, "strengths", { 'E' }, N_("set the person's strengths (leg ids; empty: not known)"),
	  NULL, act_strengths },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_FOLLOW, "follow-up", { 'F' }, N_("mark or unmark the slot as followed up by the person"),
	  NULL, act_follow },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_MOVE_UP, "move-up", { 'K' }, N_("move the person one row up"), NULL, act_move_up },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_MOVE_DOWN, "move-down", { 'J' }, N_("move the person one row down"), NULL, act_move_down },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_NEED, "need", { 'N' }, N_("set the slot's need in FTE (0: not needed)"), NULL, act_need },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_TEAM_NAME, "team-name", { 'T' }, N_("set the team's name"), NULL, act_team_name },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_UNDO, "undo", { 'u' }, N_("undo the last edit"), N_("undo"), act_undo },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_REDO, "redo", { CTRL('r') }, N_("redo what was undone"), NULL, act_redo },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_FOCUS, "focus", { '\t', KEY_BTAB }, N_("move between the grid and the findings"), N_("findings"), act_focus },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_JUMP, "jump", { 'o' }, N_("go to the chosen finding's subject (or Enter)"), NULL, act_jump },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_FIND, "find", { '/' }, N_("go to a slot (id or label) or a person (name start)"), N_("find"), act_find },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_INFO, "info", { 'i' }, N_("hide or show the info findings"), NULL, act_info },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_PROFILE, "profile", { 'p' }, N_("show the slot's whole profile"), N_("profile"), act_profile },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_LEGEND, "legend", { 'e' }, N_("explain the symbols and columns (legend)"), N_("legend"), act_legend },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_WHATIF, "whatif", { 'w' }, N_("what this person's absence creates (plan unchanged)"), NULL, act_whatif },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_CANDIDATES, "candidates", { 'c' }, N_("who could take the slot; Enter applies one"), NULL, act_candidates },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_SAVE, "save", { 's', CTRL('s') }, N_("save the plan"), N_("save"), act_save },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_SAVE_AS, "save-as", { 'S' }, N_("save the plan under another name"), NULL, act_save_as },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_HELP, "help", { '?', KEY_F(1) }, N_("show this help"), N_("help"), act_help },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_REDRAW, "redraw", { CTRL('l') }, N_("redraw the screen"), NULL, act_redraw },
	/* TRANSLATORS: at most 54 columns */
	{ ACT_QUIT, "quit", { 'q', CTRL('c') }, N_("quit (asks when changes are unsaved)"), N_("quit"), act_quit },
};
const int nactions = (int)(sizeof actions / sizeof actions[0]);

const struct action *action_for_key(int key)
{
	int i, k;

	if (key >= '1' && key <= '9')
		key = KEY_DIGIT;
	for (i = 0; i < nactions; i++)
		for (k = 0; k < 4 && actions[i].keys[k]; k++)
			if (actions[i].keys[k] == key)
				return &actions[i];
	return NULL;
}

const char *key_label(int key)
{
	static char buf[16];

	switch (key) {
	case KEY_LEFT: return _("Left");
	case KEY_RIGHT: return _("Right");
	case KEY_UP: return _("Up");
	case KEY_DOWN: return _("Down");
	case KEY_PPAGE: return "PgUp";
	case KEY_NPAGE: return "PgDn";
	case KEY_HOME: return "Home";
	case KEY_END: return "End";
	case KEY_DC: return "Delete";
	case KEY_BTAB: return "Shift-Tab";
	case KEY_ENTER: return "KpEnter";
	case KEY_F(1): return "F1";
	case KEY_DIGIT: return "1-9";
	case ' ': return _("Space");
	case '\t': return "Tab";
	case '\n': return "Enter";
	}
	if (key > 0 && key < 32)
		snprintf(buf, sizeof buf, "Ctrl-%c", key + '@');
	else if (key < 127)
		snprintf(buf, sizeof buf, "%c", key);
	else
		snprintf(buf, sizeof buf, "key %d", key);
	return buf;
}

void actions_print(FILE *out)
{
	int i, k;

	for (i = 0; i < nactions; i++) {
		fprintf(out, "%s\t", actions[i].name);
		for (k = 0; k < 4 && actions[i].keys[k]; k++)
			fprintf(out, "%s%s", k ? " " : "", key_label(actions[i].keys[k]));
		fprintf(out, "\t%s\n", actions[i].help);
	}
}
