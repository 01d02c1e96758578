// Quota grades (SPEC §3.4, §9): at most p% of the units of a ranking
// group, best first, among those meeting the quota's conditions; units tied
// at the edge all miss it unless the scheme includes ties.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "grading/standing.h"

namespace kaohe {
namespace {

// floor, ceil or nearest (halves up) of share × n.
std::int64_t slots(const Quota& q, std::int64_t n) {
  Rational exact = q.share * Rational(n);
  std::int64_t down = exact.num() / exact.den();  // exact ≥ 0
  bool whole = exact.num() % exact.den() == 0;
  switch (q.round) {
    case Quota::Round::kDown: return down;
    case Quota::Round::kUp: return whole ? down : down + 1;
    case Quota::Round::kNearest:  // halves up
      return 2 * (exact.num() % exact.den()) < exact.den() ? down : down + 1;
  }
  return down;
}

// Why a unit cannot take quota grade `q`: "" when it can; kNotInGrade when
// it is not among the units the quota draws from; "gate" or "flag" when a
// gate or a flag keeps it out; otherwise the grade's own threshold or the
// condition it fails.
const std::string kNotInGrade = "-";

std::string ineligible(const Scheme& scheme, const ScoreSheet& sheet, const Quota& q,
                       int grade_index, const Standing& s) {
  if (!q.from.empty() && s.grade != scheme.find_grade(q.from)) return kNotInGrade;
  if (q.from.empty() && s.grade < 0) return kNotInGrade;
  if (s.forced || grade_index < s.best_allowed) return "gate";
  // The quota grade's own threshold (先进: ≥ 85 and the top 30%).
  const Grade& grade = scheme.grades[grade_index];
  if (grade.min && sheet.total(s.unit) < *grade.min) {
    return fmt::format("总分<{}", grade.min->to_string());
  }
  for (const Condition& c : q.require) {
    if (condition_holds(scheme, sheet, c, s.unit)) continue;
    std::string why = failed_condition_label(scheme, c);
    return why.empty() ? "flag" : why;
  }
  for (const std::string& f : q.without_flags) {
    if (sheet.raised(s.unit, scheme.find_flag(f))) return "flag";
  }
  return "";
}

}  // namespace

void apply_quotas(const Scheme& scheme, const Roster& roster,
                  const ScoreSheet& sheet, std::vector<Standing>& standings) {
  for (const Quota& q : scheme.quotas) {
    const int grade_index = scheme.find_grade(q.grade);
    const MeritOrder merit(scheme, sheet);
    // Ranking groups, in byte order; each unit's standing by roster index.
    std::map<std::string, std::vector<int>> groups;
    for (const Standing& s : standings) {
      groups[ranking_group(scheme, roster, s.unit)].push_back(s.unit);
    }
    for (auto& [name, units] : groups) {
      const std::int64_t n = slots(q, static_cast<std::int64_t>(units.size()));
      std::vector<int> candidates;
      std::vector<std::pair<int, std::string>> refused;  // (unit, why)
      for (int u : units) {
        std::string why = ineligible(scheme, sheet, q, grade_index, standings[u]);
        if (why.empty()) {
          candidates.push_back(u);
        } else if (why != kNotInGrade) {
          refused.emplace_back(u, why);
        }
      }
      std::sort(candidates.begin(), candidates.end(), [&](int a, int b) {
        int c = merit.compare(a, b);
        return c != 0 ? c < 0 : roster.units[a].id < roster.units[b].id;
      });
      std::size_t take = std::min<std::size_t>(static_cast<std::size_t>(n),
                                               candidates.size());
      // A tie across the edge: the tied units are all in (ties: include)
      // or all out, so the quota is never exceeded unless the scheme says.
      std::size_t tie_lo = take, tie_hi = take;
      if (take > 0 && take < candidates.size() &&
          merit.compare(candidates[take - 1], candidates[take]) == 0) {
        const int edge = candidates[take - 1];
        tie_lo = take - 1;
        while (tie_lo > 0 &&
               merit.compare(candidates[tie_lo - 1], edge) == 0) {
          --tie_lo;
        }
        tie_hi = take;
        while (tie_hi < candidates.size() &&
               merit.compare(candidates[tie_hi], edge) == 0) {
          ++tie_hi;
        }
        take = q.ties_included ? tie_hi : tie_lo;
      }
      for (std::size_t i = 0; i < candidates.size(); ++i) {
        Standing& s = standings[candidates[i]];
        if (i < take) {
          s.grade = grade_index;
          s.flags.push_back(fmt::format("名额{}:{}", q.share_text, q.grade));
        } else if (i >= tie_lo && i < tie_hi) {
          s.flags.push_back(fmt::format("名额{}:并列未入{}", q.share_text, q.grade));
        }
      }
      // A unit that would have made the quota on merit but fails one of its
      // conditions says so (a gate or a flag that refused it is listed
      // already).
      if (take == 0 || candidates.empty()) continue;
      const int last_in = candidates[std::min(take, candidates.size()) - 1];
      for (const auto& [u, why] : refused) {
        if (why == "gate" || why == "flag" || merit.compare(u, last_in) > 0) {
          continue;
        }
        standings[u].flags.push_back(fmt::format("{}:未入{}", why, q.grade));
      }
    }
  }
}

}  // namespace kaohe
