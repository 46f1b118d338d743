/* analysis.h - what a plan covers and where it hurts (SPEC section 3).
 *
 * analysis_run computes, from scratch, per slot and per person figures and
 * the list of findings, already in report order: severity (error, warning,
 * info), then code name, then subject id. It keeps its buffers between
 * runs, so re-running after every edit allocates nothing in the steady
 * state. Front ends only format what it returns. */
#ifndef SCHAAP_ANALYSIS_H
#define SCHAAP_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "plan.h"

enum severity { SEV_ERROR, SEV_WARNING, SEV_INFO, SEV_COUNT };

/* In report order: by severity, then alphabetically by code name. */
enum finding_code {
	F_UNCOVERED,
	F_EXTERNAL_ONLY,
	F_FIVE_LEGGED_SHEEP,
	F_LEAD_CONFLICT,
	F_NO_LEAD,
	F_NO_OWNER,
	F_OVER_ALLOCATED,
	F_POOR_COMBINATION,
	F_UNDERSTAFFED,
	F_IDLE,
	F_OVERLAP,
	F_SINGLE_POINT,
	F_COUNT
};

enum subject_kind { SUBJECT_SLOT, SUBJECT_PERSON, SUBJECT_TEAM };

struct finding {
	enum finding_code code;
	enum subject_kind kind;
	int subject; /* slot index or person row; 0 for the team */
	int detail;  /* poor-combination: the pair index */
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

void analysis_init(struct analysis *a);
void analysis_release(struct analysis *a);

/* Analyse @p. Returns 0, or -1 when memory runs out (then @a holds no
 * results). @p must outlive the results. */
int analysis_run(struct analysis *a, const struct plan *p);

/* Whether the slot rule @code fires for @slot in the last run. */
bool analysis_slot_fires(const struct analysis *a, enum finding_code code, int slot);

/* The most severe slot finding on @slot, or F_COUNT when there is none. */
enum finding_code analysis_slot_worst(const struct analysis *a, int slot);

const char *finding_code_name(enum finding_code code);
enum severity finding_severity(enum finding_code code);
const char *severity_name(enum severity s);

/* The subject's id: a slot id, a person id or "team". */
const char *finding_subject_id(const struct analysis *a, const struct finding *f);

/* A sentence a manager understands, with the figures. Returns what
 * snprintf returns. The text may hold a person's name unescaped. */
int finding_message(const struct analysis *a, const struct finding *f,
		    char *buf, size_t n);

/* Staffed FTE (1/10000 units) as text: 8000 -> "0.8". */
void analysis_format_staffed(long staffed, char *buf, size_t n);

#endif
