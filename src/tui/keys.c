/* keys.c - the one table of actions: it drives the dispatcher, the help
 * screen, the hint bar and (through --list-keys) the man page. */
#include <stdio.h>
#include <string.h>

#include "ui.h"

#define CTRL(c) ((c) & 0x1f)

const struct action actions[] = {
	{ ACT_LEFT, "left", { KEY_LEFT, 'h' }, "move one slot left", NULL, act_left },
	{ ACT_RIGHT, "right", { KEY_RIGHT, 'l' }, "move one slot right", NULL, act_right },
	{ ACT_UP, "up", { KEY_UP, 'k' }, "move one person up (or one finding)", NULL, act_up },
	{ ACT_DOWN, "down", { KEY_DOWN, 'j' }, "move one person down (or one finding)", NULL, act_down },
	{ ACT_PAGE_UP, "page-up", { KEY_PPAGE }, "move one screen up", NULL, act_page_up },
	{ ACT_PAGE_DOWN, "page-down", { KEY_NPAGE }, "move one screen down", NULL, act_page_down },
	{ ACT_FIRST_SLOT, "first-slot", { KEY_HOME, '^' }, "go to the first slot", NULL, act_first_slot },
	{ ACT_LAST_SLOT, "last-slot", { KEY_END, '$' }, "go to the last slot", NULL, act_last_slot },
	{ ACT_FIRST_PERSON, "first-person", { 'g' }, "go to the first person", NULL, act_first_person },
	{ ACT_LAST_PERSON, "last-person", { 'G' }, "go to the last person", NULL, act_last_person },
	{ ACT_TOGGLE, "assign", { ' ' }, "assign the cell (10%) or unassign it", "assign", act_toggle },
	{ ACT_MORE, "share-up", { '+', '=' }, "raise the share by 5 points", "share", act_more },
	{ ACT_LESS, "share-down", { '-' }, "lower the share by 5 points (at least 1)", NULL, act_less },
	{ ACT_SHARE, "share", { KEY_DIGIT, '%', '\n', KEY_ENTER }, "type the share (0 unassigns)", NULL, act_share },
	{ ACT_LEAD, "lead", { 'L' }, "mark or unmark the person as the slot's lead", "lead", act_lead },
	{ ACT_ADD, "add", { 'a' }, "add a person below the cursor: name, FTE, internal or external", "add", act_add },
	{ ACT_RENAME, "rename", { 'r' }, "rename the person", NULL, act_rename },
	{ ACT_DELETE, "delete", { 'D', KEY_DC }, "delete the person (asks first)", NULL, act_delete },
	{ ACT_FTE, "fte", { 'f' }, "set the person's FTE (0.05 to 1.5)", NULL, act_fte },
	{ ACT_EXTERNAL, "external", { 'x' }, "mark the person external or internal", NULL, act_external },
	{ ACT_NOTE, "note", { 'n' }, "set the person's note", NULL, act_note },
	{ ACT_STRENGTHS, "strengths", { 'E' }, "set the person's strengths (leg ids; empty: not known)",
	  NULL, act_strengths },
	{ ACT_FOLLOW, "follow-up", { 'F' }, "mark or unmark the slot as followed up by the person",
	  NULL, act_follow },
	{ ACT_MOVE_UP, "move-up", { 'K' }, "move the person one row up", NULL, act_move_up },
	{ ACT_MOVE_DOWN, "move-down", { 'J' }, "move the person one row down", NULL, act_move_down },
	{ ACT_NEED, "need", { 'N' }, "set the slot's need in FTE (0: not needed)", NULL, act_need },
	{ ACT_TEAM_NAME, "team-name", { 'T' }, "set the team's name", NULL, act_team_name },
	{ ACT_UNDO, "undo", { 'u' }, "undo the last edit", "undo", act_undo },
	{ ACT_REDO, "redo", { CTRL('r') }, "redo what was undone", NULL, act_redo },
	{ ACT_FOCUS, "focus", { '\t', KEY_BTAB }, "move between the grid and the findings", "findings", act_focus },
	{ ACT_JUMP, "jump", { 'o' }, "go to the chosen finding's subject (or Enter)", NULL, act_jump },
	{ ACT_FIND, "find", { '/' }, "go to a slot (id, label or Dutch label) or a person by the start of the name", "find", act_find },
	{ ACT_INFO, "info", { 'i' }, "hide or show the info findings", NULL, act_info },
	{ ACT_PROFILE, "profile", { 'p' }, "show the slot's whole profile", "profile", act_profile },
	{ ACT_LEGEND, "legend", { 'e' }, "explain the symbols and columns (legend)", "legend", act_legend },
	{ ACT_WHATIF, "whatif", { 'w' }, "what the person's absence would create (plan unchanged)", NULL, act_whatif },
	{ ACT_CANDIDATES, "candidates", { 'c' }, "who could take the slot; Enter applies one", NULL, act_candidates },
	{ ACT_SAVE, "save", { 's', CTRL('s') }, "save the plan", "save", act_save },
	{ ACT_SAVE_AS, "save-as", { 'S' }, "save the plan under another name", NULL, act_save_as },
	{ ACT_HELP, "help", { '?', KEY_F(1) }, "show this help", "help", act_help },
	{ ACT_REDRAW, "redraw", { CTRL('l') }, "redraw the screen", NULL, act_redraw },
	{ ACT_QUIT, "quit", { 'q', CTRL('c') }, "quit (asks when changes are unsaved)", "quit", act_quit },
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
	case KEY_LEFT: return "Left";
	case KEY_RIGHT: return "Right";
	case KEY_UP: return "Up";
	case KEY_DOWN: return "Down";
	case KEY_PPAGE: return "PgUp";
	case KEY_NPAGE: return "PgDn";
	case KEY_HOME: return "Home";
	case KEY_END: return "End";
	case KEY_DC: return "Delete";
	case KEY_BTAB: return "Shift-Tab";
	case KEY_ENTER: return "KpEnter";
	case KEY_F(1): return "F1";
	case KEY_DIGIT: return "1-9";
	case ' ': return "Space";
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
