// The terminal table and its Markdown twin: columns aligned by display
// width (CJK counts two), numbers right-aligned.
#include <algorithm>
#include <string_view>

#include "base/terminal_text.h"
#include "report/render.h"
#include "report/result_rows.h"
#include "report/text_width.h"

namespace kaohe {
namespace {

// ANSI SGR sequences of the coloured table.
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kReset = "\x1b[0m";

// `text` in `style`; empty text or style stays as it is.
std::string styled(std::string_view style, const std::string& text) {
  if (style.empty() || text.empty()) return text;
  return std::string(style) + text + std::string(kReset);
}

// The rows with every input text's control characters escaped
// (terminal_safe), before any width is measured.
ResultRows terminal_rows(const Evaluation& ev) {
  ResultRows r = result_rows(ev, "-");
  for (std::string& t : r.titles) t = terminal_safe(t);
  for (auto& row : r.rows) {
    for (std::string& cell : row) cell = terminal_safe(cell);
  }
  return r;
}

// An interim run (--as-of) says so above the table; empty otherwise.
std::string as_of_line(const Evaluation& ev) {
  const Scheme& s = ev.scheme;
  if (!s.as_of || !s.period) return {};
  return "as of " + s.as_of->to_string() + " (interim: the period runs " +
         s.period->from.to_string() + " to " + s.period->to.to_string() + ")\n";
}

}  // namespace

std::string render_table(const Evaluation& ev, bool color) {
  ResultRows r = terminal_rows(ev);
  std::vector<int> cols = shown_columns(ev, r);
  std::vector<int> width(r.ids.size(), 0);
  for (int c : cols) {
    width[c] = display_width(r.titles[c]);
    for (const auto& row : r.rows) width[c] = std::max(width[c], display_width(row[c]));
  }
  // The colour of a body cell: the best grade green, the lowest red, flags
  // yellow. Padding is computed on the plain text and stays outside the
  // escapes, so alignment and trailing-space trimming are unchanged.
  const std::vector<Grade>& grades = ev.scheme.grades;
  auto cell_style = [&](int c, const std::string& text) -> std::string_view {
    if (!color) return {};
    if (r.ids[c] == "flags") return kYellow;
    if (r.ids[c] == "grade" && grades.size() > 1) {
      if (text == grades.front().name) return kGreen;
      if (text == grades.back().name) return kRed;
    }
    return {};
  };
  std::string out = as_of_line(ev);
  auto line = [&](const std::vector<std::string>& cells, bool body) {
    std::string text;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      int c = cols[i];
      bool last = i + 1 == cols.size();
      if (i > 0) text += "  ";
      int pad = width[c] - display_width(cells[c]);
      std::string cell = styled(body ? cell_style(c, cells[c]) : "", cells[c]);
      if (r.numeric[c]) {
        text += std::string(static_cast<std::size_t>(std::max(pad, 0)), ' ') + cell;
      } else {
        text += cell;
        if (!last) text += std::string(static_cast<std::size_t>(std::max(pad, 0)), ' ');
      }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  };
  out += (color ? styled(kBold, line(r.titles, false)) : line(r.titles, false)) + '\n';
  std::vector<std::string> rule(r.ids.size());
  for (int c : cols) rule[c] = std::string(static_cast<std::size_t>(width[c]), '-');
  out += (color ? styled(kDim, line(rule, false)) : line(rule, false)) + '\n';
  for (const auto& row : r.rows) out += line(row, true) + '\n';
  return out;
}

std::string render_markdown(const Evaluation& ev) {
  ResultRows r = terminal_rows(ev);
  std::vector<int> cols = shown_columns(ev, r);
  auto escape = [](const std::string& s) {
    std::string o;
    for (char ch : s) {
      if (ch == '|') o += '\\';
      o += ch;
    }
    return o;
  };
  std::string out = as_of_line(ev);
  if (!out.empty()) out += "\n";
  out += "|";
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
