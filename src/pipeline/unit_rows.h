// Re-reads the run's event files for one unit, keeping its rows with their
// file and line, for explain. Memory grows with that unit's rows only.
#pragma once

#include <vector>

#include "explain/explanation.h"
#include "pipeline/evaluation.h"

namespace kaohe {

// The event rows of `unit` that the evaluation counted.
std::vector<ExplainedRow> unit_rows(const Evaluation& ev, int unit);

}  // namespace kaohe
