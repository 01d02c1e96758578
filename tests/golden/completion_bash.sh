#!/bin/bash
# The bash completion script, loaded into bash, completes what each command
# accepts: every command's options, the values of an option that lists them
# (-O differs between score, diff and explain), and directories for --data.
#
#   completion_bash.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-completion.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$bin" completion bash >"$work/kaohe.bash"
mkdir "$work/dir.d"
failures=0

# expect "WORDS..." "EXPECTED": completes the last word of WORDS (a line
# typed so far, split on spaces; end it with a space for an empty word).
expect() {
  local line=$1 want=$2 got
  got=$(cd "$work" && bash -c '
    source ./kaohe.bash
    read -r -a COMP_WORDS <<<"$1"
    [[ $1 == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
    _kaohe
    echo "${COMPREPLY[*]}"' _ "$line")
  if [[ $got == "$want" ]]; then
    echo "ok   [$line] -> $got"
  else
    echo "FAIL [$line]: got '$got', want '$want'"
    failures=$((failures + 1))
  fi
}

expect "kaohe sc" "score"
expect "kaohe score -O " "table csv tsv json markdown xlsx html"
expect "kaohe score -O x" "xlsx"
expect "kaohe diff --format " "table csv tsv json markdown html"
expect "kaohe explain -O " "table json csv tsv html"
expect "kaohe score --color a" "auto always"
expect "kaohe check --data di" "dir.d"
expect "kaohe check --j" "--jobs"
expect "kaohe explain --ro" "--rows"
expect "kaohe score --ro" ""
exit $((failures > 0))
