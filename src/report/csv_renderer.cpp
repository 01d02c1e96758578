// CSV (RFC 4180, LF line ends) and TSV output with the fixed header of
// SPEC §9: rank,unit_id,name,category,<parts>,total,grade,flags.
#include "report/render.h"
#include "report/result_rows.h"

namespace kaohe {
namespace {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// TSV has no quoting: tabs and line breaks inside a cell become spaces.
std::string tsv_field(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

}  // namespace

std::string render_delimited(const Evaluation& ev, char sep) {
  ResultRows r = result_rows(ev, "");
  auto field = [&](const std::string& s) {
    return sep == ',' ? csv_field(s) : tsv_field(s);
  };
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += sep;
      out += field(cells[i]);
    }
    out += '\n';
  };
  line(r.ids);
  for (const auto& row : r.rows) line(row);
  return out;
}

}  // namespace kaohe
