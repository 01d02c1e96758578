#!/bin/bash
# Every bundled example (schemes/NAME.yaml with examples/NAME/) read from
# .xlsx workbooks that libxlsxwriter wrote scores to the same table, byte
# for byte, as from its CSV files, in three forms:
#   1. a folder of units.xlsx, events.xlsx, measures.xlsx (shared strings,
#      dates as date cells formatted yyyy/m/d, "90%" as percent cells);
#   2. one workbook of sheets units, events, measures given as --data,
#      strings inline (constant-memory mode), dates formatted
#      yyyy"年"m"月"d"日", a title row above each header;
#   3. the sheets named one by one: --units book.xlsx:units --events ….
# And the three LibreOffice-made golden cases print the bundled table.
#
#   xlsx_examples.sh KAOHE XLSX_FROM_CSV REPO_ROOT
set -euo pipefail
kaohe=$1
make_xlsx=$2
root=$3
cd "$root"
work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-xlsx.XXXXXX")
trap 'rm -rf "$work"' EXIT

checked=0
for dir in examples/*/; do
  name=$(basename "$dir")
  scheme=schemes/$name.yaml
  [[ -f $scheme ]] || continue
  expected=$work/$name.expected
  "$kaohe" score "$scheme" "$dir" >"$expected" 2>/dev/null

  # 1. A folder of workbooks.
  folder=$work/$name-folder
  mkdir -p "$folder"
  sheets=()
  for kind in units events measures; do
    if [[ -f $dir/$kind.csv ]]; then
      "$make_xlsx" "$folder/$kind.xlsx" "Sheet1=$dir/$kind.csv"
      sheets+=("$kind=$dir/$kind.csv")
    fi
  done
  "$kaohe" score "$scheme" "$folder" >"$work/$name.folder" 2>"$work/$name.err" ||
    { echo "FAIL $name: the folder of workbooks was refused" >&2; exit 1; }
  diff -u "$expected" "$work/$name.folder" ||
    { echo "FAIL $name: the folder of workbooks scores differently" >&2; exit 1; }

  # 2. One workbook as the data folder.
  book=$work/$name.xlsx
  "$make_xlsx" --inline --date-format 'yyyy"年"m"月"d"日"' --title "$name 考核数据" \
    "$book" "${sheets[@]}"
  "$kaohe" score "$scheme" --data "$book" >"$work/$name.book" 2>"$work/$name.err" ||
    { echo "FAIL $name: the workbook as --data was refused" >&2; exit 1; }
  diff -u "$expected" "$work/$name.book" ||
    { echo "FAIL $name: the workbook as --data scores differently" >&2; exit 1; }

  # 3. Its sheets named one by one.
  args=(--units "$book:units")
  [[ -f $dir/events.csv ]] && args+=(--events "$book:events")
  [[ -f $dir/measures.csv ]] && args+=(--measures "$book:measures")
  "$kaohe" score "$scheme" "${args[@]}" >"$work/$name.sheets" 2>"$work/$name.err" ||
    { echo "FAIL $name: the sheets named one by one were refused" >&2; exit 1; }
  diff -u "$expected" "$work/$name.sheets" ||
    { echo "FAIL $name: the sheets named one by one score differently" >&2; exit 1; }
  echo "ok $name: $(wc -l <"$expected") lines, the same from CSV and three workbook forms"
  checked=$((checked + 1))
done
if ((checked < 14)); then
  echo "FAIL: only $checked examples were checked (expected every bundled one, 14)" >&2
  exit 1
fi
echo "$checked examples: the same tables from workbooks"

# The LibreOffice-made fixtures (tests/input/libreoffice/MADE.md) are
# golden cases whose table must be the bundled example's.
for case in xlsx-libreoffice xlsx-libreoffice-wide sheets-libreoffice-export; do
  cmp tests/golden/scheme-government-supervision/stdout "tests/golden/$case/stdout" ||
    { echo "FAIL: golden/$case does not print the bundled table" >&2; exit 1; }
done
echo "the LibreOffice fixtures print the bundled government-supervision table"
