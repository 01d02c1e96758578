# Sourced by the test scripts that ctest runs as `SCRIPT KAOHE_BIN
# REPO_ROOT` (tests/golden/*.sh, tests/property/*.sh, tests/locale/*.sh):
# checks the two arguments, sets $bin (made absolute) and $root, and
# changes to the repository root.
if [[ $# -ne 2 ]]; then
  echo "usage: $0 KAOHE_BIN REPO_ROOT" >&2
  exit 2
fi
bin=$1
root=$2
[[ $bin == /* ]] || bin=$PWD/$bin
cd "$root"
