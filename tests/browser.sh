#!/bin/sh
# browser.sh - the HTML report in a real browser. Headless Chromium renders
# the report of each example team to PNG and to PDF; the test fails on a
# missing or blank picture, a PDF that is not A4 landscape or lacks the
# team, a table wider than the printable width, or markup from a name
# that became an element. Without Chromium (Debian: chromium) it skips
# with a note; without poppler-utils it skips the PDF checks.
#
# The width check renders a copy of the page with a small script appended
# (the report itself has none) in a window as wide as A4 landscape less
# the margins of its @page rule, and reads what the script measured from
# --dump-dom.
: "${SCHAAP:=build/schaap}"
case $SCHAAP in /*) ;; *) SCHAAP=$(pwd)/$SCHAAP ;; esac
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "browser: $*"; }

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
	for b in chromium chromium-browser google-chrome; do
		command -v $b >/dev/null 2>&1 && { browser=$b; break; }
	done
fi
if [ -z "$browser" ]; then
	echo "browser: skipped: chromium not installed (Debian package chromium); the HTML report was not rendered"
	exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

# A4 landscape is 297 mm; the page's @page margins are 12 mm a side.
width_mm=273
width_px=$(( width_mm * 96 * 10 / 254 ))

chrome() {
	timeout 120 "$browser" --headless --disable-gpu --no-first-run --no-default-browser-check \
		--hide-scrollbars --disable-extensions --disable-dev-shm-usage --user-data-dir="$tmp/profile" \
		$( [ "$(id -u)" = 0 ] && echo --no-sandbox ) "$@" 2>>"$tmp/chrome.log"
}

# Dark pixels (< 128) in a binary PGM from pdftoppm -gray.
dark_pixels() {
	pgm_file=$1
	set -- $(head -c 64 "$pgm_file" | tr -s ' \n' '  ' | cut -d' ' -f2-3)
	tail -c $(( $1 * $2 )) "$pgm_file" 2>/dev/null | od -An -v -tu1 | tr -s ' ' '\n' | awk '$1 != "" && $1 < 128 { d++ } END { print d + 0 }'
}

# A big team, so tables run over pages and their headers must repeat.
{
	printf '[team]\nname = Many hands\n'
	i=1
	while [ $i -le 70 ]; do
		printf '[person p%d]\nname = Person number %d\nwebcare = %d\nkpi = %d\n' $i $i $((i % 50 + 5)) $((i % 30 + 1))
		i=$((i + 1))
	done
} >"$tmp/many.ini"

# An empty page to compare screenshots with.
printf '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>\n' >"$tmp/blank.html"
chrome --window-size=$width_px,1200 --screenshot="$tmp/blank.png" "file://$tmp/blank.html" >/dev/null
blank_size=$(stat -c %s "$tmp/blank.png" 2>/dev/null || echo 0)

for team in config/*-team.ini tests/data/hostile.ini "$tmp/many.ini"; do
	base=$(basename "$team" .ini)
	html=$tmp/$base.html
	if ! "$SCHAAP" report --format html -o "$html" "$team"; then
		bad "$team: no HTML report"; continue
	fi

	# PNG: there, a PNG, and not blank
	rm -f "$tmp/$base.png"
	chrome --window-size=$width_px,1200 --screenshot="$tmp/$base.png" "file://$html" >/dev/null
	if [ ! -s "$tmp/$base.png" ]; then
		bad "$team: Chromium wrote no PNG"; tail -3 "$tmp/chrome.log"
	elif [ "$(head -c 4 "$tmp/$base.png" | od -An -tx1 | tr -d ' ')" != 89504e47 ]; then
		bad "$team: the screenshot is not a PNG"
	elif [ "$(stat -c %s "$tmp/$base.png")" -le $((blank_size * 4)) ]; then
		bad "$team: the screenshot looks blank ($(stat -c %s "$tmp/$base.png") bytes, an empty page is $blank_size)"
	else
		ok
	fi

	# the layout: nothing wider than the printable width, names as text
	sed 's#</body>#<script>(function () { var w = document.documentElement.clientWidth, worst = 0, what = "";\
document.querySelectorAll("table, h1, dl, p").forEach(function (e) { var r = e.getBoundingClientRect().right;\
if (r > worst) { worst = r; what = e.tagName + (e.className ? "." + e.className : ""); } });\
var o = document.createElement("pre"); o.id = "measured";\
o.textContent = "width=" + w + " right=" + Math.ceil(worst) + " widest=" + what + " scroll=" + document.documentElement.scrollWidth +\
" scripts=" + document.scripts.length + " images=" + document.images.length + " h1=[" + document.querySelector("h1").textContent + "]";\
document.body.appendChild(o); })();</script></body>#' "$html" >"$tmp/measure.html"
	chrome --window-size=$width_px,1200 --virtual-time-budget=3000 --dump-dom "file://$tmp/measure.html" >"$tmp/dom" 
	line=$(grep -o 'width=[0-9]* right=[0-9]* widest=[^ ]* scroll=[0-9]* scripts=[0-9]* images=[0-9]* h1=\[[^]]*\]' "$tmp/dom")
	if [ -z "$line" ]; then
		bad "$team: the page could not be measured"; tail -3 "$tmp/chrome.log"
	else
		set -- $(echo "$line" | sed 's/[a-z0-9]*=//g')
		if [ "$2" -gt "$1" ] || [ "$4" -gt "$1" ]; then
			bad "$team: $3 is $2 px wide (page scrolls to $4), the printable width is $1 px"
		else
			ok
		fi
		[ "$5" = 1 ] && [ "$6" = 0 ] && ok || bad "$team: the page grew $5 scripts and $6 images"
	fi
	h1=$(echo "$line" | sed 's/.* h1=\[\(.*\)\]$/\1/' | sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g')
	want=$(sed -n 's/^name *= *//p' "$team" | head -n 1)
	[ -z "$want" ] || [ "$h1" = "$want" ] && ok || bad "$team: the title reads [$h1], not [$want]"

	# PDF: A4 landscape, with the team on the first page, not blank
	if ! command -v pdfinfo >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
		nopdf=1
		continue
	fi
	rm -f "$tmp/$base.pdf"
	chrome --no-pdf-header-footer --print-to-pdf="$tmp/$base.pdf" "file://$html" >/dev/null
	if [ ! -s "$tmp/$base.pdf" ]; then
		bad "$team: Chromium wrote no PDF"; tail -3 "$tmp/chrome.log"; continue
	fi
	pdfinfo "$tmp/$base.pdf" >"$tmp/info"
	pages=$(sed -n 's/^Pages: *//p' "$tmp/info")
	grep -qE '^Page size: *841\.[0-9]+ x 59[45]\.[0-9]+ pts' "$tmp/info" && ok || bad "$team: the PDF is not A4 landscape: $(grep 'Page size' "$tmp/info")"
	pdftoppm -gray -r 20 -f 1 -l 1 "$tmp/$base.pdf" "$tmp/page"
	pgm=$(ls "$tmp"/page*.pgm 2>/dev/null | head -n 1)
	if [ -z "$pgm" ]; then
		bad "$team: page 1 of the PDF could not be drawn"
	else
		dark=$(dark_pixels "$pgm")
		[ "$dark" -gt 100 ] && ok || bad "$team: page 1 of the PDF is blank ($dark dark pixels)"
		rm -f "$tmp"/page*.pgm
	fi
	if command -v pdftotext >/dev/null 2>&1; then
		pdftotext -f 1 -l 1 "$tmp/$base.pdf" "$tmp/p1.txt"
		grep -q 'Coverage\|People' "$tmp/p1.txt" && ok || bad "$team: page 1 of the PDF lacks the report"
		# headers repeat: a page that does not start with a heading
		# continues a table, and starts with that table's header
		if [ "$pages" -gt 1 ]; then
			p=2 missing=""
			while [ $p -le "$pages" ]; do
				first=$(pdftotext -f $p -l $p "$tmp/$base.pdf" - | grep -v '^[[:space:]]*$' | head -n 1)
				case $first in
				People|"Who does what"|Coverage|Findings|"Errors ("*|"Warnings ("*|"Info ("*) ;;
				"If someone leaves"|"Who could take it") ;;
				Person|Slot|Finding|Roles) ;;
				*) missing="$missing $p [$first]" ;;
				esac
				p=$((p + 1))
			done
			[ -z "$missing" ] && ok || bad "$team: no table header on page(s)$missing of $pages"
		fi
	fi
	[ -n "$KEEP" ] && cp "$tmp/$base.png" "$tmp/$base.pdf" "$KEEP/" 2>/dev/null
done
[ -n "$nopdf" ] && echo "browser: PDF checks skipped: pdfinfo/pdftoppm not installed (Debian package poppler-utils)"
echo "browser: $pass passed, $fail failed"
[ "$fail" = 0 ]
