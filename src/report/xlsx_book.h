// One workbook of -O xlsx being written: its cell formats, its first
// error, and what every sheet does alike — a legal sheet name, the title
// row, the print setup, typed cells, column widths. The sheets themselves
// are written by xlsx_writer.cpp (results), xlsx_reasons_sheet.cpp and
// xlsx_scheme_sheet.cpp.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "report/xlsx_library.h"
#include "scheme/model.h"

namespace kaohe {

class XlsxBook {
 public:
  // The formats of `wb` for `scheme` (its precision, its title); `x` and
  // `wb` outlive the book.
  XlsxBook(const XlsxLibrary& x, lxw_workbook* wb, const Scheme& scheme);

  // The first error met, or "". Once there is one, nothing more is
  // written: the library may be out of memory, and the file is dropped.
  const std::string& error() const { return error_; }
  bool failed() const { return !error_.empty(); }
  // Records `err` unless it is LXW_NO_ERROR or an error came first.
  void check(lxw_error err);

  // A new sheet named after `wanted`, made legal (no []:*?/\, at most 31
  // characters) and unique; nullptr (and the error recorded) if the
  // library refuses it.
  lxw_worksheet* add_sheet(const std::string& wanted);

  // Writes the title row (row 0: the scheme's title and period, merged
  // across `columns` columns); returns the rows it takes: 1, or 0 when the
  // scheme has no title and no period. The sheet's header goes in the
  // row it returns.
  lxw_row_t title_row(lxw_worksheet* ws, std::size_t columns);

  // A4 landscape, one page wide and as many tall as needed, rows
  // 0..`header_row` (the title and the header) on every printed page; the
  // rows above `header_row` + 1 frozen.
  void print_setup(lxw_worksheet* ws, lxw_row_t header_row);

  // A bold header cell with a rule below.
  void header_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text);

  // One cell: blank when `text` is empty (a part that does not apply); a
  // number when `numeric` and `text` is a printed decimal — in the scheme's
  // precision when `score`, else as it is; otherwise a string.
  void cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text,
            bool numeric, bool score);

  // As `cell`, but a percentage as written ("60%", "33.33%") is the
  // number 0.6, 0.3333 in a percent format with the digits written.
  void cell_or_percent(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col,
                       const std::string& text, bool numeric);

  // Sets each column's width from the display width of its widest text
  // (CJK counts two), within 6..60.
  void set_widths(lxw_worksheet* ws, const std::vector<int>& text_widths);

  const XlsxLibrary& lib() const { return x_; }

 private:
  // The format "0%", "0.0%", … for `decimals` decimals, made once.
  lxw_format* percent_format(int decimals);

  const XlsxLibrary& x_;
  lxw_workbook* wb_;
  std::string title_text_;
  lxw_format* title_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* score_ = nullptr;
  std::vector<std::pair<int, lxw_format*>> percent_;
  std::string error_;
};

}  // namespace kaohe
