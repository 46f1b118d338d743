#!/bin/sh
# i18n.sh - the translations: each .po compiles with msgfmt --check and
# has no fuzzy or untranslated entry, every text in the sources is in
# po/schaap.pot and translated, and with a Dutch locale (built here with
# localedef) `check` and the planner speak Dutch, as tests/golden/nl and
# tests/screens/nl-* show, with no English sentence left, while check's
# TSV stays English. Tools that are missing are skipped with a note.
# UPDATE=1 rewrites tests/golden/nl.
: "${SCHAAP:=build/schaap}"
: "${B:=build}"
pass=0 fail=0 skipped=""
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "i18n: $1"; }

if command -v msgfmt >/dev/null 2>&1; then
	for po in po/*.po; do
		if ! msgfmt --check --statistics -o /dev/null "$po" 2>"$tmp/stat"; then
			cat "$tmp/stat"; bad "$po does not compile"; continue
		fi
		if grep -q -e 'fuzzy' -e 'untranslated' "$tmp/stat"; then
			bad "$po: $(cat "$tmp/stat")"
		else
			ok
		fi
	done
else
	skipped="$skipped msgfmt"
fi

if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1; then
	# the template holds every text of the sources, and each language
	# translates every one of them
	srcs=$(ls src/*/*.c | sort)
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
		--keyword=P_:1,2 --add-comments=TRANSLATORS: --no-wrap --no-location \
		-o "$tmp/fresh.pot" $srcs 2>"$tmp/err" || { cat "$tmp/err"; bad "xgettext failed"; }
	for po in po/*.po; do
		if msgcmp -N "$po" "$tmp/fresh.pot" >"$tmp/cmp" 2>&1; then
			ok
		else
			head -20 "$tmp/cmp"; bad "$po lacks translations of texts in the sources"
		fi
	done
	if msgcmp -N --use-untranslated po/schaap.pot "$tmp/fresh.pot" >"$tmp/cmp" 2>&1; then
		ok
	else
		head -20 "$tmp/cmp"; bad "po/schaap.pot is out of date: run make pot"
	fi
else
	skipped="$skipped xgettext"
fi

# the translations are where the program looks for them
[ -f "$B/locale/nl/LC_MESSAGES/schaap.mo" ] && ok || bad "$B/locale/nl/LC_MESSAGES/schaap.mo was not built"

# Dutch as a Dutch user gets it: LANG=nl_NL.UTF-8 from a locale built
# here, so the test needs no locale installed on the machine.
case $SCHAAP in /*) ;; *) SCHAAP=$(pwd)/$SCHAAP ;; esac
if command -v localedef >/dev/null 2>&1 &&
   localedef -i nl_NL -f UTF-8 "$tmp/nl_NL.UTF-8" >/dev/null 2>&1; then
	mkdir -p "$tmp/out"
	nl() { env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LOCPATH="$tmp" LANG=nl_NL.UTF-8 NO_COLOR=1 "$@"; }
	# check in Dutch: golden outputs; its TSV stays English with points
	for team in config/*-team.ini; do
		base=$(basename "$team" .ini)
		nl "$SCHAAP" check "$team" >"$tmp/out/$base.text" 2>&1
		echo "exit $?" >>"$tmp/out/$base.text"
		[ -n "$UPDATE" ] && cp "$tmp/out/$base.text" "tests/golden/nl/$base.text"
		if cmp -s "$tmp/out/$base.text" "tests/golden/nl/$base.text"; then ok; else
			diff -u "tests/golden/nl/$base.text" "$tmp/out/$base.text" | head -30
			bad "$team in Dutch differs from tests/golden/nl/$base.text"
		fi
		nl "$SCHAAP" check --format tsv "$team" >"$tmp/tsv" 2>&1
		echo "exit $?" >>"$tmp/tsv"
		if cmp -s "$tmp/tsv" "tests/golden/$base.tsv"; then ok; else
			diff -u "tests/golden/$base.tsv" "$tmp/tsv" | head -10
			bad "$team: TSV with a Dutch locale is not the English TSV"
		fi
	done
	# whatif, suggest and diff in Dutch; their TSV as in English
	for cmd in "whatif config/example-team.ini" "suggest config/example-team.ini" \
		   "diff config/small-team.ini config/example-team.ini"; do
		name=$(echo "$cmd" | cut -d' ' -f1)
		nl "$SCHAAP" $cmd >"$tmp/out/$name.text" 2>&1
		echo "exit $?" >>"$tmp/out/$name.text"
		[ -n "$UPDATE" ] && cp "$tmp/out/$name.text" "tests/golden/nl/$name.text"
		if cmp -s "$tmp/out/$name.text" "tests/golden/nl/$name.text"; then ok; else
			diff -u "tests/golden/nl/$name.text" "$tmp/out/$name.text" | head -20
			bad "schaap $cmd in Dutch differs from tests/golden/nl/$name.text"
		fi
		set -- $cmd
		shift
		nl "$SCHAAP" "$name" --format tsv "$@" >"$tmp/tsv.nl" 2>&1
		env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 "$SCHAAP" "$name" --format tsv "$@" \
			>"$tmp/tsv.en" 2>&1
		cmp -s "$tmp/tsv.nl" "$tmp/tsv.en" && ok || bad "schaap $name --format tsv differs with a Dutch locale"
	done
	# the report in Dutch, Markdown and HTML; its CSV as in English
	for fmt in md html; do
		nl "$SCHAAP" report --format $fmt config/example-team.ini >"$tmp/out/report.$fmt" 2>&1
		echo "exit $?" >>"$tmp/out/report.$fmt"
		[ -n "$UPDATE" ] && cp "$tmp/out/report.$fmt" "tests/golden/nl/report.$fmt"
		if cmp -s "$tmp/out/report.$fmt" "tests/golden/nl/report.$fmt"; then ok; else
			diff -u "tests/golden/nl/report.$fmt" "$tmp/out/report.$fmt" | head -20
			bad "schaap report --format $fmt in Dutch differs from tests/golden/nl/report.$fmt"
		fi
	done
	grep -q '<html lang="nl">' "$tmp/out/report.html" && ok || bad "the Dutch HTML report is not marked lang=nl"
	nl "$SCHAAP" report --format csv config/example-team.ini >"$tmp/csv.nl" 2>&1
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LANG=C.UTF-8 "$SCHAAP" report --format csv \
		config/example-team.ini >"$tmp/csv.en" 2>&1
	cmp -s "$tmp/csv.nl" "$tmp/csv.en" && ok || bad "schaap report --format csv differs with a Dutch locale"
	# the command line in Dutch
	nl "$SCHAAP" check >"$tmp/out/usage" 2>&1
	if [ $? = 2 ] && grep -q 'minstens één TEAMFILE' "$tmp/out/usage" &&
	   grep -q '^gebruik: schaap' "$tmp/out/usage"; then ok; else
		cat "$tmp/out/usage"; bad "the usage error is not Dutch"
	fi
	nl "$SCHAAP" --help >"$tmp/out/help" 2>&1
	# the planner in Dutch: the same screens as with LANGUAGE=nl
	for keys in tests/screens/nl-*.keys; do
		name=$(basename "$keys" .keys)
		rm -rf "$tmp/run" && mkdir "$tmp/run"
		cp config/example-team.ini "$tmp/run/team.ini"
		tail -n +2 "$keys" >"$tmp/keys"
		(cd "$tmp/run" && nl SCHAAP_TEST_KEYS="$tmp/keys" SCHAAP_TEST_DUMP="$tmp/out/$name.screen" \
			SCHAAP_TEST_SIZE=80x24 "$SCHAAP" team.ini >/dev/null 2>&1)
		# the expected file ends with the exit status and the saved file
		if sed '/^exit [0-9]*$/,$d' "tests/screens/$name.expected" | cmp -s - "$tmp/out/$name.screen"; then
			ok
		else
			sed '/^exit [0-9]*$/,$d' "tests/screens/$name.expected" | diff -u - "$tmp/out/$name.screen" | head -20
			bad "$name with LANG=nl_NL.UTF-8 differs from tests/screens/$name.expected"
		fi
	done
else
	skipped="$skipped localedef-nl_NL"
	# without the locale, LANGUAGE=nl still gives Dutch texts to scan
	mkdir -p "$tmp/out"
	for team in config/*-team.ini; do
		env -u LC_ALL -u LC_MESSAGES LANGUAGE=nl LANG=C.UTF-8 NO_COLOR=1 "$SCHAAP" check "$team" \
			>"$tmp/out/$(basename "$team" .ini).text" 2>&1
	done
	env -u LC_ALL -u LC_MESSAGES LANGUAGE=nl LANG=C.UTF-8 "$SCHAAP" check >"$tmp/out/usage" 2>&1
fi
# the Dutch screens of tests/screens (LANGUAGE=nl), without the saved file
for f in tests/screens/nl-*.expected; do
	sed '/^exit [0-9]*$/,$d' "$f" >"$tmp/out/$(basename "$f" .expected).expected"
done
# No English sentence left: for each translated entry, the literal
# parts of its English text longer than 12 characters (that its own
# Dutch does not hold) appear in no Dutch output. Line breaks and runs
# of spaces count as one space, so a wrapped sentence is still found.
awk '
function lit(s) { sub(/^[^"]*"/, "", s); sub(/"[ \t]*$/, "", s); return s }
function flush(   n, i, parts, p) {
	if (id != "" && str != "" && id != str) {
		n = split(id, parts, /%[-+ #0-9.]*[a-z%]|\\n|\\t/)
		for (i = 1; i <= n; i++) {
			p = parts[i]
			gsub(/\\"/, "\"", p)
			gsub(/^ +| +$/, "", p)
			gsub(/  +/, " ", p)
			if (length(p) > 12 && index(strn, p) == 0)
				print p
		}
	}
	id = ""; str = ""; cur = ""
}
/^msgid / { flush(); cur = "id"; id = lit($0); next }
/^msgid_plural / { cur = ""; next }
/^msgstr/ { cur = "str"; str = str lit($0); next }
/^"/ { if (cur == "id") id = id lit($0); else if (cur == "str") str = str lit($0); next }
/^$/ { strn = str; gsub(/\\n/, " ", strn); gsub(/  +/, " ", strn); flush() }
END { strn = str; flush() }
' po/nl.po >"$tmp/english"
cat "$tmp/out"/* | tr -s ' \n' '  ' >"$tmp/dutch"
left=$(grep -F -o -f "$tmp/english" "$tmp/dutch" | sort -u)
if [ -z "$left" ] && [ -s "$tmp/english" ]; then ok; else
	echo "$left" | head -10; bad "English left in the Dutch screens, check or usage"
fi
# the detector itself finds English when the translations are not used
env -u LANGUAGE -u LC_ALL LANG=C.UTF-8 NO_COLOR=1 "$SCHAAP" check config/example-team.ini 2>&1 |
	tr -s ' \n' '  ' >"$tmp/english-out"
grep -q -F -f "$tmp/english" "$tmp/english-out" && ok || bad "the English detector finds no English in English output"

# a Dutch LANG whose locale is not installed still gets Dutch texts
mkdir -p "$tmp/nolocale"
env -u LANGUAGE -u LC_ALL -u LC_MESSAGES LOCPATH="$tmp/nolocale" LANG=nl_NL.UTF-8 \
	"$SCHAAP" check config/small-team.ini >"$tmp/noloc" 2>&1
grep -q '^2 personen, 1,0 FTE' "$tmp/noloc" && ok || { head -3 "$tmp/noloc"; bad "LANG=nl_NL.UTF-8 without its locale is not Dutch"; }

[ -n "$skipped" ] && echo "i18n: skipped (not installed):$skipped"
echo "i18n: $pass passed, $fail failed"
[ "$fail" = 0 ]
