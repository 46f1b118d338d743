#!/bin/sh
# run.sh - make bench: generate the inputs, time them, print a table.
# Wall times are medians of repeated runs; callgrind instruction counts
# stand beside them because this machine's timings are noisy.
B=${B:-build}
dir=$B/bench
SCHAAP=$B/schaap
sh bench/gen.sh "$dir" || exit 1
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo
echo "load and analysis (check), knock-out with bus factor, suggestions for every slot;"
echo "medians of interleaved runs, ratios are medians of per-round ratios:"
printf '%-18s %6s %9s %9s %6s %9s %9s %9s %6s %6s\n' "file" "people" "iniparser" "check" "ratio" "re-anal." \
	"knock-out" "suggest" "ko/ch" "sg/ch"
for f in team-100 team-1000 team-10000 team40-1000; do
	cat=""
	[ "$f" = team40-1000 ] && cat="--catalog $dir/catalog-40.ini"
	runs=11
	[ "$f" = team-10000 ] && runs=5
	$B/bench/bench $cat "$dir/$f.ini" $runs | awk -F '\t' -v name="$f" \
		'{ printf "%-18s %6d %7.2fms %7.2fms %5.2fx %7.1fus %7.2fms %7.2fms %5.2fx %5.2fx\n", name, $2, $3, $4, $5, $6, $8, $9, $10, $11 }'
done
echo
echo "knock-out done the slow way (a full analysis without each person), for comparison:"
for f in team-100 team-1000; do
	$B/bench/bench --naive "$dir/$f.ini" 5 | awk -F '\t' -v name="$f" \
		'{ printf "%-18s %6d people: incremental %.2fms, full analysis per person %.2fms\n", name, $2, $8, $12 }'
done

echo
echo "planner (scripted, drawn off-screen with newterm; medians of 5 runs;"
echo "first frame = start, load, analyse, first draw, exit; per key = 400 edits and moves;"
echo "per knock-out = w, then 400 times j: the next person's knock-out, worked out and drawn):"
printf '%-18s %12s %12s %13s %12s\n' "file" "first frame" "per key" "per knock-out" "peak RSS"
keys=$dir/keys
printf 'q' >"$keys.0"
# 400 edits and moves: assign/unassign, share up, move right/down
awk 'BEGIN { for (i = 0; i < 100; i++) printf " +lj"; printf "qy" }' >"$keys.400"
# the knock-out of 400 people in turn, then back and quit
awk 'BEGIN { printf "w"; for (i = 0; i < 400; i++) printf "j"; printf "<Esc>q" }' >"$keys.ko"
for f in team-100 team-1000 team-10000 team40-1000; do
	cat=""
	[ "$f" = team40-1000 ] && cat="--catalog $dir/catalog-40.ini"
	t0s="" t1s="" t2s="" rss=""
	for r in 1 2 3 4 5; do
		a=$(date +%s%N)
		SCHAAP_TEST_KEYS="$keys.0" SCHAAP_TEST_DUMP=/dev/null $SCHAAP $cat "$dir/$f.ini" >/dev/null
		b=$(date +%s%N)
		SCHAAP_TEST_KEYS="$keys.400" SCHAAP_TEST_DUMP=/dev/null $SCHAAP $cat "$dir/$f.ini" >/dev/null
		c=$(date +%s%N)
		SCHAAP_TEST_KEYS="$keys.ko" SCHAAP_TEST_DUMP=/dev/null $SCHAAP $cat "$dir/$f.ini" >/dev/null
		d=$(date +%s%N)
		t0s="$t0s $(( (b - a) / 1000 ))" t1s="$t1s $(( (c - b) / 1000 ))" t2s="$t2s $(( (d - c) / 1000 ))"
	done
	rss=$( { /usr/bin/time -f '%M' env SCHAAP_TEST_KEYS="$keys.400" SCHAAP_TEST_DUMP=/dev/null $SCHAAP $cat "$dir/$f.ini" >/dev/null; } 2>&1 | tail -1)
	echo "$t0s|$t1s|$t2s|$rss" | awk -F '|' -v name="$f" '{
		n = split($1, a, " "); split($2, b, " "); split($3, k, " ")
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) {
			if (a[j] < a[i]) { x = a[i]; a[i] = a[j]; a[j] = x }
			if (b[j] < b[i]) { x = b[i]; b[i] = b[j]; b[j] = x }
			if (k[j] < k[i]) { x = k[i]; k[i] = k[j]; k[j] = x } }
		m0 = a[int((n + 1) / 2)]; m1 = b[int((n + 1) / 2)]; m2 = k[int((n + 1) / 2)]
		printf "%-18s %10.1fms %10.3fms %11.3fms %9.1fMiB\n", name, m0 / 1000, (m1 - m0) / 1000 / 400, (m2 - m0) / 1000 / 400, $4 / 1024 }'
done

# The worst a file can ask: each input up to the 64 MiB cap must get its
# answer (a plan or one error) within 5 s; these are the slowest kinds.
echo
echo "hostile inputs (check, wall time of one run, answer):"
awk 'BEGIN { printf "[team]\n"; for (i = 0; i < 99998; i++) printf "k%d = %d\n", i, i }' >"$dir/keys-99998.ini"
awk 'BEGIN { printf "[team]\n"; for (i = 0; i < 300000; i++) printf "k%d = %d\n", i, i }' >"$dir/keys-300000.ini"
awk 'BEGIN { printf "[team]\nname = x\n"; for (i = 0; i < 100000; i++) printf "[person p%d]\nname = P\n", i }' >"$dir/people-100000.ini"
awk 'BEGIN { for (i = 0; i < 33554431; i++) printf " \n" }' >"$dir/blank-64m.ini"
awk 'BEGIN { s = sprintf("%1000s", ""); gsub(/ /, "x", s); for (i = 0; i < 66000; i++) printf "; %s\n", s }' >"$dir/comments-64m.ini"
for f in keys-99998 keys-300000 people-100000 blank-64m comments-64m; do
	a=$(date +%s%N)
	$SCHAAP check "$dir/$f.ini" >/dev/null 2>"$dir/err"
	st=$?
	b=$(date +%s%N)
	printf '%-22s %8.0fms  exit %d  %s\n' "$f" "$(( (b - a) / 1000000 ))" "$st" "$(head -c 60 "$dir/err")"
done

if command -v valgrind >/dev/null 2>&1; then
	echo
	echo "instructions (callgrind) at 1000 people; whole processes, then the parts the"
	echo "table above times (load + analysis; knock-out; ranking and effects of every slot):"
	cg() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/Collected/ { print $4 }'; }
	needs=$dir/team-1000-needs.ini
	printf '%-34s %16s\n' "process" "instructions"
	printf '%-34s %16s\n' "iniparser only" "$(cg $B/bench/bare "$dir/team-1000.ini")"
	printf '%-34s %16s\n' "check team-1000" "$(cg $SCHAAP check "$dir/team-1000.ini")"
	printf '%-34s %16s\n' "whatif team-1000" "$(cg $SCHAAP whatif "$dir/team-1000.ini")"
	printf '%-34s %16s\n' "check team-1000-needs" "$(cg $SCHAAP check "$needs")"
	printf '%-34s %16s\n' "suggest team-1000-needs (17 slots)" "$(cg $SCHAAP suggest "$needs")"
	printf '%-34s %16s\n' "part: check load + analysis" \
		"$(cg --toggle-collect=teamfile_load --toggle-collect=analysis_run $SCHAAP check "$dir/team-1000.ini")"
	printf '%-34s %16s\n' "part: knock-out + bus factor" \
		"$(cg --toggle-collect=decide_new --toggle-collect=knockout_run $SCHAAP whatif "$dir/team-1000.ini")"
	printf '%-34s %16s\n' "part: suggestions, 17 slots" \
		"$(cg --toggle-collect=decide_new --toggle-collect=suggest_slot --toggle-collect=suggest_effect $SCHAAP suggest "$needs")"
	echo
	echo "instructions per planner key at 1000 people (400 keys minus none, / 400):"
	k0=$(SCHAAP_TEST_KEYS="$keys.0" SCHAAP_TEST_DUMP=/dev/null cg $SCHAAP "$dir/team-1000.ini")
	k1=$(SCHAAP_TEST_KEYS="$keys.400" SCHAAP_TEST_DUMP=/dev/null cg $SCHAAP "$dir/team-1000.ini")
	echo "$k0 $k1" | tr -d , | awk '{ printf "%-22s %16d\n", "team-1000", ($2 - $1) / 400 }'
	echo "instructions per knock-out key at 1000 people (w and 400 j, minus none, / 400):"
	k2=$(SCHAAP_TEST_KEYS="$keys.ko" SCHAAP_TEST_DUMP=/dev/null cg $SCHAAP "$dir/team-1000.ini")
	echo "$k0 $k2" | tr -d , | awk '{ printf "%-22s %16d\n", "team-1000", ($2 - $1) / 400 }'
fi
