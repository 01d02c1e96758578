// Renderers of an evaluation: the ranked grade table as terminal text,
// CSV, TSV, Markdown or JSON (SPEC §5, §9). They only turn data into text;
// writing it is the caller's business.
#pragma once

#include <string>

#include "pipeline/evaluation.h"
#include "report/output_format.h"

namespace kaohe {

inline constexpr int kJsonSchemaVersion = 1;

std::string render(const Evaluation& ev, OutputFormat format);

std::string render_table(const Evaluation& ev);      // aligned, for people
std::string render_delimited(const Evaluation& ev, char sep);  // csv, tsv
std::string render_markdown(const Evaluation& ev);
std::string render_json(const Evaluation& ev);

}  // namespace kaohe
