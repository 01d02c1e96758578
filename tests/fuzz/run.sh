#!/bin/bash
# Builds the libFuzzer targets with clang++ (AddressSanitizer and
# UndefinedBehaviorSanitizer on, kaohe_core instrumented for coverage) and
# runs each for a bounded time on a scratch copy of its committed seed
# corpus, so the committed corpus never changes. A crash, a sanitizer
# report, a leak, a timeout or running out of memory fails the script and
# leaves the reproducer in the scratch directory, whose path is printed.
#
#   tests/fuzz/run.sh [SECONDS_PER_TARGET] [BUILD_DIR]
#   tests/fuzz/run.sh --print-flags
#
# Defaults: 60 seconds, build-fuzz (relative to the repository root).
# --print-flags prints the CMAKE_CXX_FLAGS the tree is configured with, so
# that .ci/run can build and test the same tree before fuzzing it.
# Reproduce a crash:  BUILD_DIR/tests/fuzz/TARGET CRASH_FILE
set -euo pipefail

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
if [[ ${1:-} == --print-flags ]]; then
  printf '%s\n' "$flags"
  exit 0
fi

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
seconds=${1:-60}
build=${2:-build-fuzz}
cd "$root"

cxx=${FUZZ_CXX:-clang++}
if ! command -v "$cxx" >/dev/null 2>&1; then
  echo "tests/fuzz/run.sh: $cxx not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi

CXX=$cxx cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKAOHE_FUZZ=ON -DKAOHE_WERROR=ON \
  -DCMAKE_CXX_FLAGS="$flags"
cmake --build "$build" --target csv_reader_fuzz scheme_loader_fuzz row_checks_fuzz xlsx_reader_fuzz

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-fuzz.XXXXXX")
status=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for target in csv_reader_fuzz scheme_loader_fuzz row_checks_fuzz xlsx_reader_fuzz; do
  kind=${target%%_*}
  corpus=$work/$kind-corpus
  mkdir -p "$corpus" "$work/$kind-artifacts"
  cp tests/fuzz/corpus/$kind/* "$corpus/"
  echo "=== $target: ${seconds}s from $(ls "$corpus" | wc -l) seed(s)"
  # -timeout: one input taking over 5 s is a hang; -rss_limit_mb: memory
  # is bounded; -max_len: hostile sizes come from the seeds and mutations
  # up to 64 KiB (the size limits themselves are golden tests).
  if ! "$build/tests/fuzz/$target" "$corpus" \
      -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$work/$kind-artifacts/" \
      -dict=tests/fuzz/$kind.dict 2>"$work/$target.log"; then
    echo "FAIL: $target found a problem; reproducer(s):"
    ls -l "$work/$kind-artifacts/"
    tail -n 60 "$work/$target.log"
    status=1
  else
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb)' \
      "$work/$target.log" || true
  fi
done
if [[ $status -eq 0 ]]; then
  rm -rf "$work"
  echo "fuzzing: no crash, leak or hang"
else
  echo "scratch directory kept: $work"
fi
exit "$status"
