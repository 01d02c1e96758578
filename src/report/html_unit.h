// One unit's part of an HTML page, drawn from its Explanation (the data
// `explain` shows): the heading, the waterfall from full marks to the
// total, and the input rows behind every bar.
#pragma once

#include <string>
#include <string_view>

#include "explain/explanation.h"
#include "pipeline/evaluation.h"
#include "report/svg_charts.h"

namespace kaohe {

// The waterfall of `ex`: one step per node whose own explain lines move the
// total (their effects summed, shown as explain shows them), from the
// root's full marks to its score. Each step's tooltip lists its lines with
// their file:line, and its href is "#" + anchor + "-n" + node index.
Waterfall waterfall_of(const Evaluation& ev, const Explanation& ex, std::string_view anchor);

// What a unit's section shows under its waterfall.
enum class UnitDetail {
  kRows,  // the score page: each step's explain lines and input rows
  kTree,  // the explain page: the whole explain tree as a table
};

// `<section id="ANCHOR" class="unit">`: rank, id, name, category, total of
// full marks, grade and flags; the waterfall; then `detail`, where every
// step's anchor (see waterfall_of) is. A closing warning when the effects
// do not add up to score − full marks (as the text tree says).
std::string html_unit_section(const Evaluation& ev, const Explanation& ex,
                              std::string_view anchor, UnitDetail detail);

}  // namespace kaohe
