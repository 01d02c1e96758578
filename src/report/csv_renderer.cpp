// CSV (RFC 4180, LF line ends) and TSV output with the fixed header of
// SPEC §9: rank,unit_id,name,category,<parts>,total,grade,flags (or, with
// `score --header zh`, 排名,单位,…,总分,等次,备注 and the parts' names); text
// cells guarded against formula injection (report/delimited_text.h).
#include "report/render.h"

#include "report/delimited_text.h"
#include "report/result_rows.h"

namespace kaohe {

std::string render_delimited(const Evaluation& ev, char sep, bool formula_guard) {
  std::string out;
  const ResultRows columns = result_columns(ev);
  // Scores and ranks are kaohe's own numbers; every other cell is text
  // from the inputs and the scheme, guarded against formula injection.
  auto line = [&](const std::vector<std::string>& cells, bool header) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += sep;
      append_delimited_field(out, cells[i], sep,
                             formula_guard && (header || !columns.numeric[i]));
    }
    out += '\n';
  };
  line(delimited_header(ev, columns), true);
  for_each_result_row(ev, "", [&](const std::vector<std::string>& cells) { line(cells, false); });
  return out;
}

}  // namespace kaohe
