#!/bin/sh
# install.sh - make install and uninstall into a scratch DESTDIR: the
# installed binary runs from another directory with its embedded catalog
# and its Dutch texts,
# finds a user catalog under XDG_CONFIG_HOME, and uninstall leaves nothing.
: "${MAKE:=make}"
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
top=$(pwd)
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "install: $1"; }

$MAKE -s install DESTDIR="$tmp/root" PREFIX=/opt/schaap BUILD="$BUILD" SAN="$SAN" >"$tmp/log" 2>&1 || { cat "$tmp/log"; bad "make install failed"; }
for f in bin/schaap share/man/man1/schaap.1 share/man/man5/schaap-team.5 \
	share/schaap/catalog.ini share/schaap/example-team.ini; do
	[ -f "$tmp/root/opt/schaap/$f" ] && ok || bad "missing $f"
done
bin=$tmp/root/opt/schaap/bin/schaap
(cd / && HOME="$tmp/home" XDG_CONFIG_HOME= "$bin" check "$tmp/root/opt/schaap/share/schaap/example-team.ini" >"$tmp/out" 2>&1)
[ $? = 1 ] && grep -q "five-legged-sheep" "$tmp/out" && ok || { cat "$tmp/out"; bad "installed binary does not check the example from /"; }

# the Dutch texts are installed and found beside the installed binary
[ -f "$tmp/root/opt/schaap/share/locale/nl/LC_MESSAGES/schaap.mo" ] && ok || bad "missing the Dutch schaap.mo"
(cd / && HOME="$tmp/home" XDG_CONFIG_HOME= LANGUAGE=nl "$bin" check "$tmp/root/opt/schaap/share/schaap/example-team.ini" >"$tmp/out" 2>&1)
grep -q "waarschuwingen" "$tmp/out" && ok || { head -3 "$tmp/out"; bad "installed binary does not speak Dutch with LANGUAGE=nl"; }

# a user catalog with one slot replaces the built-in one
mkdir -p "$tmp/xdg/schaap"
printf '[leg people]\n[role host]\nlegs = people\n' >"$tmp/xdg/schaap/catalog.ini"
printf '[person ann]\nname = Ann\nhost = 50\n' >"$tmp/one.ini"
(cd / && XDG_CONFIG_HOME="$tmp/xdg" "$bin" check --format tsv "$tmp/one.ini" >"$tmp/out" 2>&1)
[ $? = 0 ] && grep -q "single-point	host" "$tmp/out" && ok || { cat "$tmp/out"; bad "XDG_CONFIG_HOME catalog not used"; }
# ~/.config when XDG_CONFIG_HOME is unset
mkdir -p "$tmp/home/.config" && cp -r "$tmp/xdg/schaap" "$tmp/home/.config/"
(cd / && env -u XDG_CONFIG_HOME HOME="$tmp/home" "$bin" check --format tsv "$tmp/one.ini" >"$tmp/out" 2>&1)
grep -q "single-point	host" "$tmp/out" && ok || { cat "$tmp/out"; bad "~/.config catalog not used"; }
# a broken user catalog is an error naming it, not a silent fallback
printf '[role host]\nlegs = nope\n' >"$tmp/xdg/schaap/catalog.ini"
(cd / && XDG_CONFIG_HOME="$tmp/xdg" "$bin" check "$tmp/one.ini" >"$tmp/out" 2>&1)
[ $? = 2 ] && grep -q "catalog.ini:2: unknown leg 'nope'" "$tmp/out" && ok || { cat "$tmp/out"; bad "broken user catalog not reported"; }

$MAKE -s uninstall DESTDIR="$tmp/root" PREFIX=/opt/schaap BUILD="$BUILD" SAN="$SAN" >"$tmp/log" 2>&1 || bad "make uninstall failed"
left=$(find "$tmp/root" -type f | wc -l)
[ "$left" = 0 ] && ok || bad "uninstall left $left files"
cd "$top" || exit 1
echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
