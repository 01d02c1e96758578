// Test fixture: writes a small .xlsx workbook from its parts' XML with
// minizip's zip writer, so that a test can build any workbook — a
// damaged or hostile one too — without a spreadsheet program.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace kaohe::testing {

using Parts = std::vector<std::pair<std::string, std::string>>;  // path, XML

// The parts of a workbook of one sheet per `sheets` entry (tab name, the
// <sheetData> inner XML), with `shared` (the <si> elements; none when
// empty), `styles` (the inner XML of <styleSheet>; none when empty) and
// `workbook_pr` (a <workbookPr …/> element or empty).
Parts workbook_parts(const std::vector<std::pair<std::string, std::string>>& sheets,
                     const std::string& shared = {}, const std::string& styles = {},
                     const std::string& workbook_pr = {});

// Writes `parts` as a zip archive at `path` (deflated).
void write_zip(const std::string& path, const Parts& parts);

}  // namespace kaohe::testing
