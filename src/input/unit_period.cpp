// The days that count for one unit (input/unit_period.h).
#include "input/unit_period.h"

#include <algorithm>

namespace kaohe {

std::optional<UnitPeriod> unit_period(const Scheme& scheme, const Unit& unit) {
  if (!scheme.period) return std::nullopt;
  UnitPeriod p{scheme.period->from, scheme.period->to, false};
  if (unit.from) p.from = std::max(p.from, *unit.from);
  if (unit.to) p.to = std::min(p.to, *unit.to);
  if (scheme.as_of && *scheme.as_of < p.to) {
    p.to = *scheme.as_of;
    p.cut_by_as_of = true;
  }
  if (p.to < p.from) return std::nullopt;
  return p;
}

}  // namespace kaohe
