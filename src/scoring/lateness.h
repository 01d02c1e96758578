// Days late of one row of a `late` leaf (每延迟1天扣1分, seed 000 第四篇):
// the days — or working days of the scheme's calendar — after the due
// date up to the day it was done, counted only within the unit's period
// (input/unit_period.h). A row not done is late until the period's end
// (the --as-of date in an interim run). DESIGN.md §5 "Deadlines" says why.
#pragma once

#include <optional>

#include "base/calendar.h"
#include "base/date.h"
#include "base/decimal.h"
#include "scheme/model.h"
#include "input/unit_period.h"

namespace kaohe {

// The days of (due, done] — (due, period end] when not done — that lie
// within `period`: calendar days, or the working days of `calendar` when
// the rule counts per working day. 0 when done by the due date, or when
// none of those days lies in the period (`period` nullopt: no day counts).
// The calendar covers the scheme's period (the loader checks), and the
// unit's period lies within it, so every day asked about is covered.
int days_late(const Rule& rule, const Calendar& calendar, Date due,
              const std::optional<Date>& done, const std::optional<UnitPeriod>& period);

// What one occurrence of a row `days` late deducts: the rule's amount per
// day × days, at most `row_max` when the rule sets one (unsigned).
Decimal late_amount(const Rule& rule, int days);

}  // namespace kaohe
