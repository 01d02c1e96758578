// Calendar dates as event rows carry them (ISO YYYY-MM-DD), parsed without
// the C library or the locale. parse() runs on every event row, so it is
// inline: its result then stays in registers.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/short_bytes.h"

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

  // Days since 1970-01-01 (negative before it): consecutive days differ by
  // one, so a difference of two is the days between them. Inline: quota
  // rows ask for it on every row.
  int day_number() const {
    const int y = month <= 2 ? year - 1 : year;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int year_of_era = y - era * 400;
    const int day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const int day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
  }
  // The date `n` days after 1970-01-01 (the inverse of day_number()).
  static Date from_day_number(int n);
  // ISO weekday: 1 = Monday … 7 = Sunday.
  int weekday() const;
  // The date `days` later (earlier when negative).
  Date plus_days(int days) const { return from_day_number(day_number() + days); }

  // Days in `month` (1..12) of `year`, by the proleptic Gregorian rule.
  static int days_in_month(int year, int month) {
    constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
  }

  // Dates compare as one number, so that a comparison on every row stays
  // inline (the member-wise default is an out-of-line call in g++ 12).
  friend constexpr bool operator==(const Date&, const Date&) = default;
  friend constexpr std::strong_ordering operator<=>(const Date& a, const Date& b) {
    return a.order_key() <=> b.order_key();
  }
  // One number that orders dates as the calendar does.
  constexpr std::int64_t order_key() const {
    return (static_cast<std::int64_t>(year) * 16 + month) * 32 + day;
  }
};

inline std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  // The digits YYYYMMDD are gathered into one word and checked at once:
  // adding 0x46 carries a byte above '9' into its high bit, subtracting
  // 0x30 borrows into it for a byte below '0', and a byte with the high bit
  // already set is no digit either (no carry or borrow crosses into a byte
  // that is not already flagged).
  const char* t = text.data();
  const std::uint64_t v =
      pack_bytes(t, 4) | pack_bytes(t + 5, 2) << 32 | pack_bytes(t + 8, 2) << 48;
  if ((((v + 0x4646464646464646ULL) | (v - 0x3030303030303030ULL) | v) &
       0x8080808080808080ULL) != 0) {
    return std::nullopt;
  }
  auto number = [t](int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; ++i) value = value * 10 + (t[i] - '0');
    return value;
  };
  const int year = number(0, 4);
  const int month = number(5, 2);
  const int day = number(8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date{year, month, day};
}

}  // namespace kaohe
