// libxlsxwriter, loaded with dlopen the first time a workbook is written.
//
// Linking it would make every run pay for it at start-up: libxlsxwriter and
// the libcrypto, minizip and zlib it brings are bound eagerly (BIND_NOW),
// about 5,000 symbol lookups and 5 MB mapped, roughly half the start-up
// time of a small `kaohe score` (issue 7: ≤ 5 ms). Only `-O xlsx` needs it.
#pragma once

#include <xlsxwriter.h>

#include <string>

namespace kaohe {

// The libxlsxwriter functions kaohe calls, with their own signatures.
struct XlsxLibrary {
  decltype(&::workbook_new_opt) workbook_new_opt;
  decltype(&::workbook_add_worksheet) workbook_add_worksheet;
  decltype(&::workbook_add_format) workbook_add_format;
  decltype(&::workbook_set_properties) workbook_set_properties;
  decltype(&::workbook_validate_sheet_name) workbook_validate_sheet_name;
  decltype(&::workbook_close) workbook_close;
  decltype(&::worksheet_write_string) worksheet_write_string;
  decltype(&::worksheet_write_number) worksheet_write_number;
  decltype(&::worksheet_set_column) worksheet_set_column;
  decltype(&::worksheet_freeze_panes) worksheet_freeze_panes;
  decltype(&::worksheet_autofilter) worksheet_autofilter;
  decltype(&::worksheet_merge_range) worksheet_merge_range;
  decltype(&::worksheet_set_landscape) worksheet_set_landscape;
  decltype(&::worksheet_set_paper) worksheet_set_paper;
  decltype(&::worksheet_fit_to_pages) worksheet_fit_to_pages;
  decltype(&::worksheet_repeat_rows) worksheet_repeat_rows;
  decltype(&::format_set_bold) format_set_bold;
  decltype(&::format_set_bottom) format_set_bottom;
  decltype(&::format_set_num_format) format_set_num_format;
  decltype(&::format_set_font_size) format_set_font_size;
  decltype(&::format_set_align) format_set_align;
  decltype(&::lxw_strerror) lxw_strerror;
};

// The loaded library (loaded once, never unloaded), or nullptr when it
// cannot be loaded or lacks a function; then `why` says what went wrong
// and how to install it.
const XlsxLibrary* xlsx_library(std::string& why);

}  // namespace kaohe
