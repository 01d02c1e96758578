// A unit's place in the result: its grade, rank and flags. Grades and
// ranks read printed totals only (SPEC §4, §9).
#pragma once

#include <string>
#include <vector>

#include "input/roster.h"
#include "scheme/model.h"
#include "scoring/score_sheet.h"

namespace kaohe {

struct Standing {
  int unit = -1;
  int grade = -1;                  // index into scheme.grades; -1: none
  int rank = 0;                    // 1-based, shared on ties
  // Raised flags in the scheme's declared order, then gates that changed
  // the grade, then what the quota rule decided.
  std::vector<std::string> flags;
  int best_allowed = 0;            // gates: no grade better than this index
  bool forced = false;             // a gate forced the grade
};

// Whether condition `c` holds for `unit`, on printed scores and the printed
// total. A comparison on a node that does not apply to the unit is false,
// whatever the operator (it has no score to compare).
bool condition_holds(const Scheme& scheme, const ScoreSheet& sheet, const Condition& c,
                     int unit);

// How a condition reads in the flags column: 述职评议<80, 总分>=85, or 非 and
// the flag's name for a flag not raised; empty for a raised flag, which is
// listed among the flags already.
std::string condition_label(const Scheme& scheme, const Condition& c);

// The label of the opposite of `c` (why a unit failing it is out):
// 述职评议<60 for 述职评议 >= 60; empty for a flag condition.
std::string failed_condition_label(const Scheme& scheme, const Condition& c);

// Grades every unit: thresholds on the printed total, then gates, then
// quota grades (SPEC §9 order). Returns one Standing per unit, in roster
// order, rank unset.
std::vector<Standing> grade_units(const Scheme& scheme, const Roster& roster,
                                  const ScoreSheet& sheet);

// Awards quota grades (先进 ≤ 30%) to the best eligible units of each
// ranking group; called by grade_units.
void apply_quotas(const Scheme& scheme, const Roster& roster,
                  const ScoreSheet& sheet, std::vector<Standing>& standings);

// Orders units by merit: descending printed total, then the scheme's
// tie-breakers (printed scores, descending unless written ascending; a node
// that does not apply comes after one that does). The tie-breakers are looked up once, not per comparison.
class MeritOrder {
 public:
  MeritOrder(const Scheme& scheme, const ScoreSheet& sheet);
  // <0 when unit a comes first, >0 when b does, 0 when tied.
  int compare(int a, int b) const;

 private:
  const ScoreSheet& sheet_;
  std::vector<int> tie_breakers_;  // node indices
  std::vector<bool> ascending_;    // per tie-breaker: the lower score first
};

// The ranking group of a unit: its category when the scheme ranks within
// category, else one group for all.
const std::string& ranking_group(const Scheme& scheme, const Roster& roster,
                                 int unit);

// Ranks the standings (descending total, then the scheme's tie-breakers,
// then shared ranks 1, 2, 2, 4; within category when the scheme says so)
// and sorts them into output order: category (when ranking within
// category), rank, unit_id, all in byte order.
void rank_units(const Scheme& scheme, const Roster& roster,
                const ScoreSheet& sheet, std::vector<Standing>& standings);

}  // namespace kaohe
