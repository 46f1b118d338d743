#!/bin/sh
# manpages.sh - both man pages lint clean, and the key list in schaap(1)
# is the one the planner dispatches. Lint tools that are missing are
# skipped with a note.
: "${SCHAAP:=build/schaap}"
pass=0 fail=0 skipped=""
for page in man/schaap.1 man/schaap-team.5; do
	if command -v mandoc >/dev/null 2>&1; then
		out=$(mandoc -Tlint -W warning "$page" 2>&1)
		if [ -z "$out" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "$out"; fi
	else
		skipped="$skipped mandoc"
	fi
	if command -v groff >/dev/null 2>&1; then
		out=$(groff -t -ww -mandoc -z "$page" 2>&1)
		if [ -z "$out" ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "$page: $out"; fi
	else
		skipped="$skipped groff"
	fi
done
if SCHAAP=$SCHAAP sh tools/mankeys.sh --check >/dev/null; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	SCHAAP=$SCHAAP sh tools/mankeys.sh --check
fi
[ -n "$skipped" ] && echo "manpages: skipped (not installed):$skipped"
echo "manpages: $pass passed, $fail failed"
[ "$fail" = 0 ]
