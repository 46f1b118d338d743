#!/bin/sh
# deps.sh - make sure the libraries schaap builds against are here.
# Installs them with apt-get when run as root (or through sudo without a
# password); otherwise names the packages to install and fails.
cc=${CC:-cc}

have() {
	printf '#include <%s>\nint main(void){return 0;}\n' "$1" |
		$cc -x c -I/usr/include/iniparser -o /dev/null - $2 >/dev/null 2>&1
}

missing=""
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v msgfmt >/dev/null 2>&1 || missing="$missing gettext"
have curses.h -lncursesw || missing="$missing libncurses-dev"
have iniparser.h -liniparser || missing="$missing libiniparser-dev"
printf '#include <stdarg.h>\n#include <stddef.h>\n#include <setjmp.h>\n#include <stdint.h>\n#include <cmocka.h>\nint main(void){return 0;}\n' |
	$cc -x c -o /dev/null - -lcmocka >/dev/null 2>&1 || missing="$missing libcmocka-dev"
[ -z "$missing" ] && exit 0

if command -v apt-get >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ]; then
		echo "schaap: installing$missing"
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing && exit 0
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		echo "schaap: installing$missing (sudo)"
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing && exit 0
	fi
fi
cat >&2 <<MSG
schaap: missing build dependencies:$missing
Install them, then run make again:
  Debian/Ubuntu:  sudo apt-get install pkg-config gettext libncurses-dev libiniparser-dev libcmocka-dev
  Fedora:         sudo dnf install pkgconf gettext ncurses-devel iniparser-devel libcmocka-devel
  Homebrew:       brew install pkg-config gettext ncurses iniparser cmocka
MSG
exit 1
