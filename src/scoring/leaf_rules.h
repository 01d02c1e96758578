// The leaf rules of SPEC §3.1: each turns a unit's tallied events or its
// measure rows into an exact, unrounded score for one leaf.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "input/measure_reader.h"
#include "scheme/model.h"
#include "scoring/tally.h"
#include "input/unit_period.h"

namespace kaohe {

// The outcome of one leaf for one unit before floor, cap and rounding.
struct LeafOutcome {
  Rational value;
  bool applicable = true;
  std::string default_used;  // non-empty when a missing-data default applied
  std::string error;         // non-empty: the unit cannot be scored here
  std::string hint;
};

// Event-fed leaves: per_event, tiered, role, ranged (with surcharge) and
// quota. `unit` indexes the tallies; `days` are the unit's days that a
// quota counts (node_days()); other rules do not read them.
LeafOutcome score_event_leaf(const Scheme& scheme, int node, const Tallies& t,
                             int unit, const std::optional<UnitPeriod>& days);

// Measure-fed leaves, except `relative`, which needs every unit's value:
// use relative_value and score_relative. `rows` may be null (no rows).
LeafOutcome score_measure_leaf(const Node& node, const std::vector<Measure>* rows);

// bands: the index of the highest band `value` reaches (value ≥ its
// at_least; a percentage band compares the value as a ratio), or -1 when
// it lies below every band.
int band_of(const Rule& rule, Decimal value);
// The points of that band, or the rule's `below` points.
Decimal band_points(const Rule& rule, Decimal value);

// The value a `relative` leaf reads for one unit (nullopt: none or NA —
// then `out` says what the missing policy gave).
std::optional<Decimal> relative_value(const Node& node,
                                      const std::vector<Measure>* rows,
                                      LeafOutcome& out);
// points × value / best; 0 when best ≤ 0.
Rational score_relative(const Node& node, Decimal value, Decimal best);

}  // namespace kaohe
