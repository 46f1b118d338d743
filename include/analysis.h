/* analysis.h - what a plan covers and where it hurts (SPEC section 3).
 *
 * The rules are one table (struct rule, one entry a finding code, in
 * report order): its severity, the kind of subject it judges, a `fires`
 * function that judges ONE subject from the figures, and a `message`
 * function that formats the finding from the rule's own format strings.
 * Nothing else in the program lists the rules: report order, slot states
 * and status labels all come from the table.
 *
 * analysis_run computes, from scratch, the per slot and per person figures
 * and then collects the findings, in report order: the table's order
 * (severity, then code name), then subject id, then detail. It keeps its
 * buffers between runs, so re-running after every edit allocates nothing
 * in the steady state.
 *
 * For re-analysing only what a change touches (what-if, suggestions): edit
 * the plan, call analysis_update_slot for each slot whose cells changed and
 * analysis_update_person for each person whose cells or fields changed,
 * then ask rule_fires about the subjects touched: a changed cell touches
 * its slot, its person and the team; a person's removal (their cells
 * cleared) touches their slots and the team. Team rules read only slot
 * figures, so they are always current once the slots are. analysis_collect
 * rebuilds the whole list of findings from the current figures. */
#ifndef SCHAAP_ANALYSIS_H
#define SCHAAP_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"

enum severity { SEV_ERROR, SEV_WARNING, SEV_INFO, SEV_COUNT };

/* One code a rule, in report order: by severity, then by code name. The
 * rule table is indexed by these. */
enum finding_code {
	F_UNCOVERED,
	F_EXTERNAL_ONLY,
	F_FIVE_LEGGED_SHEEP,
	F_HELPDESK_DRIFT,
	F_LEAD_CONFLICT,
	F_NO_LEAD,
	F_NO_OWNER,
	F_OVER_ALLOCATED,
	F_POOR_COMBINATION,
	F_REPORTING_LINE,
	F_STRETCH,
	F_UNDERSTAFFED,
	F_IDLE,
	F_OFFICER_PART_TIME,
	F_OVERLAP,
	F_SINGLE_POINT,
	F_COUNT
};

enum subject_kind { SUBJECT_SLOT, SUBJECT_PERSON, SUBJECT_TEAM };

struct finding {
	enum finding_code code;
	enum subject_kind kind;
	int subject; /* slot index or person row; 0 for the team */
	int detail;  /* poor-combination: the pair index; else 0 */
};

/* A slot's state, worst first, for status symbols. */
enum slot_state {
	STATE_UNCOVERED,   /* error */
	STATE_WARNING,     /* a warning on the slot */
	STATE_THIN,        /* one holder only (single-point) */
	STATE_OK,
	STATE_NOT_NEEDED,  /* need 0 */
};

struct slot_result {
	int holders;
	int leads;
	int external_holders;
	int internal_leads;
	int followers;    /* internal people with the slot in follows_up */
	int first_holder; /* row of the first holder, or -1 */
	long staffed;     /* in 1/10000 FTE (fte hundredths x share percent) */
	int need;         /* hundredths, or NEED_UNSET */
	enum slot_state state;
};

struct person_result {
	int load;       /* percent of own time */
	uint32_t legs;  /* union of the legs of the person's slots */
	int nlegs;
	int slots;      /* number of slots held */
	bool sheep;     /* nlegs >= sheep_legs */
	bool over;      /* load > max_load */
	uint32_t stretch; /* legs the person's slots ask for outside their
			   * strengths; 0 when strengths are not known */
};

/* The team's figures, from the slots whose need is not 0. */
struct team_result {
	long strategic;   /* staffed FTE (1/10000) of strategic slots */
	long operational; /* of operational slots */
	long tasks;       /* of task slots (the officer's tasks) */
	int tasks_held;   /* task slots with a holder */
};

struct analysis {
	const struct plan *plan;
	struct slot_result *slots;
	struct person_result *people;
	struct finding *findings;
	int nfindings;
	int count[SEV_COUNT];
	/* buffers kept between runs */
	int slots_cap, people_cap, findings_cap;
	int *people_by_id;
	unsigned by_id_version;
	unsigned long by_id_serial; /* plan serial the order belongs to, 0: none */
};

#define RULE_TEXTS 4

/* One rule. */
struct rule {
	enum finding_code code;  /* its own index in the table */
	const char *name;        /* the code as scripts see it: "no-lead" */
	enum severity severity;
	enum subject_kind kind;
	/* For slot rules: the state a slot is in when this is its worst
	 * finding, and the status label check and the planner show for it
	 * ("X uncovered"). */
	enum slot_state state;
	const char *status;
	/* The message formats, English, one a variant; message() picks one.
	 * Each is a whole sentence with its own figures, so a translation
	 * wraps each one as it stands. */
	const char *text[RULE_TEXTS];
	/* How many details to try a subject with (pairs for
	 * poor-combination); NULL: one, detail 0. */
	int (*details)(const struct analysis *a);
	/* Whether the rule fires on @subject (slot index, person row or 0
	 * for the team) with @detail, from the current figures. */
	bool (*fires)(const struct analysis *a, int subject, int detail);
	/* Format the finding into @buf; returns what snprintf returns. */
	int (*message)(const struct analysis *a, const struct rule *r,
		       const struct finding *f, char *buf, size_t n);
};

/* The rule of @code; rule_table(&n) gives all of them in report order. */
const struct rule *rule_get(enum finding_code code);
const struct rule *rule_table(int *n);

/* Whether @code fires on @subject with @detail, from the figures of @a
 * (after analysis_run, or the update functions). False for a subject of
 * the wrong kind or out of range. */
bool rule_fires(const struct analysis *a, enum finding_code code, int subject, int detail);

void analysis_init(struct analysis *a);
void analysis_release(struct analysis *a);

/* Analyse @p: figures, then findings. Returns 0, or -1 when memory runs
 * out (then @a holds no results). @p must outlive the results. */
int analysis_run(struct analysis *a, const struct plan *p);

/* Recompute the figures of one slot (from every person's cell in it) or
 * of one person (from their own cells and fields) of the plan @a was run
 * on, after an edit that kept the rows and slots where they were. Slot
 * states follow. The findings list is not touched: see analysis_collect. */
void analysis_update_slot(struct analysis *a, int slot);
void analysis_update_person(struct analysis *a, int row);

/* Add (@sign 1) or take away (@sign -1) the cell of the person at @row in
 * @slot of @p to or from the slot's figures @r: holding it (holders,
 * staffed, leads, external holders, internal leads) and following it up
 * from inside (followers). The one place a cell is counted: analysis_run,
 * analysis_update_slot and the incremental evaluation (decide.c) all count
 * through it, so a new figure is added here once. Adding the first holder
 * sets first_holder (the full analysis adds rows in order); otherwise
 * first_holder is the caller's to put right. */
void analysis_slot_add_cell(struct slot_result *r, const struct plan *p, int row, int slot,
			    int sign);

/* Rebuild the findings list and counts from the current figures. Returns
 * 0, or -1 when memory runs out. */
int analysis_collect(struct analysis *a);

/* The team's figures from the current slot figures. */
void analysis_team(const struct analysis *a, struct team_result *t);

/* Whether the slot rule @code fires for @slot in the last run. */
bool analysis_slot_fires(const struct analysis *a, enum finding_code code, int slot);

/* The most severe slot finding on @slot (first in report order), or
 * F_COUNT when there is none. */
enum finding_code analysis_slot_worst(const struct analysis *a, int slot);

/* The status label of @slot ("X uncovered", "~ one holder", "+ ok",
 * "- not needed"); its severity in *@sev, SEV_COUNT for none. */
const char *analysis_slot_status(const struct analysis *a, int slot, enum severity *sev);

const char *finding_code_name(enum finding_code code);
enum severity finding_severity(enum finding_code code);
const char *severity_name(enum severity s);

/* The code named @name ("no-lead"), or F_COUNT. */
enum finding_code finding_code_by_name(const char *name);

/* The subject's id: a slot id, a person id or "team". */
const char *finding_subject_id(const struct analysis *a, const struct finding *f);

/* A sentence a manager understands, with the figures. Returns what
 * snprintf returns. The text may hold a person's name unescaped. */
int finding_message(const struct analysis *a, const struct finding *f,
		    char *buf, size_t n);

/* Staffed FTE (1/10000 units) as text: 8000 -> "0.8". */
void analysis_format_staffed(long staffed, char *buf, size_t n);

/* Hours a week that @over percent of the person at @row's own time
 * stands for, in tenths of an hour: 10% of a 1.0 FTE 36-hour week is 36. */
long analysis_over_hours(const struct plan *p, int row, int over);

#endif
