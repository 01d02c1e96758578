// The days that count for one unit (input/unit_period.h).
#include "input/unit_period.h"

#include "base/messages.h"

#include <fmt/format.h>

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

std::optional<UnitPeriod> node_days(const Scheme& scheme, const Unit& unit, int n) {
  std::optional<UnitPeriod> p = unit_period(scheme, unit);
  const std::optional<Period> span = scheme.span_of(n);
  if (!p || !span || scheme.nodes[static_cast<std::size_t>(n)].periodic < 0) return p;
  p->from = std::max(p->from, span->from);
  if (span->to < p->to) {
    p->to = span->to;
    p->cut_by_as_of = false;  // the sub-period ends first
  }
  if (p->to < p->from) return std::nullopt;
  return p;
}

void check_unit_periods(const Scheme& scheme, const Roster& roster, Diagnostics& diags) {
  for (const Unit& u : roster.units) {
    if (!u.from && !u.to) continue;
    const std::string own = fmt::format("{}..{}", u.from ? u.from->to_string() : "",
                                        u.to ? u.to->to_string() : "");
    if (!scheme.period) {
      diags.error(roster.file, u.line, 0,
                  trf("unit \"{}\" has a period of its own ({}), but the scheme "
                              "has no period", u.id, own),
                  u.text, trf("add period: {{from: …, to: …}} to the scheme, or empty from/to"));
      continue;
    }
    const Period& p = *scheme.period;
    if ((u.from && p.to < *u.from) || (u.to && *u.to < p.from)) {
      diags.error(roster.file, u.line, 0,
                  trf("unit \"{}\"'s period {} lies outside the scheme's period "
                              "{}..{}", u.id, own, p.from.to_string(), p.to.to_string()),
                  u.text, tr("a unit not assessed this period is left out of the roster"));
    }
  }
}

}  // namespace kaohe
