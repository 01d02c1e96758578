#!/bin/bash
# The progress bar of long reads (issue 8). On a terminal (a pseudo-terminal
# from script(1), as in color.sh), `kaohe score` and `kaohe check` reading
# a big events file draw `\r reading  37% [==>  ] 168/452 MB  1.2 s ESC[K`
# on stderr and, when the reading ends, erase it with `\r ESC[2K \r`, so
# that the table (or check's diagnostics) starts at column 0 of a clean
# line. Nothing is drawn with -q, when stderr is not a terminal, when TERM
# is dumb, or with -o FILE: a successful run with -o FILE prints nothing at
# all, on a terminal or not (but warnings, which these data do not give).
# NO_COLOR does not matter (the bar has no colour).
#
# The data: the grid-patrol example with its events.csv repeated (32 MB)
# but for its rows outside the period or, for W13, hired on 2025-07-01
# (units.csv from), before her days (a warning on stderr), copied as
# events-NN.csv as often as it takes for a run to last about a second on
# this machine (the bar starts after 0.5 s). Copies, not links: a file
# read twice is refused. Read on one thread (-j 1), fewer copies do. An
# events file with a header alone gives check a warning to print (score
# says so only with -v).
#
#   progress.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
export LC_ALL=C
for tool in script perl; do
  if ! command -v $tool >/dev/null 2>&1; then
    echo "FAIL: $tool is needed (script: util-linux, for a terminal; perl: perl-base)"
    exit 1
  fi
done
scheme=schemes/grid-patrol.yaml
example=examples/grid-patrol

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-progress.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

# --- the data -------------------------------------------------------------
data=$work/data
mkdir "$data"
cp "$example/units.csv" "$example/measures.csv" "$data/"
awk -v n=200 'FNR == 1 { print; next } /,2024-/ || /^W13,[^,]*,2025-0[1-6]-/ { next }
  { body[++m] = $0 }
  END { for (i = 0; i < n; i++) for (j = 1; j <= m; j++) print body[j] }' \
  "$example/events.csv" >"$data/events.csv"
head -1 "$example/events.csv" >"$data/events-none.csv"
files=1

now_ms() { local t=${EPOCHREALTIME/./}; echo $((10#$t / 1000)); }

# plain ARGS...: kaohe with stdout and stderr in files (no terminal at all).
plain() {
  env -i PATH=/usr/bin:/bin LC_ALL=C TERM=xterm "$bin" "$@" </dev/null \
    >"$work/out" 2>"$work/err"
}

# Grow the data until one run takes a second (at most 64 copies: 2 GB), so
# that the bar, which starts after 0.5 s, is drawn a few times (more when
# the machine is busy: runs are slower then, never faster).
while :; do
  start=$(now_ms)
  code=0
  plain score "$scheme" "$data" -j 1 || code=$?
  elapsed=$(($(now_ms) - start))
  if [[ $code -ne 0 ]]; then
    echo "FAIL: kaohe score on the generated data exited $code:"
    head -20 "$work/err"
    exit 1
  fi
  echo "calibration: $files file(s), $elapsed ms"
  if ((elapsed >= 1000 || files >= 64)); then break; fi
  factor=$(((1200 + elapsed - 1) / (elapsed > 0 ? elapsed : 1)))
  ((factor < 2)) && factor=2
  ((factor > 16)) && factor=16
  want=$((files * factor > 64 ? 64 : files * factor))
  for ((i = files; i < want; i++)); do
    cp "$data/events.csv" "$(printf '%s/events-%02d.csv' "$data" "$i")"
  done
  files=$want
done
echo "data: $files × $(($(stat -c %s "$data/events.csv") / 1000000)) MB of events, a run takes $elapsed ms"
table=$work/table
cp "$work/out" "$table"

# (4) stderr is a file: nothing on it.
[[ -s $work/err ]] && fail "stderr not a terminal: kaohe printed on it: $(head -c 300 "$work/err" | cat -v)"

# on_tty OUT [VAR=VALUE...] -- SHELL-COMMAND: runs the command (kaohe is
# "$bin", quoted by the caller) on a pseudo-terminal with only the given
# variables; OUT gets every byte of the terminal. Fails on an exit other
# than $expect_code (0 unless set).
expect_code=0
on_tty() {
  local out=$1
  shift
  local vars=()
  while [[ $1 != -- ]]; do
    vars+=("$1")
    shift
  done
  shift
  local code=0
  env -i PATH=/usr/bin:/bin LC_ALL=C "${vars[@]}" \
    script -qec "$1" /dev/null </dev/null >"$out" || code=$?
  if [[ $code -ne $expect_code ]]; then
    fail "'$1' exited $code on a terminal: $(head -c 300 "$out" | cat -v)"
  fi
}

# expect_bar OUT AFTER MODE: OUT (a terminal's bytes, CR LF made LF) is
# bar draws `\r reading … ESC[K`, then the erase `\r ESC[2K \r`, then exactly
# the file AFTER. MODE "bar": at least one draw, with a percentage, at most
# 79 columns (script's terminal has no size: 80 columns are assumed);
# "maybe": the draws and the erase may also be absent altogether; "none":
# nothing but AFTER.
expect_bar() {
  local out=$1 after=$2 mode=$3 what=$4
  local msg
  if ! msg=$(perl -e '
    my ($out, $after, $mode) = @ARGV;
    local $/;
    open(my $f, "<", $out) or die "$out: $!"; my $t = <$f>;
    open(my $g, "<", $after) or die "$after: $!"; my $want = <$g>;
    $t =~ s/\r\n/\n/g;
    my $show = sub { my $s = substr($_[0], 0, 400);
                     $s =~ s/([^\n -~])/sprintf("\\x%02X", ord $1)/ge; $s };
    if ($mode eq "none") {
      if ($t eq $want) { print "nothing drawn"; exit 0 }
      print "something was printed: ", $show->($t);
      exit 1;
    }
    if ($mode eq "maybe" && $t eq $want) { exit 0 }
    if ($t !~ /reading/) {
      print "no progress bar on the terminal (are the readers calling advance()?); got: ",
            $show->($t);
      exit 1;
    }
    unless ($t =~ /\A((?:\rreading [ -~]*\e\[K)+)\r\e\[2K\r(.*)\z/s) {
      print "not bar draws, erase, then output: ", $show->($t);
      exit 1;
    }
    my ($bars, $rest) = ($1, $2);
    if ($mode eq "bar") {
      if ($bars !~ /\rreading +\d+% /) { print "no percentage in the bar: ", $show->($bars); exit 1 }
      for my $line (split /\r/, $bars) {
        $line =~ s/\e\[K\z//;
        if (length($line) > 79) { print "a bar line is wider than 79 columns: $line"; exit 1 }
      }
    }
    if ($rest ne $want) {
      print "after the erase, the output is not the expected text: ", $show->($rest);
      exit 1;
    }
    my $n = () = $bars =~ /\r/g;
    print "$n draws, last: ", (split /\r/, $bars)[-1] =~ s/\e\[K\z//r;
    exit 0;
  ' "$out" "$after" "$mode"); then
    fail "$what: $msg"
  else
    [[ -n $msg ]] && echo "ok: $what: $msg"
  fi
  return 0
}

run="$(printf '%q ' "$bin" score "$scheme" "$data" -j 1)"

# (1), (2): the bar on a terminal, with a percentage, erased before the table.
on_tty "$work/tty" NO_COLOR=1 TERM=xterm -- "$run"
expect_bar "$work/tty" "$table" bar "score on a terminal"

# check: its diagnostics (at least the warning on the file without rows)
# start on a clean line, and it exits as it does without a terminal.
expect_code=0
plain check "$scheme" "$data" -j 1 || expect_code=$?
[[ -s $work/out ]] && fail "check printed on stdout"
cp "$work/err" "$work/check-err"
[[ -s $work/check-err ]] || fail "check printed no warning on the generated data"
on_tty "$work/tty-check" TERM=xterm -- "$(printf '%q ' "$bin" check "$scheme" "$data" -j 1)"
expect_code=0
expect_bar "$work/tty-check" "$work/check-err" bar "check on a terminal"

# (3) -q: nothing but the table.
on_tty "$work/tty-q" NO_COLOR=1 TERM=xterm -- "$run -q"
cmp -s "$table" <(tr -d '\r' <"$work/tty-q") ||
  fail "-q on a terminal printed more than the table: $(head -c 300 "$work/tty-q" | cat -v)"

# (4) stdout a terminal, stderr a file: no bar.
on_tty "$work/tty-err" NO_COLOR=1 TERM=xterm -- "$run 2>$(printf '%q' "$work/err2")"
[[ -s $work/err2 ]] && fail "stderr a file under a terminal: kaohe printed on it: $(head -c 300 "$work/err2" | cat -v)"
cmp -s "$table" <(tr -d '\r' <"$work/tty-err") ||
  fail "stderr a file: the terminal got more than the table: $(head -c 300 "$work/tty-err" | cat -v)"

# TERM=dumb or unset (LC_ALL=C stands for "no TERM"): no bar.
for term in TERM=dumb LC_ALL=C; do
  on_tty "$work/tty-dumb" NO_COLOR=1 $term -- "$run"
  cmp -s "$table" <(tr -d '\r' <"$work/tty-dumb") ||
    fail "$term on a terminal printed more than the table: $(head -c 300 "$work/tty-dumb" | cat -v)"
done

# (5) -o FILE, stderr not a terminal: nothing at all.
code=0
plain score "$scheme" "$data" -j 1 -o "$work/result.txt" || code=$?
[[ $code -eq 0 ]] || fail "-o FILE exited $code"
[[ -s $work/out || -s $work/err ]] &&
  fail "-o FILE printed something: $(head -c 300 "$work/out" "$work/err" | cat -v)"
cmp -s "$table" "$work/result.txt" || fail "-o FILE did not write the table"

# -o FILE on a terminal: nothing at all either (issue 8: "With -o FILE, a
# successful run prints nothing at all").
: >"$work/empty"
on_tty "$work/tty-o" TERM=xterm -- "$run -o $(printf '%q' "$work/result2.txt")"
expect_bar "$work/tty-o" "$work/empty" none "-o FILE on a terminal"
cmp -s "$table" "$work/result2.txt" || fail "-o FILE on a terminal did not write the table"

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all progress bar checks passed"
