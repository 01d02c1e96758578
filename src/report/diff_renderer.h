// Renders a ResultDiff: a table of changed units and a list of scheme
// changes (text, Markdown), CSV/TSV of changed units, or JSON of both.
#pragma once

#include <string>

#include "diff/result_diff.h"
#include "report/output_format.h"

namespace kaohe {

// `formula_guard`: as render()'s, for the CSV/TSV form.
std::string render_diff(const ResultDiff& diff, OutputFormat format,
                        bool formula_guard = true);

}  // namespace kaohe
