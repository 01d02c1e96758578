// Bottom-up evaluation of the score tree for all units.
#include "scoring/score_tree.h"

#include <fmt/format.h>

#include <map>

#include "scoring/leaf_rules.h"

namespace kaohe {

Decimal settle(const Scheme& scheme, const Node& node, const Rational& value) {
  Rational v = value;
  if (node.floor && v < Rational(*node.floor)) v = Rational(*node.floor);
  if (node.cap && Rational(*node.cap) < v) v = Rational(*node.cap);
  return round_to(v, scheme.precision, scheme.rounding);
}

namespace {

// Combines the printed scores of a node's applicable children.
// Returns false when no child applies (the node itself does not apply).
bool combine(const Scheme& scheme, const Node& node, const ScoreSheet& sheet,
             int unit, Rational& out) {
  Rational sum;
  Rational weighted;
  Rational weight_total;
  bool any = false;
  for (int c : node.children) {
    const NodeScore& s = sheet.at(unit, c);
    if (!s.applicable) continue;
    any = true;
    const Node& child = scheme.nodes[c];
    if (node.weighted_children && child.weight) {
      if (!child.points->units()) continue;  // a zero-point part adds nothing
      weighted += *child.weight * Rational(s.score) / Rational(*child.points);
      weight_total += *child.weight;
    } else {
      sum += Rational(s.score);
    }
  }
  if (!any) return false;
  if (node.weighted_children && !weight_total.is_zero()) {
    // Renormalise over the children that apply (exclude policy).
    sum += weighted / weight_total * Rational(*node.points);
  }
  out = sum + (node.base ? Rational(*node.base) : Rational());
  return true;
}

}  // namespace

ScoreSheet score_units(const Scheme& scheme, const Roster& roster,
                       const Tallies& tallies, const MeasureTable& measures,
                       Diagnostics& diags) {
  const int units = roster.size();
  const int nodes = static_cast<int>(scheme.nodes.size());
  ScoreSheet sheet(units, nodes);
  std::vector<char> failed(units, 0);

  auto record = [&](int unit, int n, const LeafOutcome& out) {
    NodeScore& cell = sheet.at(unit, n);
    if (!out.error.empty()) {
      if (!failed[unit]) {
        diags.error({}, 0, 0,
                    fmt::format("unit \"{}\" ({}): {}", roster.units[unit].id,
                                roster.units[unit].name, out.error),
                    {}, out.hint);
      }
      failed[unit] = 1;
      return;
    }
    if (!out.default_used.empty()) sheet.defaults.push_back({unit, n, out.default_used});
    cell.applicable = out.applicable;
    if (out.applicable) cell.score = settle(scheme, scheme.nodes[n], out.value);
  };

  // Parents precede children in `nodes`: walking backwards scores every
  // child before its parent.
  for (int n = nodes - 1; n >= 0; --n) {
    const Node& node = scheme.nodes[n];
    if (!node.is_leaf()) {
      for (int u = 0; u < units; ++u) {
        Rational v;
        NodeScore& cell = sheet.at(u, n);
        cell.applicable = combine(scheme, node, sheet, u, v);
        if (cell.applicable) cell.score = settle(scheme, node, v);
      }
      continue;
    }
    if (rule_reads_events(node.rule.kind)) {
      for (int u = 0; u < units; ++u) record(u, n, score_event_leaf(scheme, n, tallies, u));
    } else if (node.rule.kind == RuleKind::kRelative) {
      // Two passes: the best value among the units it applies to, then
      // each unit's share of it.
      std::vector<std::optional<Decimal>> values(units);
      std::vector<LeafOutcome> outs(units);
      std::optional<Decimal> best;
      std::map<std::string, Decimal> best_in;  // by category
      for (int u = 0; u < units; ++u) {
        values[u] = relative_value(node, measures.find(u, n), outs[u]);
        if (!values[u]) continue;
        if (!best || *best < *values[u]) best = values[u];
        auto [it, inserted] = best_in.emplace(roster.units[u].category, *values[u]);
        if (!inserted && it->second < *values[u]) it->second = *values[u];
      }
      for (int u = 0; u < units; ++u) {
        if (values[u]) {
          Decimal b = node.rule.within_category
                          ? best_in.at(roster.units[u].category)
                          : *best;
          outs[u].value = score_relative(node, *values[u], b);
        }
        record(u, n, outs[u]);
      }
    } else {
      for (int u = 0; u < units; ++u) {
        record(u, n, score_measure_leaf(node, measures.find(u, n)));
      }
    }
  }
  return sheet;
}

}  // namespace kaohe
