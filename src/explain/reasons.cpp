// Largest losses and grade-boundary margins.
#include "explain/reasons.h"

#include <algorithm>

#include "scoring/score_tree.h"

namespace kaohe {
namespace {

bool scored_by_policy(const ScoreSheet& sheet, int unit, int node) {
  for (const DefaultUsed& d : sheet.defaults_for(unit, node)) {
    if (d.what.rfind("does not apply", 0) == 0) return true;
  }
  return false;
}

void collect(const Evaluation& ev, int unit, int n, const Rational& m,
             std::vector<Reason>& out) {
  const NodeScore& cell = ev.sheet.at(unit, n);
  if (!cell.applicable) return;
  const Node& node = ev.scheme.nodes[n];
  if (node.is_leaf() || scored_by_policy(ev.sheet, unit, n)) {
    Rational effect = (Rational(cell.score) - Rational(cell.full_marks)) * m;
    if (effect.is_negative()) out.push_back({n, effect});
    return;
  }
  Combination comb = combination_of(ev.scheme, ev.sheet, unit, n);
  for (const auto& [c, k] : comb.terms) collect(ev, unit, c, m * k, out);
}

}  // namespace

std::vector<Reason> top_losses(const Evaluation& ev, int unit, int n) {
  std::vector<Reason> all;
  collect(ev, unit, 0, Rational(1), all);
  std::stable_sort(all.begin(), all.end(), [](const Reason& a, const Reason& b) {
    return a.effect < b.effect;
  });
  if (static_cast<int>(all.size()) > n) all.resize(static_cast<std::size_t>(n));
  return all;
}

std::optional<std::string> near_boundary(const Scheme& scheme, Decimal total,
                                         Decimal margin) {
  std::optional<std::string> best;
  std::optional<Decimal> best_distance;
  for (const Grade& g : scheme.grades) {
    if (!g.min) continue;
    Decimal d = total < *g.min ? *g.min - total : total - *g.min;
    if (d <= margin && (!best_distance || d < *best_distance)) {
      best_distance = d;
      best = g.name + " ≥ " + g.min->to_string();
    }
  }
  return best;
}

}  // namespace kaohe
