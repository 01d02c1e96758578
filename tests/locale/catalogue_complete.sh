#!/bin/bash
# Every message kaohe can say has its Chinese translation (issue 20 point 3).
# xgettext collects the messages marked with tr()/trf() in src/ and main.cpp;
# po/zh_CN/*.po must translate each one (no untranslated or fuzzy entry),
# hold no message the code no longer says, say each message in one file
# only, and pass msgfmt's own checks. Fails, never skips, without gettext.
#
#   catalogue_complete.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"

for tool in xgettext msgcat msgmerge msgattrib msgfmt; do
  if ! command -v "$tool" >/dev/null; then
    echo "FAIL: $tool not found (Debian: apt-get install -y gettext)"
    exit 1
  fi
done

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-po.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

# The messages the code says.
find src -name '*.cpp' -o -name '*.h' | LC_ALL=C sort >"$work/files"
xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=tr --keyword=trf --keyword=tr_noop \
  --flag=trf:1:python-brace-format --sort-by-file --no-wrap \
  --files-from="$work/files" -o "$work/kaohe.pot"

# Entries of a PO file with their locations, header left out.
entries() { msgattrib --no-wrap "$1" 2>/dev/null | awk 'BEGIN{RS="";ORS="\n\n"} !/^msgid ""\nmsgstr/ && !/\nmsgid ""\nmsgstr/'; }

mapfile -t po_files < <(find po/zh_CN -name '*.po' | LC_ALL=C sort)
if [[ ${#po_files[@]} -eq 0 ]]; then
  echo "FAIL: no po/zh_CN/*.po"
  exit 1
fi
for po in "${po_files[@]}"; do
  if ! msgfmt --check -o /dev/null "$po" 2>"$work/msgfmt.err"; then
    echo "FAIL: msgfmt --check $po:"
    cat "$work/msgfmt.err"
    failures=$((failures + 1))
  fi
done

# A message translated in two files.
if ! msgcat --more-than=1 --no-wrap "${po_files[@]}" -o "$work/dups.po" 2>"$work/msgcat.err"; then
  cat "$work/msgcat.err"
  exit 1
fi
if [[ -s $work/dups.po ]] && [[ -n $(entries "$work/dups.po") ]]; then
  echo "FAIL: messages translated in more than one po/zh_CN file:"
  entries "$work/dups.po"
  failures=$((failures + 1))
fi

msgcat --use-first --no-wrap "${po_files[@]}" -o "$work/all.po"
fuzzy=$(msgattrib --only-fuzzy --no-wrap "$work/all.po" | grep -c '^msgid ' || true)
if [[ $fuzzy -gt 0 ]]; then
  echo "FAIL: $fuzzy fuzzy entries (check the translation, then drop '#, fuzzy'):"
  msgattrib --only-fuzzy --no-wrap "$work/all.po"
  failures=$((failures + 1))
fi

# The catalogue against the code: what is missing, what is stale.
msgmerge --quiet --no-fuzzy-matching --no-wrap "$work/all.po" "$work/kaohe.pot" \
  -o "$work/merged.po"
missing=$(msgattrib --untranslated --no-obsolete --no-wrap "$work/merged.po" | entries /dev/stdin)
if [[ -n $missing ]]; then
  echo "FAIL: messages with no Chinese translation (add them to po/zh_CN/<area>.po):"
  printf '%s\n' "$missing"
  failures=$((failures + 1))
fi
stale=$(msgattrib --only-obsolete --no-wrap "$work/merged.po" | grep -v "^#~ *$" | grep "^#~" || true)
if [[ -n $stale ]]; then
  echo "FAIL: translations of messages the code no longer says (remove them):"
  printf '%s\n' "$stale"
  failures=$((failures + 1))
fi
# Placeholders kept: msgfmt checks each python-brace-format message.
if ! msgfmt --check -o /dev/null "$work/merged.po" 2>"$work/msgfmt.err"; then
  echo "FAIL: msgfmt --check on the catalogue merged with the code's messages:"
  cat "$work/msgfmt.err"
  failures=$((failures + 1))
fi

total=$(grep -c '^msgid ' "$work/kaohe.pot" || true)
if [[ $failures -ne 0 ]]; then
  echo "catalogue: $failures problem(s)"
  exit 1
fi
echo "catalogue: all $((total - 1)) messages translated"
