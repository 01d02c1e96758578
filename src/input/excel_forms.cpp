// Spreadsheet forms of dates and numbers: the slow path behind the strict
// parsers, taken only for text they refuse.
#include "input/excel_forms.h"

#include <fmt/format.h>

#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (!is_digit(c)) return false;
  }
  return !s.empty();
}

int number_of(std::string_view digits) {
  int v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  return v;
}

// How a text looks as a date, before its day is checked.
enum class Shape { kNone, kDate, kYearLast, kShortYear };

struct DateShape {
  Shape shape = Shape::kNone;
  int year = 0, month = 0, day = 0;  // for kDate
};

// Splits "A<sep>B<sep>C" with one separator of -/. used twice into three
// digit groups; false otherwise.
bool split3(std::string_view s, std::string_view parts[3]) {
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i])) ++i;
  if (i == s.size()) return false;
  const char sep = s[i];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  const std::size_t j = s.find(sep, i + 1);
  if (j == std::string_view::npos || s.find(sep, j + 1) != std::string_view::npos) {
    return false;
  }
  parts[0] = s.substr(0, i);
  parts[1] = s.substr(i + 1, j - i - 1);
  parts[2] = s.substr(j + 1);
  for (int k = 0; k < 3; ++k) {
    if (!all_digits(parts[k])) return false;
  }
  return true;
}

DateShape shape_of(std::string_view s) {
  auto ymd = [](std::string_view y, std::string_view m, std::string_view d) {
    if (y.size() != 4 || m.empty() || m.size() > 2 || d.empty() || d.size() > 2) {
      return DateShape{};
    }
    return DateShape{Shape::kDate, number_of(y), number_of(m), number_of(d)};
  };
  if (s.size() == 8 && all_digits(s)) {
    return ymd(s.substr(0, 4), s.substr(4, 2), s.substr(6, 2));
  }
  // 2025年3月1日: 年 月 日 are three bytes each in UTF-8.
  static constexpr std::string_view kYear = "年", kMonth = "月", kDay = "日";
  if (const std::size_t y = s.find(kYear); y != std::string_view::npos) {
    const std::size_t m = s.find(kMonth, y);
    if (m == std::string_view::npos || s.size() < kDay.size() ||
        s.substr(s.size() - kDay.size()) != kDay) {
      return {};
    }
    const std::string_view year = s.substr(0, y);
    const std::string_view month = s.substr(y + kYear.size(), m - y - kYear.size());
    const std::string_view day =
        s.substr(m + kMonth.size(), s.size() - kDay.size() - m - kMonth.size());
    if (!all_digits(year) || !all_digits(month) || !all_digits(day)) return {};
    if (year.size() == 2) return {Shape::kShortYear};
    return ymd(year, month, day);
  }
  std::string_view p[3];
  if (!split3(s, p)) return {};
  if (p[0].size() == 4) return ymd(p[0], p[1], p[2]);
  if (p[2].size() == 4 && p[0].size() <= 2 && p[1].size() <= 2) return {Shape::kYearLast};
  if (p[0].size() == 2 && p[1].size() <= 2 && p[2].size() <= 2) return {Shape::kShortYear};
  return {};
}

bool is_day(const DateShape& d) {
  return d.shape == Shape::kDate && d.year >= 1000 && d.month >= 1 && d.month <= 12 &&
         d.day >= 1 && d.day <= Date::days_in_month(d.year, d.month);
}

// `s` with thousands separators taken out of its whole part, when they
// stand as the rule says; `s` unchanged when it has no ','; nullopt when
// its commas break the rule.
std::optional<std::string> without_thousands(std::string_view s) {
  const std::size_t first = s.find(',');
  if (first == std::string_view::npos) return std::string(s);
  const std::size_t begin = s[0] == '-' ? 1 : 0;
  const std::size_t point = s.find('.');
  // The whole part ends at the point, or at a closing percent sign.
  const std::size_t end = point != std::string_view::npos ? point
                          : s.back() == '%'               ? s.size() - 1
                                                          : s.size();
  if (first > end) return std::nullopt;  // a comma in the fraction
  std::string out(s.substr(0, begin));
  std::size_t group = begin;
  bool first_group = true;
  while (true) {
    std::size_t comma = s.find(',', group);
    if (comma == std::string_view::npos || comma > end) comma = end;
    const std::string_view digits = s.substr(group, comma - group);
    if (!all_digits(digits)) return std::nullopt;
    if (first_group ? digits.size() > 3 || digits[0] == '0' : digits.size() != 3) {
      return std::nullopt;
    }
    out += digits;
    first_group = false;
    if (comma == end) break;
    group = comma + 1;
  }
  out += s.substr(end);
  return out;
}

// `text` folded (fold_full_width) and without thousands separators.
std::optional<std::string> plain_number(std::string_view text) {
  const std::optional<std::string> folded = fold_full_width(text);
  return without_thousands(folded ? std::string_view(*folded) : text);
}

}  // namespace

std::optional<std::string> fold_full_width(std::string_view text) {
  // U+FF05 ％, U+FF0D－, U+FF0E ．, U+FF0F ／, U+FF10..U+FF19 ０-９: EF BC 85..99.
  auto full_width_at = [&](std::size_t i) -> char {
    if (i + 2 >= text.size() || static_cast<unsigned char>(text[i]) != 0xEF ||
        static_cast<unsigned char>(text[i + 1]) != 0xBC) {
      return 0;
    }
    const unsigned char c = static_cast<unsigned char>(text[i + 2]);
    if (c >= 0x90 && c <= 0x99) return static_cast<char>('0' + (c - 0x90));
    switch (c) {
      case 0x85: return '%';
      case 0x8D: return '-';
      case 0x8E: return '.';
      case 0x8F: return '/';
      default: return 0;
    }
  };
  std::optional<std::string> out;
  for (std::size_t i = 0; i < text.size();) {
    if (const char c = full_width_at(i)) {
      if (!out) out = std::string(text.substr(0, i));
      *out += c;
      i += 3;
    } else {
      if (out) *out += text[i];
      ++i;
    }
  }
  return out;
}

std::optional<Date> parse_excel_date(std::string_view text) {
  const std::optional<std::string> folded = fold_full_width(text);
  const DateShape d = shape_of(folded ? std::string_view(*folded) : text);
  if (!is_day(d)) return std::nullopt;
  return Date{d.year, d.month, d.day};
}

// The date forms kaohe reads, in the message language.
const char* date_forms() {
  return tr("2025-03-01, 2025-3-1, 2025/3/1, 2025.3.1, 2025年3月1日 or 20250301");
}

DateProblem date_problem(std::string_view what, std::string_view text) {
  const std::optional<std::string> folded = fold_full_width(text);
  const DateShape d = shape_of(folded ? std::string_view(*folded) : text);
  const std::string forms = trf("write the year first: {}", date_forms());
  switch (d.shape) {
    case Shape::kYearLast:
      return {trf("{} \"{}\" puts the year last, so its day and month could be "
                          "either way round",
                          what, text),
              forms};
    case Shape::kShortYear:
      return {trf("{} \"{}\" has a two-digit year", what, text),
              trf("write the year in full: {}", date_forms())};
    case Shape::kDate:
      return {trf("{} \"{}\" is not a day of the calendar", what, text),
              trf("write a real day, as {}", date_forms())};
    case Shape::kNone:
      break;
  }
  if (text.empty()) {
    return {trf("empty {}", what), trf("write a date as {}", date_forms())};
  }
  return {trf("{} \"{}\" is not a date", what, text),
          trf("write a date as {}", date_forms())};
}

std::optional<Decimal> parse_excel_decimal(std::string_view text) {
  const std::optional<std::string> plain = plain_number(text);
  if (!plain) return std::nullopt;
  return Decimal::parse(*plain);
}

std::optional<Decimal> parse_excel_percent(std::string_view text, Decimal scale) {
  std::optional<std::string> plain = plain_number(text);
  if (!plain || plain->empty() || plain->back() != '%') return std::nullopt;
  plain->pop_back();
  const std::optional<Decimal> number = Decimal::parse(*plain);
  if (!number) return std::nullopt;
  // scale × number ÷ 100 as an exact fraction; a Decimal when its
  // denominator divides 10⁶ (six decimals). Rational's arithmetic is
  // checked: a product too large for it throws, so a huge value is
  // refused rather than wrapped.
  Rational r;
  try {
    r = Rational(scale) * Rational(*number) / Rational(100);
  } catch (const Error&) {
    return std::nullopt;
  }
  if (Decimal::kOne % r.den() != 0) return std::nullopt;
  std::int64_t units = 0;
  if (__builtin_mul_overflow(r.num(), Decimal::kOne / r.den(), &units)) return std::nullopt;
  return Decimal::from_units(units);
}

std::optional<std::int64_t> parse_excel_count(std::string_view text, std::int64_t max) {
  const std::optional<std::string> plain = plain_number(text);
  if (!plain || !all_digits(*plain) || (*plain)[0] == '0' || plain->size() > 18) {
    return std::nullopt;
  }
  std::int64_t v = 0;
  for (char c : *plain) v = v * 10 + (c - '0');
  if (v > max) return std::nullopt;
  return v;
}

}  // namespace kaohe
