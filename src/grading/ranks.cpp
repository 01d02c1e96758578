// Ranks and output order.
#include <algorithm>

#include "grading/standing.h"

namespace kaohe {
int compare_merit(const Scheme& scheme, const ScoreSheet& sheet, int a, int b) {
  if (sheet.total(a) != sheet.total(b)) return sheet.total(a) > sheet.total(b) ? -1 : 1;
  for (const std::string& id : scheme.ranking.tie_breakers) {
    int n = scheme.find(id);
    const NodeScore& x = sheet.at(a, n);
    const NodeScore& y = sheet.at(b, n);
    // A node that does not apply sorts after one that does.
    if (x.applicable != y.applicable) return x.applicable ? -1 : 1;
    if (x.score != y.score) return x.score > y.score ? -1 : 1;
  }
  return 0;
}

const std::string& ranking_group(const Scheme& scheme, const Roster& roster,
                                 int unit) {
  static const std::string kAll;
  return scheme.ranking.within_category ? roster.units[unit].category : kAll;
}

void rank_units(const Scheme& scheme, const Roster& roster,
                const ScoreSheet& sheet, std::vector<Standing>& standings) {
  auto group = [&](const Standing& s) -> const std::string& {
    return ranking_group(scheme, roster, s.unit);
  };
  std::sort(standings.begin(), standings.end(),
            [&](const Standing& a, const Standing& b) {
              if (group(a) != group(b)) return group(a) < group(b);
              int c = compare_merit(scheme, sheet, a.unit, b.unit);
              if (c != 0) return c < 0;
              return roster.units[a.unit].id < roster.units[b.unit].id;
            });
  std::size_t group_start = 0;
  for (std::size_t i = 0; i < standings.size(); ++i) {
    Standing& s = standings[i];
    if (i == 0 || group(standings[i - 1]) != group(s)) {
      group_start = i;
      s.rank = 1;
    } else if (compare_merit(scheme, sheet, standings[i - 1].unit, s.unit) == 0) {
      s.rank = standings[i - 1].rank;
    } else {
      s.rank = static_cast<int>(i - group_start) + 1;  // 1, 2, 2, 4
    }
  }
}

}  // namespace kaohe
