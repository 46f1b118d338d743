/* bench.c - figures for the README, medians of repeated runs.
 *
 * The runs that are compared are interleaved: each round times one bare
 * iniparser load, one `check` core (team file load and analysis), one
 * knock-out table with bus factor and one round of suggestions for every
 * slot, in an order that rotates from round to round, so that a warming
 * cache or a busy neighbour on the machine weighs on all of them alike.
 * The ratios are medians of the per-round ratios.
 *
 * Usage: bench [--catalog FILE] [--naive] TEAMFILE RUNS
 * --naive also times the knock-out done the slow way (a full analysis of
 * the plan without each person in turn), for comparison. */
#define _GNU_SOURCE
#include <iniparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analysis.h"
#include "catalogfile.h"
#include "decide.h"
#include "teamfile.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_value);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static const char *path;
static const struct catalog *cat;
static struct plan *plan;     /* loaded once, for the decisions */
static struct analysis base;  /* its analysis */
static volatile long sink;    /* keeps results alive */

static void fail(const struct error *err)
{
	error_print(err, stderr);
	exit(2);
}

static void run_bare(void)
{
	dictionary *d = iniparser_load(path);

	if (!d)
		exit(2);
	sink += iniparser_getnsec(d);
	iniparser_freedict(d);
}

static void run_check(void)
{
	static struct analysis a;
	struct error err;
	struct plan *p = teamfile_load(path, cat, &err);

	if (!p || analysis_run(&a, p) < 0)
		fail(&err);
	sink += a.nfindings;
	plan_free(p);
}

static void run_knockout(void)
{
	struct decide *d = decide_new(&base);
	struct knockout k;

	if (!d || knockout_run(d, &k) < 0)
		exit(2);
	sink += k.bus + k.nitems;
	knockout_free(&k);
	decide_free(d);
}

/* Every slot, as `suggest --slot` would: rank, then the why of the top 3. */
static void run_suggest(void)
{
	struct decide *d = decide_new(&base);
	struct candidate top[3];
	struct effect e;
	int s, i, n;

	if (!d)
		exit(2);
	for (s = 0; s < cat->nslots; s++) {
		n = suggest_slot(d, s, top, 3, NULL, NULL);
		for (i = 0; i < n; i++) {
			suggest_effect(d, s, &top[i], &e);
			sink += e.nitems;
		}
	}
	decide_free(d);
}

/* The knock-out the slow way: every person out in turn, a full analysis. */
static void run_naive(void)
{
	static struct analysis a;
	int i;

	for (i = 0; i < plan->npeople; i++) {
		struct person *x = plan_take_person(plan, i);

		if (analysis_run(&a, plan) < 0)
			exit(2);
		sink += a.count[SEV_ERROR];
		plan_put_person(plan, x, i);
	}
}

enum { BARE, CHECK, KNOCKOUT, SUGGEST, NAIVE, KINDS };

int main(int argc, char **argv)
{
	static void (*const run[KINDS])(void) = { run_bare, run_check, run_knockout,
						  run_suggest, run_naive };
	const char *catalog = NULL;
	struct error err;
	struct catalog *c;
	double *t[KINDS], *ratio[3], edit, med[KINDS];
	int runs, i, k, kinds = NAIVE, edits = 2000;

	for (;;) {
		if (argc > 2 && strcmp(argv[1], "--catalog") == 0) {
			catalog = argv[2];
			argv += 2;
			argc -= 2;
		} else if (argc > 1 && strcmp(argv[1], "--naive") == 0) {
			kinds = KINDS;
			argv++;
			argc--;
		} else {
			break;
		}
	}
	if (argc != 3) {
		fprintf(stderr, "usage: bench [--catalog FILE] [--naive] TEAMFILE RUNS\n");
		return 2;
	}
	path = argv[1];
	runs = atoi(argv[2]);
	if (runs < 1)
		runs = 1;
	c = catalog ? catalogfile_load(catalog, &err) : catalogfile_builtin(&err);
	if (!c)
		fail(&err);
	cat = c;
	plan = teamfile_load(path, cat, &err);
	if (!plan)
		fail(&err);
	analysis_init(&base);
	if (analysis_run(&base, plan) < 0)
		return 2;
	for (k = 0; k < KINDS; k++)
		t[k] = calloc((size_t)(runs > edits ? runs : edits), sizeof **t);
	for (k = 0; k < 3; k++)
		ratio[k] = calloc((size_t)runs, sizeof **ratio);

	/* one warm-up round, untimed */
	for (k = 0; k < kinds; k++)
		run[k]();
	for (i = 0; i < runs; i++) {
		for (k = 0; k < kinds; k++) {
			int kind = (k + i) % kinds;
			double t0 = now();

			run[kind]();
			t[kind][i] = now() - t0;
			if (kind == NAIVE && analysis_run(&base, plan) < 0)
				return 2; /* base must describe the plan again */
		}
		ratio[0][i] = t[CHECK][i] / t[BARE][i];
		ratio[1][i] = t[KNOCKOUT][i] / t[CHECK][i];
		ratio[2][i] = t[SUGGEST][i] / t[CHECK][i];
	}
	for (k = 0; k < kinds; k++)
		med[k] = median(t[k], runs);

	/* one cell edit, then a full re-analysis, as the planner does */
	for (i = 0; i < edits; i++) {
		int row = (i * 7919) % plan->npeople, slot = i % cat->nslots;
		struct cell *cell = &plan->people[row]->cells[slot];
		double t0;

		plan_set_cell(plan, row, slot, cell->share ? 0 : 25, false, NULL);
		t0 = now();
		analysis_run(&base, plan);
		t[BARE][i] = now() - t0;
	}
	edit = median(t[BARE], edits);
	/* file people bare check check/bare re-analyse findings knockout
	 * suggest ko/check suggest/check naive */
	printf("%s\t%d\t%.3f\t%.3f\t%.2f\t%.1f\t%d\t%.3f\t%.3f\t%.2f\t%.2f\t%.3f\n", path,
	       plan->npeople, med[BARE] * 1e3, med[CHECK] * 1e3, median(ratio[0], runs), edit * 1e6,
	       base.nfindings, med[KNOCKOUT] * 1e3, med[SUGGEST] * 1e3, median(ratio[1], runs),
	       median(ratio[2], runs), kinds > NAIVE ? med[NAIVE] * 1e3 : -1.0);
	plan_free(plan);
	analysis_release(&base);
	catalog_free(c);
	for (k = 0; k < KINDS; k++)
		free(t[k]);
	for (k = 0; k < 3; k++)
		free(ratio[k]);
	return 0;
}
