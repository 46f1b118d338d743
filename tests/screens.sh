#!/bin/sh
# screens.sh - screen tests without a terminal. Each tests/screens/NAME.keys
# starts with a line "#! TEAMFILE [WxH]"; the rest is a key script (see
# src/tui/input.c). The planner runs on a copy of TEAMFILE in a scratch
# directory, and what it dumps (<Dump>), its exit status and the team file
# afterwards are compared with tests/screens/NAME.expected.
# UPDATE=1 rewrites the expected files.
: "${SCHAAP:=build/schaap}"
case $SCHAAP in /*) ;; *) SCHAAP=$(pwd)/$SCHAAP ;; esac
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

for keys in tests/screens/*.keys; do
	name=$(basename "$keys" .keys)
	exp=tests/screens/$name.expected
	# header: "#! TEAMFILE [WxH] [save=FILE] [catalog=FILE] [editor=FILE] [VAR=VALUE ...]"
	set -- $(head -n 1 "$keys" | sed 's/^#!//')
	team=$1 size=${2:-80x24}
	shift 2 2>/dev/null || shift $#
	rm -rf "$tmp/run" && mkdir "$tmp/run"
	[ "$team" = "-" ] || [ "$team" = "new" ] || cp "$team" "$tmp/run/team.ini"
	envs="" catalog=""
	for opt in "$@"; do
		case $opt in
		catalog=*) catalog="--catalog $(pwd)/${opt#catalog=}" ;;
		editor=*) envs="$envs VISUAL=$(pwd)/${opt#editor=}" ;;
		save=*) # a FILE.save left by an earlier session, newer than FILE
			cp "${opt#save=}" "$tmp/run/team.ini.save"
			touch -d "@$(( $(date +%s) + 60 ))" "$tmp/run/team.ini.save" ;;
		*) envs="$envs $opt" ;;
		esac
	done
	tail -n +2 "$keys" >"$tmp/keys"
	arg=team.ini
	[ "$team" = "-" ] && arg=
	(cd "$tmp/run" && env $envs LANG=C.UTF-8 SCHAAP_TEST_KEYS="$tmp/keys" SCHAAP_TEST_DUMP="$tmp/out" \
		SCHAAP_TEST_SIZE=$size $SCHAAP $catalog $arg >"$tmp/stdout" 2>"$tmp/stderr"
	 echo "exit $?" >>"$tmp/out")
	cat "$tmp/stderr" >>"$tmp/out"
	for f in "$tmp"/run/* "$tmp"/run/.[!.]*; do
		[ -f "$f" ] || continue
		# an unchanged team file says nothing; a changed or new file is shown
		[ "$(basename "$f")" = team.ini ] && cmp -s "$f" "$team" && continue
		echo "--- $(basename "$f")" >>"$tmp/out"
		cat "$f" >>"$tmp/out"
	done
	[ -n "$UPDATE" ] && cp "$tmp/out" "$exp"
	if cmp -s "$tmp/out" "$exp"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "screens: $name differs from $exp:"
		diff -u "$exp" "$tmp/out" | head -60
	fi
done
echo "screens: $pass passed, $fail failed"
[ "$fail" = 0 ]
