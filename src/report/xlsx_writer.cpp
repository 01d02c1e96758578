// The Excel workbook of -O xlsx: the sheets of results, whose cells are
// those of the terminal table (report/result_rows.h) — scores numeric
// cells whose number format shows exactly the scheme's precision — then
// 主要失分 (xlsx_reasons_sheet) and 方案 (xlsx_scheme_sheet).
#include "report/xlsx_writer.h"

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "report/result_rows.h"
#include "report/text_width.h"
#include "report/xlsx_book.h"
#include "report/xlsx_library.h"
#include "report/xlsx_reasons_sheet.h"
#include "report/xlsx_scheme_sheet.h"

namespace kaohe {
namespace {

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

// One sheet of results: under the title row, the shown columns `cols` of
// `r`, the rows `rows` of it, with a filtered header row.
void write_results_sheet(XlsxBook& book, const std::string& name, const ResultRows& r,
                         const std::vector<int>& cols, const std::vector<int>& rows) {
  if (book.failed()) return;
  lxw_worksheet* ws = book.add_sheet(name);
  if (ws == nullptr) return;
  const lxw_row_t top = book.title_row(ws, cols.size());
  std::vector<int> width(cols.size(), 0);
  for (std::size_t i = 0; i < cols.size() && !book.failed(); ++i) {
    int c = cols[i];
    auto col = static_cast<lxw_col_t>(i);
    book.header_cell(ws, top, col, r.titles[c]);
    width[i] = display_width(r.titles[c]);
    for (std::size_t k = 0; k < rows.size() && !book.failed(); ++k) {
      const std::string& text = r.rows[static_cast<std::size_t>(rows[k])][c];
      width[i] = std::max(width[i], display_width(text));
      book.cell(ws, static_cast<lxw_row_t>(top + k + 1), col, text, r.numeric[c],
                r.ids[c] != "rank");
    }
  }
  book.set_widths(ws, width);
  if (!cols.empty() && !book.failed()) {
    book.check(book.lib().worksheet_autofilter(ws, top, 0,
                                               static_cast<lxw_row_t>(top + rows.size()),
                                               static_cast<lxw_col_t>(cols.size() - 1)));
  }
  book.print_setup(ws, top);
}

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

std::string write_xlsx(const Evaluation& ev, const std::string& path, int reasons) {
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
  XlsxBook w(x_, wb.get(), ev.scheme);
  w.check(x_.workbook_set_properties(wb.get(), &props));
  ResultRows r = result_rows(ev, "");
  std::vector<int> cols = shown_columns(ev, r);
  for (const auto& [name, rows] : result_groups(ev)) {
    write_results_sheet(w, name, r, cols, rows);
  }
  if (!ev.reasons.empty()) write_reasons_sheet(w, ev, reasons);
  write_scheme_sheet(w, ev.scheme);
  lxw_error closed = x_.workbook_close(wb.release());
  if (!w.error().empty()) return w.error();
  if (closed != LXW_NO_ERROR) return x_.lxw_strerror(closed);
  return "";
}

}  // namespace kaohe
