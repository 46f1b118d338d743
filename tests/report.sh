#!/bin/sh
# report.sh - `schaap report` as a user runs it: the golden reports of the
# example teams in every format, the same bytes on every run, dates only
# when asked, -o replacing the file whole, the command line's errors, and
# (when pandoc is installed) the Markdown read back by pandoc.
# UPDATE=1 rewrites the golden files.
: "${SCHAAP:=build/schaap}"
dir=tests/golden/report
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "report: $*"; }

# expect NAME STATUS STDERR-PATTERN -- COMMAND...
expect() {
	name=$1 want=$2 errpat=$3
	shift 4
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" != "$want" ]; then
		bad "$name: exit $got, want $want"; cat "$tmp/err"
	elif [ -n "$errpat" ] && ! grep -qE -- "$errpat" "$tmp/err"; then
		bad "$name: stderr lacks /$errpat/:"; head -5 "$tmp/err"
	else
		ok
	fi
}

# every golden report belongs to a team file
for exp in "$dir"/*.md "$dir"/*.html "$dir"/*.csv; do
	base=$(basename "$exp"); base=${base%.*}
	[ -f "config/$base.ini" ] || [ -f "tests/data/$base.ini" ] || bad "$exp has no team file"
done
for team in config/*-team.ini tests/data/hostile.ini; do
	base=$(basename "$team" .ini)
	for fmt in md html csv; do
		exp="$dir/$base.$fmt"
		env -u SOURCE_DATE_EPOCH "$SCHAAP" report --format "$fmt" "$team" >"$tmp/out" 2>"$tmp/err"
		status=$?
		if [ $status != 0 ] || [ -s "$tmp/err" ]; then
			bad "$team ($fmt): exit $status"; cat "$tmp/err"; continue
		fi
		[ -n "$UPDATE" ] && cp "$tmp/out" "$exp"
		if cmp -s "$tmp/out" "$exp"; then ok; else
			bad "$team ($fmt) differs from $exp:"; diff -u "$exp" "$tmp/out" | head -40
		fi
		# same plan, same bytes
		env -u SOURCE_DATE_EPOCH "$SCHAAP" report --format "$fmt" "$team" >"$tmp/again" 2>&1
		cmp -s "$tmp/out" "$tmp/again" && ok || bad "$team ($fmt): two runs differ"
	done
done

ex=config/example-team.ini
# Markdown is the default
env -u SOURCE_DATE_EPOCH "$SCHAAP" report "$ex" >"$tmp/out" 2>&1
cmp -s "$tmp/out" "$dir/example-team.md" && ok || bad "Markdown is not the default format"

# CSV is for scripts: point decimals and the same bytes in every language
LANG=nl_NL.UTF-8 LANGUAGE=nl LC_ALL= env -u SOURCE_DATE_EPOCH "$SCHAAP" report --format csv "$ex" >"$tmp/out" 2>&1
cmp -s "$tmp/out" "$dir/example-team.csv" && ok || bad "CSV differs in a Dutch locale"

# dates: none by default, SOURCE_DATE_EPOCH, --date
grep -q 'Date' "$dir/example-team.md" && bad "a report without --date has a date" || ok
SOURCE_DATE_EPOCH=1764547200 "$SCHAAP" report "$ex" >"$tmp/out" 2>&1
grep -q '^- Date: 2025-12-01$' "$tmp/out" && ok || bad "SOURCE_DATE_EPOCH gives no date"
SOURCE_DATE_EPOCH=1764547200 "$SCHAAP" report --date today "$ex" >"$tmp/out" 2>&1
grep -q '^- Date: 2025-12-01$' "$tmp/out" && ok || bad "--date today ignores SOURCE_DATE_EPOCH"
"$SCHAAP" report --format html --date 2026-12-01 "$ex" >"$tmp/out" 2>&1
grep -q '<dt>Date</dt><dd>2026-12-01</dd>' "$tmp/out" && ok || bad "--date DATE is not on the page"
"$SCHAAP" report --date today "$ex" >"$tmp/out" 2>&1
grep -qE '^- Date: [0-9]{4}-[0-9]{2}-[0-9]{2}$' "$tmp/out" && ok || bad "--date today gives no date"
expect "bad --date" 2 "--date wants YYYY-MM-DD" -- "$SCHAAP" report --date 1/12/2026 "$ex"
expect "impossible --date" 2 "--date wants YYYY-MM-DD" -- "$SCHAAP" report --date 2026-13-45 "$ex"
expect "bad SOURCE_DATE_EPOCH" 2 "SOURCE_DATE_EPOCH" -- env SOURCE_DATE_EPOCH=soon "$SCHAAP" report "$ex"

# -o: the whole file or nothing, no temporary file left, usual permissions
"$SCHAAP" report --format csv -o "$tmp/r.csv" "$ex" >"$tmp/out" 2>&1
cmp -s "$tmp/r.csv" "$dir/example-team.csv" && [ ! -s "$tmp/out" ] && ok || bad "-o does not hold the report"
printf 'old\n' >"$tmp/keep.md"
"$SCHAAP" report -o "$tmp/keep.md" "$tmp/missing.ini" 2>/dev/null
[ "$(cat "$tmp/keep.md")" = old ] && ok || bad "-o replaced the file although the team file was missing"
"$SCHAAP" report -o "$tmp/keep.md" "$ex" 2>/dev/null
cmp -s "$tmp/keep.md" "$dir/example-team.md" && ok || bad "-o did not replace an existing file"
[ "$(ls "$tmp" | grep -c 'tmp-')" = 0 ] && ok || bad "-o left a temporary file: $(ls "$tmp")"
mode=$(umask 022; "$SCHAAP" report -o "$tmp/mode.md" "$ex" && stat -c %a "$tmp/mode.md")
[ "$mode" = 644 ] && ok || bad "-o file has mode $mode, want 644"
# through a link to its target, keeping an existing file's mode
printf 'old\n' >"$tmp/target.md" && chmod 600 "$tmp/target.md" && ln -s target.md "$tmp/link.md"
"$SCHAAP" report -o "$tmp/link.md" "$ex" 2>/dev/null
[ -L "$tmp/link.md" ] && cmp -s "$tmp/target.md" "$dir/example-team.md" && ok || bad "-o did not write through a link"
[ "$(stat -c %a "$tmp/target.md")" = 600 ] && ok || bad "-o changed the mode of an existing file to $(stat -c %a "$tmp/target.md")"
"$SCHAAP" report -o /dev/stdout "$ex" 2>"$tmp/err" | cmp -s - "$dir/example-team.md" && ok || { bad "-o /dev/stdout"; cat "$tmp/err"; }
expect "-o a directory" 2 "cannot write" -- "$SCHAAP" report -o "$tmp" "$ex"
expect "-o a directory/" 2 "cannot write: Is a directory" -- "$SCHAAP" report -o "$tmp/" "$ex"
expect "-o into a missing directory" 2 "nodir/r.md: cannot write" -- "$SCHAAP" report -o "$tmp/nodir/r.md" "$ex"

# the command line
expect "report help" 0 "" -- "$SCHAAP" report --help
grep -q '^usage: schaap report' "$tmp/out" && ok || bad "report --help shows no usage"
expect "report in the main usage" 0 "" -- "$SCHAAP" --help
grep -q 'schaap report' "$tmp/out" && ok || bad "schaap --help does not mention report"
expect "unknown format" 2 "unknown format 'pdf' \\(md, html or csv\\)" -- "$SCHAAP" report --format pdf "$ex"
expect "unknown option" 2 "unknown option '--bogus'" -- "$SCHAAP" report --bogus "$ex"
expect "option without its value" 2 "option '-o' needs a value" -- "$SCHAAP" report "$ex" -o
expect "no team file" 2 "report needs a TEAMFILE" -- "$SCHAAP" report
expect "two team files" 2 "one TEAMFILE" -- "$SCHAAP" report "$ex" "$ex"
expect "missing team file" 2 "^schaap: nope.ini: cannot open" -- "$SCHAAP" report nope.ini
expect "bad team file" 2 "hostile" -- "$SCHAAP" report --catalog tests/data/hostile.ini "$ex"
expect "options after the file" 0 "" -- "$SCHAAP" report "$ex" --format csv -o "$tmp/after.csv"
cmp -s "$tmp/after.csv" "$dir/example-team.csv" && ok || bad "options after the file name were not taken"
expect "catalog" 0 "" -- "$SCHAAP" report --catalog config/catalog.ini "$ex"
expect "catalog before report" 0 "" -- "$SCHAAP" --catalog config/catalog.ini report "$ex"

# bidi controls in a name reach no report raw: each is escaped like any
# other control character, so no name turns the rest of a row around
for fmt in md html csv; do
	"$SCHAAP" report --format $fmt tests/data/hostile.ini >"$tmp/bidi.$fmt" 2>/dev/null
	if LC_ALL=C grep -q "$(printf '\342\200\256')\|$(printf '\342\201\246')\|$(printf '\342\201\251')" "$tmp/bidi.$fmt"; then
		bad "a raw bidi control reached the $fmt report"
	else ok; fi
	# (Markdown doubles the backslash of an escape; count it once)
	tr -d '\\' <"$tmp/bidi.$fmt" | grep -q 'Annau202eeerfu2066xu2069 Smit' && ok ||
		bad "the $fmt report does not show the bidi controls escaped"
done
"$SCHAAP" check tests/data/hostile.ini >"$tmp/bidi.text" 2>/dev/null
if LC_ALL=C grep -q "$(printf '\342\200\256')" "$tmp/bidi.text"; then bad "a raw bidi control reached check"; else ok; fi

# pandoc reads the Markdown as the tables it was written as, names as text
if command -v pandoc >/dev/null 2>&1; then
	for team in "$ex" tests/data/hostile.ini; do
		"$SCHAAP" report "$team" >"$tmp/r.md"
		want=$(grep -c '^|:---' "$tmp/r.md")
		for reader in markdown commonmark_x gfm; do
			pandoc -f $reader -t html "$tmp/r.md" >"$tmp/r.html" 2>"$tmp/err" || { bad "pandoc -f $reader failed"; cat "$tmp/err"; continue; }
			got=$(grep -c '<table' "$tmp/r.html")
			[ "$got" = "$want" ] && ok || bad "pandoc -f $reader on $team: $got tables, want $want"
			if grep -qiE '<(script|img)' "$tmp/r.html"; then bad "pandoc -f $reader let markup from $team through"; else ok; fi
		done
	done
	grep -q '&lt;script&gt;alert' "$tmp/r.html" && ok || bad "pandoc lost the hostile team name"
else
	echo "report: pandoc not installed, Markdown not read back"
fi

echo "report: $pass passed, $fail failed"
[ "$fail" = 0 ]
