// The grade table as rows of text cells, shared by the text renderers:
// rank, unit_id, name, category, one column per top-level part, total,
// grade, flags (SPEC §9).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "pipeline/evaluation.h"

namespace kaohe {

struct ResultRows {
  std::vector<std::string> ids;      // machine header: rank, unit_id, …
  std::vector<std::string> titles;   // human header: part names (the fixed
                                     // columns in ev.header's words)
  std::vector<bool> numeric;         // right-aligned columns
  std::vector<std::vector<std::string>> rows;
};

// The header line of CSV and TSV: the ids of SPEC §9, or with a Chinese
// header the titles (parts by name), which Excel and WPS users read.
const std::vector<std::string>& delimited_header(const Evaluation& ev, const ResultRows& r);

// `na` is what a cell shows for a part that does not apply to the unit.
ResultRows result_rows(const Evaluation& ev, const std::string& na);

// The same without the rows (ids, titles, numeric) ...
ResultRows result_columns(const Evaluation& ev);
// ... and the rows one at a time, in rank order, for a renderer that
// writes each as it comes: `row` gets the cells of each unit in turn, in
// a vector reused from row to row (valid during the call).
void for_each_result_row(const Evaluation& ev, const std::string& na,
                         const std::function<void(const std::vector<std::string>&)>& row);

// The columns of `r` worth showing to people (table, Markdown, xlsx):
// category only when the roster has categories, grade only when the scheme
// has grades, flags and near-boundary only when some unit has one.
std::vector<int> shown_columns(const Evaluation& ev, const ResultRows& r);

}  // namespace kaohe
