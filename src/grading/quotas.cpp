// Quota grades (SPEC §3.4, §9; DESIGN.md §2 "Quotas"): at most p% (or N)
// of the units of a ranking group, best first — or, for a bottom quota,
// last first — among those meeting the quota's conditions; units tied at
// the edge all miss it unless the scheme includes ties.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "grading/standing.h"

namespace kaohe {
namespace {

// The places of quota `q` among `n` units: its count, or share × n rounded
// down, up, half up or half even.
std::int64_t slots(const Quota& q, std::int64_t n) {
  if (q.count) return *q.count;
  Rational exact = q.share * Rational(n);
  std::int64_t down = exact.num() / exact.den();  // exact ≥ 0
  const std::int64_t rest = exact.num() % exact.den();
  switch (q.round) {
    case Quota::Round::kDown: return down;
    case Quota::Round::kUp: return rest == 0 ? down : down + 1;
    case Quota::Round::kNearest:  // halves up
      return 2 * rest < exact.den() ? down : down + 1;
    case Quota::Round::kHalfEven:  // halves to the even number
      if (2 * rest == exact.den()) return down % 2 == 0 ? down : down + 1;
      return 2 * rest < exact.den() ? down : down + 1;
  }
  return down;
}

// Why a unit cannot take quota `q`: "" when it can; kNotInGrade when it is
// not among the units the quota draws from; "gate" or "flag" when a gate
// or a flag keeps it out; otherwise the grade's own threshold or the
// condition it fails.
const std::string kNotInGrade = "-";

std::string ineligible(const Scheme& scheme, const ScoreSheet& sheet, const Quota& q,
                       int grade_index, const Standing& s) {
  if (!q.from.empty()) {
    bool in = false;
    for (const std::string& g : q.from) in |= s.grade == scheme.find_grade(g);
    if (!in) return kNotInGrade;
  } else if (s.grade < 0 && !q.bottom) {
    return kNotInGrade;
  }
  if (q.bottom) {
    // A forced grade stays; caps only keep a unit from better grades.
    if (grade_index >= 0 && s.forced) return "gate";
  } else if (s.forced || grade_index < s.best_allowed) {
    return "gate";
  }
  // The quota grade's own threshold (先进: ≥ 85 and the top 30%).
  if (!q.bottom && grade_index >= 0) {
    const Grade& grade = scheme.grades[grade_index];
    if (grade.min && sheet.total(s.unit) < *grade.min) {
      return fmt::format("总分<{}", grade.min->to_string());
    }
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
    const int grade_index = q.grade.empty() ? -1 : scheme.find_grade(q.grade);
    const std::string& given =
        q.grade.empty() ? scheme.flags[scheme.find_flag(q.flag)].name : q.grade;
    const char* const kind = q.bottom ? "末位" : "名额";
    const MeritOrder merit(scheme, sheet);
    // Best first, or last first for a bottom quota.
    auto before = [&](int a, int b) {
      int c = merit.compare(a, b);
      if (c != 0) return q.bottom ? c > 0 : c < 0;
      return roster.units[a].id < roster.units[b].id;
    };
    // Ranking groups, in byte order; each unit's standing by roster index.
    std::map<std::string, std::vector<int>> groups;
    for (const Standing& s : standings) {
      groups[ranking_group(scheme, roster, s.unit)].push_back(s.unit);
    }
    for (auto& [name, units] : groups) {
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
      const std::int64_t base = static_cast<std::int64_t>(
          q.base_eligible ? candidates.size() : units.size());
      const std::int64_t n = slots(q, base);
      std::sort(candidates.begin(), candidates.end(), before);
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
          if (grade_index >= 0) s.grade = grade_index;
          s.flags.push_back(fmt::format("{}{}:{}", kind, q.share_text, given));
        } else if (i >= tie_lo && i < tie_hi) {
          s.flags.push_back(fmt::format("{}{}:并列未入{}", kind, q.share_text, given));
        }
      }
      // A unit that would have made the quota on merit but fails one of its
      // conditions says so (a gate or a flag that refused it is listed
      // already).
      if (take == 0 || candidates.empty()) continue;
      const int last_in = candidates[std::min(take, candidates.size()) - 1];
      for (const auto& [u, why] : refused) {
        const int c = merit.compare(u, last_in);
        if (why == "gate" || why == "flag" || (q.bottom ? c < 0 : c > 0)) continue;
        standings[u].flags.push_back(fmt::format("{}:未入{}", why, given));
      }
    }
  }
}

}  // namespace kaohe
