#!/bin/sh
# golden.sh - run `schaap check` on the example files and compare with the
# expected output kept beside them in tests/golden/. UPDATE=1 rewrites them.
: "${SCHAAP:=./build/schaap}"
dir=tests/golden
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# every expected output belongs to a team file, and every team file has both
for exp in "$dir"/*.text "$dir"/*.tsv; do
	base=$(basename "$exp"); base=${base%.*}
	[ -f "config/$base.ini" ] || { fail=$((fail + 1)); echo "golden: $exp has no config/$base.ini"; }
done
for team in config/*-team.ini; do
	base=$(basename "$team" .ini)
	for fmt in text tsv; do
		exp="$dir/$base.$fmt"
		NO_COLOR=1 "$SCHAAP" check --format "$fmt" "$team" >"$tmp/out" 2>"$tmp/err"
		echo "exit $?" >>"$tmp/out"
		cat "$tmp/err" >>"$tmp/out"
		if [ -n "$UPDATE" ]; then
			cp "$tmp/out" "$exp"
		fi
		if cmp -s "$tmp/out" "$exp"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "golden: $team ($fmt) differs from $exp:"
			diff -u "$exp" "$tmp/out" | head -40
		fi
	done
done
[ "$pass" -ge 6 ] || { fail=$((fail + 1)); echo "golden: only $pass comparisons ran"; }
echo "golden: $pass passed, $fail failed"
[ "$fail" = 0 ]
