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

#include "explain/reasons.h"
#include "report/result_rows.h"
#include "report/text_width.h"
#include "report/xlsx_library.h"
#include "scheme/scheme_entries.h"

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

// The title above each sheet's table: the scheme's title and period,
// "2025年度××考核结果（2025-01-01 至 2025-12-31）"; with --as-of the day the
// scores stop. Empty when the scheme has neither title nor period.
std::string sheet_title(const Scheme& scheme) {
  std::string out = scheme.title;
  if (scheme.period) {
    out += "（" + scheme.period->from.to_string() + " 至 " + scheme.period->to.to_string();
    if (scheme.as_of) out += "，截至 " + scheme.as_of->to_string();
    out += "）";
  }
  return out;
}

// A percentage as written ("60%", "33.33%") as the cell's value (0.6,
// 0.3333) and the number of decimals the percent shows; nullopt when
// `text` is not a plain percentage.
std::optional<std::pair<double, int>> percent_number(const std::string& text) {
  if (text.size() < 2 || text.back() != '%') return std::nullopt;
  std::string_view body(text.data(), text.size() - 1);
  std::optional<Decimal> d = Decimal::parse(body);
  if (!d) return std::nullopt;
  std::optional<Decimal> share = (Rational(*d) / Rational(Decimal::from_int(100))).to_decimal();
  if (!share) return std::nullopt;
  std::optional<double> value = cell_number(share->to_string());
  if (!value) return std::nullopt;
  std::size_t point = body.find('.');
  int decimals = point == std::string_view::npos ? 0 : static_cast<int>(body.size() - point - 1);
  return std::make_pair(*value, decimals);
}

// The keys of the entries of `section`, each once, in the order they
// first appear (most entries of a section have the same keys; a few are
// written only when set).
std::vector<std::string> section_keys(const std::vector<SchemeEntry>& entries,
                                      const std::string& section) {
  std::vector<std::string> keys;
  for (const SchemeEntry& e : entries) {
    if (e.section != section) continue;
    for (const SchemeField& f : e.fields) {
      if (std::find(keys.begin(), keys.end(), f.key) == keys.end()) keys.push_back(f.key);
    }
  }
  return keys;
}

class Writer {
 public:
  Writer(const XlsxLibrary& x, const Evaluation& ev, lxw_workbook* wb)
      : x_(x), ev_(ev), wb_(wb), title_text_(sheet_title(ev.scheme)) {
    title_ = x_.workbook_add_format(wb_);
    header_ = x_.workbook_add_format(wb_);
    score_ = x_.workbook_add_format(wb_);
    if (title_ == nullptr || header_ == nullptr || score_ == nullptr) {
      error_ = "out of memory (libxlsxwriter could not add a cell format)";
      return;
    }
    x_.format_set_bold(title_);
    x_.format_set_font_size(title_, 14);
    x_.format_set_align(title_, LXW_ALIGN_CENTER);
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

  // Writes the title row (row 0) across `columns` columns; returns the
  // rows it takes: 1, or 0 when the scheme has no title and no period.
  lxw_row_t title_row(lxw_worksheet* ws, std::size_t columns) {
    if (title_text_.empty() || failed()) return 0;
    if (columns > 1) {
      check(x_.worksheet_merge_range(ws, 0, 0, 0, static_cast<lxw_col_t>(columns - 1),
                                     title_text_.c_str(), title_));
    } else {
      check(x_.worksheet_write_string(ws, 0, 0, title_text_.c_str(), title_));
    }
    return 1;
  }

  // Printing: A4 landscape, one page wide and as many tall as needed, rows
  // 0..`last_repeated` (the title and the header) on every page.
  void print_setup(lxw_worksheet* ws, lxw_row_t last_repeated) {
    if (failed()) return;
    x_.worksheet_set_landscape(ws);
    x_.worksheet_set_paper(ws, 9);  // A4
    x_.worksheet_fit_to_pages(ws, 1, 0);
    check(x_.worksheet_repeat_rows(ws, 0, last_repeated));
  }

  // One sheet of results: the shown columns of `r`, the rows `rows` of it,
  // under the title row.
  void results_sheet(const std::string& name, const ResultRows& r,
                     const std::vector<int>& cols, const std::vector<int>& rows) {
    if (failed()) return;
    lxw_worksheet* ws = add_sheet(name);
    if (ws == nullptr) return;
    const lxw_row_t top = title_row(ws, cols.size());
    for (std::size_t i = 0; i < cols.size() && !failed(); ++i) {
      int c = cols[i];
      auto col = static_cast<lxw_col_t>(i);
      check(x_.worksheet_write_string(ws, top, col, r.titles[c].c_str(), header_));
      int width = display_width(r.titles[c]);
      for (std::size_t k = 0; k < rows.size() && !failed(); ++k) {
        const std::string& text = r.rows[static_cast<std::size_t>(rows[k])][c];
        auto row = static_cast<lxw_row_t>(top + k + 1);
        width = std::max(width, display_width(text));
        write_cell(ws, row, col, text, r.numeric[c], r.ids[c] == "rank" ? nullptr : score_);
      }
      check(x_.worksheet_set_column(ws, col, col, column_width(width), nullptr));
    }
    x_.worksheet_freeze_panes(ws, top + 1, 0);
    if (!cols.empty()) {
      check(x_.worksheet_autofilter(ws, top, 0, static_cast<lxw_row_t>(top + rows.size()),
                                    static_cast<lxw_col_t>(cols.size() - 1)));
    }
    print_setup(ws, top);
  }

  // The sheet "主要失分" (score --reasons N): a row per loss of each unit,
  // in rank order, the `n` largest per unit (explain/reasons.h), the loss
  // on the total as a number of the scheme's precision. A unit that lost
  // nothing has no row.
  void reasons_sheet(int n) {
    if (failed() || n <= 0) return;
    const Scheme& scheme = ev_.scheme;
    const bool zh = ev_.header == Evaluation::Header::kChinese;
    lxw_worksheet* ws = add_sheet("主要失分");
    if (ws == nullptr) return;
    const std::vector<std::string> titles =
        zh ? std::vector<std::string>{"排名", "单位", "名称", "序号", "失分项", "失分"}
           : std::vector<std::string>{"rank", "unit", "name", "no", "item", "loss"};
    const lxw_row_t top = title_row(ws, titles.size());
    std::vector<int> width(titles.size(), 0);
    for (std::size_t i = 0; i < titles.size(); ++i) {
      check(x_.worksheet_write_string(ws, top, static_cast<lxw_col_t>(i), titles[i].c_str(),
                                      header_));
      width[i] = display_width(titles[i]);
    }
    lxw_row_t row = top;
    for (const Standing& s : ev_.standings) {
      const Unit& unit = ev_.roster.units[s.unit];
      int no = 0;
      for (const Reason& reason : top_losses(ev_, s.unit, n)) {
        if (failed()) return;
        ++row;
        ++no;
        Decimal shown = round_to(reason.effect, scheme.precision, scheme.rounding);
        const std::vector<std::string> cells = {
            std::to_string(s.rank), unit.id, unit.name, std::to_string(no),
            scheme.nodes[reason.node].name, shown.format(scheme.precision)};
        for (std::size_t i = 0; i < cells.size(); ++i) {
          width[i] = std::max(width[i], display_width(cells[i]));
          const bool numeric = i == 0 || i == 3 || i == 5;
          write_cell(ws, row, static_cast<lxw_col_t>(i), cells[i], numeric,
                     i == 5 ? score_ : nullptr);
        }
      }
    }
    for (std::size_t i = 0; i < titles.size(); ++i) {
      auto col = static_cast<lxw_col_t>(i);
      check(x_.worksheet_set_column(ws, col, col, column_width(width[i]), nullptr));
    }
    x_.worksheet_freeze_panes(ws, top + 1, 0);
    check(x_.worksheet_autofilter(ws, top, 0, row, static_cast<lxw_col_t>(titles.size() - 1)));
    print_setup(ws, top);
  }

  // The sheet "方案": everything the scheme says (scheme/scheme_entries.h,
  // the keys that `-O json` writes), a block per section: the nodes
  // (parents first), the categories, flags, grades, gates, quotas, … each
  // under a bold header of its keys; then the single settings as key and
  // value. Numbers are numeric cells, percentages ("60%") numbers shown
  // as percentages; a key not set is a blank cell.
  void scheme_sheet() {
    if (failed()) return;
    lxw_worksheet* ws = add_sheet("方案");
    if (ws == nullptr) return;
    const std::vector<SchemeEntry> entries = scheme_entries(ev_.scheme);
    std::size_t columns = 2;
    for (const SchemeSection& section : scheme_sections()) {
      columns = std::max(columns, section_keys(entries, section.name).size() + 1);
    }
    const lxw_row_t top = title_row(ws, columns);
    std::vector<int> width(columns, 0);
    lxw_row_t row = top;
    bool first_block = true;
    auto cell = [&](std::size_t i, const std::string& text, bool numeric, lxw_format* fmt) {
      width[i] = std::max(width[i], display_width(text));
      auto col = static_cast<lxw_col_t>(i);
      std::optional<std::pair<double, int>> percent =
          numeric || fmt == header_ ? std::nullopt : percent_number(text);
      if (fmt == header_) {
        check(x_.worksheet_write_string(ws, row, col, text.c_str(), fmt));
      } else if (percent) {
        lxw_format* percent_fmt = percent_format(percent->second);
        if (percent_fmt != nullptr) {
          check(x_.worksheet_write_number(ws, row, col, percent->first, percent_fmt));
        }
      } else {
        write_cell(ws, row, col, text, numeric, nullptr);
      }
    };
    std::vector<const SchemeEntry*> settings;
    for (const SchemeSection& section : scheme_sections()) {
      std::vector<const SchemeEntry*> block;
      for (const SchemeEntry& e : entries) {
        if (e.section == section.name) block.push_back(&e);
      }
      if (block.empty()) continue;
      if (section.shape != SchemeSection::Shape::kList) {
        settings.insert(settings.end(), block.begin(), block.end());
        continue;
      }
      if (!first_block) row += 2;  // a blank row between blocks
      first_block = false;
      // The header: the section's id key ("id", "name", "grade"), then its
      // keys; a key some entries lack (one_of, a grade's gate) has a
      // column all the same, blank where not written.
      std::string id_title = std::string(section.json) + ": " + section.id_key;
      cell(0, id_title, false, header_);
      const std::vector<std::string> keys = section_keys(entries, section.name);
      for (std::size_t k = 0; k < keys.size(); ++k) cell(k + 1, keys[k], false, header_);
      if (section.name == std::string("node")) {
        x_.worksheet_freeze_panes(ws, row + 1, 0);
        print_setup(ws, row);
      }
      for (const SchemeEntry* e : block) {
        if (failed()) return;
        ++row;
        cell(0, e->id, false, nullptr);
        for (std::size_t k = 0; k < keys.size(); ++k) {
          const SchemeField* f = e->field(keys[k]);
          if (f == nullptr) continue;
          std::string text = f->type == SchemeField::Type::kList ? f->text() : f->value.value_or("");
          if (f->type == SchemeField::Type::kList && f->items.empty()) text.clear();
          cell(k + 1, text, f->type == SchemeField::Type::kNumber, nullptr);
        }
      }
    }
    if (!settings.empty()) {
      row += 2;
      cell(0, "setting", false, header_);
      cell(1, "value", false, header_);
      for (const SchemeEntry* e : settings) {
        for (const SchemeField& f : e->fields) {
          if (failed()) return;
          std::string text = f.type == SchemeField::Type::kList ? f.text() : f.value.value_or("");
          if (f.type == SchemeField::Type::kList && f.items.empty()) text.clear();
          if (text.empty()) continue;
          ++row;
          cell(0, f.key.empty() ? e->section : e->section + "." + f.key, false, nullptr);
          cell(1, text, f.type == SchemeField::Type::kNumber, nullptr);
        }
      }
    }
    for (std::size_t i = 0; i < columns; ++i) {
      auto col = static_cast<lxw_col_t>(i);
      check(x_.worksheet_set_column(ws, col, col, column_width(width[i]), nullptr));
    }
  }

 private:
  // Writes one cell: blank when `text` is empty (a part that does not
  // apply), a number in `number_fmt` when `numeric` and `text` is a
  // decimal, else a string.
  void write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text,
                  bool numeric, lxw_format* number_fmt) {
    if (text.empty() || failed()) return;
    std::optional<double> number = numeric ? cell_number(text) : std::nullopt;
    if (number) {
      check(x_.worksheet_write_number(ws, row, col, *number, number_fmt));
      return;
    }
    check(x_.worksheet_write_string(ws, row, col, text.c_str(), nullptr));
  }

  // The format "0%", "0.0%", … for `decimals` decimals, made once.
  lxw_format* percent_format(int decimals) {
    for (const auto& [d, fmt] : percent_) {
      if (d == decimals) return fmt;
    }
    lxw_format* fmt = x_.workbook_add_format(wb_);
    if (fmt == nullptr) {
      if (error_.empty()) error_ = "out of memory (libxlsxwriter could not add a cell format)";
      return nullptr;
    }
    x_.format_set_num_format(fmt, (number_format(decimals) + "%").c_str());
    percent_.emplace_back(decimals, fmt);
    return fmt;
  }

  const XlsxLibrary& x_;
  const Evaluation& ev_;
  lxw_workbook* wb_;
  std::string title_text_;
  lxw_format* title_ = nullptr;
  lxw_format* header_ = nullptr;
  lxw_format* score_ = nullptr;
  std::vector<std::pair<int, lxw_format*>> percent_;
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
  Writer w(x_, ev, wb.get());
  w.check(x_.workbook_set_properties(wb.get(), &props));
  ResultRows r = result_rows(ev, "");
  std::vector<int> cols = shown_columns(ev, r);
  for (const auto& [name, rows] : result_groups(ev)) w.results_sheet(name, r, cols, rows);
  if (!ev.reasons.empty()) w.reasons_sheet(reasons);
  w.scheme_sheet();
  lxw_error closed = x_.workbook_close(wb.release());
  if (!w.error().empty()) return w.error();
  if (closed != LXW_NO_ERROR) return x_.lxw_strerror(closed);
  return "";
}

}  // namespace kaohe
