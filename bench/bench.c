/* bench.c - figures for the README: load and analysis against a bare
 * iniparser load of the same file, and re-analysis after one cell edit.
 * Medians of repeated runs. Usage: bench [--catalog FILE] TEAMFILE RUNS */
#define _GNU_SOURCE
#include <iniparser.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "analysis.h"
#include "catalogfile.h"
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

int main(int argc, char **argv)
{
	const char *catalog = NULL, *path;
	struct catalog *cat;
	struct error err;
	struct analysis a;
	struct plan *p;
	double *t, bare, full, edit;
	int runs, i, edits = 2000;

	if (argc > 2 && strcmp(argv[1], "--catalog") == 0) {
		catalog = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: bench [--catalog FILE] TEAMFILE RUNS\n");
		return 2;
	}
	path = argv[1];
	runs = atoi(argv[2]);
	cat = catalog ? catalogfile_load(catalog, &err) : catalogfile_builtin(&err);
	if (!cat) {
		error_print(&err, stderr);
		return 2;
	}
	t = calloc((size_t)(runs > edits ? runs : edits), sizeof *t);

	for (i = 0; i < runs; i++) {
		double t0 = now();
		dictionary *d = iniparser_load(path);

		t[i] = now() - t0;
		if (!d)
			return 2;
		iniparser_freedict(d);
	}
	bare = median(t, runs);

	analysis_init(&a);
	for (i = 0; i < runs; i++) {
		double t0 = now();

		p = teamfile_load(path, cat, &err);
		if (!p || analysis_run(&a, p) < 0) {
			error_print(&err, stderr);
			return 2;
		}
		t[i] = now() - t0;
		plan_free(p);
	}
	full = median(t, runs);

	/* one cell edit, then a full re-analysis, as the planner does */
	p = teamfile_load(path, cat, &err);
	analysis_run(&a, p);
	for (i = 0; i < edits; i++) {
		int row = (i * 7919) % p->npeople, slot = i % cat->nslots;
		struct cell *c = &p->people[row]->cells[slot];
		double t0;

		plan_set_cell(p, row, slot, c->share ? 0 : 25, false, NULL);
		t0 = now();
		analysis_run(&a, p);
		t[i] = now() - t0;
	}
	edit = median(t, edits);
	printf("%s\t%d\t%.3f\t%.3f\t%.2f\t%.1f\t%d\n", path, p->npeople, bare * 1e3, full * 1e3,
	       full / bare, edit * 1e6, a.nfindings);
	plan_free(p);
	analysis_release(&a);
	catalog_free(cat);
	free(t);
	return 0;
}
