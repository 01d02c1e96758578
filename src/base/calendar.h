// A working-day calendar: which days are working days (工作日), as the State
// Council publishes them each year — Monday to Friday, less the public
// holidays, plus the weekend days worked in exchange (调休). Covers whole
// years; a question about a day outside them is the caller's error to
// report, never answered by guessing.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "base/date.h"

namespace kaohe {

class Calendar {
 public:
  // No calendar: covers nothing.
  Calendar() = default;
  // The years from the first to the last year of `days`, Monday to Friday
  // working, except the listed days (date, working?). Requires `days` not
  // empty.
  explicit Calendar(const std::vector<std::pair<Date, bool>>& days);

  bool empty() const { return working_.empty(); }
  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  // Whether `d` lies in the years the calendar covers.
  bool covers(Date d) const { return !empty() && d.year >= first_year_ && d.year <= last_year_; }
  // Requires covers(d).
  bool is_working_day(Date d) const { return working_[offset(d)] != 0; }
  // Working days from `from` to `to`, both included (0 when to < from).
  // Requires covers(from) and covers(to).
  int working_days(Date from, Date to) const;
  // "2025" or "2024–2025", for messages.
  std::string years() const;

 private:
  std::size_t offset(Date d) const {
    return static_cast<std::size_t>(d.day_number() - first_day_);
  }
  int first_year_ = 0, last_year_ = 0;
  int first_day_ = 0;                 // day_number() of first_year_-01-01
  std::vector<unsigned char> working_;  // one per day
  std::vector<int> before_;           // working days before each day, and after the last
};

}  // namespace kaohe
