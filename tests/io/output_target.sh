#!/bin/bash
# -o on what is not a plain new file (issue 15 points 1-3):
#  - -o /dev/stdout, /dev/stderr, /dev/fd/N, or another name of the file
#    stdout is redirected to, writes through that descriptor: what the
#    shell wrote before and after stays, `>>` appends;
#  - a symbolic link to nothing is exit 73 and stays as it was; a live
#    link is written through to its target, the link kept;
#  - a new file gets 0666 less the umask; a rewritten one keeps its mode
#    (and, as root, its owner and group);
#  - a file name of 250 bytes works (the temporary name is short);
#  - -o naming an input of the run (scheme, roster, events, measures; by
#    name or through a link) is a usage error (64), the input untouched;
#  - SIGTERM, SIGINT or SIGHUP while the temporary file is written ends
#    with exit 128+N, no .kaohe-* file left, the old output untouched
#    (a preloaded shim raises the signal inside fsync).
#
#   output_target.sh KAOHE_BIN REPO_ROOT   (KAOHE_SIGNAL_SHIM: the shim)
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
scheme=$root/schemes/party-building.yaml
data=$root/examples/party-building

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-output-target.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}
kaohe() {
  env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" "$@" </dev/null
}
kaohe score "$scheme" "$data" -O csv >expected.csv

# --- descriptors the shell opened -------------------------------------------
{ echo before; kaohe score "$scheme" "$data" -O csv -o /dev/stdout; echo after; } >f
{ echo before; cat expected.csv; echo after; } >want
cmp -s f want || fail "-o /dev/stdout inside a redirected group lost the shell's lines"

echo "a log line" >log
kaohe score "$scheme" "$data" -O csv -o /dev/stdout >>log
{ echo "a log line"; cat expected.csv; } >want
cmp -s log want || fail "-o /dev/stdout with >> log did not append"

kaohe score "$scheme" "$data" -O csv -o /dev/stderr 2>err >/dev/null
cmp -s err expected.csv || fail "-o /dev/stderr did not write to the redirected stderr"

kaohe score "$scheme" "$data" -O csv -o /dev/fd/1 >fd1
cmp -s fd1 expected.csv || fail "-o /dev/fd/1 did not write to stdout"

ln -s same.out alias
echo "kept" >same.out
kaohe score "$scheme" "$data" -O csv -o alias >>same.out
{ echo kept; cat expected.csv; } >want
cmp -s same.out want || fail "-o naming the file stdout appends to did not write through stdout"

# --- symbolic links ------------------------------------------------------------
ln -s nowhere dangling
code=0
kaohe score "$scheme" "$data" -O csv -o dangling 2>err || code=$?
[[ $code -eq 73 ]] || fail "-o onto a dangling link: exit $code, expected 73"
[[ -L dangling && ! -e nowhere ]] || fail "-o onto a dangling link changed it"
grep -q 'symbolic link to a file that does not exist' err || fail "no message for the dangling link"

echo old >target.csv
ln -s target.csv live
kaohe score "$scheme" "$data" -O csv -o live
[[ -L live ]] || fail "-o through a live link replaced the link"
cmp -s target.csv expected.csv || fail "-o through a live link did not write its target"

# --- permissions ----------------------------------------------------------------
(umask 077 && kaohe score "$scheme" "$data" -o private.csv)
[[ $(stat -c %a private.csv) == 600 ]] || fail "umask 077: new file mode $(stat -c %a private.csv)"
(umask 022 && kaohe score "$scheme" "$data" -o shared.csv)
[[ $(stat -c %a shared.csv) == 644 ]] || fail "umask 022: new file mode $(stat -c %a shared.csv)"
echo old >secret.csv && chmod 600 secret.csv
(umask 022 && kaohe score "$scheme" "$data" -o secret.csv)
[[ $(stat -c %a secret.csv) == 600 ]] || fail "a 0600 file rewritten became $(stat -c %a secret.csv)"
echo old >group.csv && chmod 640 group.csv
kaohe score "$scheme" "$data" -o group.csv
[[ $(stat -c %a group.csv) == 640 ]] || fail "a 0640 file rewritten became $(stat -c %a group.csv)"
if [[ $(id -u) -eq 0 ]] && getent passwd nobody >/dev/null; then
  echo old >owned.csv && chown nobody:nogroup owned.csv 2>/dev/null || chown nobody owned.csv
  want_owner=$(stat -c %U:%G owned.csv)
  kaohe score "$scheme" "$data" -o owned.csv
  [[ $(stat -c %U:%G owned.csv) == "$want_owner" ]] ||
    fail "as root, a file of $want_owner rewritten became $(stat -c %U:%G owned.csv)"
fi

# --- a long legal name ------------------------------------------------------------
long=$(printf 'x%.0s' $(seq 1 246)).csv
kaohe score "$scheme" "$data" -o "$long" || fail "a 250-byte file name: exit $?"
cmp -s "$long" expected.csv || fail "a 250-byte file name: wrong content"

# --- an input of the run as the output ------------------------------------------------
cp -r "$data" pb
cp "$scheme" s.yaml
ln -s pb/units.csv roster-link.csv
for target in pb/measures.csv pb/units.csv s.yaml roster-link.csv; do
  before=$(md5sum <"$target")
  code=0
  kaohe score s.yaml pb -O csv -o "$target" 2>err || code=$?
  [[ $code -eq 64 ]] || fail "score -o $target (an input): exit $code, expected 64"
  [[ $(md5sum <"$target") == "$before" ]] || fail "score -o $target (an input) changed it"
  grep -q 'names an input of this run' err || fail "score -o $target: no message"
done
code=0
kaohe explain s.yaml V1 pb -O json -o pb/units.csv 2>/dev/null || code=$?
[[ $code -eq 64 ]] || fail "explain -o onto the roster: exit $code, expected 64"
code=0
kaohe diff s.yaml s.yaml pb -O csv -o pb/measures.csv 2>/dev/null || code=$?
[[ $code -eq 64 ]] || fail "diff -o onto the measures: exit $code, expected 64"
code=0
kaohe diff s.yaml s.yaml pb -O csv -o s.yaml 2>/dev/null || code=$?
[[ $code -eq 64 ]] || fail "diff -o onto a scheme: exit $code, expected 64"

# --- signals while the temporary file is written -----------------------------------------
if [[ -n ${KAOHE_SIGNAL_SHIM:-} ]]; then
  for sig in 15 2 1; do
    echo "old report" >report.csv
    code=0
    env -i PATH=/usr/bin:/bin LC_ALL=C LD_PRELOAD="$KAOHE_SIGNAL_SHIM" KAOHE_SHIM_SIGNAL=$sig \
      ASAN_OPTIONS=verify_asan_link_order=0 \
      "$bin" score "$scheme" "$data" -o report.csv </dev/null 2>/dev/null || code=$?
    [[ $code -eq $((128 + sig)) ]] || fail "signal $sig during the write: exit $code, expected $((128 + sig))"
    [[ $(cat report.csv) == "old report" ]] || fail "signal $sig during the write changed the old report"
    leftover=$(find . -name '*.kaohe-*')
    [[ -z $leftover ]] || fail "signal $sig during the write left $leftover"
  done
else
  fail "KAOHE_SIGNAL_SHIM is not set: the signal cases did not run"
fi

if [[ $failures -gt 0 ]]; then
  echo "$failures failure(s)"
  exit 1
fi
echo "all -o target cases passed"
