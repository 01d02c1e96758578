// The sources of a scheme's `result` leaves (按…考核折算): a saved `kaohe
// score -O json` result read back, or another scheme scored on its own data
// folder in the same run. Read here, once per source, and handed to
// scoring as an in-memory table (scoring/result_leaf.h).
#pragma once

#include <string>
#include <vector>

#include "base/diagnostic.h"
#include "input/data_sources.h"
#include "input/roster.h"
#include "scheme/model.h"
#include "scoring/result_leaf.h"

namespace kaohe {

// The schemes being evaluated, outermost first: a source that names one
// of them again is a cycle (A uses B uses A). Compared by canonical path,
// shown as the paths were written.
struct SchemeChain {
  std::vector<std::string> canonical;
  std::vector<std::string> shown;
};

// Reads the source of every result leaf of `scheme` — a scheme source is
// scored with evaluate() on its data folder, with `run`'s forced encoding,
// delimiter and threads (not its --as-of) — and looks up each unit of `roster` there by
// unit_id. Problems (a file that cannot be read, not a kaohe result, an
// unknown node, no scale, a cycle, the source's own errors) go to `diags`,
// at the leaf's line of the scheme; such a leaf is marked failed. Paths are
// relative to the scheme's folder.
ResultScores read_result_sources(const Scheme& scheme, const Roster& roster,
                                 const DataSources& run, SchemeChain& chain,
                                 Diagnostics& diags);

// `check` without data: the references alone — each source file can be
// read (a scheme source is loaded, not scored), its node exists, a scale
// is known, no cycle. Every problem, in scheme order.
std::vector<Diagnostic> check_result_references(const Scheme& scheme);

}  // namespace kaohe
