#!/bin/bash
# `kaohe init` and `kaohe template`, which write folders: run in a temp
# folder and compared with the expected files in tests/golden/scaffold/.
#   - init writes the starter; `kaohe check` on it is silent with exit 0,
#     and `kaohe score` prints the ranked table (init-score.stdout);
#   - init again refuses (73), naming every file, and leaves them as they
#     were; --force overwrites;
#   - template of a bundled scheme, without --units (units, events,
#     measures header, items.csv) and with --units (one measures row per
#     unit × item × key), in Chinese and with --header en; kaohe check
#     reads each as data without an error.
# With KAOHE_UPDATE_GOLDEN=1 the expected files are rewritten instead;
# read `git diff` before committing them.
#
#   scaffold.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
expected=$root/tests/golden/scaffold
scheme=schemes/grid-patrol.yaml
units=examples/grid-patrol/units.csv

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-scaffold.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
update=${KAOHE_UPDATE_GOLDEN:-}

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Runs kaohe with ARGS... in $work; sets $code, leaves out/err files.
kaohe() {
  code=0
  (cd "$work" && exec env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" "$@") </dev/null \
    >"$work/.stdout" 2>"$work/.stderr" || code=$?
}

# Compares ACTUAL with the expected file NAME (or rewrites it).
same() {
  local actual=$1 name=$2
  if [[ -n $update ]]; then
    mkdir -p "$(dirname "$expected/$name")"
    cp "$actual" "$expected/$name"
  elif ! cmp -s "$expected/$name" "$actual"; then
    fail "$name differs"
    diff -u --label "expected ($name)" --label actual "$expected/$name" "$actual" || true
  fi
}

# Expects exit CODE from the last run.
exit_is() {
  [[ $code -eq $1 ]] || { fail "$2: exit $code, expected $1"; cat "$work/.stderr"; }
}

# The files of folder DIR (relative), one a line, sorted.
listing() { (cd "$1" && find . -type f | sort); }

# init, then check and score what it wrote.
kaohe init office
exit_is 0 "init office"
[[ -s $work/.stdout ]] && fail "init wrote to stdout"
same "$work/.stderr" init.stderr
listing "$work/office" >"$work/.listing"
same "$work/.listing" init.files
kaohe check office/scheme.yaml office/data
exit_is 0 "check of the starter"
[[ -s $work/.stdout || -s $work/.stderr ]] && { fail "check of the starter is not silent"; cat "$work/.stderr"; }
kaohe score office/scheme.yaml office/data
exit_is 0 "score of the starter"
same "$work/.stdout" init-score.stdout

# init again: refused, nothing touched; --force overwrites.
echo "# 已修改" >>"$work/office/scheme.yaml"
cp "$work/office/scheme.yaml" "$work/.edited"
kaohe init office
exit_is 73 "init over an existing folder"
same "$work/.stderr" init-again.stderr
cmp -s "$work/.edited" "$work/office/scheme.yaml" || fail "a refused init changed scheme.yaml"
kaohe init office --force
exit_is 0 "init --force"
cmp -s "$work/.edited" "$work/office/scheme.yaml" && fail "init --force left scheme.yaml as it was"
kaohe check office/scheme.yaml office/data
exit_is 0 "check after init --force"

# template without and with a roster, in both header languages.
for run in zh en; do
  kaohe template "$root/$scheme" -o "t-$run" --header "$run"
  exit_is 0 "template --header $run"
  same "$work/.stderr" "template-$run.stderr"
  for f in $(listing "$work/t-$run"); do same "$work/t-$run/$f" "template-$run/$f"; done
  listing "$work/t-$run" >"$work/.listing"
  same "$work/.listing" "template-$run.files"
done
kaohe template "$root/$scheme" -o t-units --units "$root/$units"
exit_is 0 "template --units"
for f in $(listing "$work/t-units"); do same "$work/t-units/$f" "template-units/$f"; done
listing "$work/t-units" >"$work/.listing"
same "$work/.listing" template-units.files
kaohe template "$root/$scheme" -o t-units --units "$root/$units"
exit_is 73 "template over its own files"

# The readers take the sheets as written: the headers-only folder checks
# (an empty roster is valid); the --units sheets with the roster beside
# them are refused while the values are empty, and check once every value
# is filled with 1.
kaohe check "$root/$scheme" t-zh
exit_is 0 "check of the blank template"
grep -q "items.csv" "$work/.stderr" && fail "check warns of the template's own items.csv"
kaohe check "$root/$scheme" t-en
exit_is 0 "check of the blank template (--header en)"
cp "$root/$units" "$work/t-units/units.csv"
kaohe check "$root/$scheme" t-units
exit_is 65 "check of the template before its values are filled in"
sed -i -E '2,$ s/^([^,]*,[^,]*),,/\1,1,/' "$work/t-units/measures.csv"
kaohe check "$root/$scheme" t-units
exit_is 0 "check of the filled-in template"

# -O xlsx: the same files as workbooks (units.xlsx, …, a sheet named
# for each), which kaohe reads as it reads the CSV files: the blank folder
# checks, and the --units sheets are refused until filled, the same
# number of errors as from CSV.
kaohe template "$root/$scheme" -o t-xlsx -O xlsx
exit_is 0 "template -O xlsx"
[[ $(listing "$work/t-xlsx" | sed 's/\.xlsx$/.csv/') == "$(listing "$work/t-zh")" ]] ||
  fail "template -O xlsx writes other files than the CSV template: $(listing "$work/t-xlsx")"
kaohe check "$root/$scheme" t-xlsx
exit_is 0 "check of the blank xlsx template"
kaohe template "$root/$scheme" -o t-xlsx-units -O xlsx --units "$root/$units"
exit_is 0 "template -O xlsx --units"
cp "$root/$units" "$work/t-xlsx-units/units.csv"
kaohe check "$root/$scheme" t-xlsx-units
exit_is 65 "check of the xlsx template before its values are filled in"
xlsx_errors=$(grep -c ': error: ' "$work/.stderr" || true)
kaohe template "$root/$scheme" -o t-csv-units --units "$root/$units"
cp "$root/$units" "$work/t-csv-units/units.csv"
kaohe check "$root/$scheme" t-csv-units
csv_errors=$(grep -c ': error: ' "$work/.stderr" || true)
[[ $xlsx_errors -gt 0 && $xlsx_errors == "$csv_errors" ]] ||
  fail "the xlsx template gives $xlsx_errors errors, the CSV one $csv_errors"
kaohe template "$root/$scheme" -o t-xlsx-units -O xlsx --units "$root/$units"
exit_is 73 "template -O xlsx over its own files"

if [[ $failures -ne 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
