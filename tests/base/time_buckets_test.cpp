// Unit tests for bucket arithmetic: which bucket holds a date, where each
// bucket starts and ends (also past the period's edges), and its label.
#include "base/time_buckets.h"

#include <doctest/doctest.h>

namespace kaohe {
namespace {

Date d(const char* text) { return *Date::parse(text); }

}  // namespace

TEST_CASE("Buckets: days of a short period") {
  Buckets b(Every::kDay, d("2025-02-27"), d("2025-03-02"));
  CHECK(b.count() == 4);
  CHECK(b.index_of(d("2025-02-27")) == 0);
  CHECK(b.index_of(d("2025-03-01")) == 2);
  CHECK(b.index_of(d("2025-03-03")) == -1);
  CHECK(b.index_of(d("2025-02-26")) == -1);
  CHECK(b.label(3) == "2025-03-02");
  CHECK(b.first_day(1) == d("2025-02-28"));
  CHECK(b.last_day(1) == d("2025-02-28"));
}

TEST_CASE("Buckets: ISO weeks reach across the year's edges") {
  // 2025-01-01 is a Wednesday: its week began on Monday 2024-12-30 and is
  // ISO week 1 of 2025; 2025-12-31 (Wednesday) lies in 2026-W01.
  Buckets b(Every::kWeek, d("2025-01-01"), d("2025-12-31"));
  CHECK(b.count() == 53);
  CHECK(b.first_day(0) == d("2024-12-30"));
  CHECK(b.last_day(0) == d("2025-01-05"));
  CHECK(b.label(0) == "2025-W01");
  CHECK(b.index_of(d("2025-01-05")) == 0);
  CHECK(b.index_of(d("2025-01-06")) == 1);
  CHECK(b.label(52) == "2026-W01");
  CHECK(b.first_day(52) == d("2025-12-29"));
  CHECK(b.last_day(52) == d("2026-01-04"));
  // 2020 had 53 ISO weeks; 2021-01-03 (Sunday) still belongs to 2020-W53.
  Buckets w(Every::kWeek, d("2021-01-03"), d("2021-01-04"));
  CHECK(w.count() == 2);
  CHECK(w.label(0) == "2020-W53");
  CHECK(w.label(1) == "2021-W01");
}

TEST_CASE("Buckets: months, quarters, halves and years") {
  Buckets m(Every::kMonth, d("2025-01-15"), d("2025-03-10"));
  CHECK(m.count() == 3);
  CHECK(m.first_day(0) == d("2025-01-01"));
  CHECK(m.last_day(1) == d("2025-02-28"));
  CHECK(m.label(2) == "2025-03");
  Buckets q(Every::kQuarter, d("2024-11-01"), d("2025-12-31"));
  CHECK(q.count() == 5);
  CHECK(q.label(0) == "2024-Q4");
  CHECK(q.index_of(d("2025-04-01")) == 2);
  CHECK(q.last_day(2) == d("2025-06-30"));
  Buckets h(Every::kHalf, d("2025-01-01"), d("2025-12-31"));
  CHECK(h.count() == 2);
  CHECK(h.label(1) == "2025-H2");
  CHECK(h.first_day(1) == d("2025-07-01"));
  CHECK(h.last_day(1) == d("2025-12-31"));
  Buckets y(Every::kYear, d("2024-01-01"), d("2025-12-31"));
  CHECK(y.count() == 2);
  CHECK(y.index_of(d("2024-12-31")) == 0);
  CHECK(y.index_of(d("2025-01-01")) == 1);
  CHECK(y.label(0) == "2024");
  CHECK(y.last_day(0) == d("2024-12-31"));
}

TEST_CASE("Buckets: the whole period is one bucket") {
  Buckets p(Every::kPeriod, d("2025-03-01"), d("2025-08-31"));
  CHECK(p.count() == 1);
  CHECK(p.first_day(0) == d("2025-03-01"));
  CHECK(p.last_day(0) == d("2025-08-31"));
  CHECK(p.label(0) == "2025-03-01..2025-08-31");
  CHECK(p.index_of(d("2025-09-01")) == -1);
}

TEST_CASE("every_name and parse_every are inverse") {
  for (Every e : {Every::kDay, Every::kWeek, Every::kMonth, Every::kQuarter, Every::kHalf,
                  Every::kYear, Every::kPeriod}) {
    CHECK(parse_every(every_name(e)) == e);
  }
  CHECK_FALSE(parse_every("months").has_value());
  CHECK_FALSE(parse_every("Month").has_value());
}

}  // namespace kaohe
