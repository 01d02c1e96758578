#!/bin/bash
# Runs one golden end-to-end case of the kaohe binary and compares its
# stdout, stderr and exit code byte for byte with the expected files.
#
#   run_case.sh KAOHE_BIN REPO_ROOT CASE_DIR
#
# CASE_DIR holds:
#   cmd     one line: the arguments to kaohe, split like shell words (quotes
#           work; write no $, backticks or globs), run from REPO_ROOT
#   stdin   optional: fed to kaohe's standard input (else /dev/null)
#   env     optional: VAR=VALUE lines, the environment instead of LC_ALL=C
#           (e.g. LANG=zh_CN.UTF-8 for Chinese messages)
#   stdout, stderr, exit   the expected output and exit code
#
# kaohe runs under `env -i PATH=/usr/bin:/bin LC_ALL=C` (or the case's env
# lines), so the result does not depend on the caller's environment.
#
# With KAOHE_UPDATE_GOLDEN=1 the expected files are rewritten from the actual
# run instead (golden-update mode); read `git diff` before committing them.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: $0 KAOHE_BIN REPO_ROOT CASE_DIR" >&2
  exit 2
fi
bin=$1
root=$2
case_dir=$3
case_name=$(basename "$case_dir")

[[ $bin == /* ]] || bin=$PWD/$bin
[[ $case_dir == /* ]] || case_dir=$PWD/$case_dir

if [[ ! -x $bin ]]; then
  echo "golden/$case_name: kaohe binary not found or not executable: $bin" >&2
  exit 2
fi
if [[ ! -f $case_dir/cmd ]]; then
  echo "golden/$case_name: no cmd file in $case_dir" >&2
  exit 2
fi

# One line of arguments, split like shell words. Fixtures are the project's
# own files; the check below keeps expansions out of them all the same.
cmd_line=$(head -n 1 "$case_dir/cmd")
meta='[][$`;&|<>()*?{}~\\]'
if [[ $cmd_line =~ $meta ]]; then
  echo "golden/$case_name: cmd may hold words and quotes only, no shell" \
       "operators, expansions or globs: $cmd_line" >&2
  exit 2
fi
args=()
eval "args=($cmd_line)"

environment=(LC_ALL=C)
if [[ -f $case_dir/env ]]; then
  environment=()
  while IFS= read -r line; do
    [[ -z $line ]] && continue
    if [[ ! $line =~ ^[A-Z_][A-Z0-9_]*=[^\$\`]*$ ]]; then
      echo "golden/$case_name: env lines are VAR=VALUE: $line" >&2
      exit 2
    fi
    environment+=("$line")
  done <"$case_dir/env"
fi

stdin_file=/dev/null
[[ -f $case_dir/stdin ]] && stdin_file=$case_dir/stdin

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-golden.XXXXXX")
trap 'rm -rf "$work"' EXIT

set +e
(cd "$root" && exec env -i PATH=/usr/bin:/bin "${environment[@]}" "$bin" "${args[@]}") \
  <"$stdin_file" >"$work/stdout" 2>"$work/stderr"
code=$?
set -e
echo "$code" >"$work/exit"

if [[ ${KAOHE_UPDATE_GOLDEN:-} == 1 ]]; then
  for f in stdout stderr exit; do
    if [[ ! -f $case_dir/$f ]] || ! cmp -s "$work/$f" "$case_dir/$f"; then
      cp "$work/$f" "$case_dir/$f"
      echo "golden/$case_name: updated $f"
    fi
  done
  exit 0
fi

status=0
for f in stdout stderr exit; do
  if [[ ! -f $case_dir/$f ]]; then
    echo "golden/$case_name: missing expected file $f" \
         "(create it with KAOHE_UPDATE_GOLDEN=1, then read it)"
    status=1
    continue
  fi
  if ! cmp -s "$case_dir/$f" "$work/$f"; then
    echo "golden/$case_name: $f differs (expected vs actual):"
    diff -u --label "expected/$f" --label "actual/$f" \
      "$case_dir/$f" "$work/$f" || true
    status=1
  fi
done
if [[ $status -ne 0 ]]; then
  echo "golden/$case_name: FAILED: kaohe ${cmd_line}"
  echo "  (if the new output is right: KAOHE_UPDATE_GOLDEN=1 ctest -R 'golden/$case_name\$', then read the diff)"
fi
exit "$status"
