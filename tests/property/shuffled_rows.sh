#!/bin/bash
# Row order never changes a result (SPEC §9 "Floors and caps clamp
# accumulated totals, never single events, so the result never depends on
# row order"; DESIGN §1 "All sums are commutative"). For the examples with
# the most event rows, `kaohe score` must print the same bytes, in every
# output format, when the data rows of events.csv (and measures.csv) are
# shuffled with a fixed seed, reversed, or split over two events files —
# the header staying first.
#
#   shuffled_rows.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"

examples=(government-supervision supervision-office grid-patrol)
formats=(table csv json)

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-shuffle.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

# A fixed stream of "random" bytes for shuf: the same permutation on every
# machine and every run.
seeded() { yes "kaohe-$1" | head -c 1048576 || true; }

# FILE's data rows (all but the first line) permuted by MODE: shuffle or
# reverse. Fails on a quoted field holding a line break, which a line-wise
# permutation would tear apart.
permute() {
  local mode=$1 file=$2
  if awk -F'"' 'NF % 2 == 0 { bad = 1 } END { exit !bad }' "$file"; then
    echo "FAIL: $file has a quoted line break; this test permutes lines" >&2
    return 1
  fi
  head -n 1 "$file"
  case $mode in
    shuffle) tail -n +2 "$file" | shuf --random-source=<(seeded "$file") ;;
    reverse) tail -n +2 "$file" | tac ;;
  esac
}

run() {
  env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" "$@" </dev/null
}

for name in "${examples[@]}"; do
  scheme=schemes/$name.yaml
  data=examples/$name
  [[ -f $data/events.csv ]] || { echo "FAIL: $data/events.csv missing"; exit 1; }
  for format in "${formats[@]}"; do
    run score "$scheme" "$data" -O "$format" >"$work/$name.$format.expected"
  done
  rows=$(($(wc -l <"$data/events.csv") - 1))

  for variant in shuffle reverse shuffle-all split; do
    dir=$work/$name-$variant
    mkdir "$dir"
    cp "$data"/*.csv "$dir/"
    case $variant in
      shuffle | reverse)
        permute "${variant}" "$data/events.csv" >"$dir/events.csv" ;;
      shuffle-all)
        permute shuffle "$data/events.csv" >"$dir/events.csv"
        if [[ -f $data/measures.csv ]]; then
          permute shuffle "$data/measures.csv" >"$dir/measures.csv"
        fi ;;
      split)
        # The shuffled rows over two files, read in byte order.
        permute shuffle "$data/events.csv" >"$work/all.csv"
        half=$((rows / 2))
        head -n $((half + 1)) "$work/all.csv" >"$dir/events.csv"
        { head -n 1 "$work/all.csv"; tail -n +$((half + 2)) "$work/all.csv"; } \
          >"$dir/events-2.csv" ;;
    esac
    # The permutation really moved rows and kept them all.
    if [[ $variant != split ]] && cmp -s "$data/events.csv" "$dir/events.csv"; then
      echo "FAIL: $name $variant: the permuted events.csv equals the original"
      failures=$((failures + 1))
    fi
    if [[ $(cat "$dir"/events*.csv | sort | uniq -c | sort | md5sum) != \
          $( (cat "$data/events.csv"; [[ $variant != split ]] || head -n 1 "$data/events.csv") \
             | sort | uniq -c | sort | md5sum) ]]; then
      echo "FAIL: $name $variant: the permuted rows are not the original rows"
      failures=$((failures + 1))
    fi
    for format in "${formats[@]}"; do
      code=0
      run score "$scheme" "$dir" -O "$format" >"$work/actual" 2>"$work/stderr" || code=$?
      if [[ $code -ne 0 ]]; then
        echo "FAIL: $name $variant -O $format exited $code:"
        cat "$work/stderr"
        failures=$((failures + 1))
      elif ! cmp -s "$work/$name.$format.expected" "$work/actual"; then
        echo "FAIL: $name: -O $format differs with the rows in order \"$variant\":"
        diff -u --label "original order" --label "$variant" \
          "$work/$name.$format.expected" "$work/actual" | head -n 40 || true
        failures=$((failures + 1))
      fi
    done
  done
  echo "$name: $rows event rows, 4 orders × ${#formats[@]} formats: identical"
done

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
