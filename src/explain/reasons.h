// Reason codes for the score table (SPEC §5): each unit's largest point
// losses by item, and whether its total lies within a margin of a grade
// boundary, where a reviewer should look twice.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/decimal.h"
#include "pipeline/evaluation.h"

namespace kaohe {

struct Reason {
  int node = -1;
  Rational effect;  // on the total (root scale), negative
};

// The `n` largest losses of `unit` among the leaves and the nodes scored by
// a not-applicable policy: (score − full marks) carried to the total
// through weights and redistribution; largest first, ties by node order.
// Floors and caps above a leaf are not apportioned.
std::vector<Reason> top_losses(const Evaluation& ev, int unit, int n);

// "优秀 ≥ 90" when the printed total lies within `margin` of a grade's
// threshold (the nearest one), else nullopt.
std::optional<std::string> near_boundary(const Scheme& scheme, Decimal total,
                                         Decimal margin);

}  // namespace kaohe
