// Bucket arithmetic on dates (base/time_buckets.h).
#include "base/time_buckets.h"

#include <fmt/format.h>

namespace kaohe {
namespace {

// Months since year 0 of the first month of an n-month bucket holding `d`.
int month_bucket(Date d, int months) { return d.month_index() / months; }

// Floor division for the negative day numbers of dates before 1970.
int floor_div(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

}  // namespace

const char* every_name(Every e) {
  switch (e) {
    case Every::kDay: return "day";
    case Every::kWeek: return "week";
    case Every::kMonth: return "month";
    case Every::kQuarter: return "quarter";
    case Every::kHalf: return "half";
    case Every::kYear: return "year";
    case Every::kPeriod: return "period";
  }
  return "period";
}

std::optional<Every> parse_every(std::string_view text) {
  for (Every e : {Every::kDay, Every::kWeek, Every::kMonth, Every::kQuarter, Every::kHalf,
                  Every::kYear, Every::kPeriod}) {
    if (text == every_name(e)) return e;
  }
  return std::nullopt;
}

Buckets::Buckets(Every every, Date from, Date to) : every_(every), from_(from), to_(to) {
  first_ = ordinal_of(from);
  count_ = ordinal_of(to) - first_ + 1;
}

int Buckets::ordinal_of(Date d) const {
  switch (every_) {
    case Every::kDay: return d.day_number();
    // ISO weeks start on Monday; 1970-01-05 was one.
    case Every::kWeek: return floor_div(d.day_number() - 4, 7);
    case Every::kMonth: return month_bucket(d, 1);
    case Every::kQuarter: return month_bucket(d, 3);
    case Every::kHalf: return month_bucket(d, 6);
    case Every::kYear: return month_bucket(d, 12);
    case Every::kPeriod: return 0;
  }
  return 0;
}

Date Buckets::start_of(int ordinal) const {
  auto month_start = [](int month_index) {
    return Date{month_index / 12, month_index % 12 + 1, 1};
  };
  switch (every_) {
    case Every::kDay: return Date::from_day_number(ordinal);
    case Every::kWeek: return Date::from_day_number(ordinal * 7 + 4);
    case Every::kMonth: return month_start(ordinal);
    case Every::kQuarter: return month_start(ordinal * 3);
    case Every::kHalf: return month_start(ordinal * 6);
    case Every::kYear: return month_start(ordinal * 12);
    case Every::kPeriod: return from_;
  }
  return from_;
}

int Buckets::index_of(Date d) const {
  if (d < from_ || to_ < d) return -1;
  return ordinal_of(d) - first_;
}

Date Buckets::first_day(int i) const { return start_of(first_ + i); }

Date Buckets::last_day(int i) const {
  if (every_ == Every::kPeriod) return to_;
  return start_of(first_ + i + 1).plus_days(-1);
}

std::string Buckets::label(int i) const {
  const Date d = first_day(i);
  switch (every_) {
    case Every::kDay: return d.to_string();
    case Every::kWeek: {
      // The ISO year of a week is the year of its Thursday.
      const Date thursday = d.plus_days(3);
      const int week = (thursday.day_number() - Date{thursday.year, 1, 1}.day_number()) / 7 + 1;
      return fmt::format("{:04}-W{:02}", thursday.year, week);
    }
    case Every::kMonth: return fmt::format("{:04}-{:02}", d.year, d.month);
    case Every::kQuarter: return fmt::format("{:04}-Q{}", d.year, (d.month - 1) / 3 + 1);
    case Every::kHalf: return fmt::format("{:04}-H{}", d.year, (d.month - 1) / 6 + 1);
    case Every::kYear: return fmt::format("{:04}", d.year);
    case Every::kPeriod: return from_.to_string() + ".." + to_.to_string();
  }
  return {};
}

}  // namespace kaohe
