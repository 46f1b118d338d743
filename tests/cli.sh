#!/bin/sh
# cli.sh - the command line as scripts use it: options, usage, exit
# statuses, several files, colour only on a terminal, and no control
# character from a file on any output.
: "${SCHAAP:=build/schaap}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# expect NAME STATUS STDOUT-PATTERN STDERR-PATTERN -- COMMAND...
expect() {
	name=$1 want=$2 outpat=$3 errpat=$4
	shift 5
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" != "$want" ]; then
		fail=$((fail + 1)); echo "cli: $name: exit $got, want $want"; cat "$tmp/err"; return
	fi
	if [ -n "$outpat" ] && ! grep -qE -- "$outpat" "$tmp/out"; then
		fail=$((fail + 1)); echo "cli: $name: stdout lacks /$outpat/:"; head -5 "$tmp/out"; return
	fi
	if [ -n "$errpat" ] && ! grep -qE -- "$errpat" "$tmp/err"; then
		fail=$((fail + 1)); echo "cli: $name: stderr lacks /$errpat/:"; head -5 "$tmp/err"; return
	fi
	pass=$((pass + 1))
}

expect "help" 0 "^usage: schaap" "" -- "$SCHAAP" --help
# every command the usage lines name is also explained below them
for cmd in check whatif suggest diff report; do
	expect "help explains $cmd" 0 "^  $cmd  " "" -- "$SCHAAP" --help
done
expect "check help" 0 "^usage: schaap" "" -- "$SCHAAP" check --help
expect "version" 0 "^schaap [0-9]+\.[0-9]+" "" -- "$SCHAAP" --version
expect "unknown option" 2 "" "usage: schaap" -- "$SCHAAP" --bogus
expect "missing argument" 2 "" "usage: schaap" -- "$SCHAAP" --catalog
expect "check without files" 2 "" "check needs at least one TEAMFILE" -- "$SCHAAP" check
expect "bad format" 2 "" "unknown format 'xml'" -- "$SCHAAP" check --format xml config/example-team.ini
expect "two team files for the planner" 2 "" "unexpected argument" -- "$SCHAAP" a.ini b.ini
expect "clean team" 0 "; 0 errors, 0 warnings, [0-9]+ info$" "" -- "$SCHAAP" check config/startup-team.ini
expect "warnings" 1 "five-legged-sheep" "" -- "$SCHAAP" check config/example-team.ini
expect "directory" 2 "" "^schaap: tests: is a directory" -- "$SCHAAP" check tests
expect "missing file" 2 "" "^schaap: nope.ini: cannot open" -- "$SCHAAP" check nope.ini
expect "catalog option" 2 "" "^schaap: nope.ini: cannot open" -- "$SCHAAP" check --catalog nope.ini config/example-team.ini
expect "catalog before check" 2 "" "^schaap: nope.ini: cannot open" -- "$SCHAAP" --catalog nope.ini check config/example-team.ini

# several files: sorted by file in tsv, a bad one makes 2 but the good ones still print
printf '[person x]\nname = X\nwebcare = 500\n' >"$tmp/bad.ini"
expect "one bad of several" 2 "^config/example-team.ini	" "bad.ini:3: share of 'x' in webcare" -- "$SCHAAP" check --format tsv config/small-team.ini "$tmp/bad.ini" config/example-team.ini
first=$(cut -f1 "$tmp/out" | uniq | tr '\n' ' ')
[ "$first" = "config/example-team.ini config/small-team.ini " ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "cli: tsv not sorted by file: $first"; }
# tsv: five columns, severities in order
awk -F '\t' 'NF != 5 { exit 1 }' "$tmp/out" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "cli: tsv rows without 5 columns"; }
sevs=$(grep '^config/example' "$tmp/out" | cut -f2 | uniq | tr '\n' ' ')
[ "$sevs" = "error warning info " ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "cli: severities out of order: $sevs"; }

# control characters from a file never reach the output, in either format
printf '[team]\nname = T\033[2J\n[person e]\nname = E\033]0;x\007vil\tname\n' >"$tmp/esc.ini"
for fmt in text tsv; do
	"$SCHAAP" check --format $fmt "$tmp/esc.ini" >"$tmp/out" 2>&1
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/out"; then
		fail=$((fail + 1)); echo "cli: raw control character in $fmt output"
	elif [ $fmt = tsv ] && awk -F '\t' 'NF != 5 { exit 1 }' "$tmp/out"; then
		pass=$((pass + 1))
	elif [ $fmt = text ] && grep -qF 'E\x1b]0' "$tmp/out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "cli: escapes missing in $fmt output"; cat "$tmp/out"
	fi
done

# colour only on a terminal, and never with NO_COLOR
"$SCHAAP" check config/example-team.ini >"$tmp/out" 2>&1
if grep -q "$(printf '\033')" "$tmp/out"; then fail=$((fail + 1)); echo "cli: colour in a pipe"; else pass=$((pass + 1)); fi
if command -v script >/dev/null 2>&1; then
	script -qec "$SCHAAP check config/example-team.ini" /dev/null >"$tmp/out" 2>&1
	grep -q "$(printf '\033\\[')" "$tmp/out" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "cli: no colour on a terminal"; }
	NO_COLOR=1 script -qec "$SCHAAP check config/example-team.ini" /dev/null >"$tmp/out" 2>&1
	grep -q "$(printf '\033\\[')" "$tmp/out" && { fail=$((fail + 1)); echo "cli: colour despite NO_COLOR"; } || pass=$((pass + 1))
fi

# the planner: a file it cannot load fails before the screen is touched
expect "planner, bad file" 2 "" "bad.ini:3: share" -- "$SCHAAP" "$tmp/bad.ini"
[ -s "$tmp/out" ] && { fail=$((fail + 1)); echo "cli: planner wrote to the screen before failing"; } || pass=$((pass + 1))
expect "planner without a terminal" 2 "" "needs a terminal" -- "$SCHAAP" config/example-team.ini

# no raw control character from a file name, a --catalog path or an
# option value reaches standard error
esc=$(printf 'x\033]0;PWNED\007')
raw_on_stderr() {
	what=$1
	shift
	"$@" >/dev/null 2>"$tmp/err" </dev/null
	if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/err"; then
		fail=$((fail + 1)); echo "cli: raw control character on stderr: $what"
	elif ! grep -qF 'x\x1b]0;PWNED\x07' "$tmp/err"; then
		fail=$((fail + 1)); echo "cli: not shown escaped: $what"; cat -v "$tmp/err"
	else
		pass=$((pass + 1))
	fi
}
raw_on_stderr "missing file" "$SCHAAP" check "$esc.ini"
raw_on_stderr "check --catalog" "$SCHAAP" check --catalog "$esc.ini" config/example-team.ini
raw_on_stderr "planner --catalog" "$SCHAAP" --catalog "$esc.ini" config/example-team.ini
raw_on_stderr "--format" "$SCHAAP" check --format "$esc" config/example-team.ini
raw_on_stderr "unknown option" "$SCHAAP" "--$esc"
raw_on_stderr "unexpected argument" "$SCHAAP" a.ini "$esc"
printf '[team]\nname = T\nbogus = 1\n' >"$tmp/$esc.ini"
raw_on_stderr "bad file, check" "$SCHAAP" check "$tmp/$esc.ini"
raw_on_stderr "bad file, planner" "$SCHAAP" "$tmp/$esc.ini"

# without /proc (a container, a chroot): the built-in catalog and a team
# file still load. Needs root for a private mount of an empty /proc.
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	unshare -m sh -c 'mount -t tmpfs none /proc && [ ! -e /proc/self ] && exec "$@"' sh \
		"$SCHAAP" check config/example-team.ini >"$tmp/out" 2>"$tmp/err"
	got=$?
	if [ $got = 1 ] && grep -q "five-legged-sheep" "$tmp/out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); echo "cli: without /proc: exit $got"; cat "$tmp/err"
	fi
else
	echo "cli: skipped the test without /proc (needs root and unshare)"
fi

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
