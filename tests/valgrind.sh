#!/bin/sh
# valgrind.sh - the planner's screen tests under valgrind: any memory
# error or definite leak makes valgrind exit 99, which the screen tests
# see as a wrong exit status and report.
: "${SCHAAP:=build/schaap}"
case $SCHAAP in /*) ;; *) SCHAAP=$(pwd)/$SCHAAP ;; esac
if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: not installed, skipped"
	exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/schaap" <<WRAP
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite \\
	--errors-for-leak-kinds=definite "$SCHAAP" "\$@"
WRAP
chmod +x "$tmp/schaap"
SCHAAP="$tmp/schaap" sh tests/screens.sh
