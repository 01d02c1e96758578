// Cutting a period into buckets of time — days, ISO weeks, calendar months,
// quarters, half-years, years, or the whole period — for quotas ("每月至少
// 两篇", "每周不少于1次"), sub-periods ("两年总评时…取两年的平均值") and
// --as-of. Buckets are numbered from 0 in date order; the first and last may
// lie partly outside the period (an ISO week across the new year, a month
// cut by the period's edge).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/date.h"

namespace kaohe {

enum class Every { kDay, kWeek, kMonth, kQuarter, kHalf, kYear, kPeriod };

// The grammar's spelling: "day", "week", "month", "quarter", "half",
// "year", "period"; and back (nullopt for any other text).
const char* every_name(Every e);
std::optional<Every> parse_every(std::string_view text);

// The buckets of `every` that meet the inclusive period [from, to].
class Buckets {
 public:
  Buckets() = default;
  // Requires from <= to.
  Buckets(Every every, Date from, Date to);

  Every every() const { return every_; }
  int count() const { return count_; }
  // The bucket holding `d`, or -1 when `d` lies outside the period.
  int index_of(Date d) const;
  // A bucket's whole span, which may reach outside the period.
  Date first_day(int i) const;
  Date last_day(int i) const;
  // A bucket's name: "2025-03-01", "2025-W10", "2025-03", "2025-Q1",
  // "2025-H1", "2025", or "2025-01-01..2025-12-31" for the whole period.
  std::string label(int i) const;

 private:
  // The bucket's ordinal on an absolute scale (day number, week number,
  // month index, …) of `d`, and the first day of ordinal `o`.
  int ordinal_of(Date d) const;
  Date start_of(int ordinal) const;

  Every every_ = Every::kPeriod;
  Date from_, to_;
  int first_ = 0;  // ordinal of bucket 0
  int count_ = 0;
};

}  // namespace kaohe
