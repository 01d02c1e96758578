// CSV (RFC 4180, LF line ends) and TSV output with the fixed header of
// SPEC §9: rank,unit_id,name,category,<parts>,total,grade,flags.
#include "report/render.h"

#include <algorithm>

#include "report/result_rows.h"

namespace kaohe {
namespace {

// Appends `s` to `out` as a CSV field: quoted when it holds a comma, a
// quote or a line break, with its quotes doubled.
void append_csv_field(std::string& out, const std::string& s) {
  const auto special = [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; };
  if (std::none_of(s.begin(), s.end(), special)) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// TSV has no quoting: tabs and line breaks inside a cell become spaces.
void append_tsv_field(std::string& out, const std::string& s) {
  for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
}

}  // namespace

std::string render_delimited(const Evaluation& ev, char sep) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += sep;
      if (sep == ',') {
        append_csv_field(out, cells[i]);
      } else {
        append_tsv_field(out, cells[i]);
      }
    }
    out += '\n';
  };
  line(result_columns(ev).ids);
  for_each_result_row(ev, "", line);
  return out;
}

}  // namespace kaohe
