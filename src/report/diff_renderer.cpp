// Text, delimited and JSON forms of a diff.
#include "report/diff_renderer.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/terminal_text.h"
#include "report/delimited_text.h"
#include "report/json_text.h"
#include "report/text_width.h"

namespace kaohe {
namespace {

std::string num(const std::optional<Decimal>& d, int precision) {
  return d ? d->format(precision) : std::string("-");
}

}  // namespace

std::string total_change_text(const UnitChange& c, const ResultDiff& diff) {
  if (!c.old_total || !c.new_total) return "-";
  Decimal d = *c.new_total - *c.old_total;
  std::string s = d.format(std::max(diff.old_precision, diff.precision));
  return d > Decimal() ? "+" + s : s;
}

namespace {

std::string arrow(const std::string& a, const std::string& b) {
  return a == b ? a : a + " → " + b;
}

std::string parts_text(const UnitChange& c, const ResultDiff& d) {
  std::string out;
  for (const PartChange& p : c.parts) {
    if (!out.empty()) out += "; ";
    out += p.id + " " + num(p.old_score, d.old_precision) + " → " +
           num(p.new_score, d.precision);
  }
  if (c.only_old) out = "only in the old result";
  if (c.only_new) out = "only in the new result";
  return out;
}

// The JSON "change": added, removed, or the key that changed.
std::string change_word(const SchemeChange& c) {
  switch (c.kind) {
    case SchemeChange::Kind::kAdded: return "added";
    case SchemeChange::Kind::kRemoved: return "removed";
    case SchemeChange::Kind::kChanged: break;
  }
  return c.key.empty() ? c.section : c.key;
}

}  // namespace

std::string scheme_line(const SchemeChange& c) {
  bool node = c.section == "node";
  std::string subject = node ? c.id + " " + c.name
                        : c.id.empty() ? c.section
                                       : c.section + " " + c.id;
  switch (c.kind) {
    case SchemeChange::Kind::kAdded:
    case SchemeChange::Kind::kRemoved: {
      const std::string& what =
          c.kind == SchemeChange::Kind::kAdded ? c.new_value : c.old_value;
      std::string sign = c.kind == SchemeChange::Kind::kAdded ? "+ " : "- ";
      if (node) return sign + subject + " (" + what + " points)";
      return sign + subject + (what.empty() ? "" : " (" + what + ")");
    }
    case SchemeChange::Kind::kChanged:
      break;
  }
  return fmt::format("~ {}: {}{} → {}", subject, c.key.empty() ? "" : c.key + " ",
                     c.old_value, c.new_value);
}

namespace {

// "not compared (…):" and the keys, wrapped at 78 columns under it.
std::string not_compared_text(const ResultDiff& d) {
  std::string out = "not compared (a saved result does not record them):\n";
  std::string line = " ";
  for (std::size_t i = 0; i < d.not_compared.size(); ++i) {
    std::string item = " " + d.not_compared[i] + (i + 1 < d.not_compared.size() ? "," : "");
    if (line.size() > 1 && display_width(line) + display_width(item) > 78) {
      out += line + "\n";
      line = " ";
    }
    line += item;
  }
  return out + line + "\n";
}

// One row per changed unit; the category after the name when `category`.
std::vector<std::vector<std::string>> unit_rows(const ResultDiff& d, bool arrows,
                                                bool category) {
  std::vector<std::vector<std::string>> rows;
  for (const UnitChange& c : d.units) {
    std::string old_rank = c.old_rank ? std::to_string(c.old_rank) : "-";
    std::string new_rank = c.new_rank ? std::to_string(c.new_rank) : "-";
    if (arrows) {
      rows.push_back({c.unit_id, c.name,
                      arrow(num(c.old_total, d.old_precision), num(c.new_total, d.precision)),
                      total_change_text(c, d), arrow(old_rank, new_rank),
                      arrow(c.old_grade, c.new_grade), parts_text(c, d)});
    } else {
      rows.push_back({c.unit_id, c.name, num(c.old_total, d.old_precision),
                      num(c.new_total, d.precision), total_change_text(c, d), old_rank,
                      new_rank, c.old_grade, c.new_grade, parts_text(c, d)});
    }
    if (category) rows.back().insert(rows.back().begin() + 2, c.category);
  }
  return rows;
}

// Whether any changed unit has a category: the table shows the column then.
bool any_category(const ResultDiff& d) {
  for (const UnitChange& c : d.units) {
    if (!c.category.empty()) return true;
  }
  return false;
}


std::string json_num(const std::optional<Decimal>& d, int precision) {
  return d ? d->format(precision) : "null";
}

}  // namespace

std::string render_diff(const ResultDiff& d, OutputFormat format, bool formula_guard) {
  std::string out;
  if (format == OutputFormat::kJson) {
    // Empty lists print as [] so that "nothing differs" reads as such.
    out += "{\n  \"schema_version\": 1,\n  \"units\": [";
    if (!d.units.empty()) out += "\n";
    for (std::size_t i = 0; i < d.units.size(); ++i) {
      const UnitChange& c = d.units[i];
      out += fmt::format(
          "    {{\"unit_id\": {}, \"name\": {}, \"category\": {}, \"old_total\": {}, "
          "\"new_total\": {}, "
          "\"old_rank\": {}, \"new_rank\": {}, \"old_grade\": {}, \"new_grade\": {}, "
          "\"parts\": [",
          json_quote(c.unit_id), json_quote(c.name), json_quote(c.category), json_num(c.old_total, d.old_precision),
          json_num(c.new_total, d.precision), c.old_rank ? std::to_string(c.old_rank) : "null",
          c.new_rank ? std::to_string(c.new_rank) : "null", json_quote(c.old_grade),
          json_quote(c.new_grade));
      for (std::size_t p = 0; p < c.parts.size(); ++p) {
        out += fmt::format("{}{{\"id\": {}, \"old\": {}, \"new\": {}}}", p ? ", " : "",
                           json_quote(c.parts[p].id),
                           json_num(c.parts[p].old_score, d.old_precision),
                           json_num(c.parts[p].new_score, d.precision));
      }
      out += fmt::format("]}}{}\n", i + 1 < d.units.size() ? "," : "");
    }
    out += d.units.empty() ? "],\n  \"scheme_changes\": [" : "  ],\n  \"scheme_changes\": [";
    if (!d.scheme.empty()) out += "\n";
    for (std::size_t i = 0; i < d.scheme.size(); ++i) {
      const SchemeChange& c = d.scheme[i];
      out += fmt::format("    {{\"change\": {}, \"section\": {}, \"id\": {}, "
                         "\"name\": {}, \"old\": {}, \"new\": {}}}{}\n",
                         json_quote(change_word(c)), json_quote(c.section), json_quote(c.id),
                         json_quote(c.name), json_quote(c.old_value),
                         json_quote(c.new_value), i + 1 < d.scheme.size() ? "," : "");
    }
    out += d.scheme.empty() ? "],\n" : "  ],\n";
    out += "  \"not_compared\": [";
    for (std::size_t i = 0; i < d.not_compared.size(); ++i) {
      out += (i ? ", " : "") + json_quote(d.not_compared[i]);
    }
    out += "]\n}\n";
    return out;
  }
  if (format == OutputFormat::kCsv || format == OutputFormat::kTsv) {
    char sep = format == OutputFormat::kCsv ? ',' : '\t';
    std::vector<std::string> header = {"unit_id", "name", "category", "old_total", "new_total",
                                       "delta", "old_rank", "new_rank", "old_grade",
                                       "new_grade", "parts"};
    // Totals, the change and the ranks are kaohe's numbers ("-0.63");
    // the other cells are text, guarded as in `score`.
    auto numeric = [](std::size_t i) { return i >= 3 && i <= 7; };
    auto line = [&](const std::vector<std::string>& cells, bool is_header) {
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += sep;
        append_delimited_field(out, cells[i], sep,
                               formula_guard && (is_header || !numeric(i)));
      }
      out += '\n';
    };
    line(header, true);
    for (const auto& row : unit_rows(d, false, true)) line(row, false);
    return out;
  }
  std::vector<std::string> header = {"unit", "name", "total", "change", "rank",
                                     "grade", "parts that moved"};
  const bool category = any_category(d);
  if (category) header.insert(header.begin() + 2, "category");
  auto rows = unit_rows(d, true, category);
  // Names and ids from the inputs, shown with control characters escaped
  // before any width is measured (base/terminal_text.h).
  for (auto& row : rows) {
    for (std::string& cell : row) cell = terminal_safe(cell);
  }
  // No unit changed: no table, in Markdown as in the terminal table.
  if (!rows.empty() && format == OutputFormat::kMarkdown) {
    for (const std::string& h : header) out += "| " + h + " ";
    out += "|\n";
    for (const std::string& h : header) {
      out += h == "total" || h == "change" ? "| ---: " : "| --- ";
    }
    out += "|\n";
    for (const auto& row : rows) {
      out += "|";
      for (const auto& cell : row) {
        out += " ";
        for (char ch : cell) {
          if (ch == '|') out += '\\';  // as in `score -O markdown`
          out += ch;
        }
        out += " |";
      }
      out += "\n";
    }
  } else if (!rows.empty()) {
    std::vector<int> width(header.size());
    for (std::size_t c = 0; c < header.size(); ++c) {
      width[c] = display_width(header[c]);
      for (const auto& row : rows) width[c] = std::max(width[c], display_width(row[c]));
    }
    auto line = [&](const std::vector<std::string>& cells) {
      std::string text;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (c) text += "  ";
        bool numeric = header[c] == "total" || header[c] == "change";
        text += c + 1 == cells.size() ? cells[c]
                : numeric           ? pad_left(cells[c], width[c])
                                    : pad_right(cells[c], width[c]);
      }
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out += text + "\n";
    };
    line(header);
    std::vector<std::string> rule;
    for (int w : width) rule.push_back(std::string(static_cast<std::size_t>(w), '-'));
    line(rule);
    for (const auto& row : rows) line(row);
  }
  if (!d.scheme.empty()) {
    if (!out.empty()) out += "\n";
    out += format == OutputFormat::kMarkdown ? "Scheme changes:\n\n" : "scheme changes:\n";
    for (const SchemeChange& c : d.scheme) {
      out += (format == OutputFormat::kMarkdown ? "- `" : "  ") + terminal_safe(scheme_line(c)) +
             (format == OutputFormat::kMarkdown ? "`\n" : "\n");
    }
  }
  if (!d.not_compared.empty()) {
    if (!out.empty()) out += "\n";
    out += not_compared_text(d);
  }
  return out;
}

}  // namespace kaohe
