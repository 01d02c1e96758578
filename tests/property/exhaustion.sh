#!/bin/bash
# Exhaustion is an error, not a crash (issue 15 point 4): out of memory
# under `ulimit -v` ends in a message and exit 71, never an abort (134) or
# a segfault (139), and an existing -o file is untouched. A row of 50,000
# commas is refused at 10,000 fields with little memory.
# Not registered for sanitizer builds: ASan reserves terabytes of address
# space and cannot start under ulimit -v.
#
#   exhaustion.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-exhaustion.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

mkdir "$work/big"
awk 'BEGIN { print "unit_id,name"; for (i = 0; i < 300000; i++) printf "U%07d,单位%d\n", i, i }' \
  >"$work/big/units.csv"
cat >"$work/big.yaml" <<'YAML'
kaohe: 1
root:
  id: t
  name: 总分
  points: 100
  children:
    - {id: a, name: 甲, points: 100, direct: {missing: full}}
YAML
echo "old report" >"$work/report.csv"
code=0
(ulimit -v 60000 && exec env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" score "$work/big.yaml" \
  "$work/big" -o "$work/report.csv" </dev/null 2>"$work/err") || code=$?
[[ $code -eq 71 ]] || fail "out of memory: exit $code, expected 71"
grep -q '^error: out of memory' "$work/err" || fail "out of memory: no message"
[[ $(cat "$work/report.csv") == "old report" ]] || fail "out of memory changed the -o file"

# Enough memory: the same run works (the limit above is what failed it).
env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" score "$work/big.yaml" "$work/big" -O csv \
  </dev/null >"$work/ok.csv" || fail "the 300,000-unit roster fails with memory to spare"

mkdir "$work/commas"
{ echo "unit_id,name"; printf 'V1'; head -c 50000 /dev/zero | tr '\0' ','; echo; } \
  >"$work/commas/units.csv"
code=0
(ulimit -v 60000 && exec env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" score "$work/big.yaml" \
  "$work/commas" </dev/null >/dev/null 2>"$work/err") || code=$?
[[ $code -eq 65 ]] || fail "50,000 commas: exit $code, expected 65"
grep -q 'row has more than 10000 fields' "$work/err" || fail "50,000 commas: no message"

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "exhaustion cases passed"
