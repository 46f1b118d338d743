# schaap - one non-recursive Makefile.
#
#   make            build build/schaap
#   make run        the planner on the example team
#   make check      build and run every test
#   make sanitize   the tests under AddressSanitizer and UBSan
#   make clean

CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
SAN     ?=

BUILD   ?= build

ifeq ($(SAN),1)
B        := $(BUILD)-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
else
B        := $(BUILD)
SANFLAGS :=
endif

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2
BASE     := -std=gnu11 -O2 -g $(WARN) $(SANFLAGS) -MMD -MP -Iinclude
# Evaluated when used, after tools/deps.sh has run.
CURSES_CFLAGS = $(shell pkg-config --cflags ncursesw 2>/dev/null)
CURSES_LIBS   = $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka 2>/dev/null)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
INI_CFLAGS   := -I/usr/include/iniparser
INI_LIBS     := -liniparser

CORE_SRC := $(wildcard src/core/*.c)
IO_SRC   := $(wildcard src/io/*.c)
TUI_SRC  := $(wildcard src/tui/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TEST_SRC := $(wildcard tests/test_*.c)

CORE_OBJ := $(CORE_SRC:%.c=$(B)/%.o)
IO_OBJ   := $(IO_SRC:%.c=$(B)/%.o) $(B)/gen/catalog_builtin.o
TUI_OBJ  := $(TUI_SRC:%.c=$(B)/%.o)
CLI_OBJ  := $(filter-out $(B)/src/cli/main.o,$(CLI_SRC:%.c=$(B)/%.o))
TESTS    := $(TEST_SRC:tests/%.c=$(B)/tests/%)

# Translations: po/LANG.po becomes $(B)/locale/LANG/LC_MESSAGES/schaap.mo,
# where the program finds it when run from the build tree.
LINGUAS  := $(patsubst po/%.po,%,$(wildcard po/*.po))
MO       := $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/schaap.mo)

# The core must not see curses or iniparser: these headers stand first on
# its include path and stop the build if anything there includes them.
POISON   := curses.h ncurses.h ncursesw/curses.h ncursesw/ncurses.h term.h \
	    iniparser.h dictionary.h iniparser/iniparser.h iniparser/dictionary.h
POISON_H := $(POISON:%=$(B)/poison/%)

.SECONDARY:
.PHONY: all run check test sanitize valgrind fuzz bench clean deps install uninstall pot
.DEFAULT_GOAL := all

all: $(B)/schaap $(MO)

$(B)/locale/%/LC_MESSAGES/schaap.mo: po/%.po | deps
	@mkdir -p $(dir $@)
	msgfmt --check -o $@ $<

# The template translators start from: `make pot` after changing texts,
# then `msgmerge -U po/nl.po po/schaap.pot` and translate what is new.
XGETTEXT_FLAGS := --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
	--keyword=P_:1,2 --add-comments=TRANSLATORS: --no-wrap --no-location --sort-output \
	--package-name=schaap --msgid-bugs-address=- --foreign-user
pot:
	xgettext $(XGETTEXT_FLAGS) -o - $(sort $(CORE_SRC) $(IO_SRC) $(TUI_SRC) $(CLI_SRC)) | \
		sed -e '/^"POT-Creation-Date/d' -e 's/charset=CHARSET/charset=UTF-8/' > po/schaap.pot

deps:
	@CC="$(CC)" sh tools/deps.sh

$(B)/poison/%:
	@mkdir -p $(dir $@)
	@printf '#error "the core (src/core) must not include curses or iniparser"\n' > $@

$(B)/src/core/%.o: src/core/%.c $(POISON_H) | deps
	@mkdir -p $(dir $@)
	$(CC) $(BASE) -I$(B)/poison $(CFLAGS) -c $< -o $@

$(B)/src/io/%.o: src/io/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(BASE) $(INI_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/src/tui/%.o: src/tui/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(BASE) $(CURSES_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/src/cli/%.o: src/cli/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(BASE) -DLOCALEDIR='"$(PREFIX)/share/locale"' $(CFLAGS) -c $< -o $@

$(B)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -Wall -Wextra -Werror -o $@ $<

$(B)/gen/catalog_builtin.c: config/catalog.ini $(B)/tools/embed
	@mkdir -p $(dir $@)
	$(B)/tools/embed catalog_builtin < config/catalog.ini > $@.tmp && mv $@.tmp $@

$(B)/gen/catalog_builtin.o: $(B)/gen/catalog_builtin.c
	$(CC) $(BASE) -c $< -o $@

$(B)/schaap: $(B)/src/cli/main.o $(CLI_OBJ) $(TUI_OBJ) $(IO_OBJ) $(CORE_OBJ)
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(CURSES_LIBS) $(INI_LIBS)

$(B)/tests/%.o: tests/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(BASE) -Itests $(CMOCKA_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/tests/%: $(B)/tests/%.o $(B)/tests/support.o $(CLI_OBJ) $(IO_OBJ) $(CORE_OBJ)
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(CMOCKA_LIBS) $(INI_LIBS)

# The allocation failure suite wraps the allocator of everything it links.
$(B)/tests/test_alloc: LDFLAGS += -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup

# On a copy in the build directory, so that saving never changes the
# tracked example; the copy is kept between runs (remove it to start over).
run: $(B)/schaap $(MO)
	@[ -f $(B)/example-team.ini ] || cp config/example-team.ini $(B)/example-team.ini
	@echo "schaap: planning $(B)/example-team.ini, a copy of config/example-team.ini"
	$(B)/schaap $(B)/example-team.ini

# Every cmocka suite, then the golden command line tests. Each suite runs
# even when an earlier one failed, so one report shows every failure.
check test: $(TESTS) $(B)/schaap $(MO)
	@failed=0; \
	for t in $(TESTS); do \
		SCHAAP_TESTDATA=tests/data $$t || failed=1; \
	done; \
	SCHAAP=$(B)/schaap sh tests/golden.sh || failed=1; \
	SCHAAP=$(B)/schaap sh tests/report.sh || failed=1; \
	SCHAAP=$(B)/schaap sh tests/browser.sh || failed=1; \
	SCHAAP=$(B)/schaap sh tests/golden-decide.sh || failed=1; \
	SCHAAP=$(B)/schaap sh tests/decide.sh || failed=1; \
	SCHAAP=$(B)/schaap sh tests/screens.sh || failed=1; \
	SCHAAP=$(B)/schaap sh tests/tmux.sh || failed=1; \
	SCHAAP=$(B)/schaap sh tests/cli.sh || failed=1; \
	SCHAAP=$(B)/schaap sh tests/manpages.sh || failed=1; \
	SCHAAP=$(B)/schaap B=$(B) sh tests/i18n.sh || failed=1; \
	MAKE="$(MAKE)" BUILD="$(BUILD)" SAN="$(SAN)" sh tests/install.sh || failed=1; \
	if [ $$failed = 0 ]; then echo "make check: all suites passed"; \
	else echo "make check: FAILED"; exit 1; fi

sanitize:
	$(MAKE) SAN=1 check

# The planner's screen tests under valgrind (errors and definite leaks).
valgrind: $(B)/schaap
	SCHAAP=$(B)/schaap sh tests/valgrind.sh

# libFuzzer over load, analysis and the save-and-reload round trip, seeded
# from every team file here and the peer corpus. Crashes land in
# build-fuzz/; make each a regression file in tests/data/fuzz/.
FUZZ_SECONDS ?= 60
FUZZ_DIR := build-fuzz
FUZZ_CC  ?= clang
fuzz: $(B)/gen/catalog_builtin.c | deps
	@mkdir -p $(FUZZ_DIR)/corpus
	@cp config/*.ini tests/data/*.ini $(FUZZ_DIR)/corpus/ 2>/dev/null; \
	 find tests/data/peer tests/data/keep tests/data/fuzz -name '*.ini' -exec cp {} $(FUZZ_DIR)/corpus/ \; 2>/dev/null; true
	$(FUZZ_CC) -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude $(INI_CFLAGS) \
		-o $(FUZZ_DIR)/fuzz_load tests/fuzz/fuzz_load.c $(CORE_SRC) $(IO_SRC) \
		$(B)/gen/catalog_builtin.c $(INI_LIBS)
	cd $(FUZZ_DIR) && ./fuzz_load -max_total_time=$(FUZZ_SECONDS) -max_len=8192 \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 corpus

# Figures, not tests: nothing here asserts a time.
bench: $(B)/schaap $(B)/bench/bench $(B)/bench/bare
	B=$(B) sh bench/run.sh

$(B)/bench/%.o: bench/%.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(BASE) $(INI_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/bench/bench: $(B)/bench/bench.o $(IO_OBJ) $(CORE_OBJ)
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(INI_LIBS)

$(B)/bench/bare: $(B)/bench/bare.o
	$(CC) $(SANFLAGS) $(LDFLAGS) -o $@ $^ $(INI_LIBS)

BINDIR  = $(DESTDIR)$(PREFIX)/bin
MANDIR  = $(DESTDIR)$(PREFIX)/share/man
DATADIR = $(DESTDIR)$(PREFIX)/share/schaap
EXAMPLES := $(wildcard config/*-team.ini)

LOCALEDIR = $(DESTDIR)$(PREFIX)/share/locale

install: $(B)/schaap $(MO)
	install -d $(BINDIR) $(MANDIR)/man1 $(MANDIR)/man5 $(DATADIR)
	for l in $(LINGUAS); do \
		install -d $(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 644 $(B)/locale/$$l/LC_MESSAGES/schaap.mo $(LOCALEDIR)/$$l/LC_MESSAGES/schaap.mo || exit 1; \
	done
	install -m 755 $(B)/schaap $(BINDIR)/schaap
	install -m 644 man/schaap.1 $(MANDIR)/man1/schaap.1
	install -m 644 man/schaap-team.5 $(MANDIR)/man5/schaap-team.5
	install -m 644 config/catalog.ini $(EXAMPLES) $(DATADIR)/

uninstall:
	rm -f $(BINDIR)/schaap $(MANDIR)/man1/schaap.1 $(MANDIR)/man5/schaap-team.5
	rm -f $(DATADIR)/catalog.ini $(EXAMPLES:config/%=$(DATADIR)/%)
	rm -f $(LINGUAS:%=$(LOCALEDIR)/%/LC_MESSAGES/schaap.mo)
	-rmdir -p $(LINGUAS:%=$(LOCALEDIR)/%/LC_MESSAGES) 2>/dev/null
	-rmdir $(DATADIR) 2>/dev/null

clean:
	rm -rf build build-san build-fuzz

-include $(shell find $(B) -name '*.d' 2>/dev/null)
