// Dates written back as text (Date::parse is inline in date.h).
#include "base/date.h"

#include <fmt/format.h>

#include <string>

namespace kaohe {

// Day numbers by the days-from-civil algorithm (H. Hinnant, "chrono-
// Compatible Low-Level Date Algorithms"; day_number() is inline in
// date.h): years counted from March, so that the leap day ends a year, in
// eras of 400 years.
Date Date::from_day_number(int n) {
  const int z = n + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int day_of_era = z - era * 146097;
  const int year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int mp = (5 * day_of_year + 2) / 153;
  const int d = day_of_year - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return Date{year_of_era + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

int Date::weekday() const {
  // 1970-01-01 was a Thursday (4).
  const int n = day_number();
  return ((n % 7 + 7) % 7 + 3) % 7 + 1;
}

std::string Date::to_string() const {
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

}  // namespace kaohe
