// Scores the whole tree for every unit: leaves by their rules, inner nodes
// by sum or weighted combination, then base, floor, cap and the one
// rounding per node (SPEC §4, §10). Works on in-memory data only.
#pragma once

#include "base/diagnostic.h"
#include "input/measure_reader.h"
#include "input/roster.h"
#include "scheme/model.h"
#include "scoring/result_leaf.h"
#include "scoring/score_sheet.h"
#include "scoring/tally.h"

namespace kaohe {

// Scores every unit of `roster`. Units that cannot be scored (a measure
// missing without a declared default, too few votes) are reported in
// `diags`, all of them; their cells are left at 0. `threads` (≥ 1) score
// ranges of units side by side; the result never depends on it. The
// problems and `ScoreSheet::defaults` come in roster order, then scheme
// order. `results`: the sources of `result` leaves (the pipeline
// reads them); none needed when the scheme has no such leaf.
ScoreSheet score_units(const Scheme& scheme, const Roster& roster,
                       const Tallies& tallies, const MeasureTable& measures,
                       Diagnostics& diags, int threads = 1,
                       const ResultScores* results = nullptr);

// Floor and cap, then the scheme's rounding: how every node's exact value
// becomes its printed score.
Decimal settle(const Scheme& scheme, const Node& node, const Rational& value);

// How an inner node that applies to a unit combines its children's printed
// scores: value = constant + Σ coefficient × child score, before floor,
// cap and rounding. Encodes sums, weights (renormalised over the children
// that apply), redistribution and move_to (SPEC §10).
struct Combination {
  bool applicable = false;  // false: every child dropped out
  // No child applies; it counts only through children kept by their
  // not_applicable policy (ScoreSheet's NodeScore::kept).
  bool kept = false;
  Rational constant;        // the node's base
  std::vector<std::pair<int, Rational>> terms;  // (child node, coefficient)
  // Full marks computed from the children that apply (sum nodes with
  // pointed children); nullopt: the node's declared points.
  std::optional<Decimal> full_marks;
};

// Precondition: the children of `node` are scored in `sheet` for `unit`.
Combination combination_of(const Scheme& scheme, const ScoreSheet& sheet,
                           int unit, int node);

// For a node with `periods: {combine: last}`: the copy of the last
// sub-period that applies to `unit`, the only child that counts; -1 for
// any other node, or when no sub-period applies.
int last_counting_child(const Scheme& scheme, const ScoreSheet& sheet, int unit, int n);

}  // namespace kaohe
