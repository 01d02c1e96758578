// A blank input sheet of `kaohe template -O xlsx` as a workbook: the CSV
// text template_files makes, written as one sheet that Excel and WPS open
// ready to fill in, and that kaohe reads back as the CSV file it stands
// for (input/xlsx_sheet_source.h).
#pragma once

#include <string>

namespace kaohe {

// Writes `csv` (a template's CSV text: a header row, then rows) to `path`
// as an .xlsx workbook of the one sheet `sheet`: the header bold and
// frozen, every cell a text cell and every column formatted as text
// ("@"), so that what a clerk types — an id with leading zeros, a date as
// 2025/3/1 — is kept as typed. The file is the same bytes for the same
// text. Returns an empty string on success, else what went wrong
// (libxlsxwriter missing, a write error).
std::string write_template_workbook(const std::string& csv, const std::string& sheet,
                                    const std::string& path);

}  // namespace kaohe
