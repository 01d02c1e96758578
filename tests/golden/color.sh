#!/bin/bash
# The terminal table is coloured only on a terminal, never with NO_COLOR
# (any non-empty value, https://no-color.org) nor with -o FILE, and
# --color always|never overrides both. The golden runs have no terminal, so
# here `script` (util-linux, in every Debian) gives kaohe a pseudo-terminal.
# Expected bytes are the golden stdout files: party-building-color (with
# escapes) and party-building-table (without).
#
#   color.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
if ! command -v script >/dev/null 2>&1; then
  echo "FAIL: script(1) from util-linux is needed to give kaohe a terminal"
  exit 1
fi
golden=tests/golden
colored=$golden/party-building-color/stdout
plain=$golden/party-building-table/stdout
args="score schemes/party-building.yaml examples/party-building"

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-color.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

# on_tty OUT [VAR=VALUE...] -- ARGS...: runs kaohe ARGS on a pseudo-terminal
# with only the given variables, stores its output (CR LF made LF) and
# counts a failure when it does not exit 0.
on_tty() {
  local out=$1
  shift
  local vars=()
  while [[ $1 != -- ]]; do
    vars+=("$1")
    shift
  done
  shift
  local code=0
  env -i PATH=/usr/bin:/bin LC_ALL=C "${vars[@]}" \
    script -qec "$(printf '%q ' "$bin" "$@")" /dev/null </dev/null |
    tr -d '\r' >"$out" || code=$?
  if [[ $code -ne 0 ]]; then
    echo "FAIL: kaohe $* exited $code on a terminal"
    failures=$((failures + 1))
  fi
}

expect() {
  local what=$1 expected=$2 actual=$3
  if ! cmp -s "$expected" "$actual"; then
    echo "FAIL: $what"
    diff -u --label "expected ($expected)" --label actual \
      <(cat -v "$expected") <(cat -v "$actual") || true
    failures=$((failures + 1))
  fi
}

# shellcheck disable=SC2086  # $args is split on purpose
{
  on_tty "$work/auto" -- $args
  expect "a terminal gets colour" $colored "$work/auto"

  on_tty "$work/no_color" NO_COLOR=1 -- $args
  expect "NO_COLOR=1 turns colour off" $plain "$work/no_color"

  on_tty "$work/no_color_empty" NO_COLOR= -- $args
  expect "an empty NO_COLOR leaves colour on" $colored "$work/no_color_empty"

  on_tty "$work/never" -- $args --color never
  expect "--color never on a terminal" $plain "$work/never"

  on_tty "$work/always" NO_COLOR=1 -- $args --color always
  expect "--color always wins over NO_COLOR" $colored "$work/always"

  on_tty "$work/stdout" -- $args -o "$work/table.txt"
  expect "-o FILE on a terminal writes no colour" $plain "$work/table.txt"
  [[ -s $work/stdout ]] && {
    echo "FAIL: -o FILE printed on the terminal"
    failures=$((failures + 1))
  }

  on_tty "$work/csv" -- $args -O csv
  expect "csv on a terminal has no colour" $golden/party-building-csv/stdout "$work/csv"
}

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all colour checks passed"
