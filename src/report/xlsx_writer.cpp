// The Excel workbook of -O xlsx. The cells are those of the terminal table
// (report/result_rows.h): scores are numeric cells, whose number format
// shows exactly the scheme's precision.
#include "report/xlsx_writer.h"


#include <algorithm>
#include <charconv>
#include <ctime>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "report/result_rows.h"
#include "report/xlsx_library.h"
#include "report/text_width.h"

namespace kaohe {
namespace {

constexpr int kMaxSheetName = 31;  // Excel's limit, in characters
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 60;

// Column width in Excel's units (about one Latin character): the widest
// text by display width (CJK counts two), plus a margin.
double column_width(int text_width) {
  return std::clamp(static_cast<double>(text_width) + 2, kMinWidth, kMaxWidth);
}

// Excel's number format for `precision` decimal places: "0", "0.00", ….
std::string number_format(int precision) {
  return precision > 0 ? "0." + std::string(static_cast<std::size_t>(precision), '0')
                       : std::string("0");
}

// The cell value of a printed decimal ("93.75", "-2.5"): the nearest
// double, which the number format shows as the printed text again.
std::optional<double> cell_number(std::string_view text) {
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// `name` made a legal sheet name: no []:*?/\ (they become _), no
// apostrophe at either end, at most 31 characters, not empty.
std::string legal_sheet_name(const std::string& name) {
  std::string out;
  int chars = 0;
  for (std::size_t i = 0; i < name.size() && chars < kMaxSheetName;) {
    std::size_t len = 1;
    auto lead = static_cast<unsigned char>(name[i]);
    if (lead >= 0xF0) {
      len = 4;
    } else if (lead >= 0xE0) {
      len = 3;
    } else if (lead >= 0xC0) {
      len = 2;
    }
    len = std::min(len, name.size() - i);
    std::string ch = name.substr(i, len);
    if (ch.size() == 1 && std::string_view("[]:*?/\\").find(ch[0]) != std::string_view::npos) {
      ch = "_";
    }
    out += ch;
    ++chars;
    i += len;
  }
  while (!out.empty() && out.front() == '\'') out.erase(out.begin());
  while (!out.empty() && out.back() == '\'') out.pop_back();
  return out.empty() ? std::string("_") : out;
}

// Seconds since 1970-01-01 at the start of `d` (UTC), for the workbook's
// creation time; days from civil date after H. Hinnant's algorithm.
std::time_t unix_seconds(const Date& d) {
  int y = d.year - (d.month <= 2 ? 1 : 0);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long long days = static_cast<long long>(era) * 146097 + doe - 719468;
  return static_cast<std::time_t>(days * 86400);
}

struct WorkbookCloser {
  const XlsxLibrary& x_;
  void operator()(lxw_workbook* wb) const {
    if (wb != nullptr) x_.workbook_close(wb);
  }
};

class Writer {
 public:
  Writer(const XlsxLibrary& x, const Evaluation& ev, lxw_workbook* wb)
      : x_(x), ev_(ev), wb_(wb) {
    header_ = x_.workbook_add_format(wb_);
    score_ = x_.workbook_add_format(wb_);
    if (header_ == nullptr || score_ == nullptr) {
      error_ = "out of memory (libxlsxwriter could not add a cell format)";
      return;
    }
    x_.format_set_bold(header_);
    x_.format_set_bottom(header_, LXW_BORDER_THIN);
    x_.format_set_num_format(score_, number_format(ev.scheme.precision).c_str());
  }

  // The first error met, or "". Once there is one, nothing more is
  // written: the library may be out of memory, and the file is dropped.
  const std::string& error() const { return error_; }
  bool failed() const { return !error_.empty(); }

  void check(lxw_error err) {
    if (err != LXW_NO_ERROR && error_.empty()) error_ = x_.lxw_strerror(err);
  }

  // A new sheet named after `wanted`, made legal and unique; nullptr (and
  // the error recorded) if the library refuses it.
  lxw_worksheet* add_sheet(const std::string& wanted) {
    std::string base = legal_sheet_name(wanted);
    std::string name = base;
    for (int n = 2; x_.workbook_validate_sheet_name(wb_, name.c_str()) != LXW_NO_ERROR; ++n) {
      std::string suffix = " (" + std::to_string(n) + ")";
      name = legal_sheet_name(base.substr(0, base.size() > 20 ? 20 : base.size()) + suffix);
      if (n > 1000) break;
    }
    lxw_worksheet* ws = x_.workbook_add_worksheet(wb_, name.c_str());
    if (ws == nullptr && error_.empty()) error_ = "cannot add sheet \"" + name + "\"";
    return ws;
  }

  // One sheet of results: the shown columns of `r`, the rows `rows` of it.
  void results_sheet(const std::string& name, const ResultRows& r,
                     const std::vector<int>& cols, const std::vector<int>& rows) {
    if (failed()) return;
    lxw_worksheet* ws = add_sheet(name);
    if (ws == nullptr) return;
    for (std::size_t i = 0; i < cols.size() && !failed(); ++i) {
      int c = cols[i];
      auto col = static_cast<lxw_col_t>(i);
      check(x_.worksheet_write_string(ws, 0, col, r.titles[c].c_str(), header_));
      int width = display_width(r.titles[c]);
      for (std::size_t k = 0; k < rows.size() && !failed(); ++k) {
        const std::string& text = r.rows[static_cast<std::size_t>(rows[k])][c];
        auto row = static_cast<lxw_row_t>(k + 1);
        width = std::max(width, display_width(text));
        if (text.empty()) continue;  // a part that does not apply: blank
        std::optional<double> number = r.numeric[c] ? cell_number(text) : std::nullopt;
        if (number) {
          check(x_.worksheet_write_number(ws, row, col, *number,
                                       r.ids[c] == "rank" ? nullptr : score_));
        } else {
          check(x_.worksheet_write_string(ws, row, col, text.c_str(), nullptr));
        }
      }
      check(x_.worksheet_set_column(ws, col, col, column_width(width), nullptr));
    }
    x_.worksheet_freeze_panes(ws, 1, 0);
    if (!cols.empty()) {
      check(x_.worksheet_autofilter(ws, 0, 0, static_cast<lxw_row_t>(rows.size()),
                                 static_cast<lxw_col_t>(cols.size() - 1)));
    }
  }

  // The sheet "方案": every node of the scheme, parents before children.
  void scheme_sheet() {
    const Scheme& scheme = ev_.scheme;
    if (failed()) return;
    lxw_worksheet* ws = add_sheet("方案");
    if (ws == nullptr) return;
    const std::vector<std::string> titles = {"id", "name", "parent", "points", "weight", "rule"};
    std::vector<int> width(titles.size(), 0);
    for (std::size_t i = 0; i < titles.size(); ++i) {
      check(x_.worksheet_write_string(ws, 0, static_cast<lxw_col_t>(i), titles[i].c_str(), header_));
      width[i] = display_width(titles[i]);
    }
    for (std::size_t n = 0; n < scheme.nodes.size() && !failed(); ++n) {
      const Node& node = scheme.nodes[n];
      auto row = static_cast<lxw_row_t>(n + 1);
      std::vector<std::string> cells = {
          node.id, node.name, node.parent >= 0 ? scheme.nodes[node.parent].id : std::string(),
          node.points ? node.points->to_string() : std::string(),
          node.weight ? node.weight_text : std::string(), describe_rule(node.rule)};
      for (std::size_t i = 0; i < cells.size(); ++i) {
        auto col = static_cast<lxw_col_t>(i);
        width[i] = std::max(width[i], display_width(cells[i]));
        if (cells[i].empty()) continue;
        std::optional<double> number = i == 3 ? cell_number(cells[i]) : std::nullopt;
        if (number) {
          check(x_.worksheet_write_number(ws, row, col, *number, nullptr));
        } else {
          check(x_.worksheet_write_string(ws, row, col, cells[i].c_str(), nullptr));
        }
      }
    }
    for (std::size_t i = 0; i < titles.size(); ++i) {
      auto col = static_cast<lxw_col_t>(i);
      check(x_.worksheet_set_column(ws, col, col, column_width(width[i]), nullptr));
    }
    x_.worksheet_freeze_panes(ws, 1, 0);
  }

 private:
  const XlsxLibrary& x_;
  const Evaluation& ev_;
  lxw_workbook* wb_;
  lxw_format* header_ = nullptr;
  lxw_format* score_ = nullptr;
  std::string error_;
};

// The sheets of results: (name, row indices), one per category, in the
// scheme's category order, when the scheme ranks within category; else
// one sheet "结果" of every row.
std::vector<std::pair<std::string, std::vector<int>>> result_groups(const Evaluation& ev) {
  std::vector<std::pair<std::string, std::vector<int>>> groups;
  if (!ev.scheme.ranking.within_category || !ev.roster.has_categories) {
    std::vector<int> all;
    for (int i = 0; i < static_cast<int>(ev.standings.size()); ++i) all.push_back(i);
    groups.emplace_back("结果", std::move(all));
    return groups;
  }
  auto group_of = [&](const std::string& category) -> std::vector<int>& {
    for (auto& g : groups) {
      if (g.first == category) return g.second;
    }
    groups.emplace_back(category, std::vector<int>());
    return groups.back().second;
  };
  for (const Category& c : ev.scheme.categories) group_of(c.name);
  for (int i = 0; i < static_cast<int>(ev.standings.size()); ++i) {
    group_of(ev.roster.units[ev.standings[i].unit].category).push_back(i);
  }
  std::erase_if(groups, [](const auto& g) { return g.second.empty(); });
  for (auto& g : groups) {
    if (g.first.empty()) g.first = "结果";
  }
  return groups;
}

}  // namespace

std::string write_xlsx(const Evaluation& ev, const std::string& path) {
  std::string why;
  const XlsxLibrary* lib = xlsx_library(why);
  if (lib == nullptr) return why;
  const XlsxLibrary& x_ = *lib;
  // The library's own scratch files go beside `path`, which the caller
  // could write to, rather than to a /tmp that may be small or absent.
  std::string dir = std::filesystem::path(path).parent_path().string();
  if (dir.empty()) dir = ".";
  lxw_workbook_options options{};
  options.tmpdir = dir.data();
  std::unique_ptr<lxw_workbook, WorkbookCloser> wb(x_.workbook_new_opt(path.c_str(), &options),
                                                   WorkbookCloser{x_});
  if (!wb) return "cannot create the workbook";
  // A fixed creation time keeps the file byte-identical for identical
  // inputs: the end of the scheme's period when it has one.
  lxw_doc_properties props{};
  std::string title = ev.scheme.title;
  props.title = title.data();
  props.created = 1;
  if (ev.scheme.period) props.created = unix_seconds(ev.scheme.period->to);
  Writer w(x_, ev, wb.get());
  w.check(x_.workbook_set_properties(wb.get(), &props));
  ResultRows r = result_rows(ev, "");
  std::vector<int> cols = shown_columns(ev, r);
  for (const auto& [name, rows] : result_groups(ev)) w.results_sheet(name, r, cols, rows);
  w.scheme_sheet();
  lxw_error closed = x_.workbook_close(wb.release());
  if (!w.error().empty()) return w.error();
  if (closed != LXW_NO_ERROR) return x_.lxw_strerror(closed);
  return "";
}

}  // namespace kaohe
