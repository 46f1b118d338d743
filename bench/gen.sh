#!/bin/sh
# gen.sh DIR - write the benchmark inputs: teams of 100, 1000 and 10000
# people against the built-in catalog, a catalog of 40 slots, and a team
# of 1000 people against it. Deterministic: the same files every time.
dir=${1:-build/bench}
mkdir -p "$dir"
team() { # people, slots (space separated), file
	awk -v n="$1" -v slots="$2" 'BEGIN {
		ns = split(slots, s, " ")
		printf "[team]\nname = Bench team of %d\n\n[needs]\n%s = 2.0\n", n, s[1]
		seed = 7
		for (i = 1; i <= n; i++) {
			printf "\n[person p%d]\nname = Person %d\nfte = 0.%d\n", i, i, 5 + i % 5
			if (i % 7 == 0) printf "external = yes\n"
			for (k = 0; k < 4; k++) {
				seed = (seed * 1103515245 + 12345) % 2147483648
				pick[k] = 1 + int(seed / 65536) % ns
			}
			for (k = 0; k < 4; k++) {
				dup = 0
				for (j = 0; j < k; j++) if (pick[j] == pick[k]) dup = 1
				if (!dup) printf "%s = %d%s\n", s[pick[k]], 5 + (i + k) % 30, (i % 11 == k) ? " lead" : ""
			}
		}
	}' >"$3"
}
builtin="strategist manager community webcare analyst content advertising awareness strategy inventory policy training monitoring listening engagement kpi presence"
for n in 100 1000 10000; do team $n "$builtin" "$dir/team-$n.ini"; done
awk 'BEGIN {
	print "[catalog]\nsheep_legs = 5\nowners = r1"
	for (l = 1; l <= 8; l++) printf "[leg l%d]\nlabel = Leg %d\n", l, l
	for (i = 1; i <= 40; i++) printf "[%s %s%d]\nlabel = Slot %d\nlegs = l%d l%d\n", i <= 15 ? "role" : "task", i <= 15 ? "r" : "t", i, i, 1 + i % 8, 1 + (i * 3) % 8
}' >"$dir/catalog-40.ini"
slots40=$(awk 'BEGIN { for (i = 1; i <= 40; i++) printf "%s%d ", i <= 15 ? "r" : "t", i }')
team 1000 "$slots40" "$dir/team40-1000.ini"
# the same 1000 people, with a need in every slot that they do not fill:
# every slot is understaffed, so `suggest` ranks candidates for all 17
awk -v slots="$builtin" 'BEGIN { n = split(slots, s, " ") }
	/^\[needs\]$/ { print; for (i = 1; i <= n; i++) printf "%s = 400.0\n", s[i]; skip = 1; next }
	skip && /^[a-z]+ = / { next }
	{ skip = 0; print }' "$dir/team-1000.ini" >"$dir/team-1000-needs.ini"
