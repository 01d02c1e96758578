// Working days over whole years (base/calendar.h).
#include "base/calendar.h"

#include <fmt/format.h>

#include <algorithm>

namespace kaohe {

Calendar::Calendar(const std::vector<std::pair<Date, bool>>& days) {
  first_year_ = days.front().first.year;
  last_year_ = first_year_;
  for (const auto& [d, working] : days) {
    first_year_ = std::min(first_year_, d.year);
    last_year_ = std::max(last_year_, d.year);
  }
  first_day_ = Date{first_year_, 1, 1}.day_number();
  const int end = Date{last_year_ + 1, 1, 1}.day_number();
  working_.resize(static_cast<std::size_t>(end - first_day_));
  for (int n = first_day_; n < end; ++n) {
    working_[static_cast<std::size_t>(n - first_day_)] =
        Date::from_day_number(n).weekday() <= 5 ? 1 : 0;
  }
  for (const auto& [d, working] : days) working_[offset(d)] = working ? 1 : 0;
  before_.resize(working_.size() + 1);
  for (std::size_t i = 0; i < working_.size(); ++i) before_[i + 1] = before_[i] + working_[i];
}

int Calendar::working_days(Date from, Date to) const {
  if (to < from) return 0;
  return before_[offset(to) + 1] - before_[offset(from)];
}

std::string Calendar::years() const {
  if (first_year_ == last_year_) return fmt::format("{}", first_year_);
  return fmt::format("{}–{}", first_year_, last_year_);
}

}  // namespace kaohe
