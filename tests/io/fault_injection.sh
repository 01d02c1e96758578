#!/bin/bash
# Fault injection after SQLite's I/O error tests (issue 15 point 7): for
# every n, the n-th call of write, fsync, rename, open, fread, pread or
# malloc fails (tests/io/fault_shim.cpp, preloaded) in `kaohe score … -o
# FILE`, in `kaohe score … -O csv` to stdout, and in `kaohe score … -o
# FILE.xlsx` on the smaller party-building example (libxlsxwriter, which
# crashes on a failed allocation, runs in a child process: its crash must
# be kaohe's clean error). Each run must either
# succeed with the right bytes, or end in a clean error: exit 65, 66, 70,
# 71, 73 or 74 (never a crash: 134, 139), a message on stderr, the old
# -o file byte-identical, and no temporary file left. n runs until a run
# makes fewer than n such calls.
#
#   fault_injection.sh KAOHE_BIN REPO_ROOT   (KAOHE_FAULT_SHIM: the shim)
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
if [[ -z ${KAOHE_FAULT_SHIM:-} ]]; then
  echo "FAIL: KAOHE_FAULT_SHIM is not set"
  exit 1
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-faults.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# The government-supervision example: a scheme, a roster, events and
# measures, so every reader runs.
scheme=$root/schemes/government-supervision.yaml
data=$root/examples/government-supervision
env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" score "$scheme" "$data" -O csv -q \
  </dev/null >"$work/expected.csv"

runs=0
for call in write fsync rename open fread pread malloc; do
  for target in file stdout xlsx; do
    n=1
    while :; do
      rm -f "$work/fired" "$work/out.csv"
      echo "old report" >"$work/report.csv"
      code=0
      if [[ $target == file ]]; then
        env -i PATH=/usr/bin:/bin LC_ALL=C LD_PRELOAD="$KAOHE_FAULT_SHIM" \
          KAOHE_FAULT="$call:$n" KAOHE_FAULT_FIRED="$work/fired" \
          "$bin" score "$scheme" "$data" -q -o "$work/report.csv" \
          </dev/null >"$work/stdout" 2>"$work/stderr" || code=$?
      elif [[ $target == xlsx ]]; then
        # The old workbook is the same "old report" text: it must stay.
        cp "$work/report.csv" "$work/report.xlsx"
        env -i PATH=/usr/bin:/bin LC_ALL=C LD_PRELOAD="$KAOHE_FAULT_SHIM" \
          KAOHE_FAULT="$call:$n" KAOHE_FAULT_FIRED="$work/fired" \
          "$bin" score "$root/schemes/party-building.yaml" "$root/examples/party-building" \
          -q -o "$work/report.xlsx" \
          </dev/null >"$work/stdout" 2>"$work/stderr" || code=$?
      else
        env -i PATH=/usr/bin:/bin LC_ALL=C LD_PRELOAD="$KAOHE_FAULT_SHIM" \
          KAOHE_FAULT="$call:$n" KAOHE_FAULT_FIRED="$work/fired" \
          "$bin" score "$scheme" "$data" -q -O csv \
          </dev/null >"$work/out.csv" 2>"$work/stderr" || code=$?
      fi
      [[ -e $work/fired ]] || break  # fewer than n calls: done with this call
      runs=$((runs + 1))
      what="$call #$n ($target)"
      left=$(find "$work" -mindepth 1 -name '.kaohe-*' | head -3)
      if [[ -n $left ]]; then
        fail "$what: exit $code, left $left"
        rm -f "$work"/.kaohe-*
      fi
      if [[ $code -eq 0 ]]; then
        # The fault was survived: the result must be the right one.
        if [[ $target == xlsx ]]; then
          unzip -tq "$work/report.xlsx" >/dev/null 2>&1 || fail "$what: exit 0 with a broken workbook"
        elif [[ $target == file ]]; then
          cmp -s "$work/report.csv" "$work/expected.csv" || fail "$what: exit 0 with a wrong report"
        else
          cmp -s "$work/out.csv" "$work/expected.csv" || fail "$what: exit 0 with wrong output"
        fi
      else
        case $code in
          65 | 66 | 70 | 71 | 73 | 74) ;;
          *) fail "$what: exit $code" ;;
        esac
        # A failed write to stderr may leave no message; any other fault must say why.
        [[ -s $work/stderr || $call == write ]] || fail "$what: exit $code without a message"
        if [[ $target == file && $(cat "$work/report.csv") != "old report" ]]; then
          fail "$what: exit $code, but the old report changed"
        fi
        if [[ $target == xlsx && $(cat "$work/report.xlsx") != "old report" ]]; then
          fail "$what: exit $code, but the old workbook changed"
        fi
      fi
      n=$((n + 1))
      ((n > 2000)) && { fail "$call: more than 2000 calls"; break; }
    done
  done
done
((runs > 50)) || fail "only $runs faulty runs: the shim does not fire"

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s) in $runs faulty runs"
  exit 1
fi
echo "all $runs faulty runs ended cleanly"
