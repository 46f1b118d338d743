#!/bin/sh
# golden-decide.sh - whatif, suggest and diff on fixed team files, in text
# and TSV, compared with the outputs kept in tests/golden/decide/ (exit
# status and standard error included). UPDATE=1 rewrites them.
: "${SCHAAP:=./build/schaap}"
dir=tests/golden/decide
old=tests/data/decide-old.ini new=tests/data/decide-new.ini
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# run NAME ARGS...: ARGS after the format option
run() {
	name=$1
	shift
	for fmt in text tsv; do
		exp="$dir/$name.$fmt"
		NO_COLOR=1 "$SCHAAP" "$@" --format "$fmt" >"$tmp/out" 2>"$tmp/err" </dev/null
		echo "exit $?" >>"$tmp/out"
		cat "$tmp/err" >>"$tmp/out"
		[ -n "$UPDATE" ] && cp "$tmp/out" "$exp"
		if cmp -s "$tmp/out" "$exp"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "golden-decide: $name ($fmt) differs from $exp:"
			diff -u "$exp" "$tmp/out" | head -40
		fi
	done
}

run whatif-table whatif "$old"
run whatif-without whatif --without noel,joris "$old"
run whatif-without-none whatif --without lotte "$old"
run suggest suggest "$old"
run suggest-slot suggest --slot training "$new"
run suggest-over suggest tests/data/decide-full.ini
run diff diff "$old" "$new"
run diff-same diff "$new" "$new"
run diff-back diff "$new" "$old"
echo "golden-decide: $pass passed, $fail failed"
[ "$fail" = 0 ]
