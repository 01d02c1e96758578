#!/bin/bash
# The SQL push-down benchmark (issue 19 point 5; DESIGN.md §4 "SQL
# push-down"): a grid-management year of UNITS units and EVENTS event rows
# of schemes/grid-patrol.yaml generated INSIDE DuckDB (a database file
# holding a table; the events are never written as CSV), then, timed:
#   aggregate + score  the query of `kaohe sql --dialect duckdb --copy`
#                      run by DuckDB, its CSV piped straight into
#                      `kaohe score --events -`;
#   DuckDB alone       the whole scheme as SQL (tests/bench/grid-patrol.sql
#                      reading the same table).
# Both results must agree in every column, or the run fails. Also kaohe's
# peak RSS on the aggregate (/usr/bin/time -v), and the aggregate's size.
# Not part of ctest.
#
#   tests/bench/sql.sh [--units N] [--events M] [--reps R] [--keep]
#
# --units N   units (default 50000; the issue asks 500000)
# --events M  event rows (default 10000000; the issue asks 100000000)
# --reps R    timed repetitions, medians reported (default 3)
# --keep      keep the generated folder (its path is printed)
#
# Environment as tests/bench/run.sh: KAOHE_BENCH_BUILD (default
# build-release), KAOHE_BENCH_DATA (where to generate), KAOHE_BENCH_DUCKDB.
#
# The last line of output is, exactly:
#   ratio_duckdb=R aggregate_score_s=A duckdb_s=D score_s=S peak_rss_mb=M
#   units=N events=E aggregate_rows=G aggregate_mb=B
# (one line). R = A ÷ D: below 1, push-down and kaohe beat DuckDB doing
# the whole scheme.
set -euo pipefail

units=50000
events=10000000
reps=3
keep=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --units) units=${2:?--units needs a number}; shift 2 ;;
    --events) events=${2:?--events needs a number}; shift 2 ;;
    --reps) reps=${2:?--reps needs a number}; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "sql.sh: unknown argument '$1' (try --help)" >&2; exit 64 ;;
  esac
done
[[ $units =~ ^[1-9][0-9]*$ && $events =~ ^[1-9][0-9]*$ ]] ||
  { echo "sql.sh: --units and --events need whole numbers" >&2; exit 64; }
[[ $reps =~ ^[1-9][0-9]*$ ]] || { echo "sql.sh: --reps needs a number ≥ 1" >&2; exit 64; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${KAOHE_BENCH_BUILD:-$root/build-release}
baseline=$here/.baseline
modules=$baseline/node_modules
duckdb_version=${KAOHE_BENCH_DUCKDB:-1.5.6-r.1}
export LC_ALL=C
say() { printf '%s\n' "$*" >&2; }
die() { say "sql.sh: $*"; exit 1; }

command -v node >/dev/null && command -v npm >/dev/null ||
  die "Node.js and npm are needed for DuckDB (apt-get install nodejs npm)"
[[ -x /usr/bin/time ]] || die "/usr/bin/time is needed (apt-get install time)"
if ! node -e "require('$modules/@duckdb/node-api')" 2>/dev/null; then
  say "installing @duckdb/node-api@$duckdb_version into $baseline"
  mkdir -p "$baseline"
  [[ -f $baseline/package.json ]] || echo '{"private": true}' >"$baseline/package.json"
  npm install --prefix "$baseline" --no-audit --no-fund --save-exact --loglevel=error \
    "@duckdb/node-api@$duckdb_version" >/dev/null
fi
if [[ ! -f $build/CMakeCache.txt ]]; then
  say "configuring $build (Release)"
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DKAOHE_TESTS=OFF >/dev/null
fi
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$build/CMakeCache.txt" ||
  die "$build is not a Release build; remove it or set KAOHE_BENCH_BUILD"
cmake --build "$build" --target kaohe -j 2 >/dev/null || die "building kaohe failed"
kaohe=$build/kaohe
scheme=$root/schemes/grid-patrol.yaml

if [[ -n ${KAOHE_BENCH_DATA:-} ]]; then
  work=$KAOHE_BENCH_DATA
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-sqlbench.XXXXXX")
fi
[[ $keep -eq 1 ]] || trap 'rm -rf "$work"' EXIT
rm -f "$work/events.duckdb" "$work/events.duckdb.wal"

now() { date +%s%N; }
seconds() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

say "generating $units units × $events events inside DuckDB ($work)"
t0=$(now)
node "$here/sql_bench.js" "$modules" gen "$work/events.duckdb" "$units" "$events" "$work" ||
  die "generating the data failed"
say "  $(seconds $(($(now) - t0))) s; database $(du -m "$work/events.duckdb" | cut -f1) MB"

"$kaohe" sql "$scheme" --dialect duckdb --copy --units "$work/units.csv" --key id \
  >"$work/aggregate.sql"
# Once untimed: the aggregate's size, and kaohe on it from a file.
node "$here/sql_bench.js" "$modules" agg "$work/events.duckdb" "$work/aggregate.sql" \
  >"$work/aggregate.csv" 2>/dev/null || die "the aggregate query failed"
agg_rows=$(($(wc -l <"$work/aggregate.csv") - 1))
agg_mb=$(du -m "$work/aggregate.csv" | cut -f1)
: >"$work/score.times"
for ((i = 1; i <= reps; i++)); do
  t0=$(now)
  "$kaohe" score "$scheme" --units "$work/units.csv" --measures "$work/measures.csv" \
    --events "$work/aggregate.csv" -O csv >/dev/null 2>&1 || die "kaohe score failed"
  seconds $(($(now) - t0)) >>"$work/score.times"
done

: >"$work/pipe.times"; : >"$work/kaohe.rss"; : >"$work/duck.times"
for ((i = 1; i <= reps; i++)); do
  t0=$(now)
  node "$here/sql_bench.js" "$modules" agg "$work/events.duckdb" "$work/aggregate.sql" \
    2>/dev/null |
    /usr/bin/time -v -o "$work/time.txt" "$kaohe" score "$scheme" --units "$work/units.csv" \
      --measures "$work/measures.csv" --events - -O csv >"$work/kaohe.csv" 2>"$work/kaohe.err" ||
    { cat "$work/kaohe.err" >&2; die "aggregate | kaohe score failed"; }
  seconds $(($(now) - t0)) >>"$work/pipe.times"
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt" >>"$work/kaohe.rss"
  out=$(node "$here/sql_bench.js" "$modules" whole "$work/events.duckdb" "$work" \
    "$here/grid-patrol.sql" "$work/duck.csv") || die "DuckDB's whole-scheme SQL failed"
  echo "${out#seconds=}" >>"$work/duck.times"
  say "  repetition $i: aggregate + score $(tail -1 "$work/pipe.times") s," \
    "DuckDB alone $(tail -1 "$work/duck.times") s"
done
node "$root/tests/bench/duckdb_baseline.js" "$modules" check "$work/kaohe.csv" "$work/duck.csv" \
  >&2 || die "DuckDB's result differs from kaohe's on the aggregate"

pipe_s=$(median <"$work/pipe.times")
duck_s=$(median <"$work/duck.times")
score_s=$(median <"$work/score.times")
rss_mb=$(sort -n "$work/kaohe.rss" | tail -1 | awk '{ printf "%.1f", $1 * 1024 / 1e6 }')
ratio=$(awk -v a="$pipe_s" -v b="$duck_s" 'BEGIN { printf "%.2f", a / b }')
[[ $keep -eq 0 ]] || say "kept $work"
echo "ratio_duckdb=$ratio aggregate_score_s=$pipe_s duckdb_s=$duck_s score_s=$score_s" \
  "peak_rss_mb=$rss_mb units=$units events=$events aggregate_rows=$agg_rows" \
  "aggregate_mb=$agg_mb"
