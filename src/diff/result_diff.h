// What changed between two results on the same units: per unit total,
// rank, grade and the top-level parts that moved; and what changed in the
// scheme (nodes added, removed, re-pointed, re-weighted).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diff/snapshot.h"

namespace kaohe {

struct PartChange {
  std::string id;
  std::optional<Decimal> old_score, new_score;
};

struct UnitChange {
  std::string unit_id;
  std::string name;
  bool only_old = false;  // the unit is missing from the new result
  bool only_new = false;  // the unit is missing from the old result
  std::optional<Decimal> old_total, new_total;
  int old_rank = 0, new_rank = 0;
  std::string old_grade, new_grade;
  std::vector<PartChange> parts;
};

struct SchemeChange {
  enum class Kind { kAdded, kRemoved, kPoints, kWeight, kRule, kMoved };
  Kind kind;
  std::string id;
  std::string name;
  std::string old_value, new_value;
};

struct ResultDiff {
  std::vector<UnitChange> units;      // in unit_id byte order
  std::vector<SchemeChange> scheme;   // in the new scheme's node order, then removed
  int precision = 2;
  bool empty() const { return units.empty() && scheme.empty(); }
};

// Compares `before` and `after`. A unit changes when its total moves by
// more than `tolerance`, or its rank or grade changes.
ResultDiff diff_results(const Snapshot& before, const Snapshot& after,
                        Decimal tolerance);

}  // namespace kaohe
