// Threshold grades and gates.
#include <fmt/format.h>

#include "grading/standing.h"

namespace kaohe {
namespace {

int threshold_grade(const Scheme& scheme, Decimal total) {
  for (std::size_t g = 0; g < scheme.grades.size(); ++g) {
    const Grade& grade = scheme.grades[g];
    if (!grade.min || total >= *grade.min) return static_cast<int>(g);
  }
  return -1;
}

}  // namespace

std::vector<Standing> grade_units(const Scheme& scheme, const Roster& roster,
                                  const ScoreSheet& sheet) {
  std::vector<Standing> out(roster.size());
  for (int u = 0; u < roster.size(); ++u) {
    Standing& s = out[u];
    s.unit = u;
    s.grade = threshold_grade(scheme, sheet.total(u));
    for (const Gate& gate : scheme.gates) {
      int n = scheme.find(gate.node);
      const NodeScore& score = sheet.at(u, n);
      if (!score.applicable || !(score.score < gate.below)) continue;
      // The gate caps the grade (a higher index is a lower grade); a flag
      // says so when it changed the grade.
      int cap = scheme.find_grade(gate.at_most);
      if (s.grade >= 0 && s.grade < cap) {
        s.grade = cap;
        s.flags.push_back(fmt::format("{}<{}", scheme.nodes[n].name,
                                      gate.below.to_string()));
      }
    }
  }
  return out;
}

}  // namespace kaohe
