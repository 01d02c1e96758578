// Re-reads the run's event files for explain, keeping units' rows with
// their file and line: one unit's (explain), or many units' in as few
// passes over the files as a memory budget allows (the HTML page, which
// explains every unit).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "explain/explanation.h"
#include "pipeline/evaluation.h"

namespace kaohe {

// The event rows of `unit` that the evaluation counted.
std::vector<ExplainedRow> unit_rows(const Evaluation& ev, int unit);

// The rows kept in memory at once by for_each_unit_rows, about 50 MB.
constexpr std::size_t kUnitRowsBudget = 250'000;

// Calls `use(unit, rows)` for each of `units` in their order, with the
// unit's counted event rows (as unit_rows gives them). The files are read
// once when all the rows fit in `row_budget`; otherwise once to count each
// unit's rows, then once per batch of consecutive units whose rows fit (a
// unit with more rows than the budget is a batch of its own). So the HTML
// page of 10,000 units reads the files a few times, not 10,000 times.
void for_each_unit_rows(const Evaluation& ev, const std::vector<int>& units,
                        std::size_t row_budget,
                        const std::function<void(int, const std::vector<ExplainedRow>&)>& use);

}  // namespace kaohe
