#!/bin/bash
# Reading a big events file on several threads (-j, DESIGN §1 "Memory and
# streaming") never changes a byte of the output. Builds a 36 MB events
# file (over the 32 MiB that starts parallel reading) from the grid-patrol
# example — its rows repeated, with quoted notes holding commas, doubled
# quotes and line breaks, CRLF rows, blank lines, a few bad rows spread
# through the file — and checks that -j 1, 2, 3 and 7 give the same stdout,
# stderr and exit code, for a clean file and for one with errors.
#
#   jobs_same_bytes.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-jobs.XXXXXX")
trap '[[ -n ${KEEP:-} ]] || rm -rf "$work"' EXIT
failures=0

# make_data DIR BAD: the example's roster and measures, and its events
# repeated to about 36 MB; BAD=1 adds an unknown unit every 40,000 rows.
make_data() {
  local dir=$1 bad=$2
  mkdir -p "$dir"
  cp examples/grid-patrol/units.csv examples/grid-patrol/measures.csv "$dir/"
  awk -v bad="$bad" 'NR == 1 { print; next } { rows[n++] = $0 }
    END {
      for (i = 0; i < 1400000; i++) {
        r = rows[i % n]
        if (i % 997 == 0 && r !~ /"/) {
          # the same row with its note quoted, holding a comma, a doubled
          # quote and a line break
          sub(/,[^,]*$/, ",\"备注, 含\"\"引号\"\"\n第二行\"", r)
        }
        if (i % 1999 == 0) r = r "\r"
        print r
        if (i % 5003 == 0) print ""
        if (bad && i % 40000 == 7) print "NOBODY,patrol,2025-03-01,,,,"
      }
    }' examples/grid-patrol/events.csv >"$dir/events.csv"
}

for case in clean bad; do
  dir=$work/$case
  make_data "$dir" "$([[ $case == bad ]] && echo 1 || echo 0)"
  size=$(stat -c %s "$dir/events.csv")
  if ((size < 33554432)); then
    echo "FAIL: $case events.csv is $size bytes, under 32 MiB: not read in parts" >&2
    failures=$((failures + 1))
    continue
  fi
  for j in 1 2 3 7; do
    set +e
    "$bin" score schemes/grid-patrol.yaml "$dir" -O csv -v -j "$j" \
      >"$work/$case-$j.out" 2>"$work/$case-$j.err"
    echo $? >"$work/$case-$j.rc"
    set -e
  done
  for j in 2 3 7; do
    for part in out err rc; do
      if ! cmp -s "$work/$case-1.$part" "$work/$case-$j.$part"; then
        echo "FAIL: $case: -j $j differs from -j 1 in $part:" >&2
        diff "$work/$case-1.$part" "$work/$case-$j.$part" | head -20 >&2 || true
        failures=$((failures + 1))
      fi
    done
  done
  echo "$case: $(cat "$work/$case-1.rc") exit, $(wc -l <"$work/$case-1.err") stderr lines, same for -j 1 2 3 7"
done
if [[ $(cat "$work/clean-1.rc") != 0 || $(cat "$work/bad-1.rc") != 65 ]]; then
  echo "FAIL: expected exit 0 for the clean data and 65 for the bad" >&2
  failures=$((failures + 1))
fi
exit $((failures > 0))
