// The scores of every node for every unit, each rounded once to the
// scheme's precision (SPEC §4, §10), and the defaults that produced any.
#pragma once

#include <string>
#include <vector>

#include "base/decimal.h"

namespace kaohe {

struct NodeScore {
  Decimal score;           // printed value (rounded, clamped)
  bool applicable = true;  // false: the node does not apply to the unit
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
  ScoreSheet(int units, int nodes)
      : units_(units), nodes_(nodes),
        cells_(static_cast<std::size_t>(units) * nodes) {}

  int units() const { return units_; }
  int nodes() const { return nodes_; }
  NodeScore& at(int unit, int node) {
    return cells_[static_cast<std::size_t>(unit) * nodes_ + node];
  }
  const NodeScore& at(int unit, int node) const {
    return cells_[static_cast<std::size_t>(unit) * nodes_ + node];
  }
  // The unit's total: the root's printed score.
  Decimal total(int unit) const { return at(unit, 0).score; }

  std::vector<DefaultUsed> defaults;

 private:
  int units_ = 0;
  int nodes_ = 0;
  std::vector<NodeScore> cells_;
};

}  // namespace kaohe
