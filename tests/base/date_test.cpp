// Unit tests for Date: strict ISO parsing with real calendar days, printing
// and month arithmetic.
#include "base/date.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace kaohe {

TEST_CASE("Date::parse accepts real ISO dates") {
  struct Case {
    const char* text;
    int year, month, day;
  };
  const Case cases[] = {
      {"2025-03-01", 2025, 3, 1},  {"2024-02-29", 2024, 2, 29},
      {"2000-02-29", 2000, 2, 29}, {"1000-01-01", 1000, 1, 1},
      {"9999-12-31", 9999, 12, 31}, {"2025-01-31", 2025, 1, 31},
      {"2025-04-30", 2025, 4, 30}, {"2025-12-31", 2025, 12, 31},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    std::optional<Date> d = Date::parse(c.text);
    REQUIRE(d.has_value());
    CHECK(d->year == c.year);
    CHECK(d->month == c.month);
    CHECK(d->day == c.day);
    CHECK(d->to_string() == c.text);
  }
}

TEST_CASE("Date::parse rejects anything else") {
  const char* const cases[] = {
      "",            "2025-02-29",  "1900-02-29",  "2100-02-29",
      "2025-3-01",   "2025-03-1",   "2025/03/01",  "2025.03.01",
      "2025-03-01 ", " 2025-03-01", "2025-03-01T00:00", "20250301",
      "0999-12-31",  "0000-01-01",  "10000-01-01", "2025-13-01",
      "2025-00-10",  "2025-04-31",  "2025-06-31",  "2025-04-00",
      "2025-01-32",  "+025-03-01",  "-025-03-01",  "2025-0a-01",
      "2025-03-0 ",  "25-03-01",    "2025-03-01\n", "2025－03－01",
  };
  for (const char* text : cases) {
    CAPTURE(text);
    CHECK_FALSE(Date::parse(text).has_value());
  }
}

TEST_CASE("Date::parse: every byte at every digit position") {
  // Only '0'..'9' are digits: the bytes next to them ('/', ':'), NUL and
  // bytes with the high bit set are not.
  for (int pos : {0, 1, 2, 3, 5, 6, 8, 9}) {
    for (int b = 0; b < 256; ++b) {
      std::string text = "2024-12-28";
      const bool digit = b >= '0' && b <= '9';
      text[static_cast<std::size_t>(pos)] = static_cast<char>(b);
      CAPTURE(pos);
      CAPTURE(b);
      // Any digit in those places of 2024-12-28 gives a real date, but for
      // a month above 12, a day above 31 (or 29+ in February), or a year
      // below 1000.
      std::optional<Date> d = Date::parse(text);
      if (!digit) {
        CHECK_FALSE(d.has_value());
      } else if (d) {
        CHECK(d->to_string() == text);
      }
    }
  }
  CHECK(Date::parse("2024-12-28") == Date{2024, 12, 28});
  CHECK(Date::parse("2024-02-29") == Date{2024, 2, 29});
  CHECK(Date::parse("2000-02-29") == Date{2000, 2, 29});
  CHECK(Date::days_in_month(2100, 2) == 28);
  CHECK(Date::days_in_month(2025, 12) == 31);
}

TEST_CASE("Date printing, ordering and month_index") {
  CHECK(Date{2025, 3, 1}.to_string() == "2025-03-01");
  CHECK(Date{1000, 12, 9}.to_string() == "1000-12-09");
  CHECK(Date{2025, 3, 1} < Date{2025, 3, 2});
  CHECK(Date{2024, 12, 31} < Date{2025, 1, 1});
  CHECK(Date{2025, 2, 28} < Date{2025, 10, 1});
  CHECK(*Date::parse("2025-03-01") == Date{2025, 3, 1});
  CHECK(Date{2025, 1, 15}.month_index() - Date{2024, 12, 1}.month_index() ==
        1);
  CHECK(Date{2025, 3, 1}.month_index() - Date{2025, 2, 28}.month_index() == 1);
  CHECK(Date{2025, 3, 1}.month_index() == Date{2025, 3, 31}.month_index());
  CHECK(Date{2026, 3, 1}.month_index() - Date{2025, 3, 1}.month_index() == 12);
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("Date: day numbers, weekdays and adding days") {
  struct Case {
    const char* text;
    int number, weekday;
  };
  const Case cases[] = {
      {"1970-01-01", 0, 4},     {"1969-12-31", -1, 3},       {"2025-01-01", 20089, 3},
      {"2000-02-29", 11016, 2}, {"1600-03-01", -135080, 3},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const Date d = *Date::parse(c.text);
    CHECK(d.day_number() == c.number);
    CHECK(d.weekday() == c.weekday);
    CHECK(Date::from_day_number(c.number) == d);
  }
  // Every day of four centuries round-trips and follows the one before.
  Date prev = *Date::parse("1899-12-31");
  for (int n = prev.day_number() + 1; n < Date{2300, 1, 1}.day_number(); ++n) {
    const Date d = Date::from_day_number(n);
    REQUIRE(d.day_number() == n);
    REQUIRE(prev < d);
    REQUIRE(d.weekday() == prev.weekday() % 7 + 1);
    prev = d;
  }
  CHECK(Date::parse("2025-02-28")->plus_days(1) == *Date::parse("2025-03-01"));
  CHECK(Date::parse("2024-03-01")->plus_days(-1) == *Date::parse("2024-02-29"));
}

}  // namespace kaohe
