#!/bin/bash
# Output that never lies (SPEC §9, NOTES.md "Output"): a write that fails
# is an error, never a silent exit 0, and -o never damages what it names.
#  - stdout on /dev/full, or closed: exit 74 and a message on stderr, for
#    every command and format that prints (score, explain, diff,
#    completion, --help, --version);
#  - -o naming a device (/dev/full: 74; /dev/null: 0), a FIFO or a symbolic
#    link: written in place or through the link, as `>` would — the device
#    node, FIFO or link is still there afterwards (renaming a temporary
#    file over it would replace /dev/null itself when run as root);
#  - -o naming a directory: 73, the directory untouched;
#  - a failing run leaves an existing -o target byte-identical, through a
#    link too (the plain-file cases are in tests/golden/output_file.sh).
#
#   output_errors.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
scheme=schemes/party-building.yaml
data=examples/party-building

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-output-errors.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

kaohe() {
  env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" "$@" </dev/null
}

# A second scheme that scores differently, so that diff has output.
sed 's/weight: 60%/weight: 50%/; s/weight: 30%/weight: 40%/' "$scheme" >"$work/other.yaml"
cmp -s "$scheme" "$work/other.yaml" && fail "could not derive a second scheme"

# expect_stdout_error DESCRIPTION REDIRECT ARGS...: runs kaohe ARGS with
# stdout on /dev/full (REDIRECT=full) or closed (REDIRECT=closed).
expect_stdout_error() {
  local redirect=$1
  shift
  local code=0
  case $redirect in
    full) kaohe "$@" >/dev/full 2>"$work/stderr" || code=$? ;;
    closed) kaohe "$@" >&- 2>"$work/stderr" || code=$? ;;
  esac
  if [[ $code -ne 74 ]]; then
    fail "kaohe $* with stdout $redirect: exit $code, expected 74"
  fi
  if ! grep -q 'cannot write to standard output' "$work/stderr"; then
    fail "kaohe $* with stdout $redirect: no message on stderr:"
    cat "$work/stderr"
  fi
}

for redirect in full closed; do
  for format in table csv tsv json markdown; do
    expect_stdout_error $redirect score $scheme $data -O $format
  done
  expect_stdout_error $redirect score $scheme $data -o -
  expect_stdout_error $redirect score $scheme $data --reasons 2 --margin 0.5
  expect_stdout_error $redirect explain $scheme V1 $data
  expect_stdout_error $redirect diff $scheme "$work/other.yaml" $data
  expect_stdout_error $redirect completion bash
  expect_stdout_error $redirect completion zsh
  expect_stdout_error $redirect --help
  expect_stdout_error $redirect score --help
  expect_stdout_error $redirect --version
done
# The same commands succeed on a working stdout (the failures above are
# the device's, not the command's).
for args in "score $scheme $data" "explain $scheme V1 $data" "--help" "--version"; do
  # shellcheck disable=SC2086
  kaohe $args >/dev/null 2>"$work/stderr" || fail "kaohe $args failed on /dev/null"
done

# Devices: a private copy of /dev/full and /dev/null when mknod is allowed
# (so that a regression cannot replace the system's), else the real ones
# when not root (a rename into /dev is then refused anyway).
full=$work/full
null=$work/null
if ! mknod "$full" c 1 7 2>/dev/null || ! mknod "$null" c 1 3 2>/dev/null; then
  if [[ $(id -u) -eq 0 ]]; then
    echo "note: mknod is not allowed here and this runs as root: -o device checks skipped"
    full= null=
  else
    full=/dev/full null=/dev/null
  fi
fi
if [[ -n $full ]]; then
  for format in table csv json xlsx; do
    code=0
    kaohe score $scheme $data -O $format -o "$full" >"$work/stdout" 2>"$work/stderr" || code=$?
    [[ $code -eq 74 ]] || fail "-O $format -o $full: exit $code, expected 74"
    grep -q "^$full: error: cannot write output file" "$work/stderr" ||
      fail "-O $format -o $full: no message naming the file: $(cat "$work/stderr")"
    [[ -s $work/stdout ]] && fail "-O $format -o $full wrote to stdout"
    [[ $(stat -c %F "$full") == "character special file" ]] ||
      fail "-O $format -o $full replaced the device: now a $(stat -c %F "$full")"
    code=0
    kaohe score $scheme $data -O $format -o "$null" >"$work/stdout" 2>"$work/stderr" || code=$?
    [[ $code -eq 0 && ! -s $work/stderr ]] ||
      fail "-O $format -o $null: exit $code: $(cat "$work/stderr")"
    [[ $(stat -c %F "$null") == "character special file" ]] ||
      fail "-O $format -o $null replaced the device: now a $(stat -c %F "$null")"
  done
  left=$(find "$(dirname "$full")" -maxdepth 1 -name '.*.kaohe-*' \
           -newer "$work/other.yaml" 2>/dev/null || true)
  [[ -z $left ]] || fail "-o on a device left temporary files: $left"
fi

# A FIFO: the reader gets exactly what stdout would print.
mkfifo "$work/fifo"
cat "$work/fifo" >"$work/from-fifo" &
reader=$!
code=0
kaohe score $scheme $data -O csv -o "$work/fifo" 2>"$work/stderr" || code=$?
wait "$reader"
[[ $code -eq 0 ]] || fail "-o FIFO: exit $code: $(cat "$work/stderr")"
[[ -p $work/fifo ]] || fail "-o FIFO replaced the FIFO"
cmp -s tests/golden/party-building-csv/stdout "$work/from-fifo" ||
  fail "-o FIFO: the reader did not get the csv table"

# A symbolic link: the file it points to is replaced, the link stays.
mkdir "$work/real"
printf 'old\n' >"$work/real/result.csv"
ln -s real/result.csv "$work/link.csv"
code=0
kaohe score $scheme $data -o "$work/link.csv" 2>"$work/stderr" || code=$?
[[ $code -eq 0 ]] || fail "-o LINK: exit $code: $(cat "$work/stderr")"
[[ -L $work/link.csv ]] || fail "-o LINK replaced the link with a file"
cmp -s tests/golden/party-building-csv/stdout "$work/real/result.csv" ||
  fail "-o LINK: the file it points to does not hold the csv table"
# A failing run leaves the file behind the link byte-identical.
cp "$work/real/result.csv" "$work/kept.csv"
code=0
kaohe score tests/golden/err-scheme-weights/scheme.yaml $data -o "$work/link.csv" \
  >/dev/null 2>&1 || code=$?
[[ $code -eq 65 ]] || fail "failing run with -o LINK: exit $code, expected 65"
[[ -L $work/link.csv ]] || fail "a failing run with -o LINK replaced the link"
cmp -s "$work/kept.csv" "$work/real/result.csv" ||
  fail "a failing run with -o LINK changed the file it points to"
left=$(find "$work" -name '.*.kaohe-*')
[[ -z $left ]] || fail "temporary files left: $left"

# A directory: 73, nothing inside it changes (named like a csv file, or
# with -O, since a name without a known extension is a usage error first).
for target in dir.csv dir; do
  mkdir "$work/$target"
  format=()
  [[ $target == dir ]] && format=(-O csv)
  code=0
  kaohe score $scheme $data "${format[@]}" -o "$work/$target" >/dev/null \
    2>"$work/stderr" || code=$?
  [[ $code -eq 73 ]] || fail "${format[*]} -o DIRECTORY $target: exit $code, expected 73"
  [[ -d $work/$target && -z $(ls -A "$work/$target") ]] ||
    fail "-o DIRECTORY $target changed the directory"
done

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all output error checks passed"
