// The days that count for one unit: the scheme's period, narrowed by the
// unit's own `from`/`to` (roster columns) and ended early by --as-of. Every
// rule that counts days or periods (quotas, deadlines, sub-periods) asks
// here, so that a worker hired in July is never charged for March.
#pragma once

#include <optional>

#include "base/diagnostic.h"
#include "input/roster.h"
#include "scheme/model.h"

namespace kaohe {

struct UnitPeriod {
  Date from;
  Date to;        // the last day that counts: period end, unit end or as-of
  bool cut_by_as_of = false;  // `to` is the --as-of date, before the end
};

// The unit's days within the scheme's period; nullopt when the scheme has
// no period, or when the unit's own period does not meet it (or starts
// after --as-of): nothing of the period counts for it.
std::optional<UnitPeriod> unit_period(const Scheme& scheme, const Unit& unit);

// The unit's days that node `n` covers: unit_period() within the node's
// sub-period when it lies inside a node with `periods:` (a quota of the
// 2024 copy counts 2024's buckets only; work due then is late until the
// end of 2024). nullopt when they do not meet.
std::optional<UnitPeriod> node_days(const Scheme& scheme, const Unit& unit, int n);

// Adds an error at a unit's roster line for each unit whose own period
// (from/to) cannot be used with `scheme`: the scheme has no period, or the
// unit's does not meet it (every row of the unit would be left out).
void check_unit_periods(const Scheme& scheme, const Roster& roster, Diagnostics& diags);

}  // namespace kaohe
