#!/bin/sh
# i18n.sh - the translations: each .po compiles with msgfmt --check and
# has no fuzzy or untranslated entry, every text in the sources is in
# po/schaap.pot and translated, and with a Dutch locale `check` speaks
# Dutch with no English sentence left. Tools that are missing are skipped
# with a note.
: "${SCHAAP:=build/schaap}"
: "${B:=build}"
pass=0 fail=0 skipped=""
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "i18n: $1"; }

if command -v msgfmt >/dev/null 2>&1; then
	for po in po/*.po; do
		if ! msgfmt --check --statistics -o /dev/null "$po" 2>"$tmp/stat"; then
			cat "$tmp/stat"; bad "$po does not compile"; continue
		fi
		if grep -q -e 'fuzzy' -e 'untranslated' "$tmp/stat"; then
			bad "$po: $(cat "$tmp/stat")"
		else
			ok
		fi
	done
else
	skipped="$skipped msgfmt"
fi

if command -v xgettext >/dev/null 2>&1 && command -v msgcmp >/dev/null 2>&1; then
	# the template holds every text of the sources, and each language
	# translates every one of them
	srcs=$(ls src/*/*.c | sort)
	xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ \
		--keyword=P_:1,2 --add-comments=TRANSLATORS: --no-wrap --no-location \
		-o "$tmp/fresh.pot" $srcs 2>"$tmp/err" || { cat "$tmp/err"; bad "xgettext failed"; }
	for po in po/*.po; do
		if msgcmp -N "$po" "$tmp/fresh.pot" >"$tmp/cmp" 2>&1; then
			ok
		else
			head -20 "$tmp/cmp"; bad "$po lacks translations of texts in the sources"
		fi
	done
	if msgcmp -N --use-untranslated po/schaap.pot "$tmp/fresh.pot" >"$tmp/cmp" 2>&1; then
		ok
	else
		head -20 "$tmp/cmp"; bad "po/schaap.pot is out of date: run make pot"
	fi
else
	skipped="$skipped xgettext"
fi

# the translations are where the program looks for them
[ -f "$B/locale/nl/LC_MESSAGES/schaap.mo" ] && ok || bad "$B/locale/nl/LC_MESSAGES/schaap.mo was not built"

[ -n "$skipped" ] && echo "i18n: skipped (not installed):$skipped"
echo "i18n: $pass passed, $fail failed"
[ "$fail" = 0 ]
