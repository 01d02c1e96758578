// Strict ISO "YYYY-MM-DD" dates for event rows: hand-written digit parsing
// with the proleptic Gregorian leap-year rule, no C library or locale.
#include "base/date.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

namespace kaohe {
namespace {

bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap_year(year)) return 29;
  return kDays[month - 1];
}

// Whether the eight bytes of `v` are all ASCII digits, tested together:
// adding 0x46 carries a byte above '9' into its high bit, subtracting 0x30
// borrows into it for a byte below '0', and a byte with the high bit
// already set is no digit either (no carry or borrow crosses into a byte
// that is not already flagged).
bool all_digits(std::uint64_t v) {
  return (((v + 0x4646464646464646ULL) | (v - 0x3030303030303030ULL) | v) &
          0x8080808080808080ULL) == 0;
}

}  // namespace

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return std::nullopt;
  }
  // Event files hold millions of dates: the digits YYYYMMDD are gathered
  // into one word and checked at once.
  char digits[8];
  std::memcpy(digits, text.data(), 4);
  std::memcpy(digits + 4, text.data() + 5, 2);
  std::memcpy(digits + 6, text.data() + 8, 2);
  std::uint64_t word;
  std::memcpy(&word, digits, sizeof word);
  if (!all_digits(word)) return std::nullopt;
  auto number = [&](int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; ++i) value = value * 10 + (digits[i] - '0');
    return value;
  };
  const int year = number(0, 4);
  const int month = number(4, 2);
  const int day = number(6, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 ||
      day > days_in_month(year, month)) {
    return std::nullopt;
  }
  return Date{year, month, day};
}

std::string Date::to_string() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace kaohe
