/* plan.h - a team plan: people, their share of each slot, who leads, and
 * what the team needs.
 *
 * All figures are integers so that a plan compares and round-trips
 * exactly: FTE in hundredths (0.8 FTE = 80), shares in percent of the
 * person's own time. Every edit goes through a plan_* function that
 * validates it and leaves the plan unchanged when it refuses. */
#ifndef SCHAAP_PLAN_H
#define SCHAAP_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "catalog.h"
#include "error.h"

#define FTE_DECIMALS 2
#define FTE_UNIT 100      /* 1.0 FTE */
#define FTE_MIN 5         /* 0.05 */
#define FTE_MAX 150       /* 1.5 */
#define NEED_UNSET (-1)   /* no [needs] entry: at least one holder */
#define NEED_MAX 99999    /* 999.99 FTE */
#define LOAD_DEFAULT 100
#define MAX_LOAD_MAX 1000
#define SHARE_MAX 100
#define HOURS_DEFAULT 3600   /* hundredths of an hour: a 36-hour week */
#define HOURS_MIN 100        /* 1 hour */
#define HOURS_MAX 16800      /* 168 hours, the whole week */
#define OFFICER_FTE_MAX 99999 /* 999.99 FTE */
#define UNSET (-1)           /* a team field that takes the catalog's value */

struct cell {
	unsigned char share; /* 0 = not assigned, else 1..100 */
	bool lead;
	bool follows; /* in the person's follows_up (never for an external) */
};

struct person {
	char id[ID_MAX + 1];
	char *name;
	char *note; /* never NULL; "" when absent */
	int fte;    /* hundredths */
	bool external;
	bool strengths_known; /* strengths given (absent: not known) */
	uint32_t strengths;   /* leg mask, when known */
	struct cell *cells; /* one per catalog slot */
};

struct plan {
	const struct catalog *cat;
	char *name;      /* team display name, never NULL */
	int sheep_legs;  /* 0: the catalog's default */
	int max_load;    /* 0: LOAD_DEFAULT */
	char reports_to[ID_MAX + 1]; /* "" when not given */
	int hours_per_week; /* hundredths of an hour; 0: HOURS_DEFAULT */
	int min_strategic;  /* percent, or UNSET: the catalog's */
	int officer_fte;    /* hundredths, or UNSET: the catalog's */
	int *need;       /* per slot, hundredths of FTE, or NEED_UNSET */
	struct person **people;
	int npeople;
	int cap;
	unsigned version; /* bumped when ids or row order change */
	unsigned long serial; /* unique per plan in this process */
};

struct plan *plan_new(const struct catalog *cat);
void plan_free(struct plan *p);

/* The thresholds in force. */
int plan_sheep_legs(const struct plan *p);
int plan_max_load(const struct plan *p);
int plan_hours_per_week(const struct plan *p);
int plan_min_strategic(const struct plan *p);
int plan_officer_fte(const struct plan *p);

/* Team fields. Text is checked with text_storable. */
int plan_set_team_name(struct plan *p, const char *name, struct error *err);

/* A new person with @id and @name, fte 1.0, no assignments, inserted at
 * row @at (npeople to append). Returns the row or -1. */
int plan_add_person(struct plan *p, const char *id, const char *name, int at,
		    struct error *err);

/* Append a person with @id and an empty name, for a reader that has
 * already made sure no two people share an id. Returns the row or -1. */
int plan_append_unique(struct plan *p, const char *id, struct error *err);

/* Row of the person with @id, or -1. */
int plan_find_person(const struct plan *p, const char *id);

/* An id derived from @name that no one in @p has yet ("anna", "anna-2"). */
void plan_unique_id(const struct plan *p, const char *name, char out[ID_MAX + 1]);

int plan_set_person_id(struct plan *p, int row, const char *id, struct error *err);
int plan_set_person_name(struct plan *p, int row, const char *name, struct error *err);
int plan_set_person_note(struct plan *p, int row, const char *note, struct error *err);
int plan_set_person_fte(struct plan *p, int row, int fte, struct error *err);
/* Making a person external clears their follows_up: follow-up is done
 * inside. */
void plan_set_person_external(struct plan *p, int row, bool external);

/* Set a cell: share 0 unassigns (and clears lead). */
int plan_set_cell(struct plan *p, int row, int slot, int share, bool lead,
		  struct error *err);

/* Need of @slot in hundredths of FTE, or NEED_UNSET. */
int plan_set_need(struct plan *p, int slot, int need, struct error *err);

int plan_set_sheep_legs(struct plan *p, int legs, struct error *err);
int plan_set_max_load(struct plan *p, int max_load, struct error *err);

/* Whom the team reports to: an id in any case (stored lowercase), or ""
 * for not given. */
int plan_set_reports_to(struct plan *p, const char *id, struct error *err);
/* Hundredths of an hour, HOURS_MIN to HOURS_MAX, or 0 for the default. */
int plan_set_hours_per_week(struct plan *p, int hours, struct error *err);
/* Percent 0 to 100 (0 switches helpdesk-drift off), or UNSET. */
int plan_set_min_strategic(struct plan *p, int percent, struct error *err);
/* Hundredths of FTE, 0 to OFFICER_FTE_MAX (0 switches officer-part-time
 * off), or UNSET. */
int plan_set_officer_fte(struct plan *p, int fte, struct error *err);

/* The person's strengths: a mask of the catalog's legs, or not known. */
int plan_set_person_strengths(struct plan *p, int row, bool known, uint32_t legs,
			      struct error *err);
/* Whether the person follows up @slot; refused for an external person. */
int plan_set_follows(struct plan *p, int row, int slot, bool follows, struct error *err);

/* Take the person at @row out of the plan and hand it to the caller. */
struct person *plan_take_person(struct plan *p, int row);

/* Put @person (from plan_take_person or person_clone) back at row @at. */
int plan_put_person(struct plan *p, struct person *person, int at);

/* Move the person at @from to row @to. */
void plan_move_person(struct plan *p, int from, int to);

struct person *person_clone(const struct person *src, int nslots);
void person_free(struct person *person);

/* Sum of the person's shares, in percent. */
int plan_person_load(const struct plan *p, int row);

/* True when @a and @b hold the same team, people, cells and needs. */
bool plan_equal(const struct plan *a, const struct plan *b);

/* The rows of @p in the order of the people's ids, into @rows (room for
 * npeople). */
void plan_rows_by_id(const struct plan *p, int *rows);

#endif
