// The grade table as an Excel workbook (-O xlsx), with libxlsxwriter.
// Unlike the text renderers this produces a binary file, so it writes to a
// path; the caller gives a temporary path and renames it into place
// (io/output_file.h: write_output_with), which keeps -o atomic.
#pragma once

#include <string>

#include "pipeline/evaluation.h"

namespace kaohe {

// Writes `ev` to `path` as a workbook: one sheet per category when the
// scheme ranks within category (else one sheet "结果"), each with a frozen,
// filtered header row, columns sized to their text (CJK counts two), and
// scores as numeric cells shown with the scheme's precision; then a sheet
// "方案" listing the scheme's nodes (id, name, parent, points, weight,
// rule). Returns an empty string on success, else what went wrong.
std::string write_xlsx(const Evaluation& ev, const std::string& path);

}  // namespace kaohe
