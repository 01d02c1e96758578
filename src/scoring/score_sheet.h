// The scores of every node for every unit, each rounded once to the
// scheme's precision (SPEC §4, §10), and the defaults that produced any.
#pragma once

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "base/decimal.h"

namespace kaohe {

struct NodeScore {
  Decimal score;           // printed value (rounded, clamped)
  bool applicable = true;  // false: the node does not apply to the unit
  // The node does not apply, but counts with the value its not_applicable
  // policy gives (full, zero, mean), or only through children that do
  // (SPEC §10): it receives no redistributed points or weight and is no
  // move_to target. Only meaningful when `applicable`.
  bool kept = false;
  bool zeroed = false;     // an event set it to 0 (SPEC §10)
  Decimal full_marks;      // the node's full marks for this unit
};

// A default applied for missing data, reported by explain and -v.
struct DefaultUsed {
  int unit = -1;
  int node = -1;
  std::string what;  // e.g. "no measure: missing: zero"
};

class ScoreSheet {
 public:
  ScoreSheet() = default;
  ScoreSheet(int units, int nodes, int flags)
      : units_(units), nodes_(nodes), flags_(flags),
        cells_(static_cast<std::size_t>(units) * nodes),
        raised_(static_cast<std::size_t>(units) * flags, 0),
        totals_(units), full_marks_(units) {}

  int units() const { return units_; }
  int nodes() const { return nodes_; }
  NodeScore& at(int unit, int node) {
    return cells_[static_cast<std::size_t>(unit) * nodes_ + node];
  }
  const NodeScore& at(int unit, int node) const {
    return cells_[static_cast<std::size_t>(unit) * nodes_ + node];
  }
  // The unit's total as graded and ranked: the root's printed score, or,
  // when the scheme normalises categories, round(root × 100 ÷ full marks).
  Decimal total(int unit) const { return totals_[unit]; }
  void set_total(int unit, Decimal t) { totals_[unit] = t; }
  // The unit's full marks, computed from the items that apply to it.
  Decimal full_marks(int unit) const { return full_marks_[unit]; }
  void set_full_marks(int unit, Decimal f) { full_marks_[unit] = f; }
  // Whether an event raised flag `flag` (index into Scheme::flags).
  bool raised(int unit, int flag) const {
    return raised_[static_cast<std::size_t>(unit) * flags_ + flag] != 0;
  }
  void raise(int unit, int flag) {
    raised_[static_cast<std::size_t>(unit) * flags_ + flag] = 1;
  }

  // In roster order, then scheme order (score_units sorts them so).
  std::vector<DefaultUsed> defaults;
  // The defaults used for (unit, node), in the order they applied: a
  // binary search of `defaults`, which must be in roster, then scheme, order.
  std::span<const DefaultUsed> defaults_for(int unit, int node) const {
    const auto [first, last] = std::equal_range(
        defaults.begin(), defaults.end(), DefaultUsed{unit, node, {}},
        [](const DefaultUsed& a, const DefaultUsed& b) {
          return a.unit != b.unit ? a.unit < b.unit : a.node < b.node;
        });
    return {first, last};
  }

 private:
  int units_ = 0;
  int nodes_ = 0;
  int flags_ = 0;
  std::vector<NodeScore> cells_;
  std::vector<char> raised_;
  std::vector<Decimal> totals_;
  std::vector<Decimal> full_marks_;
};

}  // namespace kaohe
