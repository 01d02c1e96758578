// Unit tests for the working-day calendar, and for the bundled 2025
// calendar against the State Council's notice (schemes/calendars/README.md).
#include "base/calendar.h"

#include <doctest/doctest.h>

#include <string>

#include "base/diagnostic.h"
#include "input/calendar_reader.h"

namespace kaohe {
namespace {

Date d(const char* text) { return *Date::parse(text); }

}  // namespace

TEST_CASE("Calendar: weekdays work unless listed; listed weekend days work") {
  Calendar c({{d("2025-10-01"), false}, {d("2025-10-11"), true}});
  CHECK(c.covers(d("2025-01-01")));
  CHECK(c.covers(d("2025-12-31")));
  CHECK_FALSE(c.covers(d("2024-12-31")));
  CHECK_FALSE(c.covers(d("2026-01-01")));
  CHECK(c.is_working_day(d("2025-09-30")));        // Tuesday
  CHECK_FALSE(c.is_working_day(d("2025-10-01")));  // Wednesday, listed off
  CHECK_FALSE(c.is_working_day(d("2025-10-04")));  // Saturday
  CHECK(c.is_working_day(d("2025-10-11")));        // Saturday, listed working
  CHECK(c.working_days(d("2025-09-29"), d("2025-10-12")) == 10);
  CHECK(c.working_days(d("2025-10-05"), d("2025-10-04")) == 0);
  CHECK(c.years() == "2025");
  CHECK(Calendar().empty());
  CHECK_FALSE(Calendar().covers(d("2025-01-01")));
}

TEST_CASE("Calendar: covers every year from the first listed to the last") {
  Calendar c({{d("2026-01-01"), false}, {d("2024-01-01"), false}});
  CHECK(c.covers(d("2025-06-01")));
  CHECK(c.years() == "2024–2026");
  CHECK(c.working_days(d("2024-12-30"), d("2025-01-05")) == 5);
}

TEST_CASE("the bundled 2025 calendar has the State Council's 248 working days") {
  const Calendar c = load_calendar(std::string(KAOHE_SOURCE_DIR) +
                                   "/schemes/calendars/cn-2025.csv");
  CHECK(c.years() == "2025");
  CHECK(c.working_days(d("2025-01-01"), d("2025-12-31")) == 248);
  const int by_month[12] = {19, 19, 21, 22, 19, 20, 23, 21, 23, 18, 20, 23};
  for (int m = 1; m <= 12; ++m) {
    CAPTURE(m);
    const Date first{2025, m, 1};
    const Date last{2025, m, Date::days_in_month(2025, m)};
    CHECK(c.working_days(first, last) == by_month[m - 1]);
  }
  CHECK(c.is_working_day(d("2025-01-26")));        // Sunday, 春节调休
  CHECK_FALSE(c.is_working_day(d("2025-02-03")));  // Monday, 春节
}

}  // namespace kaohe
