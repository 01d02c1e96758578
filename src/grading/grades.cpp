// Threshold grades and gates.
#include <fmt/format.h>

#include "grading/standing.h"

namespace kaohe {
namespace {

int threshold_grade(const Scheme& scheme, Decimal total) {
  for (std::size_t g = 0; g < scheme.grades.size(); ++g) {
    const Grade& grade = scheme.grades[g];
    if (grade.quota_only) continue;
    if (!grade.min || total >= *grade.min) return static_cast<int>(g);
  }
  return -1;
}

// Whether a gate's condition holds for a unit.
bool gate_fires(const Scheme& scheme, const ScoreSheet& sheet, const Gate& gate,
                int unit) {
  if (!gate.flag.empty()) return sheet.raised(unit, scheme.find_flag(gate.flag));
  const NodeScore& score = sheet.at(unit, scheme.find(gate.node));
  return score.applicable && score.score < gate.below;
}

std::string gate_label(const Scheme& scheme, const Gate& gate) {
  if (!gate.flag.empty()) return scheme.flags[scheme.find_flag(gate.flag)].name;
  return fmt::format("{}<{}", scheme.nodes[scheme.find(gate.node)].name,
                     gate.below.to_string());
}

}  // namespace

std::vector<Standing> grade_units(const Scheme& scheme, const Roster& roster,
                                  const ScoreSheet& sheet) {
  std::vector<Standing> out(roster.size());
  for (int u = 0; u < roster.size(); ++u) {
    Standing& s = out[u];
    s.unit = u;
    s.grade = threshold_grade(scheme, sheet.total(u));
    for (std::size_t f = 0; f < scheme.flags.size(); ++f) {
      if (sheet.raised(u, static_cast<int>(f))) s.flags.push_back(scheme.flags[f].name);
    }
    // Caps first: several caps → the lowest; then a forced grade wins.
    int forced = -1;
    for (const Gate& gate : scheme.gates) {
      if (!gate_fires(scheme, sheet, gate, u)) continue;
      if (!gate.force.empty()) {
        forced = std::max(forced, scheme.find_grade(gate.force));
        continue;
      }
      // A higher index is a lower grade.
      int cap = scheme.find_grade(gate.at_most);
      s.best_allowed = std::max(s.best_allowed, cap);
      if (s.grade >= 0 && s.grade < cap) {
        s.grade = cap;
        // A gate named by a node says why; a flag is listed already.
        if (gate.flag.empty()) s.flags.push_back(gate_label(scheme, gate));
      }
    }
    if (forced >= 0) {
      for (const Gate& gate : scheme.gates) {
        if (!gate.force.empty() && !gate.node.empty() &&
            gate_fires(scheme, sheet, gate, u)) {
          s.flags.push_back(gate_label(scheme, gate));
        }
      }
      s.grade = forced;
      s.forced = true;
      s.best_allowed = static_cast<int>(scheme.grades.size());
    }
  }
  apply_quotas(scheme, roster, sheet, out);
  return out;
}

}  // namespace kaohe
