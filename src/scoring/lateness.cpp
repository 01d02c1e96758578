// Days late and what they cost (scoring/lateness.h).
#include "scoring/lateness.h"

#include <algorithm>

namespace kaohe {

int days_late(const Rule& rule, const Calendar& calendar, Date due,
              const std::optional<Date>& done, const std::optional<UnitPeriod>& period) {
  if (!period) return 0;
  // The first late day is the day after the due date; the last is the done
  // day, or the period's last day when not done (or done after it).
  const Date first = std::max(due.plus_days(1), period->from);
  const Date last = done ? std::min(*done, period->to) : period->to;
  if (last < first) return 0;
  if (rule.late_per_working_day) return calendar.working_days(first, last);
  return last.day_number() - first.day_number() + 1;
}

Decimal late_amount(const Rule& rule, int days) {
  const Decimal amount = rule.amount.times(days);
  if (rule.late_row_max && *rule.late_row_max < amount) return *rule.late_row_max;
  return amount;
}

}  // namespace kaohe
