#!/bin/sh
# tmux.sh - the planner in a real terminal: tmux decodes the keys (arrow
# escape sequences, Enter, Tab), resizes the window live, and the screen is
# read back with capture-pane. Skipped where tmux is missing.
: "${SCHAAP:=build/schaap}"
case $SCHAAP in /*) ;; *) SCHAAP=$(pwd)/$SCHAAP ;; esac
if ! command -v tmux >/dev/null 2>&1; then
	echo "tmux: 0 passed, 0 failed (tmux not installed, skipped)"
	exit 0
fi
pass=0 fail=0
tmp=$(mktemp -d) || exit 1
sock="$tmp/sock"
t() { tmux -S "$sock" "$@"; }
trap 't kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
# A session that outlives the tests: killing the planner's session must not
# take the server down while the next test is starting a new one.
t new-session -d -s keep -x 20 -y 5 "sleep 3600"

# Wait until the screen shows $1 (a fixed string), at most ~5 s.
wait_for() {
	i=0
	while [ $i -lt 50 ]; do
		t capture-pane -p -t s >"$tmp/screen" 2>/dev/null
		grep -qF -- "$1" "$tmp/screen" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# The planner on a fresh copy of the example team in an 80x24 window;
# $1, when given, is a command that runs it (a wrapper).
start() {
	t kill-session -t s 2>/dev/null
	rm -f "$tmp/team.ini.save"
	cp config/example-team.ini "$tmp/team.ini"
	t new-session -d -s s -x 80 -y 24 "cd '$tmp' && LANG=C.UTF-8 TERM=xterm-256color ${1:-} '$SCHAAP' team.ini; echo EXITED \$?; sleep 60"
}

# The planner's process id.
planner_pid() { pgrep -f "^$SCHAAP team.ini" | head -n 1; }

check() { # name, expected text
	if wait_for "$2"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "tmux: $1: screen lacks '$2':"
		cat "$tmp/screen"
	fi
}

start
check "start" "Koffiebranderij De Gouden Boon"
# real arrow keys: right once, down twice puts the cursor on Sanne's manager cell
t send-keys -t s Right Down Down
check "arrows move the cursor" "Sanne Çelik · Manager: not assigned"
t send-keys -t s Space
check "space assigns" "Manager: 10%"
t send-keys -t s Tab Down Enter
check "tab and enter jump to a finding" "! external only · Advertising specialist"
t resize-window -t s -x 120 -y 40
check "live resize to 120x40" "Lstn Eng  KPI"
t resize-window -t s -x 30 -y 10
check "too small" "Terminal too small: 30x10"
t resize-window -t s -x 80 -y 24
check "back to 80x24" "X 1  ! 8  i 17"
t send-keys -t s q
check "quit asks" "Quit without saving? (y/n)"
t send-keys -t s y
check "quit leaves" "EXITED 0"
if cmp -s "$tmp/team.ini" config/example-team.ini; then
	pass=$((pass + 1))
else
	fail=$((fail + 1))
	echo "tmux: quitting without saving changed the file"
fi

# the file changed on disk after loading: saving asks first
start
check "start again" "Koffiebranderij De Gouden Boon"
t send-keys -t s Space
sleep 0.2
printf '\n; edited elsewhere\n' >>"$tmp/team.ini"
t send-keys -t s s
check "changed on disk asks" "changed on disk since it was loaded"
t send-keys -t s n
check "declining keeps the other edit" "not saved"
grep -q "edited elsewhere" "$tmp/team.ini" && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "tmux: the file was overwritten"; }
t send-keys -t s s y
check "accepting saves" "saved team.ini"
# Ctrl-C with unsaved changes asks instead of killing the session
t send-keys -t s Space
t send-keys -t s C-c
check "ctrl-c asks" "Quit without saving? (y/n)"
t send-keys -t s n
check "ctrl-c declined keeps the session" "not quitting"
# a hang-up or termination with unsaved changes leaves team.ini.save
signal_saves() { # signal, exit status
	t send-keys -t s Space
	sleep 0.2
	pid=$(pgrep -f "^$SCHAAP team.ini" | head -n 1)
	[ -n "$pid" ] && kill -"$1" "$pid"
	check "SIG$1 exits" "EXITED $2"
	[ -f "$tmp/team.ini.save" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "tmux: no team.ini.save after SIG$1"; }
}
signal_saves HUP 129
start
check "start for SIGTERM" "Koffiebranderij De Gouden Boon"
signal_saves TERM 143

# Every screen state hears the signals and the closed terminal: with a
# prompt, a question, help or a profile open, a hang-up, a termination, a
# quit signal or the terminal going away writes team.ini.save and ends
# the planner at once (it used to spin on, reading nothing).
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "tmux: $1"; }
for screen in "r:Name:" "q:Quit without saving?" "?:keys (Up/Down" "p:any key closes"; do
	key=${screen%%:*} marker=${screen#*:}
	for how in HUP TERM QUIT closed; do
		start
		wait_for "Koffiebranderij" || { bad "no start"; continue; }
		t send-keys -t s Space
		t send-keys -t s "$key"
		check "'$key' opens its screen" "$marker"
		pid=$(planner_pid)
		case $how in
		closed) t kill-session -t s ;;
		*) kill -"$how" "$pid" ;;
		esac
		i=0
		while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
		if kill -0 "$pid" 2>/dev/null; then
			bad "'$key' open, $how: the planner is still running"
			kill -9 "$pid"
		else
			ok
		fi
		[ -f "$tmp/team.ini.save" ] && ok || bad "'$key' open, $how: no team.ini.save"
		case $how in
		HUP) check "'$key' open, SIGHUP exit status" "EXITED 129" ;;
		TERM) check "'$key' open, SIGTERM exit status" "EXITED 143" ;;
		QUIT) check "'$key' open, SIGQUIT exit status" "EXITED 131" ;;
		esac
	done
done

# The terminal goes away while SIGHUP is blocked: the end of its input
# alone must end the planner and keep the changes.
if perl -MPOSIX -e 1 2>/dev/null; then
	start "perl -MPOSIX -e 'sigprocmask(SIG_BLOCK, POSIX::SigSet->new(SIGHUP)); exec @ARGV' --"
	check "start with SIGHUP blocked" "Koffiebranderij"
	t send-keys -t s Space n
	check "note prompt open" "Note:"
	pid=$(planner_pid)
	t kill-session -t s
	i=0
	while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 "$pid" 2>/dev/null; then
		bad "end of input: the planner is still running"
		kill -9 "$pid"
	else
		ok
	fi
	[ -f "$tmp/team.ini.save" ] && ok || bad "end of input: no team.ini.save"
fi

# Ctrl-S saves: flow control must not swallow it
start
check "start for Ctrl-S" "Koffiebranderij"
t send-keys -t s Space C-s
check "Ctrl-S saves" "saved team.ini"
t send-keys -t s q
check "saved, q quits at once" "EXITED 0"
# Ctrl-\ is the terminal's quit key: it keeps the changes like SIGQUIT
start
check "start for Ctrl-\\" "Koffiebranderij"
t send-keys -t s Space 'C-\'
check "Ctrl-\\ exits like SIGQUIT" "EXITED 131"
[ -f "$tmp/team.ini.save" ] && ok || bad "Ctrl-\\: no team.ini.save"

# Pasting 5,000 characters into a prompt: the planner keeps up and shows
# the end of the line (it used to freeze for many seconds)
start
check "start for paste" "Koffiebranderij"
t send-keys -t s n C-u
check "note prompt for paste" "Note:"
t send-keys -t s -l "$(awk 'BEGIN { for (i = 1; i <= 1000; i++) printf "%s%04d", (i > 1 ? " " : ""), i }')"
check "the pasted line shows its end" "0998 0999 1000"
t send-keys -t s C-a
check "Ctrl-A shows its start" "Note: 0001 0002"
t send-keys -t s Escape q
check "quit after paste" "EXITED 0"

# A double click on a cell assigns it, as Space does: the terminal sends
# two presses (SGR mouse reports, 1-based), here on Lotte's strategist cell
start
check "start for double click" "Koffiebranderij"
t send-keys -t s -l "$(printf '\033[<0;31;11M\033[<0;31;11m\033[<0;31;11M\033[<0;31;11m')"
check "double click assigns" "Lotte Jansen · Strategist: 10%"
t send-keys -t s -l "$(printf '\033[<0;36;11M\033[<0;36;11m')"
sleep 0.5
t send-keys -t s -l "$(printf '\033[<0;36;11M\033[<0;36;11m')"
check "two clicks apart only move" "Lotte Jansen · Manager: not assigned"
t send-keys -t s u q y
check "quit after double click" "EXITED 0"

# A prefilled value is selected: typing replaces it
start
check "start for the FTE prompt" "Koffiebranderij"
t send-keys -t s f 0 . 5 Enter
check "typing replaces the FTE (6.1 - 0.5 in all)" "8 people, 5.6 FTE"
t send-keys -t s q y
check "quit after the FTE prompt" "EXITED 0"

# A team file with a typo opens on its error; e hands the terminal to the
# editor at that line ("+26 team.ini") and loads the mended file after it
t kill-session -t s 2>/dev/null
cp tests/data/typo-team.ini "$tmp/team.ini"
rm -f "$tmp/editor.log"
t new-session -d -s s -x 80 -y 24 "cd '$tmp' && LANG=C.UTF-8 TERM=xterm-256color VISUAL='$(pwd)/tests/data/fix-editor.sh' '$SCHAAP' team.ini; echo EXITED \$?; sleep 60"
check "a typo shows its line" "team.ini:26: syntax error"
t send-keys -t s e
check "after the editor the file loads" "Stichting Buurtmoestuin Oost"
grep -q "editor +26 team.ini" "$tmp/editor.log" 2>/dev/null && ok || bad "the editor was not run as 'EDITOR +26 team.ini'"
t send-keys -t s q
check "quit after the editor" "EXITED 0"

# make run plans a copy in the build directory, never the tracked example
b=$(dirname "$SCHAAP")
if [ -f Makefile ] && command -v make >/dev/null 2>&1; then
	rm -f "$b/example-team.ini"
	cp config/example-team.ini "$tmp/tracked.ini"
	t kill-session -t s 2>/dev/null
	t new-session -d -s s -x 80 -y 24 "LANG=C.UTF-8 TERM=xterm-256color make -s run B='$b'; echo EXITED \$?; sleep 60"
	check "make run opens the copy" "$b/example-team.ini"
	t send-keys -t s Space s
	check "make run saves the copy" "saved $b/example-team.ini"
	t send-keys -t s q
	check "make run quits" "EXITED 0"
	cmp -s config/example-team.ini "$tmp/tracked.ini" && ok || bad "make run changed config/example-team.ini"
	cmp -s "$b/example-team.ini" "$tmp/tracked.ini" && bad "make run did not save the copy" || ok
	rm -f "$b/example-team.ini"
fi

echo "tmux: $pass passed, $fail failed"
[ "$fail" = 0 ]
