// What every sheet of -O xlsx does alike (report/xlsx_book.h). Cells are
// the doubles the file format defines, each converted from the printed
// decimal text; the number format shows exactly those digits again.
#include "report/xlsx_book.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>

#include "base/decimal.h"
#include "report/text_width.h"

namespace kaohe {
namespace {

constexpr int kMaxSheetName = 31;  // Excel's limit, in characters
constexpr double kMinWidth = 6;
constexpr double kMaxWidth = 60;
constexpr int kPaperA4 = 9;

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

const char* const kNoFormat = "out of memory (libxlsxwriter could not add a cell format)";

}  // namespace

XlsxBook::XlsxBook(const XlsxLibrary& x, lxw_workbook* wb, const Scheme& scheme)
    : x_(x), wb_(wb), title_text_(sheet_title(scheme)) {
  title_ = x_.workbook_add_format(wb_);
  header_ = x_.workbook_add_format(wb_);
  score_ = x_.workbook_add_format(wb_);
  if (title_ == nullptr || header_ == nullptr || score_ == nullptr) {
    error_ = kNoFormat;
    return;
  }
  x_.format_set_bold(title_);
  x_.format_set_font_size(title_, 14);
  x_.format_set_align(title_, LXW_ALIGN_CENTER);
  x_.format_set_bold(header_);
  x_.format_set_bottom(header_, LXW_BORDER_THIN);
  x_.format_set_num_format(score_, number_format(scheme.precision).c_str());
}

void XlsxBook::check(lxw_error err) {
  if (err != LXW_NO_ERROR && error_.empty()) error_ = x_.lxw_strerror(err);
}

lxw_worksheet* XlsxBook::add_sheet(const std::string& wanted) {
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

lxw_row_t XlsxBook::title_row(lxw_worksheet* ws, std::size_t columns) {
  if (title_text_.empty() || failed()) return 0;
  if (columns > 1) {
    check(x_.worksheet_merge_range(ws, 0, 0, 0, static_cast<lxw_col_t>(columns - 1),
                                   title_text_.c_str(), title_));
  } else {
    check(x_.worksheet_write_string(ws, 0, 0, title_text_.c_str(), title_));
  }
  return 1;
}

void XlsxBook::print_setup(lxw_worksheet* ws, lxw_row_t header_row) {
  if (failed()) return;
  x_.worksheet_freeze_panes(ws, header_row + 1, 0);
  x_.worksheet_set_landscape(ws);
  x_.worksheet_set_paper(ws, kPaperA4);
  x_.worksheet_fit_to_pages(ws, 1, 0);
  check(x_.worksheet_repeat_rows(ws, 0, header_row));
}

void XlsxBook::header_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col,
                           const std::string& text) {
  if (failed()) return;
  check(x_.worksheet_write_string(ws, row, col, text.c_str(), header_));
}

void XlsxBook::cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text,
                    bool numeric, bool score) {
  if (text.empty() || failed()) return;
  std::optional<double> number = numeric ? cell_number(text) : std::nullopt;
  if (number) {
    check(x_.worksheet_write_number(ws, row, col, *number, score ? score_ : nullptr));
  } else {
    check(x_.worksheet_write_string(ws, row, col, text.c_str(), nullptr));
  }
}

void XlsxBook::cell_or_percent(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col,
                               const std::string& text, bool numeric) {
  std::optional<std::pair<double, int>> percent =
      numeric || failed() ? std::nullopt : percent_number(text);
  if (!percent) {
    cell(ws, row, col, text, numeric, false);
    return;
  }
  lxw_format* fmt = percent_format(percent->second);
  if (fmt != nullptr) check(x_.worksheet_write_number(ws, row, col, percent->first, fmt));
}

void XlsxBook::set_widths(lxw_worksheet* ws, const std::vector<int>& text_widths) {
  for (std::size_t i = 0; i < text_widths.size() && !failed(); ++i) {
    auto col = static_cast<lxw_col_t>(i);
    check(x_.worksheet_set_column(ws, col, col, column_width(text_widths[i]), nullptr));
  }
}

lxw_format* XlsxBook::percent_format(int decimals) {
  for (const auto& [d, fmt] : percent_) {
    if (d == decimals) return fmt;
  }
  lxw_format* fmt = x_.workbook_add_format(wb_);
  if (fmt == nullptr) {
    if (error_.empty()) error_ = kNoFormat;
    return nullptr;
  }
  x_.format_set_num_format(fmt, (number_format(decimals) + "%").c_str());
  percent_.emplace_back(decimals, fmt);
  return fmt;
}

}  // namespace kaohe
