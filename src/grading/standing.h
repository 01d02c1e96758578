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
  std::vector<std::string> flags;  // in the scheme's declared order
};

// Grades every unit: thresholds on the printed total, then gates (SPEC §9
// order). Returns one Standing per unit, in roster order, rank unset.
std::vector<Standing> grade_units(const Scheme& scheme, const Roster& roster,
                                  const ScoreSheet& sheet);

// Ranks the standings (descending total, then the scheme's tie-breakers,
// then shared ranks 1, 2, 2, 4; within category when the scheme says so)
// and sorts them into output order: category (when ranking within
// category), rank, unit_id, all in byte order.
void rank_units(const Scheme& scheme, const Roster& roster,
                const ScoreSheet& sheet, std::vector<Standing>& standings);

}  // namespace kaohe
