#!/bin/sh
# mankeys.sh - write the KEYS list of man/schaap.1 from the planner's action
# table (schaap --list-keys), between the lines '.\" keys-begin' and
# '.\" keys-end'. With --check, only report whether the page is current.
: "${SCHAAP:=build/schaap}"
page=man/schaap.1
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp" "$tmp.keys"' EXIT
"$SCHAAP" --list-keys | awk -F '\t' '{
	keys = $2; gsub(/ /, ", ", keys); gsub(/-/, "\\-", keys)
	help = $3; gsub(/-/, "\\-", help)
	printf ".TP\n.B %s\n%s\n", keys, help
}' >"$tmp.keys" || exit 1
awk -v keys="$tmp.keys" '
	/^\.\\" keys-end/ { skip = 0 }
	!skip { print }
	/^\.\\" keys-begin/ { while ((getline l < keys) > 0) print l; skip = 1 }
' "$page" >"$tmp"
if [ "$1" = --check ]; then
	if cmp -s "$tmp" "$page"; then
		echo "mankeys: man page keys match the action table (1 passed, 0 failed)"
		exit 0
	fi
	echo "mankeys: man/schaap.1 keys differ from the action table; run sh tools/mankeys.sh"
	diff -u "$page" "$tmp" | head -30
	exit 1
fi
cp "$tmp" "$page"
