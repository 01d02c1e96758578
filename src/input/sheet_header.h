// The header row of a sheet as a clerk exports it: below title rows
// (`2025年度乡镇名册,,`), found or skipped with --skip N, with its columns
// found by find_columns (DESIGN.md §1 "Sheets as they come"). Shared by
// the readers of units, events, measures and the calendar.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "input/csv_columns.h"
#include "input/csv_reader.h"

namespace kaohe {

enum class HeaderFound {
  kFound,   // `header` and `columns` are set; the reader is at the first data row
  kNoRows,  // the file holds no row (the caller says what that means)
  kBad,     // problems added to `diags`: the file cannot be read
};

// The most title rows looked through for a header.
constexpr int kMaxTitleRows = 5;

// Reads the header of `reader` and finds the columns of `spec` in it
// (`own`: the scheme's header names, as for find_columns).
// - `skip` ≥ 0 (--skip): that many rows are skipped, and the next is the
//   header (kBad, naming --skip, when the file ends before it).
// - `skip` < 0: the first row is the header when its columns are found.
//   Otherwise, up to kMaxTitleRows rows are passed over when each is a
//   title — one cell with text, naming no column of `spec` and holding no
//   comma, tab or semicolon — and the row below them is one whose columns
//   are found. When a row below is such a header but a row above it is no
//   title, that is an error naming --skip (never a guess); when no row is,
//   the problems of the first row that is no title are reported, as
//   find_columns says them.
// Lines in diagnostics are the file's. Calls reader.use_header on the
// header row. `title_rows` is set to the rows passed over; when found,
// `header_row` (if given) to the header's line and text, for diagnostics
// about its cells that the caller finds (input/wide_sheet.h).
struct HeaderRow {
  int line = 0;
  std::string raw;
};
HeaderFound read_sheet_header(CsvReader& reader, std::span<const ColumnSpec> spec,
                              const HeaderMap* own, int skip, Diagnostics& diags,
                              CsvHeader& header, std::vector<int>& columns,
                              int& title_rows, HeaderRow* header_row = nullptr);

}  // namespace kaohe
