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
// (report/xlsx_writer.h) writes it, and render throws std::invalid_argument.
// `formula_guard` (CSV, TSV): text cells that a spreadsheet would run as a
// formula get a leading "'" (report/delimited_text.h).
std::string render(const Evaluation& ev, OutputFormat format, bool color = false,
                   bool formula_guard = true);

// Aligned, for people; with `color`, a bold header, a dim rule, the best
// grade green, the lowest red and flags yellow.
std::string render_table(const Evaluation& ev, bool color = false);
std::string render_delimited(const Evaluation& ev, char sep,  // csv, tsv
                             bool formula_guard = true);
std::string render_markdown(const Evaluation& ev);
std::string render_json(const Evaluation& ev);

}  // namespace kaohe
