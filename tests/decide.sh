#!/bin/sh
# decide.sh - whatif, suggest and diff as scripts use them: options before
# and after file names, `--`, standard input, help, catalog, exit
# statuses, a mistyped command, and no control character on any output.
: "${SCHAAP:=build/schaap}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
old=tests/data/decide-old.ini new=tests/data/decide-new.ini

# expect NAME STATUS STDOUT-PATTERN STDERR-PATTERN -- COMMAND...
expect() {
	name=$1 want=$2 outpat=$3 errpat=$4
	shift 5
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	got=$?
	if [ "$got" != "$want" ]; then
		fail=$((fail + 1)); echo "decide: $name: exit $got, want $want"; cat "$tmp/err"; return
	fi
	if [ -n "$outpat" ] && ! grep -qE -- "$outpat" "$tmp/out"; then
		fail=$((fail + 1)); echo "decide: $name: stdout lacks /$outpat/:"; head -5 "$tmp/out"; return
	fi
	if [ -n "$errpat" ] && ! grep -qE -- "$errpat" "$tmp/err"; then
		fail=$((fail + 1)); echo "decide: $name: stderr lacks /$errpat/:"; head -5 "$tmp/err"; return
	fi
	pass=$((pass + 1))
}

for cmd in whatif suggest diff; do
	files=$old
	[ $cmd = diff ] && files="$old $new"
	expect "$cmd help" 0 "^usage: schaap $cmd" "" -- "$SCHAAP" $cmd --help
	expect "$cmd bad format" 2 "" "unknown format 'xml'" -- "$SCHAAP" $cmd --format xml $files
	expect "$cmd unknown option" 2 "" "unknown option '--bogus'" -- "$SCHAAP" $cmd --bogus $files
	expect "$cmd catalog" 2 "" "^schaap: nope.ini: cannot open" -- "$SCHAAP" $cmd --catalog nope.ini $files
	expect "$cmd catalog before" 2 "" "^schaap: nope.ini: cannot open" -- "$SCHAAP" --catalog nope.ini $cmd $files
	expect "$cmd missing file" 2 "" "^schaap: nope.ini: cannot open" -- "$SCHAAP" $cmd nope.ini ${files#$old}
	expect "$cmd no file" 2 "" "^usage: schaap $cmd" -- "$SCHAAP" $cmd
done
expect "global help lists the commands" 0 "schaap diff " "" -- "$SCHAAP" --help
expect "whatif two files" 2 "" "unexpected argument" -- "$SCHAAP" whatif $old $new
expect "suggest takes no --without" 2 "" "suggest takes no option '--without'" -- "$SCHAAP" suggest --without noel $old
expect "whatif unknown person" 2 "" "no person 'nobody' in the plan" -- "$SCHAAP" whatif --without noel,nobody $old
expect "whatif near person" 2 "" "did you mean 'noel'" -- "$SCHAAP" whatif --without noell $old
expect "suggest unknown slot" 2 "" "unknown slot 'trainng'; did you mean 'training'" -- "$SCHAAP" suggest --slot trainng $old
expect "bad team file" 2 "" "^schaap: tests/data/decide-bad.ini:3: " -- "$SCHAAP" diff $old tests/data/decide-bad.ini

# exit statuses
expect "knock-out uncovers: 1" 1 "^bus factor: 1" "" -- "$SCHAAP" whatif $old
expect "absence that worsens: 1" 1 "^new +error +uncovered" "" -- "$SCHAAP" whatif --without fatma $old
expect "absence that clears only: 0" 0 "^gone +info +idle" "" -- "$SCHAAP" whatif --without lotte $old
expect "diff worse: 1" 1 "^new +error" "" -- "$SCHAAP" diff $new $old
expect "diff same: 0" 0 "^0 plan changes" "" -- "$SCHAAP" diff $old $old

# options after the file names are options; -- ends them
expect "format after file" 0 "^gone	info	idle" "" -- "$SCHAAP" whatif $old --without lotte --format tsv
expect "check format after files" 1 "	warning	" "" -- "$SCHAAP" check $old --format tsv
expect "-- ends options" 2 "" "^schaap: --format: cannot open" -- "$SCHAAP" check -- --format
expect "planner: catalog after file" 2 "" "^schaap: nope.ini: cannot open" -- "$SCHAAP" $old --catalog nope.ini

# a mistyped command gets a suggestion; a file of that name is opened
expect "mistyped command" 2 "" "unknown command 'chek'; did you mean 'check'\?" -- "$SCHAAP" chek $old
expect "mistyped diff" 2 "" "did you mean 'diff'" -- "$SCHAAP" dif $old $new
expect "mistyped suggest" 2 "" "did you mean 'suggest'" -- "$SCHAAP" sugest $old

# standard input, as in git show HEAD~:team.ini | schaap diff - team.ini
"$SCHAAP" diff - $new <$old >"$tmp/stdin" 2>&1
st=$?
"$SCHAAP" diff $old $new >"$tmp/file" 2>&1
if [ $st = 1 ] && cmp -s "$tmp/stdin" "$tmp/file"; then pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "decide: diff - NEW differs from diff OLD NEW (exit $st)"; fi
printf '[person x]\nname = X\nwebcare = 500\n' | "$SCHAAP" diff - $new >/dev/null 2>"$tmp/err"
st=$?
if [ $st = 2 ] && grep -q '^schaap: (standard input):3: ' "$tmp/err"; then pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "decide: bad standard input: exit $st"; cat "$tmp/err"; fi
expect "both from stdin" 2 "" "only one of OLD and NEW" -- "$SCHAAP" diff - -
# git hands /dev/null for a file that is added or deleted
expect "diff from /dev/null" 1 "^\+ noel Noël Verbeek" "" -- "$SCHAAP" diff /dev/null $old

# as a git diff driver
if command -v git >/dev/null 2>&1; then
	top=$(pwd)
	case $SCHAAP in /*) abs=$SCHAAP ;; *) abs=$top/$SCHAAP ;; esac
	(
		cd "$tmp" && git init -q repo && cd repo &&
		git config user.email t@example.org && git config user.name t &&
		echo '*.ini diff=schaap' >.gitattributes &&
		git config diff.schaap.command "sh -c '\"$abs\" diff \"\$2\" \"\$5\" || [ \$? = 1 ]' -" &&
		cp "$top/$old" team.ini && git add . && git commit -qm one &&
		cp "$top/$new" team.ini && git diff team.ini >"$tmp/git" 2>&1
	)
	if grep -q '^M joris webcare 50→60 lead' "$tmp/git"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "decide: git diff driver:"; head -5 "$tmp/git"; fi
	# the textconv of schaap(1)
	(
		cd "$tmp/repo" && git config --unset diff.schaap.command &&
		git config diff.schaap.textconv "sh -c '\"$abs\" check --format tsv \"\$1\" | cut -f 2-' -" &&
		git diff team.ini >"$tmp/git" 2>&1
	)
	if grep -q '^-error	uncovered	training' "$tmp/git"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "decide: git textconv:"; head -5 "$tmp/git"; fi
fi

# control characters from a file never reach the output
printf '[team]\nname = T\033[2J\n[person e]\nname = E\033]0;x\007vil\nwebcare = 10\n' >"$tmp/esc.ini"
for args in "whatif $tmp/esc.ini" "whatif --without e $tmp/esc.ini" "suggest $tmp/esc.ini" \
	    "diff $old $tmp/esc.ini"; do
	for fmt in text tsv; do
		# shellcheck disable=SC2086
		"$SCHAAP" $args --format $fmt >"$tmp/out" 2>&1
		if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$tmp/out"; then
			fail=$((fail + 1)); echo "decide: raw control character in $args ($fmt)"
		else
			pass=$((pass + 1))
		fi
	done
done

echo "decide: $pass passed, $fail failed"
[ "$fail" = 0 ]
