#!/bin/bash
# The man page is clean for mandoc's linter (no warning at all) and renders
# with its main sections and every command: each in the SYNOPSIS as
# "kaohe NAME" and with its own entry under COMMANDS. mandoc (Debian
# package `mandoc`) is required: without it the test fails, it does not skip.
#
#   render.sh REPO_ROOT
set -euo pipefail

if [[ $# -ne 1 ]]; then
  echo "usage: $0 REPO_ROOT" >&2
  exit 2
fi
cd "$1"
page=man/kaohe.1
if ! command -v mandoc >/dev/null 2>&1; then
  echo "FAIL: mandoc is not installed (apt-get install mandoc); it is needed to lint and render $page"
  exit 1
fi
export LC_ALL=C
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# 1. Lint: nothing printed, exit 0.
lint_status=0
lint=$(mandoc -T lint -W warning "$page" 2>&1) || lint_status=$?
if [[ $lint_status -ne 0 || -n $lint ]]; then
  fail "mandoc -T lint -W warning $page (exit $lint_status):"
  printf '%s\n' "$lint"
fi

# 2. Render. Bold and underline are overstrikes (X BS X, _ BS X): drop the
# first character and the backspace of each.
render_status=0
text=$(mandoc -T utf8 "$page" 2>&1 | sed 's/.\x08//g') || render_status=$?
if [[ $render_status -ne 0 || -z $text ]]; then
  fail "mandoc -T utf8 $page did not render (exit $render_status)"
  printf '%s\n' "$text"
fi

for heading in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" EXAMPLES; do
  grep -qx "$heading" <<<"$text" || fail "no section heading '$heading' in the rendered page"
done

# section TEXT NAME: the lines of section NAME (up to the next heading).
section() {
  awk -v name="$2" '/^[A-Z]/ { on = ($0 == name); next } on' <<<"$1"
}
synopsis=$(section "$text" SYNOPSIS)
commands=$(section "$text" COMMANDS)
for cmd in score check explain diff completion; do
  grep -qE "^ +kaohe $cmd( |\$)" <<<"$synopsis" ||
    fail "the SYNOPSIS has no line 'kaohe $cmd'"
  grep -qE "^ +$cmd( |\$)" <<<"$commands" ||
    fail "COMMANDS has no entry for '$cmd'"
done

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed; the rendered page was:"
  printf '%s\n' "$text"
  exit 1
fi
echo "man page lint-clean and rendered with every section and command"
