// The `sheets` rule (现场发放评议表; 领导评价和同级评价各占50%的权重;
// 去掉一个最高分和一个最低分): a unit's score sheets grouped by rater group,
// the highest and the lowest sheet of each group dropped when the rule asks,
// each group's kept sheets averaged and the group means weighted — exact
// and unrounded. Scoring (leaf_rules) and explain both read it, so the
// sheets explain cites are the ones that scored.
#pragma once

#include <string>
#include <vector>

#include "base/decimal.h"
#include "base/messages.h"
#include "input/measure_reader.h"
#include "scheme/model.h"

namespace kaohe {

// One rater group's sheets for one unit.
struct SheetGroupTally {
  std::string name;                      // empty: the plain mean (no groups)
  Rational weight = Rational(1);         // 1 for the plain mean
  std::vector<const Measure*> sheets;    // the group's rows, in row order
  int dropped_high = -1;                 // index into sheets, or -1
  int dropped_low = -1;                  // index into sheets, or -1 (never
                                         // the same sheet as dropped_high)
  Rational mean;                         // of the kept sheets (0 when none)
};

struct SheetsTally {
  std::vector<SheetGroupTally> groups;   // in the scheme's order
  Rational mean;                         // Σ weight × group mean, out of scale
  // Non-empty when a group has fewer sheets than the rule needs
  // (SheetsSpec::needed()): "group 干部职工 has no sheets"; `mean` is then 0.
  std::string too_few;
  // The same in the message language, for an error message (too_few is
  // also written into explain's lines, which are data: English).
  std::string too_few_message;

};

// Tallies `rows` (a sheets leaf's measure rows for one unit, none NA, each
// keyed by one of the rule's groups — or unkeyed without groups — as the
// measure reader guarantees). Among equal values, the first sheet in row
// order is the one dropped.
SheetsTally tally_sheets(const Rule& rule, const std::vector<Measure>& rows);

}  // namespace kaohe
