/* catalog.h - the slots (roles and tasks) a team is planned against, the
 * legs (families of strengths) each slot asks for, and the pairs of roles
 * that combine well or poorly.
 *
 * A catalog is built once (by catalogfile_load or by hand in tests) and
 * then only read. Slot order is the column order of the planner: roles
 * first, then tasks, each in the order they were added. */
#ifndef SCHAAP_CATALOG_H
#define SCHAAP_CATALOG_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"

#define ID_MAX 24
#define CATALOG_MAX_LEGS 32
#define CATALOG_MAX_SLOTS 128

enum slot_kind { SLOT_ROLE, SLOT_TASK };

/* The catalog's `kind` of a slot (seed 003: a team should not end up as a
 * purely operational help desk). */
enum slot_level { LEVEL_NONE, LEVEL_STRATEGIC, LEVEL_OPERATIONAL };

#define MIN_STRATEGIC_DEFAULT 20 /* percent */
#define OFFICER_FTE_DEFAULT 100  /* hundredths: 1.0 FTE */

struct leg {
	char id[ID_MAX + 1];
	char *label;
	char *dutch;
	char *summary;
};

struct slot {
	char id[ID_MAX + 1];
	enum slot_kind kind;
	char *label;   /* English */
	char *dutch;   /* from the seeds */
	char *abbrev;  /* for narrow grid columns */
	char *summary; /* one line */
	char *profile; /* the qualities the slot asks for */
	uint32_t legs; /* bit i set: asks for leg i */
	enum slot_level level; /* strategic, operational or neither */
};

struct pair {
	int a, b; /* slot indices, both roles */
	bool poor;
};

struct catalog {
	struct leg legs[CATALOG_MAX_LEGS];
	int nlegs;
	struct slot *slots;
	int nslots;
	int nroles; /* slots [0, nroles) are roles, the rest tasks */
	struct pair *pairs;
	int npairs;
	int sheep_legs;  /* default threshold for five-legged-sheep */
	int min_strategic; /* default percent for helpdesk-drift; 0: off */
	int officer_fte;   /* default hundredths for officer-part-time; 0: off */
	int *owners;     /* slot indices whose lead or sole holder owns the team */
	int nowners;
	int *by_id;      /* slot indices sorted by id */
	const char **ids; /* slot ids, in slot order, for suggestions */
};

/* An empty catalog with sheep_legs 5, min_strategic 20 and officer_fte
 * 1.0, or NULL when memory runs out. */
struct catalog *catalog_new(void);
void catalog_free(struct catalog *c);

/* Add a leg. Fails on a bad or duplicate id, or past CATALOG_MAX_LEGS. */
int catalog_add_leg(struct catalog *c, const char *id, const char *label,
		    const char *dutch, const char *summary, struct error *err);

/* Add a slot with the given legs (already resolved to a bit mask). The
 * strings are copied; NULL means empty. */
int catalog_add_slot(struct catalog *c, const char *id, enum slot_kind kind,
		     const char *label, const char *dutch, const char *abbrev,
		     const char *summary, const char *profile, uint32_t legs,
		     struct error *err);

/* Set the level of the slot added last. */
void catalog_set_level(struct catalog *c, enum slot_level level);

/* The level named @word ("strategic", "operational", "none"); -1 when
 * none is. */
int catalog_level_by_name(const char *word);
const char *catalog_level_name(enum slot_level level);

/* Add a pair of two role ids. */
int catalog_add_pair(struct catalog *c, const char *a, const char *b, bool poor,
		     struct error *err);

/* Name a slot whose lead or sole holder counts as the team's owner. */
int catalog_add_owner(struct catalog *c, const char *id, struct error *err);

/* Order roles before tasks and build the look-up tables. Call once after
 * the last add; returns -1 when memory runs out. */
int catalog_finish(struct catalog *c, struct error *err);

/* Index of the slot or leg with @id, or -1. */
int catalog_slot_index(const struct catalog *c, const char *id);
int catalog_leg_index(const struct catalog *c, const char *id);

/* Number of legs in @mask. */
int catalog_leg_count(uint32_t mask);

/* A buffer that holds any list of leg ids (CATALOG_MAX_LEGS ids of ID_MAX
 * characters with separators of up to 3 bytes). */
#define CATALOG_LEGS_TEXT (CATALOG_MAX_LEGS * (ID_MAX + 3) + 8)

/* The legs of @mask in catalog order, their ids (or labels when @labels)
 * joined by @sep, into @out of size @n: always terminated, never past @n,
 * never a cut character; a list that does not fit ends with the last
 * whole leg that does and "...". Returns the length of the whole list,
 * like snprintf. The one place that turns legs into text. */
size_t catalog_legs_text(const struct catalog *c, uint32_t mask, bool labels,
			 const char *sep, char *out, size_t n);

#endif
