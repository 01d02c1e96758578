// What the name of a file in a data folder says (SPEC §2 Files, DESIGN.md
// §5 "Data folder"): which kind of input it is, whether it looks like a
// copy of another file, whether it is a workbook named like an input.
// Names only: nothing here touches the file system.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kaohe {

enum class DataKind { kUnits, kEvents, kMeasures };

// "units", "events" or "measures".
std::string_view kind_name(DataKind kind);

// What one name in a data folder says.
struct DataFileName {
  // Hidden (".name", e.g. macOS "._events.csv") or an Office lock file
  // ("~$name", present while Excel has the file open): never read and
  // never reported; so is items.csv, the list of items `kaohe template`
  // writes beside the blank sheets. When true, nothing else is set.
  bool ignored = false;
  bool csv = false;  // ends with ".csv" or ".tsv", in any letter case
  // Ends with ".txt" (any case) and names a kind (Excel's "Unicode 文本"
  // saves .txt); another .txt file is no input and not reported.
  bool text = false;
  // Ends with ".xlsx" (any case): a workbook, read as its one sheet with
  // data when named like an input (input/workbook_sheet.h).
  bool workbook = false;
  // The kind of a CSV, TSV, text or .xlsx file: the stem, in any ASCII letter
  // case, is "units", "events", "measures", or "events"/"measures" followed
  // by "-" or "_" and at least one more character. nullopt: no kind (not
  // read).
  std::optional<DataKind> kind;
  // The part of the name that says it is a copy of another file: "副本",
  // "複本", "复制", "複製", the word "copy" in any case (not inside a longer
  // word), or a number of 1 to 3 digits in ASCII or full-width
  // parentheses, e.g. "(1)". Empty: none.
  std::string copy_mark;
  // A CSV, TSV, .txt or .xlsx file with a copy mark whose name starts, in any case, with
  // "events" or "measures" ("events - 副本.csv", "events (1).csv",
  // "measures_copy.csv"): the kind it copies; nullopt otherwise.
  std::optional<DataKind> copy_of;
  // An old Excel workbook (".xls", any case) whose stem would make a CSV
  // file of this kind, e.g. "events.xls" (not read); nullopt otherwise.
  std::optional<DataKind> workbook_kind;
};

// Classifies one file name (not a path).
DataFileName classify_data_file(std::string_view name);

}  // namespace kaohe
