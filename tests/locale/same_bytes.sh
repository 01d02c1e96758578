#!/bin/bash
# `kaohe score` prints the same bytes in every locale (SPEC §4): each output
# format under LC_ALL=C, de_DE.UTF-8 (decimal comma) and zh_CN.UTF-8
# (thousands grouping) must match byte for byte, for the party-building
# example (which must also score cleanly) and for every other bundled
# scheme that has an example folder of the same name. Fails, never skips,
# when a locale is not installed: a skipped test would hide the bug it
# guards.
#
#   same_bytes.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"

locales=(de_DE.UTF-8 zh_CN.UTF-8)
installed=$(locale -a 2>/dev/null | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/')
missing=()
for l in "${locales[@]}"; do
  want=$(echo "$l" | tr '[:upper:]' '[:lower:]' | sed 's/utf-8/utf8/')
  grep -qx "$want" <<<"$installed" || missing+=("$l")
done
if [[ ${#missing[@]} -ne 0 ]]; then
  echo "FAIL: locale(s) not installed: ${missing[*]}"
  echo "This test needs them to prove the output does not depend on the locale."
  echo "On Debian, as root:"
  for l in "${missing[@]}"; do
    printf '  sed -i %s /etc/locale.gen\n' "'s/^# *\\($l UTF-8\\)/\\1/'"
  done
  echo "  locale-gen"
  echo "(needs the 'locales' package: apt-get install -y locales)"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-locale.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

# Runs kaohe ARGS... under locale L with English messages (LANGUAGE=en:
# the message language is the one thing a locale may change, and
# zh-messages below checks it); stdout, stderr and the exit code land in
# $work/<tag>.<L>.{out,err,exit}. LANGUAGE=zh runs with Chinese messages
# under LC_ALL=zh_CN.UTF-8 (tag suffix .zh).
run() {
  local tag=$1 l=$2
  shift 2
  local code=0 language=en
  if [[ $l == zh ]]; then
    language=zh_CN
  fi
  local locale=$l
  [[ $l == zh ]] && locale=zh_CN.UTF-8
  env -i PATH=/usr/bin:/bin LANGUAGE="$language" LC_ALL="$locale" LANG="$locale" \
    "$bin" "$@" </dev/null >"$work/$tag.$l.out" 2>"$work/$tag.$l.err" || code=$?
  echo "$code" >"$work/$tag.$l.exit"
}

# Every other locale must give C's bytes, on all three streams.
compare() {
  local tag=$1 what=$2 l s
  for l in "${locales[@]}"; do
    for s in out err exit; do
      if ! cmp -s "$work/$tag.C.$s" "$work/$tag.$l.$s"; then
        echo "FAIL: $what: std$s differs between LC_ALL=C and LC_ALL=$l:"
        diff -u --label "LC_ALL=C" --label "LC_ALL=$l" \
          "$work/$tag.C.$s" "$work/$tag.$l.$s" || true
        failures=$((failures + 1))
      fi
    done
  done
}

formats=(table csv tsv json markdown html)
# The party-building example must score cleanly in every format.
for format in "${formats[@]}"; do
  for l in C "${locales[@]}"; do
    run "pb-$format" "$l" score schemes/party-building.yaml \
      examples/party-building -O "$format"
    if [[ $(cat "$work/pb-$format.$l.exit") -ne 0 || -s $work/pb-$format.$l.err ]]; then
      echo "FAIL: -O $format under LC_ALL=$l exited $(cat "$work/pb-$format.$l.exit"):"
      cat "$work/pb-$format.$l.err"
      failures=$((failures + 1))
    fi
  done
  compare "pb-$format" "party-building -O $format"
done
# The table must also be the one the golden test expects.
if ! cmp -s tests/golden/party-building-table/stdout "$work/pb-table.C.out"; then
  echo "FAIL: the table under LC_ALL=C differs from tests/golden/party-building-table/stdout"
  failures=$((failures + 1))
fi

# Every other bundled scheme with an example folder of the same name, in
# every format: whatever it prints, it prints in every locale.
checked=1
for scheme in schemes/*.yaml; do
  name=$(basename "$scheme" .yaml)
  [[ $name != party-building && -d examples/$name ]] || continue
  checked=$((checked + 1))
  for format in "${formats[@]}"; do
    for l in C "${locales[@]}"; do
      run "$name-$format" "$l" score "$scheme" "examples/$name" -O "$format"
    done
    compare "$name-$format" "$name -O $format"
  done
done

# The explain and diff pages (-O html) too.
for l in C "${locales[@]}"; do
  run "pb-explain-html" "$l" explain schemes/party-building.yaml V2 examples/party-building \
    --unit V3 -O html
  run "pb-diff-html" "$l" diff schemes/party-building.yaml \
    examples/party-building-review-20.yaml examples/party-building -O html
done
compare "pb-explain-html" "party-building explain -O html"
compare "pb-diff-html" "party-building diff -O html"

# With Chinese messages, the data formats' bytes stay the same too (the
# table's header words are Chinese then: tests/golden/zh-*).
for scheme in schemes/*.yaml; do
  name=$(basename "$scheme" .yaml)
  [[ -d examples/$name ]] || continue
  for format in csv tsv json markdown html; do
    run "$name-$format" C score "$scheme" "examples/$name" -O "$format"
    run "$name-$format" zh score "$scheme" "examples/$name" -O "$format"
    if ! cmp -s "$work/$name-$format.C.out" "$work/$name-$format.zh.out"; then
      echo "FAIL: $name -O $format: stdout differs between English and Chinese messages:"
      diff -u --label "LC_ALL=C" --label "LANGUAGE=zh_CN" \
        "$work/$name-$format.C.out" "$work/$name-$format.zh.out" | head -20 || true
      failures=$((failures + 1))
    fi
  done
done

if [[ $failures -ne 0 ]]; then
  exit 1
fi
echo "$checked scheme(s) × ${#formats[@]} formats × {C, ${locales[*]}}: byte-identical"
