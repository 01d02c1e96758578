// The terminal table and its Markdown twin: columns aligned by display
// width (CJK counts two), numbers right-aligned.
#include <algorithm>

#include "report/render.h"
#include "report/result_rows.h"
#include "report/text_width.h"

namespace kaohe {
namespace {

// Columns worth showing: category only when the roster has categories,
// grade only when the scheme has grades, flags only when some unit has one.
std::vector<int> shown_columns(const Evaluation& ev, const ResultRows& r) {
  std::vector<int> cols;
  for (int c = 0; c < static_cast<int>(r.ids.size()); ++c) {
    if (r.ids[c] == "category" && !ev.roster.has_categories) continue;
    if (r.ids[c] == "grade" && ev.scheme.grades.empty()) continue;
    if ((r.ids[c] == "flags" || r.ids[c] == "near_boundary") &&
        std::all_of(r.rows.begin(), r.rows.end(),
                    [&](const auto& row) { return row[c].empty(); })) {
      continue;
    }
    cols.push_back(c);
  }
  return cols;
}

}  // namespace

std::string render_table(const Evaluation& ev) {
  ResultRows r = result_rows(ev, "-");
  std::vector<int> cols = shown_columns(ev, r);
  std::vector<int> width(r.ids.size(), 0);
  for (int c : cols) {
    width[c] = display_width(r.titles[c]);
    for (const auto& row : r.rows) width[c] = std::max(width[c], display_width(row[c]));
  }
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      int c = cols[i];
      bool last = i + 1 == cols.size();
      if (i > 0) text += "  ";
      if (r.numeric[c]) {
        text += pad_left(cells[c], width[c]);
      } else {
        text += last ? cells[c] : pad_right(cells[c], width[c]);
      }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text;
    out += '\n';
  };
  line(r.titles);
  std::vector<std::string> rule(r.ids.size());
  for (int c : cols) rule[c] = std::string(static_cast<std::size_t>(width[c]), '-');
  line(rule);
  for (const auto& row : r.rows) line(row);
  return out;
}

std::string render_markdown(const Evaluation& ev) {
  ResultRows r = result_rows(ev, "-");
  std::vector<int> cols = shown_columns(ev, r);
  auto escape = [](const std::string& s) {
    std::string o;
    for (char ch : s) {
      if (ch == '|') o += '\\';
      o += ch;
    }
    return o;
  };
  std::string out = "|";
  for (int c : cols) out += " " + escape(r.titles[c]) + " |";
  out += "\n|";
  for (int c : cols) out += r.numeric[c] ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : r.rows) {
    out += "|";
    for (int c : cols) out += " " + escape(row[c]) + " |";
    out += "\n";
  }
  return out;
}

}  // namespace kaohe
