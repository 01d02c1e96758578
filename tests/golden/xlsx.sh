#!/bin/bash
# `kaohe score -o FILE.xlsx` (or -O xlsx -o FILE): opens the workbook with
# unzip and checks its cells: sheet names, unit names and numeric totals,
# the number format of the scheme's precision, the title row (title and
# period), the frozen header row, the print setup (A4 landscape, one page
# wide, title and header repeated), the "方案" sheet (every key of the
# scheme, numbers as numbers), the "主要失分" sheet of --reasons; the extension in any case (R.XLSX); one sheet per category
# when the scheme ranks within category; identical bytes for identical
# inputs; a silent success; and a failing run that leaves an existing
# workbook untouched.
#
#   xlsx.sh KAOHE_BIN REPO_ROOT
set -euo pipefail

# shellcheck source=../script_args.sh
source "$(dirname "${BASH_SOURCE[0]}")/../script_args.sh"
if ! command -v unzip >/dev/null 2>&1; then
  echo "FAIL: unzip is needed to read the workbook (apt-get install unzip)"
  exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/kaohe-xlsx.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0

fail() {
  echo "FAIL: $*"
  failures=$((failures + 1))
}

kaohe() {
  env -i PATH=/usr/bin:/bin LC_ALL=C "$bin" "$@" </dev/null \
    >"$work/stdout" 2>"$work/stderr"
}

# run ARGS...: expects exit 0 and no output at all but warnings (the
# examples' rows outside the period: -o FILE silences all else).
run() {
  local code=0
  kaohe "$@" || code=$?
  if [[ $code -ne 0 ]]; then
    fail "kaohe $* exited $code"
    cat "$work/stderr"
  fi
  [[ -s $work/stdout ]] && fail "kaohe $* printed on stdout"
  grep -qv ': warning: ' "$work/stderr" && fail "kaohe $* printed on stderr: $(head -3 "$work/stderr")"
  return 0
}

# has FILE.xlsx MEMBER TEXT: the member of the zip holds TEXT (fixed string).
has() {
  local book=$1 member=$2 text=$3
  if ! unzip -p "$book" "$member" 2>/dev/null | grep -qF -- "$text"; then
    fail "$(basename "$book"):$member lacks $text"
  fi
}

# --- party-building: one sheet 结果, then 方案
book=$work/results.xlsx
run score schemes/party-building.yaml examples/party-building -o "$book"
has "$book" xl/workbook.xml '<sheet name="结果" sheetId="1"'
has "$book" xl/workbook.xml '<sheet name="方案" sheetId="2"'
for s in 西村党支部 东村党支部 南村党支部 目标考核 民主测评 述职评议 良好 较差 '述职评议&lt;80'; do
  has "$book" xl/sharedStrings.xml "<t>$s</t>"
done
sheet=xl/worksheets/sheet1.xml
# The title row (the scheme's title; this scheme has no period) merged
# across the table's nine columns, above the header row.
has "$book" xl/sharedStrings.xml '<t>乡党建工作责任制考核</t>'
has "$book" $sheet '<mergeCell ref="A1:I1"/>'
has "$book" $sheet '<c r="A2" s="2" t="s">'
# The frozen header row (row 2), and the totals as numbers in a "0.00" format.
has "$book" $sheet '<pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/>'
has "$book" $sheet '<c r="G3" s="3"><v>93.75</v></c>'
has "$book" $sheet '<c r="G4" s="3"><v>89.38</v></c>'
has "$book" $sheet '<c r="G5" s="3"><v>69.66</v></c>'
has "$book" $sheet '<c r="E5" s="3"><v>72.69</v></c>'
has "$book" $sheet '<c r="A3"><v>1</v></c>'
has "$book" xl/styles.xml '<numFmt numFmtId="164" formatCode="0.00"/>'
# Widths by display width: 西村党支部 is 10 columns wide, "name" 4.
has "$book" $sheet '<col min="3" max="3" width="12.7109375" customWidth="1"/>'
# Print setup on every sheet: A4 (paperSize 9) landscape, fit to pages
# (fitToWidth 1 is the default, which the file leaves out; fitToHeight 0:
# as many pages tall as needed), the title and header rows on each page.
for n in 1 2; do
  has "$book" xl/worksheets/sheet$n.xml '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
  has "$book" xl/worksheets/sheet$n.xml '<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>'
done
has "$book" xl/workbook.xml '<definedName name="_xlnm.Print_Titles" localSheetId="0">'"'结果'"'!$1:$2</definedName>'
has "$book" xl/workbook.xml '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'"'结果'"'!$A$2:$I$5</definedName>'
# The scheme sheet: a block of nodes (every key of scheme_entries), then
# grades, gates, and the settings; points, floors, caps and thresholds as
# numbers, weights as numbers in a percent format.
sheet=xl/worksheets/sheet2.xml
has "$book" $sheet '<pane ySplit="2"'
has "$book" $sheet '<mergeCell ref="A1:R1"/>'
has "$book" $sheet '<c r="D4"><v>100</v></c>'
has "$book" $sheet '<c r="E4" s="4"><v>0.6</v></c>'
has "$book" $sheet '<c r="E7" s="4"><v>0.75</v></c>'
has "$book" $sheet '<c r="B11"><v>90</v></c>'
has "$book" $sheet '<c r="B22"><v>2</v></c>'
for s in 'nodes: id' name parent points weight base floor cap applies_to rule target \
  领导班子评议 'mean self group' 'grades: name' min 'gates: id' at_most force 'review&lt;80' \
  setting precision rounding half_up; do
  has "$book" xl/sharedStrings.xml "<t>$s</t>"
done
for s in 60% 75%; do
  if unzip -p "$book" xl/sharedStrings.xml | grep -qF "<t>$s</t>"; then
    fail "the weight $s is a string cell, not a number"
  fi
done
# No reasons sheet without --reasons.
if unzip -p "$book" xl/workbook.xml | grep -qF '主要失分'; then
  fail "a 主要失分 sheet without --reasons"
fi

# --reasons 2: a sheet 主要失分 between the results and 方案, a row per
# loss, the loss a number in the scheme's precision; printed like the rest.
book=$work/reasons.xlsx
run score schemes/party-building.yaml examples/party-building --reasons 2 --header zh -o "$book"
has "$book" xl/workbook.xml '<sheet name="结果" sheetId="1" r:id="rId1"/><sheet name="主要失分" sheetId="2" r:id="rId2"/><sheet name="方案" sheetId="3" r:id="rId3"/>'
sheet=xl/worksheets/sheet2.xml
for s in 排名 单位 名称 序号 失分项 失分 目标考核 领导班子评议 民主测评; do
  has "$book" xl/sharedStrings.xml "<t>$s</t>"
done
has "$book" $sheet '<mergeCell ref="A1:F1"/>'
has "$book" $sheet '<c r="A3"><v>1</v></c>'
has "$book" $sheet '<c r="D4"><v>2</v></c>'
has "$book" $sheet '<c r="F3" s="3"><v>-3.6</v></c>'
has "$book" $sheet '<c r="F8" s="3"><v>-8.19</v></c>'
has "$book" $sheet '<pageSetup paperSize="9" fitToHeight="0" orientation="landscape"/>'
has "$book" xl/workbook.xml '<definedName name="_xlnm.Print_Titles" localSheetId="1">'"'主要失分'"'!$1:$2</definedName>'
# The results sheet keeps its column of reasons.
has "$book" xl/sharedStrings.xml '<t>主要失分</t>'

# --- keys written only when set have their own column, the same in every
# row: dongyang's one_of (column S, after the keys every node has); floors
# as numbers; loudi's quota share as a percent number.
book=$work/dongyang.xlsx
run score schemes/dongyang-departments.yaml examples/dongyang-departments -o "$book"
sheet=xl/worksheets/sheet2.xml
has "$book" $sheet '<c r="S2" s="2" t="s">'
has "$book" $sheet '<c r="G11"><v>0</v></c>'
has "$book" $sheet '<c r="G16"><v>-1</v></c>'
has "$book" xl/sharedStrings.xml '<t>one_of</t>'
if ! unzip -p "$book" $sheet | grep -qE '<c r="S12" t="s"><v>[0-9]+</v></c></row>'; then
  fail "dongyang.xlsx: the one_of of new_countryside is not in column S"
fi
book=$work/loudi.xlsx
run score schemes/loudi-performance.yaml examples/loudi-performance -o "$book"
has "$book" xl/sharedStrings.xml '<t>quotas: grade</t>'
has "$book" xl/worksheets/sheet2.xml '<c r="B40" s="4"><v>0.3</v></c>'

# --- a scheme with a period: the title says it.
book=$work/grid.xlsx
run score schemes/grid-patrol.yaml examples/grid-patrol -o "$book"
has "$book" xl/sharedStrings.xml '<t>哈尔滨市社区网格化管理服务考核（2025-01-01 至 2025-12-31）</t>'
has "$book" docProps/core.xml '<dcterms:created xsi:type="dcterms:W3CDTF">2025-12-31T00:00:00Z'
# An interim run says the day its scores stop.
run score schemes/grid-patrol.yaml examples/grid-patrol --as-of 2025-06-30 -o "$book"
has "$book" xl/sharedStrings.xml '<t>哈尔滨市社区网格化管理服务考核（2025-01-01 至 2025-12-31，截至 2025-06-30）</t>'
book=$work/results.xlsx

# Identical inputs give identical bytes; -O xlsx works with any file name.
run score schemes/party-building.yaml examples/party-building -O xlsx -o "$work/again.bin"
cmp -s "$book" "$work/again.bin" || fail "two runs wrote different workbooks"
# The extension is matched ignoring case (issue 14): R.XLSX and R.Xlsx are
# the same workbook, not a text table under a workbook's name.
for name in R.XLSX R.Xlsx; do
  run score schemes/party-building.yaml examples/party-building -o "$work/$name"
  cmp -s "$book" "$work/$name" || fail "-o $name did not write the workbook of -o results.xlsx"
done
has "$work/R.XLSX" xl/workbook.xml '<sheet name="结果" sheetId="1"'

# --- shenzhen-petition ranks within category: sheets A, B, C, then 方案.
book=$work/petition.xlsx
run score schemes/shenzhen-petition.yaml examples/shenzhen-petition -o "$book"
has "$book" xl/workbook.xml '<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId3"/><sheet name="方案" sheetId="4" r:id="rId4"/>'
has "$book" xl/sharedStrings.xml '<t>南山区</t>'
has "$book" xl/sharedStrings.xml '<t>市民政局</t>'
has "$book" xl/worksheets/sheet1.xml '<v>98.5</v>'
has "$book" xl/worksheets/sheet3.xml '<v>97.87</v>'
if unzip -p "$book" xl/worksheets/sheet1.xml | grep -qF '<v>97.87</v>'; then
  fail "sheet A holds a unit of category C"
fi

# --- a failing run leaves an existing workbook byte-identical, no temp file.
cp "$work/results.xlsx" "$work/keep.xlsx"
code=0
kaohe score schemes/party-building.yaml examples/no-such-dir -o "$work/keep.xlsx" || code=$?
[[ $code -eq 66 ]] || fail "a missing data folder exited $code, expected 66"
cmp -s "$work/results.xlsx" "$work/keep.xlsx" || fail "a failed run changed keep.xlsx"
left=$(find "$work" -name '.kaohe-*')
[[ -z $left ]] || fail "a failed run left a temporary file: $left"

# An output directory that does not exist: exit 73, nothing created.
code=0
kaohe score schemes/party-building.yaml examples/party-building \
  -o "$work/no/such/dir/out.xlsx" || code=$?
[[ $code -eq 73 ]] || fail "-o into a missing directory exited $code, expected 73"

# Names that a spreadsheet would run as formulas (= + - @) are string
# cells of the workbook, never formulas, with no apostrophe added: only
# CSV/TSV need the guard (report/delimited_text.h).
book=$work/formulas.xlsx
run score schemes/party-building.yaml tests/golden/formula-guard-csv -o "$book"
has "$book" xl/sharedStrings.xml '<t>=HYPERLINK("http://x","点我")</t>'
has "$book" xl/sharedStrings.xml '<t>+西村</t>'
has "$book" xl/sharedStrings.xml '<t>-南村</t>'
if unzip -p "$book" xl/worksheets/sheet1.xml | grep -q '<f>'; then
  fail "formulas.xlsx: a cell holds a formula"
fi

if [[ $failures -ne 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all xlsx checks passed"
