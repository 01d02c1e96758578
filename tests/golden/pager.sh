#!/bin/bash
# The table on a terminal (issue 20): fitted to the terminal's width (or
# COLUMNS), and sent through the pager when it is longer than the screen —
# $PAGER, else less, with LESS=FRX, LV=-c and LESSCHARSET=utf-8 — but not
# with --no-pager, PAGER=cat, TERM=dumb, a short table, CSV, or a pipe;
# explain's tree and diff's table go through it too. script(1) gives
# kaohe a pseudo-terminal, `stty` sets its size, and the pager is a fake
# that marks what it was given. Expected tables are made by the same binary
# with --width off a terminal (the golden cases check those bytes).
#
#   pager.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
if ! command -v script >/dev/null 2>&1; then
  echo "FAIL: script(1) from util-linux is needed to give kaohe a terminal"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-pager.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
long="score schemes/ideology.yaml examples/ideology -q"  # 12 units
short="score schemes/party-building.yaml examples/party-building"

# The fake pager: a first line naming what it was run with, then its input.
mkdir "$work/bin"
cat >"$work/bin/fake-pager" <<'PAGER'
#!/bin/sh
echo "[pager LESS=${LESS-unset} LV=${LV-unset} LESSCHARSET=${LESSCHARSET-unset}]"
cat
PAGER
chmod +x "$work/bin/fake-pager"
# `less` on PATH is the fake too, to see what kaohe runs with PAGER unset.
ln -s fake-pager "$work/bin/less"

# on_tty OUT ROWS COLS [VAR=VALUE...] -- SHELL-COMMAND: runs the command on
# a pseudo-terminal of ROWS × COLS with only the given variables; its
# output, CR LF made LF, goes to OUT.
on_tty() {
  local out=$1 rows=$2 cols=$3
  shift 3
  local vars=()
  while [[ $1 != -- ]]; do
    vars+=("$1")
    shift
  done
  shift
  local code=0
  env -i PATH="$work/bin:/usr/bin:/bin" LC_ALL=C NO_COLOR=1 "${vars[@]}" \
    script -qec "stty rows $rows cols $cols; $1" /dev/null </dev/null |
    tr -d '\r' >"$out" || code=$?
  if [[ $code -ne 0 ]]; then
    echo "FAIL: '$1' exited $code on a terminal"
    failures=$((failures + 1))
  fi
}

expect() {
  local what=$1 expected=$2 actual=$3
  if ! cmp -s "$expected" "$actual"; then
    echo "FAIL: $what"
    diff -u --label expected --label actual "$expected" "$actual" || true
    failures=$((failures + 1))
  fi
}

# plain OUT ARGS...: kaohe off a terminal (a file).
plain() {
  local out=$1
  shift
  env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" "$@" >"$out" 2>/dev/null
}

# shellcheck disable=SC2086  # $long and $short are split on purpose
{
  plain "$work/long60" $long --width 60
  plain "$work/long80" $long --width 80
  plain "$work/long" $long
  plain "$work/short60" $short --width 60
  plain "$work/csv" $short -O csv
  { echo "[pager LESS=FRX LV=-c LESSCHARSET=utf-8]"; cat "$work/long60"; } >"$work/long60-less"
  { echo "[pager LESS=-S LV=-c LESSCHARSET=utf-8]"; cat "$work/long60"; } >"$work/long60-pager"

  run="$(printf '%q ' "$bin") $long"
  on_tty "$work/t1" 10 60 TERM=xterm -- "$run"
  expect "a long table: fitted to 60 columns, through less with LESS=FRX LV=-c LESSCHARSET=utf-8" \
    "$work/long60-less" "$work/t1"

  on_tty "$work/t2" 10 60 TERM=xterm PAGER=fake-pager LESS=-S -- "$run"
  expect "\$PAGER, with the user's LESS" "$work/long60-pager" "$work/t2"

  on_tty "$work/t3" 10 60 TERM=xterm COLUMNS=80 -- "$run"
  { echo "[pager LESS=FRX LV=-c LESSCHARSET=utf-8]"; cat "$work/long80"; } >"$work/long80-less"
  expect "COLUMNS wins over the terminal's width" "$work/long80-less" "$work/t3"

  on_tty "$work/t4" 10 60 TERM=xterm -- "$run --no-pager"
  expect "--no-pager: fitted, printed directly" "$work/long60" "$work/t4"

  on_tty "$work/t5" 10 60 TERM=xterm PAGER=cat -- "$run"
  expect "PAGER=cat: printed directly" "$work/long60" "$work/t5"

  on_tty "$work/t6" 10 60 TERM=dumb -- "$run"
  expect "TERM=dumb: printed directly" "$work/long60" "$work/t6"

  on_tty "$work/t7" 40 60 TERM=xterm -- "$(printf '%q ' "$bin") $short"
  expect "a table shorter than the screen: printed directly" "$work/short60" "$work/t7"

  on_tty "$work/t8" 10 60 TERM=xterm -- "$(printf '%q ' "$bin") $short -O csv"
  expect "CSV on a terminal: every column, no pager" "$work/csv" "$work/t8"

  on_tty "$work/t9" 10 60 TERM=xterm -- "$run | cat"
  expect "a pipe: every column, no pager" "$work/long" "$work/t9"

  on_tty "$work/t10" 10 60 TERM=xterm -- "$run --width 0 --no-pager"
  expect "--width 0 on a terminal: every column" "$work/long" "$work/t10"

  on_tty "$work/t11" 10 60 TERM=xterm PAGER=no-such-pager-kaohe -- "$run 2>/dev/null"
  expect "a pager that cannot run: printed directly" "$work/long60" "$work/t11"

  # explain's tree and diff's table are paged the same way, never fitted.
  explain="explain schemes/party-building.yaml V2 examples/party-building"
  diff="diff schemes/party-building.yaml examples/party-building-review-20.yaml examples/party-building"
  plain "$work/explain" $explain
  plain "$work/diff" $diff || true
  { echo "[pager LESS=FRX LV=-c LESSCHARSET=utf-8]"; cat "$work/explain"; } >"$work/explain-less"
  on_tty "$work/t12" 10 60 TERM=xterm -- "$(printf '%q ' "$bin") $explain"
  expect "explain: through the pager" "$work/explain-less" "$work/t12"
  on_tty "$work/t13" 10 60 TERM=xterm -- "$(printf '%q ' "$bin") $explain --no-pager"
  expect "explain --no-pager: printed directly" "$work/explain" "$work/t13"
  { echo "[pager LESS=FRX LV=-c LESSCHARSET=utf-8]"; cat "$work/diff"; } >"$work/diff-less"
  on_tty "$work/t14" 10 60 TERM=xterm -- "$(printf '%q ' "$bin") $diff; true"
  expect "diff: through the pager" "$work/diff-less" "$work/t14"
  on_tty "$work/t15" 10 60 TERM=xterm -- "$(printf '%q ' "$bin") $explain -O json"
  "$bin" $explain -O json >"$work/explain.json" 2>/dev/null
  expect "explain -O json: printed directly" "$work/explain.json" "$work/t15"
}

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all pager checks passed"
