/* test_teamfile.c - the team file (SPEC sections 2 and 5): every refusal
 * with its file, line and message, what must load, load-save-load round
 * trips, atomic saving, and the iniparser peer corpus. */
#define _GNU_SOURCE
#include "support.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../src/io/inidoc.h"
#include "teamfile.h"
#include "text.h"

/* ---- helpers ----------------------------------------------------------- */

static struct plan *load(const char *path)
{
	error_clear(&test_error);
	return teamfile_load(path, test_catalog(), &test_error);
}

static const char *data_dir(void)
{
	const char *d = getenv("SCHAAP_TESTDATA");

	return d && *d ? d : "tests/data";
}

/* A fresh directory inside test_dir(); the caller frees the path. */
static char *make_dir(const char *name)
{
	char *path;

	assert_true(asprintf(&path, "%s/%s", test_dir(), name) > 0);
	assert_int_equal(mkdir(path, 0755), 0);
	return path;
}

static char *join(const char *dir, const char *name)
{
	char *path;

	assert_true(asprintf(&path, "%s/%s", dir, name) > 0);
	return path;
}

static void write_bytes(const char *path, const char *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Temporary files the saver left in @dir. */
static int leftover_temps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		if (strncmp(e->d_name, ".schaap-", 8) == 0)
			n++;
	closedir(d);
	return n;
}

/* No raw control character and no stray byte reaches the terminal. */
static void assert_printable(const char *msg)
{
	const unsigned char *s;

	for (s = (const unsigned char *)msg; *s; s++)
		if (*s < 0x20 || *s == 0x7f)
			fail_msg("message holds raw control byte 0x%02x: %s", *s, msg);
	if (!text_valid_utf8(msg, strlen(msg)))
		fail_msg("message is not valid UTF-8");
}

static void assert_has(const char *msg, const char *phrase)
{
	if (!strstr(msg, phrase))
		fail_msg("message \"%s\" lacks \"%s\"", msg, phrase);
}

/* The canonical text of @p, malloc'd. */
static char *written(const struct plan *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	assert_int_equal(teamfile_write(p, f), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

/* Run @fn in a child process, as user nobody when we are root (root
 * reads and writes through any permission bits), and give back what it
 * reported. Returns 1 when it ran, 0 when privileges could not be
 * dropped, and fails the test when the child hangs past @seconds or dies. */
struct outcome {
	int rc;
	int npeople;
	struct error err;
};

/* A save that was refused: a message naming the file and @cause (when
 * given), the old bytes still on disk, no temporary file left in @dir. */
static void assert_save_refused(const struct outcome *o, const char *path, const char *dir,
				const char *old, const char *cause)
{
	char *text;

	assert_int_equal(o->rc, -1);
	assert_string_equal(o->err.file, path);
	assert_has(o->err.msg, "cannot save");
	if (cause)
		assert_has(o->err.msg, cause);
	assert_has(o->err.msg, "unchanged");
	text = test_read(path);
	assert_string_equal(text, old);
	free(text);
	assert_int_equal(leftover_temps(dir), 0);
}

static int in_child(void (*fn)(void *, struct outcome *), void *arg, bool drop,
		    int seconds, struct outcome *out)
{
	int fds[2], status = 0, waited = 0;
	pid_t pid;
	ssize_t got;

	memset(out, 0, sizeof *out);
	test_catalog(); /* loaded before the fork, shared by the child */
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct outcome o;

		close(fds[0]);
		memset(&o, 0, sizeof o);
		if (drop && geteuid() == 0) {
			struct passwd *pw = getpwnam("nobody");
			uid_t uid = pw ? pw->pw_uid : 65534;
			gid_t gid = pw ? pw->pw_gid : 65534;

			if (setgroups(0, NULL) != 0 || setgid(gid) != 0 || setuid(uid) != 0 ||
			    geteuid() == 0)
				_exit(77);
		}
		fn(arg, &o);
		if (write(fds[1], &o, sizeof o) != (ssize_t)sizeof o)
			_exit(3);
		_exit(0);
	}
	close(fds[1]);
	while (waitpid(pid, &status, WNOHANG) == 0) {
		struct timespec ts = { 0, 20 * 1000 * 1000 };

		if (waited++ > seconds * 50) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			close(fds[0]);
			fail_msg("the operation hangs (killed after %d s)", seconds);
		}
		nanosleep(&ts, NULL);
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 77) {
		close(fds[0]);
		return 0;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		close(fds[0]);
		fail_msg("the child died (status 0x%x)", status);
	}
	got = read(fds[0], out, sizeof *out);
	close(fds[0]);
	assert_int_equal(got, sizeof *out);
	return 1;
}

static void child_load(void *arg, struct outcome *o)
{
	struct plan *p = teamfile_load(arg, test_catalog(), &o->err);

	o->rc = p ? 0 : -1;
	o->npeople = p ? p->npeople : -1;
	plan_free(p);
}

struct save_job {
	const struct plan *plan;
	const char *path;
	long fsize_limit; /* 0: none */
};

static void child_save(void *arg, struct outcome *o)
{
	struct save_job *job = arg;

	if (job->fsize_limit) {
		struct rlimit rl = { (rlim_t)job->fsize_limit, (rlim_t)job->fsize_limit };

		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(77);
	}
	o->rc = teamfile_save(job->plan, job->path, &o->err);
}

/* ---- refusals: one test per bad file ----------------------------------- */

struct bad {
	const char *name;
	const char *text;
	int line;
	const char *want[4]; /* phrases the message must hold */
	const char *never;   /* a phrase it must not hold */
};

#define TEAM "[team]\nname = Acme\n\n"                  /* lines 1-3 */
#define ANNA TEAM "[person anna]\nname = Anna\n"        /* 4-5; next is 6 */

static const struct bad bad_files[] = {
	/* sections */
	{ "unknown section, near team", "[teams]\nname = Acme\n", 1,
	  { "unknown section [teams]", "did you mean 'team'?" }, NULL },
	{ "unknown section, near person", TEAM "[persn bob]\nname = Bob\n", 4,
	  { "unknown section [persn bob]", "did you mean 'person'?" }, NULL },
	{ "unknown section, near needs", TEAM "[need]\nwebcare = 1\n", 4,
	  { "unknown section [need]", "did you mean 'needs'?" }, NULL },
	{ "unknown section, nothing near", TEAM "[budget]\namount = 5\n", 4,
	  { "unknown section [budget]", "[team], [needs] or [person ID]" }, "did you mean" },
	{ "section [team:size] (CVE-2023-33461)", "[team:size]\nx = 1\n", 1,
	  { "unknown section [team:size]" }, NULL },
	/* iniparser files these under one name "team:size": a line that reads
	 * two ways is refused where the second reading starts */
	{ "[team:size] after [team] size", "[team]\nname = Acme\nsize = 3\n[team:size]\n", 4,
	  { "cannot be read unambiguously" }, NULL },
	{ "[team:size] before [team] size", "[team:size]\n[team]\nsize = 3\n", 3,
	  { "cannot be read unambiguously" }, NULL },
	{ "[needs:webcare] after webcare", TEAM "[needs]\nwebcare = 1\n[needs:webcare]\n", 6,
	  { "cannot be read unambiguously" }, NULL },

	/* quotes: a quoted value ends at its closing quote */
	{ "text after a closing double quote", TEAM "[person anna]\nname = \"Anna\" de Vries\n", 5,
	  { "the value of 'name' goes on after its closing quote" }, NULL },
	{ "text after a closing single quote", ANNA "note = 'Anna's backup\n", 6,
	  { "the value of 'note' goes on after its closing quote", "double quotes" }, NULL },
	{ "double quote never closed", TEAM "[person anna]\nname = \"Anna de Vries\n", 5,
	  { "the value of 'name' opens a double quote that is never closed" }, NULL },
	{ "text after quotes in the team name", "[team]\nname = \"Acme\"Corp ; x\n", 2,
	  { "the value of 'name' goes on after its closing quote" }, NULL },
	{ "empty section name", TEAM "[]\nmax_load = 5\n", 4, { "a section needs a name" }, NULL },
	{ "duplicate person", ANNA "\n[person anna]\nname = Anna B\n", 7,
	  { "section [person anna] appears twice (first on line 4)" }, NULL },
	{ "duplicate person, other case", ANNA "\n[Person ANNA]\nname = X\n", 7,
	  { "[person anna] appears twice (first on line 4)" }, NULL },
	{ "duplicate team", TEAM "[team]\nmax_load = 90\n", 4,
	  { "section [team] appears twice (first on line 1)" }, NULL },
	{ "duplicate needs", TEAM "[needs]\nkpi = 1\n\n[needs]\nwebcare = 2\n", 7,
	  { "section [needs] appears twice (first on line 4)" }, NULL },

	/* keys */
	{ "unknown team key, near sheep_legs", "[team]\nname = Acme\nsheep_leg = 4\n", 3,
	  { "unknown key 'sheep_leg' in [team]", "did you mean 'sheep_legs'?" }, NULL },
	{ "unknown team key, near name", "[team]\nnam = Acme\n", 2,
	  { "unknown key 'nam' in [team]", "did you mean 'name'?" }, NULL },
	{ "unknown team key, near max_load", "[team]\nmaxload = 90\n", 2,
	  { "did you mean 'max_load'?" }, NULL },
	{ "unknown team key, nothing near", "[team]\nname = Acme\nbudget = 5\n", 3,
	  { "unknown key 'budget' in [team]", "name, sheep_legs, max_load" }, "did you mean" },
	{ "unknown slot in needs", TEAM "[needs]\nwebcar = 1\n", 5,
	  { "unknown slot 'webcar' in [needs]", "did you mean 'webcare'?" }, NULL },
	{ "unknown slot in needs, nothing near", TEAM "[needs]\nbudget = 1\n", 5,
	  { "unknown slot 'budget' in [needs]" }, "did you mean" },
	{ "unknown slot for a person", ANNA "comunity = 50\n", 6,
	  { "unknown key 'comunity' for person 'anna'", "did you mean 'community'?" }, NULL },
	{ "unknown field for a person, near fte", ANNA "ftee = 0.5\n", 6,
	  { "unknown key 'ftee' for person 'anna'", "did you mean 'fte'?" }, NULL },
	{ "unknown field for a person, near external", ANNA "extrenal = yes\n", 6,
	  { "did you mean 'external'?" }, NULL },
	{ "unknown key for a person, nothing near", ANNA "salary = 5\n", 6,
	  { "unknown key 'salary' for person 'anna'", "neither a person field nor a slot" },
	  "did you mean" },
	{ "duplicate slot key", ANNA "community = 10\nwebcare = 5\ncommunity = 20\n", 8,
	  { "'community' is given twice in [person anna] (first on line 6)" }, NULL },
	{ "duplicate name", ANNA "name = Anna B\n", 6,
	  { "'name' is given twice in [person anna] (first on line 5)" }, NULL },
	{ "duplicate key, other case", "[team]\nname = A\nNAME = B\n", 3,
	  { "'name' is given twice in [team] (first on line 2)" }, NULL },
	{ "duplicate need", TEAM "[needs]\nkpi = 1\nkpi = 2\n", 6,
	  { "'kpi' is given twice in [needs] (first on line 5)" }, NULL },
	{ "key before any section", "name = Acme\n[team]\n", 1,
	  { "'name' stands before any section" }, NULL },
	{ "key before any section, after comments", "; my team\n\nname = Acme\n", 3,
	  { "'name' stands before any section" }, NULL },

	/* people */
	{ "person without name", TEAM "[person anna]\nfte = 0.5\n\n[person bob]\nname = Bob\n", 4,
	  { "person 'anna' has no name", "name = " }, NULL },
	{ "last person without name", ANNA "\n[person bob]\nfte = 0.5\n", 7,
	  { "person 'bob' has no name" }, NULL },
	{ "person section with nothing in it", TEAM "[person anna]\n", 4,
	  { "person 'anna' has no name" }, NULL },
	{ "empty name", TEAM "[person anna]\nname =\n", 5, { "the name of 'anna' is empty" }, NULL },
	{ "empty quoted name", TEAM "[person anna]\nname = \"\"\n", 5,
	  { "the name of 'anna' is empty" }, NULL },
	{ "person id with '!'", TEAM "[person anna!]\nname = Anna\n", 4,
	  { "'anna!' is not a valid person id", "a-z, 0-9" }, NULL },
	{ "person id with '_'", TEAM "[person a_b]\nname = Anna\n", 4,
	  { "'a_b' is not a valid person id" }, NULL },
	{ "person id of two words", TEAM "[person anna bob]\nname = Anna\n", 4,
	  { "'anna bob' is not a valid person id" }, NULL },
	{ "person id not ASCII", TEAM "[person zoë]\nname = Zoë\n", 4,
	  { "'zoë' is not a valid person id" }, NULL },
	{ "person id of 25 characters", TEAM "[person abcdefghijklmnopqrstuvwxy]\nname = A\n", 4,
	  { "'abcdefghijklmnopqrstuvwxy' is not a valid person id" }, NULL },
	{ "person without id", TEAM "[person]\nname = Anna\n", 4,
	  { "a person section needs an id" }, NULL },
	{ "same id under two spellings of the header",
	  TEAM "[person anna]\nname = A\n[person  anna]\nname = B\n", 6,
	  { "write a person section as [person ID], with one space" }, NULL },
	{ "tab before the person id", TEAM "[person\tanna]\nname = A\n", 4,
	  { "with one space" }, NULL },

	/* text */
	{ "Latin-1 person name", TEAM "[person anna]\nname = Ren\xe9\n", 5,
	  { "the name of 'anna' is not valid UTF-8" }, NULL },
	{ "Latin-1 team name", "[team]\nname = Caf\xe9\n", 2,
	  { "the team name is not valid UTF-8" }, NULL },
	{ "Latin-1 note", ANNA "note = caf\xe9\n", 6, { "the note of 'anna' is not valid UTF-8" }, NULL },
	{ "overlong UTF-8 in a name", TEAM "[person anna]\nname = \xc0\xafx\n", 5,
	  { "the name of 'anna' is not valid UTF-8" }, NULL },
	{ "surrogate in a name", TEAM "[person anna]\nname = \xed\xa0\x80\n", 5,
	  { "not valid UTF-8" }, NULL },

	/* syntax */
	{ "line without '='", TEAM "just some words\n", 4,
	  { "syntax error", "'key = value'", "not 'just some words'" }, NULL },
	{ "syntax error quoting an escape sequence", TEAM "bad \x1b[31m line\n", 4,
	  { "not 'bad \\x1b[31m line'" }, NULL },
	{ "line without '=' holding parentheses", TEAM "community lead (Anna)\n", 4,
	  { "syntax error" }, NULL },
	{ "line without '=' holding a number in parentheses", TEAM "see (12)\n", 4,
	  { "syntax error" }, NULL },
	{ "line of only '= value'", TEAM "= 5\n", 4, { "syntax error" }, NULL },
	{ "bad line after a continued line", "[team]\nname = Acme \\\n Corp\nbogus line\n", 4,
	  { "syntax error" }, NULL },

	/* what a hostile file puts into a message is shown escaped */
	{ "escape sequence in an unknown key", "[team]\n\x1b[31mname = x\n", 2,
	  { "unknown key '\\x1b[31mname'" }, NULL },
	{ "escape sequence in an fte", ANNA "fte = \x1b]2 owned\a\n", 6,
	  { "fte of 'anna'", "not '\\x1b]2 owned\\x07'" }, NULL },
	{ "bell in sheep_legs", "[team]\nsheep_legs = 5\a\n", 2, { "5\\x07" }, NULL },
	{ "escape sequence in a person id", TEAM "[person \x1b[2j]\nname = x\n", 4,
	  { "'\\x1b[2j' is not a valid person id" }, NULL },
	{ "escape sequence in a duplicate key", "[team]\n\x1b[2j = 1\n\x1b[2j = 2\n", 3,
	  { "'\\x1b[2j' is given twice" }, NULL },
	{ "escape sequence before any section", "\x1b[2jname = x\n[team]\n", 1,
	  { "'\\x1b[2jname' stands before any section" }, NULL },
	{ "Latin-1 in an unknown key", "[team]\ncaf\xe9 = 1\n", 2, { "caf\\xe9" }, NULL },
	{ "Latin-1 in an unknown section", "[caf\xe9]\n", 1, { "[caf\\xe9]" }, NULL },
};

static void refuses(void **state)
{
	const struct bad *b = *state;
	struct plan *p = test_plan(b->text);
	int i;

	if (p) {
		plan_free(p);
		fail_msg("a plan came back for a bad file (%s)", b->name);
	}
	assert_string_equal(test_error.file, "team.ini");
	if (test_error.line != b->line)
		fail_msg("error on line %d, want line %d: %s", test_error.line, b->line,
			 test_error.msg);
	assert_true(test_error.msg[0] != '\0');
	for (i = 0; i < 4 && b->want[i]; i++)
		assert_has(test_error.msg, b->want[i]);
	if (b->never && strstr(test_error.msg, b->never))
		fail_msg("message \"%s\" should not hold \"%s\"", test_error.msg, b->never);
	assert_printable(test_error.msg);
}

/* Values refused in one field: each value is its own file. */
struct bad_values {
	const char *prefix; /* the file up to the key */
	const char *key;
	int line;
	const char *phrase;
	const char *values[16];
};

static const struct bad_values bad_value_sets[] = {
	{ ANNA, "community", 6, "share of 'anna' in community must be a whole percentage from 1 to 100",
	  { "0", "101", "50 leed", "abc", "50%%", "-5", "lead", "50lead", "50 lead lead",
	    "", "5 0", "1000", "50.5", "lead 50", "50 % lead", "50%%%%" } },
	{ ANNA, "fte", 6, "fte of 'anna' must be from 0.05 to 1.5",
	  { "0.04", "1.51", "abc", "1.234", "", "-1", "1,51", "0,8,0", "0", "2", "0.8 FTE" } },
	{ ANNA, "external", 6, "external of 'anna' must be yes or no",
	  { "maybe", "", "2", "ja", "yes please" } },
	{ "[team]\nname = Acme\n", "sheep_legs", 3, "sheep_legs must be a whole number from 1 to 32",
	  { "0", "33", "abc", "5 legs", "-1", "", "4.5" } },
	{ "[team]\nname = Acme\n", "max_load", 3, "max_load must be a whole percentage from 1 to 1000",
	  { "0", "1001", "abc", "50%%", "", "-10", "12.5", "%" } },
	{ TEAM "[needs]\n", "webcare", 5, "the need for 'webcare' must be an FTE from 0 to 999.99",
	  { "1,5,0", "1000", "-1", "abc", "1.234", "1,234", "", "2 FTE" } },
};

static struct bad *more_bad; /* generated from bad_value_sets and long lines */
static int nmore_bad;

/* Takes @text and @want1 (malloc'd); copies @name. */
static void add_bad(const char *name, char *text, int line, const char *want0, char *want1)
{
	struct bad *b;

	more_bad = realloc(more_bad, (size_t)(nmore_bad + 1) * sizeof *more_bad);
	if (!more_bad)
		abort();
	b = &more_bad[nmore_bad++];
	memset(b, 0, sizeof *b);
	b->name = strdup(name);
	b->text = text;
	b->line = line;
	b->want[0] = want0;
	b->want[1] = want1;
}

static void generate_bad(void)
{
	size_t i, k;
	char *name, *text, *want, *pad;

	for (i = 0; i < sizeof bad_value_sets / sizeof *bad_value_sets; i++) {
		const struct bad_values *set = &bad_value_sets[i];

		for (k = 0; k < 16 && set->values[k]; k++) {
			char shown[64];

			if (asprintf(&name, "%s = '%s'", set->key, set->values[k]) < 0 ||
			    asprintf(&text, "%s%s = %s\n", set->prefix, set->key, set->values[k]) < 0)
				abort();
			/* iniparser strips the blanks at the ends of a value */
			snprintf(shown, sizeof shown, "%s", set->values[k]);
			if (asprintf(&want, "not '%s'", shown) < 0)
				abort();
			add_bad(name, text, set->line, set->phrase, want);
			free(name);
		}
	}

	/* a name longer than a file can carry, on a line that is not too long */
	pad = malloc(TEXT_VALUE_MAX + 2);
	memset(pad, 'x', TEXT_VALUE_MAX + 1);
	pad[TEXT_VALUE_MAX + 1] = '\0';
	if (asprintf(&text, TEAM "[person anna]\nname = %s\n", pad) < 0)
		abort();
	add_bad("name of 801 bytes", text, 5, "the name of 'anna'", strdup("too long"));

	/* over-long lines: iniparser reads at most 1022 characters a line */
	memset(pad, 'x', TEXT_VALUE_MAX);
	if (asprintf(&text, TEAM "; %s%s\n[person a]\nname = A\n", pad, pad) < 0)
		abort();
	add_bad("over-long comment line", text, 4, "line is too long", strdup("1022"));
	pad[TEXT_VALUE_MAX] = '\0';
	if (asprintf(&text, ANNA "note = %s%s\n", pad, pad) < 0)
		abort();
	add_bad("over-long note line", text, 6, "line is too long", NULL);
	free(pad);
	pad = malloc(1100);
	memset(pad, 'y', 1022);
	pad[1022] = '\0';
	if (asprintf(&text, "[team]\nname = A\n;%s\n", pad) < 0) /* ';' + 1022 */
		abort();
	add_bad("line of 1023 characters", text, 3, "line is too long", NULL);
	free(pad);
}

static void line_of_1022_characters_loads(void **state)
{
	static const char head[] = "[team]\nname = A\n;";
	char text[1100];
	struct plan *p;

	(void)state;
	/* ';' and 1021 more: the longest line iniparser reads */
	strcpy(text, head);
	memset(text + strlen(head), 'y', 1021);
	strcpy(text + strlen(head) + 1021, "\n[person a]\nname = B\n");
	p = test_plan(text);
	if (!p)
		fail_msg("refused: %s", test_error.msg);
	assert_int_equal(p->npeople, 1);
	plan_free(p);
}

/* ---- refusals that involve the file itself ----------------------------- */

static void missing_file_is_refused(void **state)
{
	char *path = join(test_dir(), "no-such-team.ini");

	(void)state;
	assert_null(load(path));
	assert_string_equal(test_error.file, path);
	assert_int_equal(test_error.line, 0);
	assert_has(test_error.msg, "cannot open");
	assert_has(test_error.msg, strerror(ENOENT));
	free(path);
}

static void directory_is_refused(void **state)
{
	char *dir = make_dir("a-directory.ini");

	(void)state;
	assert_null(load(dir));
	assert_string_equal(test_error.file, dir);
	assert_int_equal(test_error.line, 0);
	assert_has(test_error.msg, "is a directory");
	free(dir);
}

static void unreadable_file_is_refused(void **state)
{
	struct outcome o;
	char *dir = make_dir("unreadable"), *path = join(dir, "team.ini");

	(void)state;
	write_bytes(path, "[team]\nname = Secret\n", 21);
	/* as root, the child reads as nobody: the file and its directory
	 * belong to nobody, who has taken away their own read bit */
	if (geteuid() == 0) {
		struct passwd *pw = getpwnam("nobody");

		assert_int_equal(chmod(test_dir(), 0711), 0);
		assert_int_equal(chown(dir, pw ? pw->pw_uid : 65534, pw ? pw->pw_gid : 65534), 0);
		assert_int_equal(chown(path, pw ? pw->pw_uid : 65534, pw ? pw->pw_gid : 65534), 0);
	}
	assert_int_equal(chmod(path, 0000), 0);
	if (!in_child(child_load, path, true, 10, &o)) {
		free(path);
		free(dir);
		skip();
	}
	assert_int_equal(o.rc, -1);
	assert_string_equal(o.err.file, path);
	assert_int_equal(o.err.line, 0);
	assert_has(o.err.msg, "cannot open");
	assert_has(o.err.msg, strerror(EACCES));
	free(path);
	free(dir);
}

static void fifo_is_refused_without_hanging(void **state)
{
	struct outcome o;
	char *path = join(test_dir(), "team-fifo.ini");

	(void)state;
	assert_int_equal(mkfifo(path, 0600), 0);
	/* nobody writes to it: an open that waits for a writer never returns */
	assert_int_equal(in_child(child_load, path, false, 10, &o), 1);
	assert_int_equal(o.rc, -1);
	assert_string_equal(o.err.file, path);
	assert_has(o.err.msg, "not a regular file");
	free(path);
}

static void nul_byte_is_refused_with_its_line(void **state)
{
	static const char text[] = "[team]\nname = Acme\n\n[person anna]\nname = An\0na\n";
	char *path = join(test_dir(), "nul.ini");
	struct plan *p;

	(void)state;
	write_bytes(path, text, sizeof text - 1);
	assert_null(load(path));
	assert_string_equal(test_error.file, path);
	assert_int_equal(test_error.line, 5);
	assert_has(test_error.msg, "NUL byte");

	error_clear(&test_error);
	p = teamfile_load_buffer(text, sizeof text - 1, "mem.ini", test_catalog(), &test_error);
	assert_null(p);
	assert_string_equal(test_error.file, "mem.ini");
	assert_int_equal(test_error.line, 5);
	free(path);
}

/* ---- what loads -------------------------------------------------------- */

static const struct person *person_of(const struct plan *p, const char *id)
{
	int row = plan_find_person(p, id);

	if (row < 0)
		fail_msg("no person '%s'", id);
	return p->people[row];
}

static void empty_file_is_empty_plan(void **state)
{
	const char *empties[] = { "", "\n\n", "   \n\t\n", "; only a comment\n# and another\n",
				  "\xef\xbb\xbf", "\xef\xbb\xbf\r\n" };
	char *path = join(test_dir(), "empty.ini");
	struct plan *p;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof empties / sizeof *empties; i++) {
		p = test_plan(empties[i]);
		if (!p)
			fail_msg("empty file #%zu refused: %s", i, test_error.msg);
		assert_int_equal(p->npeople, 0);
		assert_string_equal(p->name, "");
		plan_free(p);
	}
	write_bytes(path, "", 0);
	p = load(path);
	assert_non_null(p);
	assert_int_equal(p->npeople, 0);
	plan_free(p);
	free(path);
}

static void spec_example_loads(void **state)
{
	char *path = join(data_dir(), "spec-example.ini");
	struct plan *p;
	const struct person *anna;

	(void)state;
	p = load(path);
	if (!p)
		fail_msg("%s:%d: %s", test_error.file, test_error.line, test_error.msg);
	assert_string_equal(p->name, "Acme Social");
	assert_int_equal(p->sheep_legs, 5);
	assert_int_equal(p->max_load, 100);
	assert_int_equal(p->need[test_slot("webcare")], 200);
	assert_int_equal(p->need[test_slot("advertising")], 0);
	assert_int_equal(p->need[test_slot("community")], NEED_UNSET);
	assert_int_equal(p->npeople, 1);
	anna = person_of(p, "anna");
	assert_string_equal(anna->name, "Anna de Vries");
	assert_string_equal(anna->note, "joined 2024");
	assert_int_equal(anna->fte, 80);
	assert_false(anna->external);
	assert_int_equal(anna->cells[test_slot("community")].share, 50);
	assert_true(anna->cells[test_slot("community")].lead);
	assert_int_equal(anna->cells[test_slot("webcare")].share, 30);
	assert_false(anna->cells[test_slot("webcare")].lead);
	assert_int_equal(anna->cells[test_slot("engagement")].share, 20);
	assert_int_equal(anna->cells[test_slot("strategist")].share, 0);
	plan_free(p);
	free(path);
}

static void bom_and_crlf_load(void **state)
{
	char *path = join(data_dir(), "bom-crlf.ini");
	char *bytes = test_read(path);
	struct plan *p;
	const struct person *anna;

	(void)state;
	assert_non_null(bytes);
	/* the data file must really have both, or this test proves nothing */
	assert_memory_equal(bytes, "\xef\xbb\xbf[team]\r\n", 11);
	free(bytes);
	p = load(path);
	if (!p)
		fail_msg("%s:%d: %s", test_error.file, test_error.line, test_error.msg);
	assert_string_equal(p->name, "Acme Social");
	assert_int_equal(p->max_load, 120);
	assert_int_equal(p->need[test_slot("webcare")], 150);
	assert_int_equal(p->npeople, 2);
	anna = person_of(p, "anna");
	assert_string_equal(anna->name, "Anna de Vries");
	assert_string_equal(anna->note, "joined; 2024");
	assert_int_equal(anna->fte, 80);
	assert_int_equal(anna->cells[test_slot("community")].share, 50);
	assert_true(anna->cells[test_slot("community")].lead);
	assert_true(person_of(p, "bram")->external);
	plan_free(p);
	free(path);

	/* and the same from memory, with an error line counted past the BOM */
	p = test_plan("\xef\xbb\xbf[team]\r\nname = X\r\nbogus = 1\r\n");
	assert_null(p);
	assert_int_equal(test_error.line, 3);
}

static void comments_and_quotes_load(void **state)
{
	struct plan *p;
	const struct person *anna;

	(void)state;
	p = test_plan("; a comment\n# another\n[team]\n"
		      "name = Acme ; the display name\n"
		      "\n"
		      "[person anna]\n"
		      "name = \"Anna; the one\" ; quoted, so the ';' stays\n"
		      "note = 'says \"hi\" # often'\n"
		      "  ; an indented comment\n"
		      "community = 50 lead # she owns it\n"
		      "webcare = 30% ; percent sign\n");
	if (!p)
		fail_msg("%d: %s", test_error.line, test_error.msg);
	assert_string_equal(p->name, "Acme");
	anna = person_of(p, "anna");
	assert_string_equal(anna->name, "Anna; the one");
	assert_string_equal(anna->note, "says \"hi\" # often");
	assert_int_equal(anna->cells[test_slot("community")].share, 50);
	assert_true(anna->cells[test_slot("community")].lead);
	assert_int_equal(anna->cells[test_slot("webcare")].share, 30);
	plan_free(p);
}

static void uppercase_names_load(void **state)
{
	struct plan *p;
	const struct person *anna;

	(void)state;
	p = test_plan("[TEAM]\nNAME = Acme\nMax_Load = 90\n[Needs]\nWebCare = 1.5\n"
		      "[Person ANNA]\nName = Anna\nFTE = 0.5\nExternal = YES\nCommunity = 50 LEAD\n");
	if (!p)
		fail_msg("%d: %s", test_error.line, test_error.msg);
	assert_string_equal(p->name, "Acme");
	assert_int_equal(p->max_load, 90);
	assert_int_equal(p->need[test_slot("webcare")], 150);
	anna = person_of(p, "anna");
	assert_string_equal(anna->name, "Anna"); /* values keep their case */
	assert_int_equal(anna->fte, 50);
	assert_true(anna->external);
	assert_true(anna->cells[test_slot("community")].lead);
	plan_free(p);
}

static void people_keep_file_order(void **state)
{
	struct plan *p;

	(void)state;
	p = test_plan("[person zed]\nname = Zed\n[person anna]\nname = Anna\n"
		      "[team]\nname = T\n[person mia]\nname = Mia\n[person bob-2]\nname = Bob\n");
	if (!p)
		fail_msg("%d: %s", test_error.line, test_error.msg);
	assert_int_equal(p->npeople, 4);
	assert_string_equal(p->people[0]->id, "zed");
	assert_string_equal(p->people[1]->id, "anna");
	assert_string_equal(p->people[2]->id, "mia");
	assert_string_equal(p->people[3]->id, "bob-2");
	plan_free(p);
}

static void share_forms_load(void **state)
{
	static const struct {
		const char *value;
		int share;
		bool lead;
	} forms[] = {
		{ "50", 50, false },      { "50%", 50, false },     { "50 lead", 50, true },
		{ "50% lead", 50, true }, { "50%lead", 50, true },  { "50 LEAD", 50, true },
		{ "50\tlead", 50, true }, { "1", 1, false },        { "100", 100, false },
		{ "100% lead", 100, true }, { "050", 50, false },
	};
	char text[200];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof forms / sizeof *forms; i++) {
		struct plan *p;
		const struct cell *c;

		snprintf(text, sizeof text, ANNA "community = %s\n", forms[i].value);
		p = test_plan(text);
		if (!p)
			fail_msg("share '%s' refused: %s", forms[i].value, test_error.msg);
		c = &p->people[0]->cells[test_slot("community")];
		if (c->share != forms[i].share || c->lead != forms[i].lead)
			fail_msg("share '%s' read as %d%s", forms[i].value, c->share,
				 c->lead ? " lead" : "");
		plan_free(p);
	}
}

static void field_forms_load(void **state)
{
	static const struct {
		const char *line;
		int fte;
		int external;
	} forms[] = {
		{ "fte = 0.05", 5, 0 }, { "fte = 1.5", 150, 0 }, { "fte = 1", 100, 0 },
		{ "fte = 0.8", 80, 0 }, { "fte = 1.50", 150, 0 }, { "fte = 0.33", 33, 0 },
		{ "external = yes", 100, 1 }, { "external = no", 100, 0 },
		{ "external = true", 100, 1 }, { "external = False", 100, 0 },
		{ "external = on", 100, 1 }, { "external = off", 100, 0 },
		{ "external = 1", 100, 1 }, { "external = 0", 100, 0 },
	};
	char text[200];
	size_t i;
	struct plan *p;

	(void)state;
	for (i = 0; i < sizeof forms / sizeof *forms; i++) {
		snprintf(text, sizeof text, ANNA "%s\n", forms[i].line);
		p = test_plan(text);
		if (!p)
			fail_msg("'%s' refused: %s", forms[i].line, test_error.msg);
		if (p->people[0]->fte != forms[i].fte || p->people[0]->external != forms[i].external)
			fail_msg("'%s' read as fte %d external %d", forms[i].line,
				 p->people[0]->fte, p->people[0]->external);
		plan_free(p);
	}
	p = test_plan("[team]\nmax_load = 120%\nsheep_legs = 32\n[needs]\nkpi = 0\nwebcare = 999.99\n");
	if (!p)
		fail_msg("refused: %s", test_error.msg);
	assert_int_equal(p->max_load, 120);
	assert_int_equal(p->sheep_legs, 32);
	assert_int_equal(p->need[test_slot("kpi")], 0); /* 0 is "not needed", not unset */
	assert_int_equal(p->need[test_slot("webcare")], 99999);
	plan_free(p);
}

/* ---- round trips ------------------------------------------------------- */

/* Save @a, load it back, compare; save again and compare the bytes. */
static void round_trip(const struct plan *a, const char *what)
{
	char *one = join(test_dir(), "round-1.ini"), *two = join(test_dir(), "round-2.ini");
	char *t1, *t2;
	struct plan *b;
	struct error err;

	error_clear(&err);
	if (teamfile_save(a, one, &err) < 0)
		fail_msg("%s: save failed: %s", what, err.msg);
	b = load(one);
	if (!b)
		fail_msg("%s: saved file does not load: line %d: %s", what, test_error.line,
			 test_error.msg);
	if (!plan_equal(a, b)) {
		char x[2000], y[2000];
		int i;

		if (strcmp(a->name, b->name) != 0) {
			text_escape(a->name, x, sizeof x);
			text_escape(b->name, y, sizeof y);
			fail_msg("%s: team name '%s' came back as '%s'", what, x, y);
		}
		for (i = 0; i < a->npeople && i < b->npeople; i++) {
			if (strcmp(a->people[i]->name, b->people[i]->name) != 0) {
				text_escape(a->people[i]->name, x, sizeof x);
				text_escape(b->people[i]->name, y, sizeof y);
				fail_msg("%s: name '%s' came back as '%s'", what, x, y);
			}
			if (strcmp(a->people[i]->note, b->people[i]->note) != 0) {
				text_escape(a->people[i]->note, x, sizeof x);
				text_escape(b->people[i]->note, y, sizeof y);
				fail_msg("%s: note '%s' came back as '%s'", what, x, y);
			}
		}
		fail_msg("%s: the plan changed in a save and load", what);
	}
	if (teamfile_save(b, two, &err) < 0)
		fail_msg("%s: second save failed: %s", what, err.msg);
	t1 = test_read(one);
	t2 = test_read(two);
	assert_non_null(t1);
	assert_non_null(t2);
	if (strcmp(t1, t2) != 0)
		fail_msg("%s: saving the reloaded plan gives other bytes", what);
	free(t1);
	free(t2);
	plan_free(b);
	free(one);
	free(two);
}

static void shipped_and_test_files_round_trip(void **state)
{
	glob_t g;
	char *pattern;
	size_t i;
	int loaded = 0, shipped = 0;

	(void)state;
	memset(&g, 0, sizeof g);
	if (glob("config/*-team.ini", 0, NULL, &g) == 0)
		shipped = (int)g.gl_pathc;
	assert_true(asprintf(&pattern, "%s/*.ini", data_dir()) > 0);
	glob(pattern, shipped ? GLOB_APPEND : 0, NULL, &g);
	free(pattern);
	for (i = 0; i < g.gl_pathc; i++) {
		struct plan *p = load(g.gl_pathv[i]);
		const char *base = strrchr(g.gl_pathv[i], '/');

		base = base ? base + 1 : g.gl_pathv[i];
		/* the shipped examples and this suite's own files must load */
		if (!p && (i < (size_t)shipped || strcmp(base, "spec-example.ini") == 0 ||
			   strcmp(base, "bom-crlf.ini") == 0 || strcmp(base, "quoting.ini") == 0))
			fail_msg("%s does not load: %d: %s", g.gl_pathv[i],
				 test_error.line, test_error.msg);
		if (!p)
			continue;
		round_trip(p, g.gl_pathv[i]);
		plan_free(p);
		loaded++;
	}
	globfree(&g);
	/* three example teams and this suite's own data files at least */
	assert_true(shipped >= 3);
	assert_true(loaded >= shipped + 3);
}

static const char *const tricky[] = {
	"semi; colon",
	"hash # sign",
	"#leading hash",
	";leading semicolon",
	"  leading spaces",
	"trailing spaces  ",
	" both ",
	"   ",
	"\"leading double quote",
	"ends with a double quote\"",
	"\"\"",
	"say \"hi\" now",
	"\"quoted\"; and more",
	"it's a single quote",
	"'leading single quote",
	"''",
	"it's; here",
	"trailing backslash\\",
	"\\",
	"mid\\dle",
	"\"quote and backslash\\",
	"Zoë Ünal — 日本語 😀",
	"\x1b[31mred\x1b[0m",
	"\ttab first",
	"tab last\t",
	"\vvertical tab first",
	"form feed last\f",
	"bell\a and del\x7f",
	"C1 \xc2\x85 next line",
	"a = b",
	"=leading equals",
	"[not a section]",
	"50 lead",
	"trailing ; comment-like ;",
};

static void tricky_text_survives_save_and_load(void **state)
{
	struct plan *all = plan_new(test_catalog());
	struct error err;
	char id[ID_MAX + 1], long_name[TEXT_VALUE_MAX + 1];
	size_t i;

	(void)state;
	assert_non_null(all);
	for (i = 0; i < sizeof tricky / sizeof *tricky; i++) {
		struct plan *one = plan_new(test_catalog());
		char what[64];

		snprintf(what, sizeof what, "tricky text #%zu", i);
		assert_int_equal(plan_set_team_name(one, tricky[i], &err), 0);
		assert_int_equal(plan_add_person(one, "p", tricky[i], 0, &err), 0);
		assert_int_equal(plan_set_person_note(one, 0, tricky[i], &err), 0);
		round_trip(one, what);
		plan_free(one);

		snprintf(id, sizeof id, "p%zu", i);
		assert_true(plan_add_person(all, id, tricky[i], all->npeople, &err) >= 0);
		assert_int_equal(plan_set_person_note(all, all->npeople - 1, tricky[i], &err), 0);
	}
	/* the longest value a file carries */
	memset(long_name, 'x', TEXT_VALUE_MAX);
	long_name[TEXT_VALUE_MAX] = '\0';
	assert_true(plan_add_person(all, "longest", long_name, all->npeople, &err) >= 0);
	assert_int_equal(plan_set_person_note(all, all->npeople - 1, long_name, &err), 0);
	/* empty note, and every other field at its edges */
	assert_true(plan_add_person(all, "edges", "Edge Case", all->npeople, &err) >= 0);
	assert_int_equal(plan_set_person_note(all, all->npeople - 1, "", &err), 0);
	assert_int_equal(plan_set_person_fte(all, all->npeople - 1, FTE_MIN, &err), 0);
	plan_set_person_external(all, all->npeople - 1, true);
	assert_int_equal(plan_set_cell(all, all->npeople - 1, 0, 1, true, &err), 0);
	assert_int_equal(plan_set_cell(all, all->npeople - 1, test_catalog()->nslots - 1, 100,
				       false, &err), 0);
	assert_int_equal(plan_set_person_fte(all, 0, FTE_MAX, &err), 0);
	assert_int_equal(plan_set_person_fte(all, 1, 33, &err), 0);
	assert_int_equal(plan_set_need(all, test_slot("webcare"), 250, &err), 0);
	assert_int_equal(plan_set_need(all, test_slot("advertising"), 0, &err), 0);
	assert_int_equal(plan_set_need(all, test_slot("kpi"), NEED_MAX, &err), 0);
	assert_int_equal(plan_set_sheep_legs(all, 3, &err), 0);
	assert_int_equal(plan_set_max_load(all, 120, &err), 0);
	assert_int_equal(plan_set_team_name(all, "Team \"X\"; #1 ", &err), 0);
	round_trip(all, "all tricky values in one plan");
	plan_free(all);
}

static void line_breaks_are_refused_in_text(void **state)
{
	struct plan *p = plan_new(test_catalog());
	struct error err;

	(void)state;
	assert_int_equal(plan_add_person(p, "anna", "Anna", 0, &err), 0);
	error_clear(&err);
	assert_int_equal(plan_set_person_name(p, 0, "Anna\nde Vries", &err), -1);
	assert_has(err.msg, "line break");
	assert_string_equal(p->people[0]->name, "Anna"); /* unchanged */
	error_clear(&err);
	assert_int_equal(plan_set_person_name(p, 0, "Anna\r", &err), -1);
	assert_has(err.msg, "line break");
	error_clear(&err);
	assert_int_equal(plan_set_person_note(p, 0, "one\ntwo", &err), -1);
	assert_has(err.msg, "line break");
	assert_string_equal(p->people[0]->note, "");
	error_clear(&err);
	assert_int_equal(plan_set_team_name(p, "A\nB", &err), -1);
	assert_has(err.msg, "line break");
	assert_string_equal(p->name, "");
	/* nor a value no quoting can carry, nor bytes that are not UTF-8 */
	error_clear(&err);
	assert_int_equal(plan_set_person_name(p, 0, "'both\" quotes ", &err), -1);
	assert_has(err.msg, "quote");
	error_clear(&err);
	assert_int_equal(plan_set_person_name(p, 0, "Ren\xe9", &err), -1);
	assert_has(err.msg, "UTF-8");
	assert_int_equal(plan_add_person(p, "bob", "Bob\nX", 1, &err), -1);
	assert_int_equal(p->npeople, 1);
	assert_string_equal(p->people[0]->name, "Anna");
	plan_free(p);
}

static void saved_file_is_canonical(void **state)
{
	struct plan *p;
	char *text;

	(void)state;
	/* fields and slots out of order, sections out of order */
	p = test_plan("[person bob]\nwebcare = 10\nkpi = 5 lead\nname = Bob\n"
		      "[needs]\nkpi = 1\nwebcare = 2\n"
		      "[person anna]\npresence = 5\nnote = x\nstrategist = 20% lead\nexternal = yes\n"
		      "fte = 0.5\nname = Anna\n"
		      "[team]\nmax_load = 90\nname = T\n");
	if (!p)
		fail_msg("%d: %s", test_error.line, test_error.msg);
	text = written(p);
	assert_string_equal(text,
			    "[team]\n"
			    "name = T\n"
			    "max_load = 90\n"
			    "\n"
			    "[needs]\n"
			    "webcare = 2.0\n"
			    "kpi = 1.0\n"
			    "\n"
			    "[person bob]\n"
			    "name = Bob\n"
			    "fte = 1.0\n"
			    "webcare = 10\n"
			    "kpi = 5 lead\n"
			    "\n"
			    "[person anna]\n"
			    "name = Anna\n"
			    "fte = 0.5\n"
			    "external = yes\n"
			    "note = x\n"
			    "strategist = 20 lead\n"
			    "presence = 5\n");
	free(text);
	plan_free(p);
}

/* ---- saving ------------------------------------------------------------ */

static struct plan *small_plan(void)
{
	struct plan *p = test_plan(TEAM "[person anna]\nname = Anna\ncommunity = 50 lead\n");

	assert_non_null(p);
	return p;
}

static void save_keeps_permission_bits(void **state)
{
	char *dir = make_dir("perm"), *path = join(dir, "team.ini");
	struct plan *p = small_plan();
	struct stat st;
	struct error err;
	char *text;

	(void)state;
	write_bytes(path, "[team]\nname = Old\n", 18);
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(teamfile_save(p, path, &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	text = test_read(path);
	assert_non_null(strstr(text, "[person anna]"));
	free(text);
	assert_int_equal(leftover_temps(dir), 0);

	assert_int_equal(chmod(path, 0604), 0);
	assert_int_equal(teamfile_save(p, path, &err), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0604);
	plan_free(p);
	free(path);
	free(dir);
}

static void save_of_new_file_follows_umask(void **state)
{
	char *dir = make_dir("umask"), *path = join(dir, "new.ini");
	struct plan *p = small_plan();
	struct stat st;
	struct error err;
	mode_t old = umask(027);

	(void)state;
	assert_int_equal(teamfile_save(p, path, &err), 0);
	umask(old);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0640);
	assert_int_equal(leftover_temps(dir), 0);
	plan_free(p);
	free(path);
	free(dir);
}

static void save_writes_through_symlink(void **state)
{
	char *dir = make_dir("link"), *target = join(dir, "real.ini");
	char *lnk = join(dir, "team.ini"), *text, buf[64];
	struct plan *p = small_plan(), *back;
	struct stat st;
	struct error err;
	ssize_t n;

	(void)state;
	write_bytes(target, "[team]\nname = Old\n", 18);
	assert_int_equal(chmod(target, 0600), 0);
	assert_int_equal(symlink("real.ini", lnk), 0);
	assert_int_equal(teamfile_save(p, lnk, &err), 0);
	assert_int_equal(lstat(lnk, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	n = readlink(lnk, buf, sizeof buf - 1);
	assert_true(n > 0);
	buf[n] = '\0';
	assert_string_equal(buf, "real.ini");
	assert_int_equal(stat(target, &st), 0);
	assert_int_equal(st.st_mode & 07777, 0600);
	text = test_read(target);
	assert_non_null(strstr(text, "name = Anna"));
	free(text);
	back = load(lnk);
	assert_non_null(back);
	assert_true(plan_equal(p, back));
	plan_free(back);
	assert_int_equal(leftover_temps(dir), 0);
	plan_free(p);
	free(target);
	free(lnk);
	free(dir);
}

static void save_through_dangling_symlink_creates_target(void **state)
{
	char *dir = make_dir("dangling"), *target = join(dir, "later.ini");
	char *lnk = join(dir, "team.ini");
	struct plan *p = small_plan(), *back;
	struct stat st;
	struct error err;

	(void)state;
	assert_int_equal(symlink("later.ini", lnk), 0);
	assert_int_equal(teamfile_save(p, lnk, &err), 0);
	assert_int_equal(lstat(lnk, &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat(target, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	back = load(lnk);
	assert_non_null(back);
	assert_true(plan_equal(p, back));
	plan_free(back);
	plan_free(p);
	free(target);
	free(lnk);
	free(dir);
}

static void save_into_unwritable_directory_fails_cleanly(void **state)
{
	static const char old[] = "[team]\nname = Old\n; keep me exactly\n";
	char *dir = make_dir("readonly"), *path = join(dir, "team.ini");
	struct plan *p = small_plan();
	struct save_job job = { p, path, 0 };
	struct outcome o;

	(void)state;
	write_bytes(path, old, sizeof old - 1);
	if (geteuid() == 0) {
		struct passwd *pw = getpwnam("nobody");

		assert_int_equal(chmod(test_dir(), 0711), 0);
		assert_int_equal(chown(dir, pw ? pw->pw_uid : 65534, pw ? pw->pw_gid : 65534), 0);
		assert_int_equal(chown(path, pw ? pw->pw_uid : 65534, pw ? pw->pw_gid : 65534), 0);
	}
	assert_int_equal(chmod(dir, 0555), 0);
	if (!in_child(child_save, &job, true, 10, &o)) {
		chmod(dir, 0755);
		plan_free(p);
		free(path);
		free(dir);
		skip();
	}
	chmod(dir, 0755);
	assert_save_refused(&o, path, dir, old, strerror(EACCES));
	plan_free(p);
	free(path);
	free(dir);
}

static void save_that_runs_out_of_space_keeps_old_file(void **state)
{
	static const char old[] = "[team]\nname = Old\n; keep me exactly\n";
	char *dir = make_dir("full"), *path = join(dir, "team.ini");
	struct plan *p = small_plan();
	struct save_job job = { p, path, 16 }; /* a disk that fills after 16 bytes */
	struct outcome o;

	(void)state;
	write_bytes(path, old, sizeof old - 1);
	if (!in_child(child_save, &job, false, 10, &o)) {
		plan_free(p);
		free(path);
		free(dir);
		skip();
	}
	assert_save_refused(&o, path, dir, old, NULL);
	plan_free(p);
	free(path);
	free(dir);
}

static void save_to_directory_fails_cleanly(void **state)
{
	char *dir = make_dir("savedir"), *target = make_dir("savedir/team.ini");
	struct plan *p = small_plan();
	struct stat st;
	struct error err;

	(void)state;
	error_clear(&err);
	assert_int_equal(teamfile_save(p, target, &err), -1);
	assert_string_equal(err.file, target);
	assert_has(err.msg, "directory");
	assert_int_equal(stat(target, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(leftover_temps(dir), 0);
	assert_int_equal(leftover_temps(target), 0);
	plan_free(p);
	free(target);
	free(dir);
}

static void save_into_missing_directory_fails_cleanly(void **state)
{
	char *path = join(test_dir(), "no-such-dir/team.ini");
	struct plan *p = small_plan();
	struct error err;

	(void)state;
	error_clear(&err);
	assert_int_equal(teamfile_save(p, path, &err), -1);
	assert_string_equal(err.file, path);
	assert_has(err.msg, "cannot save");
	assert_has(err.msg, strerror(ENOENT));
	plan_free(p);
	free(path);
}

static void save_replaces_file_whole(void **state)
{
	char *dir = make_dir("replace"), *path = join(dir, "team.ini"), *text, *want;
	struct plan *p = small_plan();
	struct error err;
	char big[4096];

	(void)state;
	/* an old file longer than the new one must not leave a tail behind */
	memset(big, ';', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	write_bytes(path, big, sizeof big - 1);
	assert_int_equal(teamfile_save(p, path, &err), 0);
	text = test_read(path);
	want = written(p);
	assert_string_equal(text, want);
	free(text);
	free(want);
	assert_int_equal(leftover_temps(dir), 0);
	plan_free(p);
	free(path);
	free(dir);
}

/* ---- quotes, bounded loads, FILE.save, no /proc, stale temporaries ----- */

static void quotes_end_a_value_or_are_text(void **state)
{
	struct plan *p, *back;
	char *text;

	(void)state;
	p = test_plan("[team]\nname = 't Hoekje\n\n"
		      "[person a]\nname = 's-Hertogenbosch\nnote = Anna's backup ; it's hers\n\n"
		      "[person b]\nname = \"'t Hoekje\" ; quoted\nnote = 'say \"hi\"; ok'\n\n"
		      "[person c]\nname = 't Hoekje ; it's cosy\nnote = \"Anna\"   # a comment\n");
	if (!p)
		fail_msg("%d: %s", test_error.line, test_error.msg);
	assert_string_equal(p->name, "'t Hoekje");
	assert_string_equal(person_of(p, "a")->name, "'s-Hertogenbosch");
	assert_string_equal(person_of(p, "a")->note, "Anna's backup");
	assert_string_equal(person_of(p, "b")->name, "'t Hoekje");
	assert_string_equal(person_of(p, "b")->note, "say \"hi\"; ok");
	assert_string_equal(person_of(p, "c")->name, "'t Hoekje");
	assert_string_equal(person_of(p, "c")->note, "Anna");
	/* saved, each reads back as it was */
	text = written(p);
	assert_non_null(strstr(text, "name = \"'t Hoekje\"\n"));
	back = test_plan(text);
	if (!back)
		fail_msg("saved text refused: %d: %s\n%s", test_error.line, test_error.msg, text);
	assert_true(plan_equal(p, back));
	plan_free(back);
	free(text);
	plan_free(p);
}

/* "[team]\nname = Big\n" and @people people of two lines each. */
static char *many_people(int people)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int i;

	assert_non_null(f);
	fputs("[team]\nname = Big\n", f);
	for (i = 0; i < people; i++)
		fprintf(f, "[person p%d]\nname = P\n", i);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void more_people_than_the_limit_are_refused(void **state)
{
	char *text = many_people(PEOPLE_MAX + 1);
	struct plan *p;

	(void)state;
	p = test_plan(text);
	assert_null(p);
	/* the first person too many: 2 lines of [team], then 2 a person */
	assert_int_equal(test_error.line, 2 + 2 * PEOPLE_MAX + 1);
	assert_has(test_error.msg, "more than 10000 people");
	free(text);
	text = many_people(PEOPLE_MAX);
	p = test_plan(text);
	if (!p)
		fail_msg("%d: %s", test_error.line, test_error.msg);
	assert_int_equal(p->npeople, PEOPLE_MAX);
	plan_free(p);
	free(text);
}

static void more_entries_than_the_limit_are_refused(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	int i;

	(void)state;
	assert_non_null(f);
	fputs("; a comment is no entry\n[team]\n", f);
	for (i = 0; i < 100000; i++)
		fprintf(f, "k%d = 1\n", i);
	assert_int_equal(fclose(f), 0);
	assert_null(test_plan(buf));
	/* [team] is entry 1 on line 2, so key 100,000 on line 100,002 is one too many */
	assert_int_equal(test_error.line, 100002);
	assert_has(test_error.msg, "more than 100000 entries");
	free(buf);
}

static void recovery_save_replaces_a_planted_link(void **state)
{
	char *dir = make_dir("recover-link"), *path = join(dir, "team.ini");
	char *save = join(dir, "team.ini.save"), *victim = join(dir, "victim.txt");
	char *written_to = NULL, *text;
	struct plan *p = small_plan(), *back;
	struct error err;
	struct stat st;

	(void)state;
	write_bytes(path, "[team]\nname = Old\n", 18);
	assert_int_equal(chmod(path, 0600), 0);
	write_bytes(victim, "precious\n", 9);
	assert_int_equal(symlink("victim.txt", save), 0);
	assert_int_equal(teamfile_save_recovery(p, NULL, path, &written_to, &err), 0);
	assert_string_equal(written_to, save);
	/* the link's target is untouched; the link itself was replaced */
	text = test_read(victim);
	assert_string_equal(text, "precious\n");
	free(text);
	assert_int_equal(lstat(save, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	/* a private plan makes a private FILE.save */
	assert_int_equal(st.st_mode & 07777, 0600);
	back = load(save);
	assert_non_null(back);
	assert_true(plan_equal(p, back));
	plan_free(back);
	assert_int_equal(leftover_temps(dir), 0);
	free(written_to);
	plan_free(p);
	free(victim);
	free(save);
	free(path);
	free(dir);
}

static void recovery_save_of_a_name_too_long_fails_cleanly(void **state)
{
	char path[PATH_MAX], *written_to = (char *)"unset", *text;
	struct plan *p = small_plan();
	struct error err;
	size_t len;

	(void)state;
	/* a team file whose name takes all of PATH_MAX: "%s.save" cannot fit */
	len = (size_t)snprintf(path, sizeof path, "%s", test_dir());
	while (len + 201 < PATH_MAX - 20) {
		path[len++] = '/';
		memset(path + len, 'd', 200);
		len += 200;
		path[len] = '\0';
		assert_int_equal(mkdir(path, 0755), 0);
	}
	path[len++] = '/';
	memset(path + len, 'f', PATH_MAX - 1 - len);
	path[PATH_MAX - 1] = '\0';
	write_bytes(path, "[team]\nname = Keep me\n", 22);
	error_clear(&err);
	assert_int_equal(teamfile_save_recovery(p, NULL, path, &written_to, &err), -1);
	assert_null(written_to);
	assert_has(err.msg, "too long");
	text = test_read(path);
	assert_string_equal(text, "[team]\nname = Keep me\n");
	free(text);
	assert_null(teamfile_recovery_path(path));
	plan_free(p);
}

static void save_removes_stale_temporaries_of_its_own(void **state)
{
	static const char *const stale[] = { ".schaap-AbC123", ".schaap-000000" };
	static const char *const kept[] = { ".schaap-Fresh1", ".schaap-notours", ".schaap-x" };
	char *dir = make_dir("stale"), *path = join(dir, "team.ini"), *f;
	struct timespec old[2] = { { time(NULL) - 3600, 0 }, { time(NULL) - 3600, 0 } };
	struct plan *p = small_plan();
	struct error err;
	struct stat st;
	size_t i;

	(void)state;
	for (i = 0; i < 2; i++) {
		f = join(dir, stale[i]);
		write_bytes(f, "half a save", 11);
		assert_int_equal(utimensat(AT_FDCWD, f, old, 0), 0);
		free(f);
	}
	for (i = 0; i < 3; i++) {
		f = join(dir, kept[i]);
		write_bytes(f, "not ours or not stale", 21);
		if (i > 0) /* old, but not of our pattern */
			assert_int_equal(utimensat(AT_FDCWD, f, old, 0), 0);
		free(f);
	}
	assert_int_equal(teamfile_save(p, path, &err), 0);
	for (i = 0; i < 2; i++) {
		f = join(dir, stale[i]);
		if (lstat(f, &st) == 0)
			fail_msg("%s was left behind", stale[i]);
		free(f);
	}
	for (i = 0; i < 3; i++) {
		f = join(dir, kept[i]);
		if (lstat(f, &st) != 0)
			fail_msg("%s was removed", kept[i]);
		free(f);
	}
	plan_free(p);
	free(path);
	free(dir);
}

static void loads_through_a_temporary_file_without_proc(void **state)
{
	char *dir = make_dir("noproc"), *missing = join(dir, "missing");
	const char *old = getenv("TMPDIR");
	char *keep = old ? strdup(old) : NULL;
	struct plan *p;

	(void)state;
	inidoc_no_proc = true;
	setenv("TMPDIR", dir, 1);
	p = load("config/example-team.ini");
	if (!p)
		fail_msg("%s:%d: %s", test_error.file, test_error.line, test_error.msg);
	assert_true(p->npeople > 0);
	plan_free(p);
	/* iniparser's copy is gone once the file is loaded */
	assert_int_equal(leftover_temps(dir), 0);
	{
		DIR *d = opendir(dir);
		struct dirent *e;

		assert_non_null(d);
		while ((e = readdir(d)))
			if (e->d_name[0] != '.')
				fail_msg("%s left in TMPDIR", e->d_name);
		closedir(d);
	}
	/* and without a place for the copy, a clean refusal */
	setenv("TMPDIR", missing, 1);
	assert_null(load("config/example-team.ini"));
	assert_has(test_error.msg, "cannot make a private copy");
	inidoc_no_proc = false;
	if (keep)
		setenv("TMPDIR", keep, 1);
	else
		unsetenv("TMPDIR");
	free(keep);
	free(missing);
	free(dir);
}

/* ---- the peer corpus --------------------------------------------------- */

/* iniparser's own test files, vendored with their licence in SOURCE.txt */
#define PEER_CORPUS "peer/iniparser"

static int peer_files, peer_loaded;

static void peer_file(const char *path, const char *name)
{
	struct plan *p = load(path);
	bool empty = strcmp(name, "empty.ini") == 0 || strcmp(name, "spaced.ini") == 0;

	peer_files++;
	if (p) {
		peer_loaded++;
		if (empty)
			assert_int_equal(p->npeople, 0);
		plan_free(p);
		return;
	}
	if (empty)
		fail_msg("%s holds nothing but blanks and must load: %s", path, test_error.msg);
	assert_string_equal(test_error.file, path);
	if (!test_error.msg[0])
		fail_msg("%s refused without a message", path);
	if (test_error.line <= 0)
		fail_msg("%s refused without a line: %s", path, test_error.msg);
	assert_printable(test_error.msg);
	/* upstream's bad files fail on a known line */
	if (strcmp(name, "ends_well.ini") == 0 || strcmp(name, "twisted-errors.ini") == 0) {
		assert_int_equal(test_error.line, 5);
		assert_has(test_error.msg, "syntax error");
	}
	if (strcmp(name, "twisted-ofkey.ini") == 0 || strcmp(name, "twisted-ofval.ini") == 0)
		assert_has(test_error.msg, "too long");
}

static void peer_walk(const char *dir)
{
	struct dirent **names;
	int n, i;

	n = scandir(dir, &names, NULL, alphasort);
	assert_true(n >= 0);
	for (i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t len = strlen(name);
		char *path;
		struct stat st;

		if (name[0] == '.') {
			free(names[i]);
			continue;
		}
		path = join(dir, name);
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
			peer_walk(path);
		else if (len > 4 && strcmp(name + len - 4, ".ini") == 0)
			peer_file(path, name);
		free(path);
		free(names[i]);
	}
	free(names);
}

static void peer_corpus_loads_or_is_refused_cleanly(void **state)
{
	char *dir = join(data_dir(), PEER_CORPUS);

	(void)state;
	peer_files = peer_loaded = 0;
	peer_walk(dir);
	free(dir);
	assert_true(peer_files >= 12);
	assert_true(peer_loaded >= 2); /* empty.ini and spaced.ini */
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(line_of_1022_characters_loads),
		cmocka_unit_test(missing_file_is_refused),
		cmocka_unit_test(directory_is_refused),
		cmocka_unit_test(unreadable_file_is_refused),
		cmocka_unit_test(fifo_is_refused_without_hanging),
		cmocka_unit_test(nul_byte_is_refused_with_its_line),
		cmocka_unit_test(empty_file_is_empty_plan),
		cmocka_unit_test(spec_example_loads),
		cmocka_unit_test(bom_and_crlf_load),
		cmocka_unit_test(comments_and_quotes_load),
		cmocka_unit_test(uppercase_names_load),
		cmocka_unit_test(people_keep_file_order),
		cmocka_unit_test(share_forms_load),
		cmocka_unit_test(field_forms_load),
		cmocka_unit_test(shipped_and_test_files_round_trip),
		cmocka_unit_test(tricky_text_survives_save_and_load),
		cmocka_unit_test(line_breaks_are_refused_in_text),
		cmocka_unit_test(saved_file_is_canonical),
		cmocka_unit_test(save_keeps_permission_bits),
		cmocka_unit_test(save_of_new_file_follows_umask),
		cmocka_unit_test(save_writes_through_symlink),
		cmocka_unit_test(save_through_dangling_symlink_creates_target),
		cmocka_unit_test(save_into_unwritable_directory_fails_cleanly),
		cmocka_unit_test(save_that_runs_out_of_space_keeps_old_file),
		cmocka_unit_test(save_to_directory_fails_cleanly),
		cmocka_unit_test(save_into_missing_directory_fails_cleanly),
		cmocka_unit_test(save_replaces_file_whole),
		cmocka_unit_test(peer_corpus_loads_or_is_refused_cleanly),
		cmocka_unit_test(quotes_end_a_value_or_are_text),
		cmocka_unit_test(more_people_than_the_limit_are_refused),
		cmocka_unit_test(more_entries_than_the_limit_are_refused),
		cmocka_unit_test(recovery_save_replaces_a_planted_link),
		cmocka_unit_test(recovery_save_of_a_name_too_long_fails_cleanly),
		cmocka_unit_test(save_removes_stale_temporaries_of_its_own),
		cmocka_unit_test(loads_through_a_temporary_file_without_proc),
	};
	size_t nfixed = sizeof fixed / sizeof *fixed;
	size_t nbad = sizeof bad_files / sizeof *bad_files, n = 0, i;
	struct CMUnitTest *tests;
	char *name;
	int rc;

	generate_bad();
	tests = calloc(nfixed + nbad + (size_t)nmore_bad, sizeof *tests);
	if (!tests)
		return 1;
	for (i = 0; i < nbad + (size_t)nmore_bad; i++) {
		const struct bad *b = i < nbad ? &bad_files[i] : &more_bad[i - nbad];

		if (asprintf(&name, "refuses %s", b->name) < 0)
			return 1;
		tests[n].name = name;
		tests[n].test_func = refuses;
		tests[n].initial_state = (void *)b;
		n++;
	}
	for (i = 0; i < nfixed; i++)
		tests[n++] = fixed[i];
	rc = _cmocka_run_group_tests("teamfile", tests, n, NULL, NULL);
	for (i = 0; i < nbad + (size_t)nmore_bad; i++)
		free((char *)tests[i].name);
	for (i = 0; i < (size_t)nmore_bad; i++) {
		free((char *)more_bad[i].text);
		free((char *)more_bad[i].want[1]);
		free((char *)more_bad[i].name);
	}
	free(more_bad);
	free(tests);
	return rc;
}
