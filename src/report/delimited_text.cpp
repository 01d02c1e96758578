// CSV/TSV cells: quoting and the formula guard.
#include "report/delimited_text.h"

#include <algorithm>

namespace kaohe {

bool looks_like_formula(std::string_view cell) {
  if (cell.empty()) return false;
  const char c = cell.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void append_delimited_field(std::string& out, std::string_view cell, char sep, bool guard) {
  std::string guarded;
  if (guard && looks_like_formula(cell)) {
    guarded = "'";
    guarded += cell;
    cell = guarded;
  }
  if (sep == '\t') {
    for (char c : cell) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    return;
  }
  const auto special = [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; };
  if (std::none_of(cell.begin(), cell.end(), special)) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

}  // namespace kaohe
