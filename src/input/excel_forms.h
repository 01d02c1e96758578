// Dates and numbers as Excel and WPS write them into data files
// (2025/3/1, 2025年3月1日, 20250301, ９０％, "1,234"), read exactly: no
// float, no guess. Every reader tries its strict form first (Date::parse,
// Decimal::parse, digits only) and comes here only when that fails, so
// data already in the strict forms costs nothing more.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/decimal.h"

namespace kaohe {

// The forms a data file's date may take, for hints; date_forms() says
// them in the message language.
inline constexpr const char* kDateForms =
    "2025-03-01, 2025-3-1, 2025/3/1, 2025.3.1, 2025年3月1日 or 20250301";
const char* date_forms();

// The dates Date::parse refuses that a spreadsheet writes, after
// fold_full_width(): YYYY-M-D, YYYY/M/D and YYYY.M.D (one separator used
// twice; month and day of one or two digits), YYYY年M月D日 and YYYYMMDD.
// A real calendar day, year ≥ 1000; nullopt otherwise, and always for
// forms with the year last (3/1/2025: day and month could be either way
// round) or two digits (25/3/1).
std::optional<Date> parse_excel_date(std::string_view text);

// A date in a data file: ISO first (inline, the fast path), then the
// spreadsheet forms.
inline std::optional<Date> parse_data_date(std::string_view text) {
  if (auto d = Date::parse(text)) return d;
  return parse_excel_date(text);
}

// What is wrong with `text`, a date parse_data_date() refused, in a row's
// column `what` ("date", "due", "from"…): a message and a hint naming the
// accepted forms (and saying why, for the year-last forms).
struct DateProblem {
  std::string message;
  std::string hint;
};
DateProblem date_problem(std::string_view what, std::string_view text);

// `text` with the full-width characters a Chinese input method types in
// numbers and dates — ０-９ ．－％／ — as their ASCII forms; nullopt when it
// has none (the text then stands as it is).
std::optional<std::string> fold_full_width(std::string_view text);

// A number Decimal::parse refuses that a spreadsheet writes: full-width
// characters (fold_full_width) and thousands separators — groups of three
// digits after ',' in the whole part, the first group of one to three
// digits and not "0" ("1,234", "-12,345.5"; never "1,23" or "1234,567").
// A CSV field holds a comma only when quoted, so in practice only a quoted
// "1,234". No percent sign: see parse_excel_percent.
std::optional<Decimal> parse_excel_decimal(std::string_view text);

// A number in a data file: the plain form first, then a spreadsheet's.
inline std::optional<Decimal> parse_data_decimal(std::string_view text) {
  if (auto d = Decimal::parse(text)) return d;
  return parse_excel_decimal(text);
}

// `text` as a percentage of `scale` ("90%" of 1 is 0.9, of 100 is 90):
// a number parse_excel_decimal() reads, then '%' or '％', giving
// scale × number ÷ 100 exactly. nullopt when it has no percent sign, or
// is no number, or the result needs more than six decimals.
std::optional<Decimal> parse_excel_percent(std::string_view text, Decimal scale);

// A positive whole count in a spreadsheet's form (full-width digits,
// thousands separators: "1,234"), at most `max`; nullopt otherwise.
std::optional<std::int64_t> parse_excel_count(std::string_view text, std::int64_t max);

}  // namespace kaohe
