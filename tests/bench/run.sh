#!/bin/bash
# The city-scale benchmark (SPEC §7): a generated grid-management year of
# 10,000 units (9,800 grid workers, 200 supervisors; tests/bench/gen.cpp)
# scored by schemes/grid-patrol.yaml, timed against two baselines on the
# same files, in one run:
#   wc -l      reading the events file, the floor of any CSV tool;
#   DuckDB     the same job as SQL (tests/bench/grid-patrol.sql) through the
#              npm package @duckdb/node-api, installed into
#              tests/bench/.baseline/ (ignored by git; never a dependency of
#              kaohe). Its result must equal kaohe's CSV in every column, or
#              the run fails.
# Also kaohe's peak RSS (/usr/bin/time -v) and the wall time of the small
# party-building example (median of 50 runs).
#
#   tests/bench/run.sh [--rows N] [--reps R] [--keep]
#
# --rows N   event rows to generate (default 10000000)
# --reps R   timed repetitions of each big job, medians reported (default 5)
# --keep     keep the generated data folder (its path is printed)
#
# Environment: KAOHE_BENCH_BUILD (build folder, default build-release),
# KAOHE_BENCH_DATA (where to generate; default a temporary folder),
# KAOHE_BENCH_DUCKDB (npm version of @duckdb/node-api, default pinned below).
#
# The last line of output is, exactly:
#   ratio_duckdb=R ratio_wc=W peak_rss_mb=M rows=N
# R and W are kaohe's median wall time divided by DuckDB's and wc -l's;
# M is kaohe's peak resident set size in MB (10^6 bytes). Below 1, kaohe is
# faster. Medians and ratios come from one run because the machines are
# noisy: only ratios are comparable between machines.
set -euo pipefail

rows=10000000
reps=5
keep=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --rows) rows=${2:?--rows needs a number}; shift 2 ;;
    --reps) reps=${2:?--reps needs a number}; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1' (try --help)" >&2; exit 64 ;;
  esac
done
[[ $rows =~ ^[0-9]+$ ]] || { echo "run.sh: --rows needs a whole number" >&2; exit 64; }
[[ $reps =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --reps needs a number ≥ 1" >&2; exit 64; }

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${KAOHE_BENCH_BUILD:-$root/build-release}
baseline=$here/.baseline
duckdb_version=${KAOHE_BENCH_DUCKDB:-1.5.6-r.1}
export LC_ALL=C

say() { printf '%s\n' "$*" >&2; }
die() { say "run.sh: $*"; exit 1; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

# --- tools ----------------------------------------------------------------
need_apt=()
command -v cmake >/dev/null || need_apt+=(cmake)
command -v ninja >/dev/null || need_apt+=(ninja-build)
[[ -x /usr/bin/time ]] || need_apt+=(time)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  need_apt+=(nodejs npm)
fi
if [[ ${#need_apt[@]} -gt 0 ]]; then
  say "installing ${need_apt[*]} with apt-get"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# --- kaohe (Release) and the generator ------------------------------------
if [[ ! -f $build/CMakeCache.txt ]]; then
  say "configuring $build (Release)"
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DKAOHE_TESTS=OFF >/dev/null
fi
grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$build/CMakeCache.txt" ||
  die "$build is not a Release build; remove it or set KAOHE_BENCH_BUILD"
if ! cmake --build "$build" --target kaohe kaohe_bench_gen >"$build/bench-build.log" 2>&1; then
  cat "$build/bench-build.log" >&2
  die "building kaohe failed (cmake --build $build)"
fi
kaohe=$build/kaohe
gen=$build/tests/bench/kaohe_bench_gen

# --- DuckDB baseline, installed once into .baseline/ ----------------------
modules=$baseline/node_modules
installed=$(node -p "try { require('$modules/@duckdb/node-api/package.json').version }
                     catch (e) { '' }")
if [[ $installed != "$duckdb_version" ]]; then
  say "installing @duckdb/node-api@$duckdb_version into $baseline"
  mkdir -p "$baseline"
  [[ -f $baseline/package.json ]] || echo '{"private": true}' >"$baseline/package.json"
  npm install --prefix "$baseline" --no-audit --no-fund --save-exact --loglevel=error \
    "@duckdb/node-api@$duckdb_version" >/dev/null
fi

# --- data ----------------------------------------------------------------
if [[ -n ${KAOHE_BENCH_DATA:-} ]]; then
  work=$KAOHE_BENCH_DATA
  mkdir -p "$work"
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-bench.XXXXXX")
fi
cleanup() {
  if [[ $keep -eq 1 || -n ${KAOHE_BENCH_DATA:-} ]]; then
    say "data kept in $work"
  else
    rm -rf "$work"
  fi
}
trap cleanup EXIT
data=$work/data
mkdir -p "$data"
say "generating $rows event rows into $data"
"$gen" "$data" "$rows"
events=$data/events.csv
events_mb=$(awk -v b="$(stat -c %s "$events")" 'BEGIN { printf "%.1f", b / 1e6 }')

# --- timing ----------------------------------------------------------------
# Wall times are read from $EPOCHREALTIME (microseconds once the point is
# removed), which costs no process of its own.
median() { sort -g | awk '{ v[NR] = $1 } END {
  if (NR % 2) print v[(NR + 1) / 2]; else printf "%.6f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
seconds() { printf '%d.%06d\n' $(($1 / 1000000)) $(($1 % 1000000)); }

scheme=$root/schemes/grid-patrol.yaml
kaohe_csv=$work/kaohe.csv
duck_csv=$work/duckdb.csv
run_kaohe() {  # one timed run; appends its time and peak RSS
  local t0 t1
  t0=${EPOCHREALTIME/[.,]/}
  /usr/bin/time -v -o "$work/time.txt" "$kaohe" score "$scheme" "$data" -O csv >"$kaohe_csv" ||
    die "kaohe score failed (exit $?)"
  t1=${EPOCHREALTIME/[.,]/}
  seconds $((t1 - t0)) >>"$work/kaohe.times"
  awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt" >>"$work/kaohe.rss"
  awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt" \
    >>"$work/kaohe.cpu"
}
run_wc() {
  local t0 t1
  t0=${EPOCHREALTIME/[.,]/}
  wc -l "$events" >/dev/null
  t1=${EPOCHREALTIME/[.,]/}
  seconds $((t1 - t0)) >>"$work/wc.times"
}
run_duckdb() {
  local out
  out=$(node "$here/duckdb_baseline.js" "$modules" run "$here/grid-patrol.sql" "$data" \
    "$duck_csv") || die "the DuckDB baseline failed"
  duck_info=$out
  sed -n 's/^seconds=\([0-9.]*\) .*/\1/p' <<<"$out" >>"$work/duckdb.times"
  sed -n 's/.* cpu=\([0-9.]*\) .*/\1/p' <<<"$out" >>"$work/duckdb.cpu"
}

: >"$work/kaohe.times"; : >"$work/kaohe.rss"; : >"$work/kaohe.cpu"
: >"$work/wc.times"; : >"$work/duckdb.times"; : >"$work/duckdb.cpu"
say "warming up (file cache), then $reps timed repetitions, interleaved"
wc -l "$events" >/dev/null
"$kaohe" score "$scheme" "$data" -O csv >/dev/null || die "kaohe score failed"
run_duckdb; : >"$work/duckdb.times"; : >"$work/duckdb.cpu"
for ((i = 1; i <= reps; i++)); do
  run_wc
  run_kaohe
  run_duckdb
  say "  repetition $i: wc $(tail -1 "$work/wc.times") s, kaohe $(tail -1 "$work/kaohe.times") s," \
      "DuckDB $(tail -1 "$work/duckdb.times") s"
done

# --- the two results must agree -----------------------------------------
if ! check=$(node "$here/duckdb_baseline.js" "$modules" check "$kaohe_csv" "$duck_csv"); then
  keep=1
  die "DuckDB's result differs from kaohe's: see above ($kaohe_csv, $duck_csv)"
fi
if cmp -s "$kaohe_csv" "$duck_csv"; then same_bytes="byte for byte"; else same_bytes="every column"; fi

# --- the small example: start to exit, 50 runs ----------------------------
: >"$work/small.times"
small_scheme=$root/schemes/party-building.yaml
small_data=$root/examples/party-building
"$kaohe" score "$small_scheme" "$small_data" >/dev/null || die "party-building example failed"
for ((i = 0; i < 50; i++)); do
  t0=${EPOCHREALTIME/[.,]/}
  "$kaohe" score "$small_scheme" "$small_data" >/dev/null
  t1=${EPOCHREALTIME/[.,]/}
  seconds $((t1 - t0)) >>"$work/small.times"
done

# --- report -----------------------------------------------------------------
wc_s=$(median <"$work/wc.times")
kaohe_s=$(median <"$work/kaohe.times")
duck_s=$(median <"$work/duckdb.times")
kaohe_cpu=$(median <"$work/kaohe.cpu")
duck_cpu=$(median <"$work/duckdb.cpu")
small_ms=$(median <"$work/small.times" | awk '{ printf "%.2f", $1 * 1000 }')
rss_mb=$(sort -n "$work/kaohe.rss" | tail -1 | awk '{ printf "%.1f", $1 * 1024 / 1e6 }')
ratio_duckdb=$(awk -v a="$kaohe_s" -v b="$duck_s" 'BEGIN { printf "%.2f", a / b }')
ratio_wc=$(awk -v a="$kaohe_s" -v b="$wc_s" 'BEGIN { printf "%.2f", a / b }')
duck_threads=$(sed -n 's/.* threads=\([0-9]*\) .*/\1/p' <<<"$duck_info")
duck_version=$(sed -n 's/.* version=\(.*\)/\1/p' <<<"$duck_info")
units=$(($(wc -l <"$data/units.csv") - 1))
mrows_s=$(awk -v r="$rows" -v s="$kaohe_s" 'BEGIN { printf "%.1f", r / s / 1e6 }')
mb_s=$(awk -v m="$events_mb" -v s="$kaohe_s" 'BEGIN { printf "%.0f", m / s }')

echo "kaohe benchmark: schemes/grid-patrol.yaml, $rows event rows ($events_mb MB), $units units"
echo "$(nproc) cores; medians of $reps interleaved runs; $(uname -srm)"
echo
printf '%-46s %12s %12s\n' "job" "median wall" "median CPU"
printf '%-46s %12s %12s\n' "----------------------------------------------" "------------" "------------"
printf '%-46s %10.3f s %12s\n' "wc -l events.csv" "$wc_s" ""
printf '%-46s %10.3f s %10.3f s\n' "kaohe score -O csv ($mrows_s M rows/s, $mb_s MB/s)" \
  "$kaohe_s" "$kaohe_cpu"
printf '%-46s %10.3f s %10.3f s\n' "DuckDB $duck_version SQL ($duck_threads threads)" "$duck_s" \
  "$duck_cpu"
printf '%-46s %9.1f MB\n' "kaohe peak RSS" "$rss_mb"
printf '%-46s %9s ms\n' "party-building example (median of 50 runs)" "$small_ms"
echo
echo "check: DuckDB's result equals kaohe's CSV $same_bytes ($check)"
echo "ratio_duckdb=$ratio_duckdb ratio_wc=$ratio_wc peak_rss_mb=$rss_mb rows=$rows"
