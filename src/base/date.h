// Calendar dates as event rows carry them (ISO YYYY-MM-DD), parsed without
// the C library or the locale.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace kaohe {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // Strict "YYYY-MM-DD" with a real calendar day (leap years included);
  // nullopt otherwise.
  static std::optional<Date> parse(std::string_view text);
  std::string to_string() const;  // "2025-03-01"
  // Months since year 0: consecutive months differ by one.
  int month_index() const { return year * 12 + (month - 1); }

  friend auto operator<=>(const Date&, const Date&) = default;
};

}  // namespace kaohe
