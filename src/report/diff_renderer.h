// Renders a ResultDiff: a table of changed units and a list of scheme
// changes (text, Markdown), CSV/TSV of changed units, or JSON of both; and
// the texts the HTML page shares with them (report/html_renderer.h).
#pragma once

#include <string>

#include "diff/result_diff.h"
#include "report/output_format.h"

namespace kaohe {

// `formula_guard`: as render()'s, for the CSV/TSV form.
std::string render_diff(const ResultDiff& diff, OutputFormat format,
                        bool formula_guard = true);

// A unit's change of total, new − old, with the more digits of the two
// precisions, so that it is exact: "+0.25", "-1.45", "0.00"; "-" when the
// unit is in one result only.
std::string total_change_text(const UnitChange& c, const ResultDiff& diff);

// One scheme change as a line: "~ cap_id 加分: cap 50 → 40", "~ grade 合格:
// min 600 → 650", "~ precision: 2 → 1", "+ gate flag veto (force 不合格)".
std::string scheme_line(const SchemeChange& c);

}  // namespace kaohe
