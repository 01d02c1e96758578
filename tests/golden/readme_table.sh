#!/bin/bash
# The table README.md shows after "Command 1 ends with this table" is what
# `kaohe score schemes/party-building.yaml examples/party-building` prints,
# byte for byte, and so is every other output README.md shows in a block
# whose first line is `$ kaohe ARGS…` (plain words, no shell), so the README
# cannot drift from the program; `$ LANG=zh_CN.UTF-8 kaohe ARGS…` shows
# what a Chinese terminal shows, standard error included.
#
#   readme_table.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"

shown=$(awk '/^Command 1 ends with this table/ { f = 1; next }
             f == 1 && /^```/ { f = 2; next }
             f == 2 && /^```/ { exit }
             f == 2 { print }' README.md)
if [[ -z $shown ]]; then
  echo "FAIL: README.md has no table block after 'Command 1 ends with this table'"
  exit 1
fi
actual=$(env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" score \
  schemes/party-building.yaml examples/party-building </dev/null)
if [[ $shown != "$actual" ]]; then
  echo "FAIL: the table in README.md differs from kaohe's output:"
  diff -u --label README.md --label kaohe <(printf '%s\n' "$shown") \
    <(printf '%s\n' "$actual") || true
  echo "Paste the real output into README.md."
  exit 1
fi

# Blocks opening with "$ kaohe ARGS": the rest of the block is the output.
failures=0
commands=0
while IFS= read -r line; do
  commands=$((commands + 1))
  shown=$(awk -v want="$line" '
    $0 == want { f = 1; next }
    f == 1 && /^```/ { exit }
    f == 1 { print }' README.md)
  if [[ $line == '$ LANG=zh_CN.UTF-8 kaohe '* ]]; then
    # Chinese messages: what the terminal shows, stderr too.
    read -r -a words <<<"${line#\$ LANG=zh_CN.UTF-8 kaohe }"
    actual=$(env -i PATH=/usr/bin:/bin LANG=zh_CN.UTF-8 "$bin" "${words[@]}" </dev/null 2>&1 ||
             true)
  else
    read -r -a words <<<"${line#\$ kaohe }"
    actual=$(env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" "${words[@]}" </dev/null || true)
  fi
  if [[ $shown != "$actual" ]]; then
    echo "FAIL: README.md's output of '${line#\$ }' differs from kaohe's:"
    diff -u --label README.md --label kaohe <(printf '%s\n' "$shown") \
      <(printf '%s\n' "$actual") || true
    failures=$((failures + 1))
  fi
done < <(grep -E '^\$ (LANG=zh_CN\.UTF-8 )?kaohe ' README.md)
if [[ $failures -ne 0 ]]; then
  echo "Paste the real output into README.md."
  exit 1
fi
echo "README.md shows the real table and the real output of $commands command(s)"
