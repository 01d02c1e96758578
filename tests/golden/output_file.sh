#!/bin/bash
# `kaohe score -o FILE`: the file holds the same bytes the format prints on
# stdout (the golden stdout files), the format follows the extension (in
# any case) unless -O says otherwise, an unknown extension, none, or one
# that contradicts -O is a usage error (also for explain and diff), a
# successful run is silent, and a run that fails
# leaves an existing FILE byte-identical, with no temporary file left over
# (SPEC §5, §9).
#
#   output_file.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
golden=tests/golden
scheme=schemes/party-building.yaml
data=examples/party-building

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-output.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

kaohe() {
  env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" "$@" </dev/null \
    >"$work/stdout" 2>"$work/stderr"
}

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# Runs kaohe with ARGS..., expects exit 0, empty stdout and stderr, and FILE
# equal to EXPECTED.
expect_file() {
  local file=$1 expected=$2
  shift 2
  local code=0
  kaohe "$@" || code=$?
  if [[ $code -ne 0 ]]; then
    fail "kaohe $* exited $code"
    cat "$work/stderr"
    return
  fi
  [[ -s $work/stdout ]] && fail "kaohe $* wrote to stdout with -o"
  [[ -s $work/stderr ]] && fail "kaohe $* wrote to stderr on success"
  if ! cmp -s "$expected" "$file"; then
    fail "kaohe $*: $file differs from $expected"
    diff -u --label "expected ($expected)" --label "actual ($file)" \
      "$expected" "$file" || true
  fi
}

# The format follows -O, else the extension.
expect_file "$work/out.csv" $golden/party-building-csv/stdout \
  score $scheme $data -o "$work/out.csv"
expect_file "$work/out.tsv" $golden/party-building-tsv/stdout \
  score $scheme $data -o "$work/out.tsv"
expect_file "$work/out.json" $golden/party-building-json/stdout \
  score $scheme $data -o "$work/out.json"
expect_file "$work/out.md" $golden/party-building-markdown/stdout \
  score $scheme $data -o "$work/out.md"
expect_file "$work/out.txt" $golden/party-building-table/stdout \
  score $scheme $data -o "$work/out.txt"
expect_file "$work/out.txt" $golden/party-building-csv/stdout \
  score $scheme $data -O csv -o "$work/out.txt"
# An explicit -O takes any name whose extension is not kaohe's, or none.
expect_file "$work/result" $golden/party-building-csv/stdout \
  score $scheme $data -O csv -o "$work/result"
expect_file "$work/out.data" $golden/party-building-json/stdout \
  score $scheme $data -O json -o "$work/out.data"
# The extension is matched ignoring case (issue 14).
expect_file "$work/R.CSV" $golden/party-building-csv/stdout \
  score $scheme $data -o "$work/R.CSV"
expect_file "$work/R.TSV" $golden/party-building-tsv/stdout \
  score $scheme $data -o "$work/R.TSV"
expect_file "$work/R.Json" $golden/party-building-json/stdout \
  score $scheme $data -o "$work/R.Json"
expect_file "$work/R.MD" $golden/party-building-markdown/stdout \
  score $scheme $data -o "$work/R.MD"
expect_file "$work/R.TXT" $golden/party-building-table/stdout \
  score $scheme $data -o "$work/R.TXT"
expect_file "$work/R.CSV" $golden/party-building-csv-bom/stdout \
  score $scheme $data -o "$work/R.CSV" --bom
expect_file "$work/R.Csv" $golden/party-building-csv/stdout \
  score $scheme $data -O csv -o "$work/R.Csv"
expect_file "$work/E.TXT" $golden/party-building-explain/stdout \
  explain $scheme V2 $data -o "$work/E.TXT"
# diff exits 1 when the results differ, as diff(1).
code=0
kaohe diff $scheme examples/party-building-review-20.yaml $data -o "$work/D.CSV" || code=$?
if [[ $code -ne 1 ]] || ! cmp -s $golden/diff-csv/stdout "$work/D.CSV"; then
  fail "kaohe diff ... -o D.CSV (exit $code) did not write the csv diff"
fi

# -o never guesses (issue 14): a name whose extension kaohe does not write,
# or without one, is a usage error unless -O is given, and so is an
# extension that names another format than -O; nothing is written, an
# existing file is untouched, and the message names the file.
refused() {
  local name=$1
  shift
  local code=0 existed=0
  [[ -e $work/$name ]] && existed=1
  kaohe "$@" -o "$work/$name" || code=$?
  [[ $code -eq 64 ]] || fail "kaohe $* -o $name exited $code, expected 64"
  [[ -s $work/stdout ]] && fail "kaohe $* -o $name wrote to stdout"
  grep -qF -- "-o $work/$name" "$work/stderr" ||
    fail "kaohe $* -o $name: the error does not name the file: $(cat "$work/stderr")"
  if [[ $existed -eq 0 && -e $work/$name ]]; then
    fail "kaohe $* -o $name created the file"
  fi
}
for name in results results.pdf results.htm results.xls results.xlsm results.csvx \
    results. results.csv.gz .csv; do
  refused "$name" score $scheme $data
done
refused results.xlsx score $scheme $data -O csv
refused results.CSV score $scheme $data -O json
refused results.txt score $scheme $data -O xlsx
refused results.txt score $scheme $data -O html
refused results.md explain $scheme V2 $data
refused results.csv explain $scheme V2 $data -O json
refused results explain $scheme V2 $data
refused results.pdf diff $scheme examples/party-building-review-20.yaml $data
refused results.xlsx diff $scheme examples/party-building-review-20.yaml $data
# An existing file with an unknown extension stays as it was.
printf 'kept\n' >"$work/keep.pdf"
cp "$work/keep.pdf" "$work/keep.pdf.orig"
refused keep.pdf score $scheme $data
cmp -s "$work/keep.pdf" "$work/keep.pdf.orig" || fail "a refused -o keep.pdf changed it"
# Overwriting an existing file replaces it whole.
printf 'an old, much longer file %.0s' {1..100} >"$work/out.csv"
expect_file "$work/out.csv" $golden/party-building-csv/stdout \
  score $scheme $data -o "$work/out.csv"
# -o - is standard output.
code=0
kaohe score $scheme $data -O csv -o - || code=$?
if [[ $code -ne 0 ]] || ! cmp -s $golden/party-building-csv/stdout "$work/stdout"; then
  fail "kaohe score ... -O csv -o - (exit $code) did not print the csv table"
fi

# A failing run leaves the old file byte-identical and no temporary file.
# Each case: the exit code it must give, then the arguments.
printf 'rank,unit_id\nold contents, kept\n' >"$work/keep.csv"
cp "$work/keep.csv" "$work/keep.orig"
check_untouched() {
  local want=$1
  shift
  local code=0
  kaohe "$@" -o "$work/keep.csv" || code=$?
  if [[ $code -ne $want ]]; then
    fail "kaohe $* -o keep.csv exited $code, expected $want"
    cat "$work/stderr"
  fi
  if ! cmp -s "$work/keep.orig" "$work/keep.csv"; then
    fail "kaohe $* -o keep.csv (exit $code) changed the existing file"
  fi
  [[ -s $work/stdout ]] && fail "kaohe $* -o keep.csv wrote to stdout"
  local left
  left=$(find "$work" -name '.keep.csv.*')
  [[ -z $left ]] || fail "kaohe $* -o keep.csv left a temporary file: $left"
}
check_untouched 65 score $scheme --units $data/units.csv \
  --measures $golden/err-measures-duplicate-row/measures.csv
check_untouched 65 score $golden/err-scheme-weights/scheme.yaml $data
check_untouched 66 score $scheme examples/no-such-dir
check_untouched 64 score $scheme $data -O xls

# An output directory that does not exist: exit 73, nothing created.
code=0
kaohe score $scheme $data -o "$work/no/such/dir/out.csv" || code=$?
[[ $code -eq 73 ]] || fail "-o into a missing directory exited $code, expected 73"
[[ -e $work/no ]] && fail "-o into a missing directory created something"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all -o checks passed"
