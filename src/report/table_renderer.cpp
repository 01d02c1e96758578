// The terminal table and its Markdown twin: columns aligned by display
// width (CJK counts two), numbers right-aligned; the table fitted into a
// width when it is given one (report/table_fit.h).
#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "base/messages.h"
#include "base/terminal_text.h"
#include "report/render.h"
#include "report/result_rows.h"
#include "report/table_fit.h"
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
  return trf("as of {} (interim: the period runs {} to {})\n", s.as_of->to_string(),
             s.period->from.to_string(), s.period->to.to_string());
}

// The narrowest a wrapped column becomes: six CJK characters of a unit's
// name, four of flags, ten of the largest losses.
constexpr int kMinNameWidth = 12;
constexpr int kMinFlagsWidth = 8;
constexpr int kMinReasonsWidth = 20;

// "note: …" lines under a table fitted into `width` columns, saying what was
// left out or cut; each wrapped to the width, continued under its text.
std::string fit_notes(const TableFit& fit, const std::vector<FitColumn>& columns, int width) {
  std::vector<std::string> notes;
  auto titles = [&](const std::vector<int>& which) {
    std::string out;
    for (int c : which) {
      if (!out.empty()) out += ", ";
      out += columns[static_cast<std::size_t>(c)].title;
    }
    return out;
  };
  if (!fit.dropped.empty()) {
    const auto parts = std::count_if(columns.begin(), columns.end(), [](const FitColumn& c) {
      return c.role == FitRole::kPart;
    });
    notes.push_back(trf("{} of {} parts not shown to fit {} columns: {} (--width 0 shows all)",
                        fit.dropped.size(), parts, width, titles(fit.dropped)));
  }
  if (!fit.shortened.empty()) {
    notes.push_back(trf("headers shortened to fit: {}", titles(fit.shortened)));
  }
  if (fit.overflow) {
    notes.push_back(trf("the table is wider than {} columns even so", width));
  }
  const std::string prefix = tr("note: ");
  const int text_width = std::max(width - display_width(prefix), 20);
  std::string out;
  for (const std::string& note : notes) {
    bool first = true;
    for (const std::string& l : wrap_words(note, text_width)) {
      out += (first ? prefix : std::string(static_cast<std::size_t>(display_width(prefix)), ' ')) +
             l + '\n';
      first = false;
    }
  }
  return out;
}

}  // namespace

std::string render_table(const Evaluation& ev, bool color, int width) {
  ResultRows r = terminal_rows(ev);
  const std::vector<int> cols = shown_columns(ev, r);
  // Columns 4 .. 4 + parts - 1 of ResultRows are the parts (result_rows.h);
  // told apart by place, as a part's id may be any word, "name" included.
  const int first_part = 4;
  const int end_part = first_part + static_cast<int>(ev.scheme.parts().size());
  std::vector<FitColumn> fit_columns;
  for (int c : cols) {
    FitColumn f;
    f.title = r.titles[c];
    for (const auto& row : r.rows) f.cells = std::max(f.cells, display_width(row[c]));
    if (c >= first_part && c < end_part) {
      f.role = FitRole::kPart;
    } else if (r.ids[c] == "name") {
      f.role = FitRole::kWrap;
      f.min_width = kMinNameWidth;
    } else if (r.ids[c] == "flags" || r.ids[c] == "near_boundary") {
      f.role = FitRole::kWrap;
      f.min_width = kMinFlagsWidth;
    } else if (r.ids[c] == "reasons") {
      f.role = FitRole::kWrap;
      f.min_width = kMinReasonsWidth;
    }
    fit_columns.push_back(std::move(f));
  }
  const TableFit fit = fit_table(fit_columns, width);

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
  int last_shown = -1;
  for (std::size_t i = 0; i < cols.size(); ++i) {
    if (fit.width[i] > 0) last_shown = static_cast<int>(i);
  }
  // One line of the table: for each shown column `i`, the text `text_of(i)`
  // (a line of its cell, empty past the cell's last), `style_of(i)` around it.
  auto line = [&](auto text_of, auto style_of) {
    std::string text;
    bool first = true;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const int w = fit.width[i];
      if (w == 0) continue;
      if (!first) text.append(static_cast<std::size_t>(kColumnGap), ' ');
      first = false;
      const std::string& cell = text_of(i);
      const int pad = std::max(w - display_width(cell), 0);
      const std::string shown = styled(style_of(i), cell);
      if (r.numeric[cols[i]]) {
        text += std::string(static_cast<std::size_t>(pad), ' ') + shown;
      } else {
        text += shown;
        if (static_cast<int>(i) != last_shown) text += std::string(static_cast<std::size_t>(pad), ' ');
      }
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  };
  auto no_style = [](std::size_t) { return std::string_view(); };
  const std::string empty;

  std::string out;
  // The interim line wraps too when the table is fitted.
  const std::string as_of = as_of_line(ev);
  if (width > 0 && !as_of.empty()) {
    for (const std::string& l : wrap_words(as_of.substr(0, as_of.size() - 1), width)) {
      out += l + '\n';
    }
  } else {
    out = as_of;
  }
  // Headers sit on the rule: a shorter header is padded at the top.
  for (int k = 0; k < fit.header_lines; ++k) {
    std::string text = line(
        [&](std::size_t i) -> const std::string& {
          const auto& h = fit.header[i];
          const int at = k - (fit.header_lines - static_cast<int>(h.size()));
          return at >= 0 ? h[static_cast<std::size_t>(at)] : empty;
        },
        no_style);
    out += (color ? styled(kBold, text) : text) + '\n';
  }
  std::vector<std::string> rule(cols.size());
  for (std::size_t i = 0; i < cols.size(); ++i) {
    rule[i] = std::string(static_cast<std::size_t>(fit.width[i]), '-');
  }
  const std::string rule_line =
      line([&](std::size_t i) -> const std::string& { return rule[i]; }, no_style);
  out += (color ? styled(kDim, rule_line) : rule_line) + '\n';
  std::vector<std::vector<std::string>> cell_lines(cols.size());
  for (const auto& row : r.rows) {
    std::size_t height = 1;
    for (std::size_t i = 0; i < cols.size(); ++i) {
      if (fit.width[i] == 0) continue;
      const std::string& cell = row[cols[i]];
      if (fit_columns[i].role != FitRole::kWrap) {
        cell_lines[i] = {cell};
      } else if (r.ids[cols[i]] == "reasons" || r.ids[cols[i]] == "near_boundary") {
        cell_lines[i] = wrap_words(cell, fit.width[i]);  // "目标考核 -3.60; …"
      } else {
        cell_lines[i] = wrap_even(cell, fit.width[i]);
      }
      height = std::max(height, cell_lines[i].size());
    }
    for (std::size_t k = 0; k < height; ++k) {
      out += line(
                 [&](std::size_t i) -> const std::string& {
                   return k < cell_lines[i].size() ? cell_lines[i][k] : empty;
                 },
                 [&](std::size_t i) { return cell_style(cols[i], row[cols[i]]); }) +
             '\n';
    }
  }
  out += fit_notes(fit, fit_columns, width);
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
