// The grade table as an Excel workbook (-O xlsx), with libxlsxwriter.
// Unlike the text renderers this produces a binary file, so it writes to a
// path; the caller gives a temporary path and renames it into place
// (io/output_file.h: write_output_with), which keeps -o atomic.
#pragma once

#include <string>

#include "pipeline/evaluation.h"

namespace kaohe {

// Writes `ev` to `path` as a workbook: one sheet per category when the
// scheme ranks within category (else one sheet "结果"), each under a title
// row (the scheme's title and period, merged across the table), with a
// frozen, filtered header row, columns sized to their text (CJK counts
// two), and scores as numeric cells shown with the scheme's precision;
// then, when `ev.reasons` is filled, a sheet "主要失分" of each unit's
// `reasons` largest losses (score --reasons N); then a sheet "方案" of
// everything the scheme says (scheme/scheme_entries.h). Every sheet prints
// A4 landscape, one page wide, its title and header on every page.
// Returns an empty string on success, else what went wrong.
std::string write_xlsx(const Evaluation& ev, const std::string& path, int reasons);

}  // namespace kaohe
