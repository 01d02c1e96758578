// The HTML report (issue 20; DESIGN.md §4 "HTML report"): one
// self-contained page per run of `score`, `explain` or `diff`, its charts
// inline SVG drawn by kaohe (report/svg_charts.h), its numbers formatted
// as the table, explain and diff format them. Renderers only render: the
// commands compute the evaluation, the explanations and the diff.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "diff/result_diff.h"
#include "explain/explanation.h"
#include "pipeline/evaluation.h"

namespace kaohe {

// The score page: the ranked table (sortable, filterable by category and
// grade; flags, reasons and near-boundary marks when the evaluation has
// them), the grade distribution, each part's and the total's spread
// across units, and each unit's waterfall with the explain lines behind
// every bar. `explained` holds one Explanation per unit of ev.standings,
// in that order (explain_unit of each). Precondition: sizes match.
std::string render_score_html(const Evaluation& ev, const std::vector<Explanation>& explained);

// The explain page: for each of `explained` (one or more units, in the
// order asked), the waterfall and the whole explain tree.
std::string render_explain_html(const Evaluation& ev, const std::vector<Explanation>& explained);

// The diff page: units that moved (changes of total as bars, for the units
// whose total changed; then a table
// with rank moves up or down and grade changes highlighted), the scheme's
// changes and the keys not compared. `old_name` and `new_name` are the two
// sides as the user named them.
std::string render_diff_html(const ResultDiff& diff, std::string_view old_name,
                             std::string_view new_name);

}  // namespace kaohe
