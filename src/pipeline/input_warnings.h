// Warnings about what the input files held, built from their row counts:
// a file without rows, rows dated outside the scheme's period. The
// commands decide which to print (DESIGN.md §5 "Data folder").
#pragma once

#include <optional>
#include <vector>

#include "base/diagnostic.h"
#include "input/event.h"
#include "scheme/model.h"

namespace kaohe {

// One warning per events or measures file marked `empty` (no rows), in
// the order of `stats`.
std::vector<Diagnostic> empty_file_warnings(const std::vector<InputStats>& stats);

// One warning per file with rows outside `period`, at the file's first
// such row, with the count, that row's text and a hint (for `check`).
// None without a period. `as_of`: `period` is an interim run's, ended by
// --as-of (the message says so rather than calling it the scheme's).
std::vector<Diagnostic> outside_period_warnings(const std::vector<InputStats>& stats,
                                                const std::optional<Period>& period,
                                                bool as_of = false);

// The same as one line for the whole run (for `score`): at the first row
// outside the period of the first file that has one, with the count of
// all files; no row text, no hint. nullopt when no row lies outside.
std::optional<Diagnostic> outside_period_summary(const std::vector<InputStats>& stats,
                                                 const std::optional<Period>& period,
                                                 bool as_of = false);

}  // namespace kaohe
