// Renderers of an evaluation: the ranked grade table as terminal text,
// CSV, TSV, Markdown or JSON (SPEC §5, §9). They only turn data into text;
// writing it is the caller's business.
#pragma once

#include <string>

#include "pipeline/evaluation.h"
#include "report/output_format.h"

namespace kaohe {

inline constexpr int kJsonSchemaVersion = 1;

// A text format; `color` asks for ANSI colour in the table (the caller
// decides: a terminal, no NO_COLOR). kXlsx is not text: write_xlsx
// (report/xlsx_writer.h) writes it; kHtml needs each unit's explanation:
// render_score_html (report/html_renderer.h) writes it; for both render
// throws std::invalid_argument.
// `formula_guard` (CSV, TSV): text cells that a spreadsheet would run as a
// formula get a leading "'" (report/delimited_text.h).
// `width` (the table only): fit the table into that many columns
// (report/table_fit.h), 0 for no limit.
std::string render(const Evaluation& ev, OutputFormat format, bool color = false,
                   bool formula_guard = true, int width = 0);

// Aligned, for people; with `color`, a bold header, a dim rule, the best
// grade green, the lowest red and flags yellow. With `width` > 0, fitted
// into that many columns (fit_table: headers and names wrapped, part
// headers shortened, parts dropped) with "note:" lines under the table
// saying what was shortened or left out; a table that fits as it is, and
// any table with `width` 0, is the same as without fitting.
std::string render_table(const Evaluation& ev, bool color = false, int width = 0);
std::string render_delimited(const Evaluation& ev, char sep,  // csv, tsv
                             bool formula_guard = true);
std::string render_markdown(const Evaluation& ev);
std::string render_json(const Evaluation& ev);

}  // namespace kaohe
