// Which sheet of an .xlsx workbook an input path names (DESIGN.md §1
// "Workbooks"): `book.xlsx` (its one sheet with data) or `book.xlsx:Sheet`
// (the sheet by its tab name) — the form every diagnostic prints, so a
// location can be given back as an input — and the sheet of each kind
// in a workbook given as the data folder (`--data book.xlsx`).
#pragma once

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "input/data_file_names.h"
#include "input/text_decoder.h"

namespace kaohe {

struct SheetPath {
  std::string file;    // the file to open
  std::string sheet;   // the tab's name; empty: the one with data
  bool workbook = false;
};

// `path` as a file and sheet: a name ending in ".xlsx" (any case) is a
// workbook; "FILE.xlsx:NAME", when no file is named `path`, is sheet NAME
// of FILE.xlsx; anything else is a text file.
SheetPath split_sheet_path(const std::string& path);

// Whether `path` names a workbook or a sheet of one.
inline bool is_workbook_path(const std::string& path) {
  return split_sheet_path(path).workbook;
}

// The sheet `path` (a workbook path) names, opened on `file` (its file,
// not owned, not closed) as CSV text for the CSV reader; `where` is set to
// "FILE.xlsx:NAME", the reader's name. Without a sheet name, the one
// sheet that holds values (the first sheet when none does). Throws
// kaohe::Error 65 for a workbook that cannot be read or several sheets
// with values and none named; 66 for a sheet name the workbook lacks
// (did you mean …?, and the list of its sheets).
std::unique_ptr<ByteSource> open_workbook_sheet(const SheetPath& path, std::FILE* file,
                                                std::string& where);

// `path` with its sheet named: "book.xlsx" → "book.xlsx:Sheet1" (the sheet
// open_workbook_sheet would read); a text file's path as it is. Throws as
// open_workbook_sheet, 66 when the file cannot be opened.
std::string name_the_sheet(const std::string& path);

// The kind a sheet's tab name gives it in a workbook read as the data
// folder: "units", "events", "measures" or "events-…"/"measures-…" in any
// letter case, as in a folder; or the Chinese names 单位/单位名单/名单/花名册
// (units), 事件/台账/扣分/加扣分/扣分台账 (events), 指标/测评/数值/数据
// (measures), alone or followed by "-" and more.
std::optional<DataKind> kind_of_sheet(std::string_view name);

// The sheets of workbook `path` (a file) by kind, as "path:NAME" in tab
// order; sheets of no kind go to `others`. Throws as name_the_sheet.
struct WorkbookKinds {
  std::vector<std::string> units;
  std::vector<std::string> events;
  std::vector<std::string> measures;
  std::vector<std::string> others;  // the tab names
};
WorkbookKinds sheets_by_kind(const std::string& path);

}  // namespace kaohe
