// Ranks and output order.
#include <algorithm>

#include "grading/standing.h"

namespace kaohe {
namespace {

// Descending by total, then by each tie-breaker's printed score. Returns
// <0 when a ranks before b, 0 when they tie.
int compare_merit(const ScoreSheet& sheet, const std::vector<int>& breakers,
                  int a, int b) {
  if (sheet.total(a) != sheet.total(b)) return sheet.total(a) > sheet.total(b) ? -1 : 1;
  for (int n : breakers) {
    const NodeScore& x = sheet.at(a, n);
    const NodeScore& y = sheet.at(b, n);
    // A node that does not apply sorts after one that does.
    if (x.applicable != y.applicable) return x.applicable ? -1 : 1;
    if (x.score != y.score) return x.score > y.score ? -1 : 1;
  }
  return 0;
}

}  // namespace

void rank_units(const Scheme& scheme, const Roster& roster,
                const ScoreSheet& sheet, std::vector<Standing>& standings) {
  std::vector<int> breakers;
  for (const std::string& id : scheme.ranking.tie_breakers) {
    breakers.push_back(scheme.find(id));
  }
  const bool by_category = scheme.ranking.within_category;
  auto group = [&](const Standing& s) -> const std::string& {
    static const std::string kNone;
    return by_category ? roster.units[s.unit].category : kNone;
  };
  std::sort(standings.begin(), standings.end(),
            [&](const Standing& a, const Standing& b) {
              if (group(a) != group(b)) return group(a) < group(b);
              int c = compare_merit(sheet, breakers, a.unit, b.unit);
              if (c != 0) return c < 0;
              return roster.units[a.unit].id < roster.units[b.unit].id;
            });
  std::size_t group_start = 0;
  for (std::size_t i = 0; i < standings.size(); ++i) {
    Standing& s = standings[i];
    if (i == 0 || group(standings[i - 1]) != group(s)) {
      group_start = i;
      s.rank = 1;
    } else if (compare_merit(sheet, breakers, standings[i - 1].unit, s.unit) == 0) {
      s.rank = standings[i - 1].rank;
    } else {
      s.rank = static_cast<int>(i - group_start) + 1;  // 1, 2, 2, 4
    }
  }
}

}  // namespace kaohe
