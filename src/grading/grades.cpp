// Threshold grades and gates.
#include <fmt/format.h>

#include "grading/standing.h"

namespace kaohe {
namespace {

// Quota and gate grades are never given by a threshold.
int threshold_grade(const Scheme& scheme, Decimal total) {
  for (std::size_t g = 0; g < scheme.grades.size(); ++g) {
    const Grade& grade = scheme.grades[g];
    if (!grade.is_threshold()) continue;
    if (!grade.min || total >= *grade.min) return static_cast<int>(g);
  }
  return -1;
}

// Whether a gate's conditions hold for a unit: all of them, or any.
bool gate_fires(const Scheme& scheme, const ScoreSheet& sheet, const Gate& gate,
                int unit) {
  for (const Condition& c : gate.conditions) {
    if (condition_holds(scheme, sheet, c, unit) == gate.any) return gate.any;
  }
  return !gate.any;
}

// Why the gate fired, for the flags column: the conditions that hold, but
// raised flags, which are listed already. Empty when only flags fired it.
std::string gate_label(const Scheme& scheme, const ScoreSheet& sheet, const Gate& gate,
                       int unit) {
  std::string out;
  for (const Condition& c : gate.conditions) {
    if (!condition_holds(scheme, sheet, c, unit)) continue;
    std::string label = condition_label(scheme, c);
    if (label.empty()) continue;
    out += (out.empty() ? "" : "、") + label;
  }
  return out;
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
      if (gate.force) {
        forced = std::max(forced, scheme.find_grade(*gate.force));
        continue;
      }
      // A higher index is a lower grade.
      int cap = scheme.find_grade(*gate.at_most);
      s.best_allowed = std::max(s.best_allowed, cap);
      if (s.grade >= 0 && s.grade < cap) {
        s.grade = cap;
        // The conditions say why; a raised flag is listed already.
        if (std::string label = gate_label(scheme, sheet, gate, u); !label.empty()) {
          s.flags.push_back(std::move(label));
        }
      }
    }
    if (forced >= 0) {
      for (const Gate& gate : scheme.gates) {
        if (!gate.force || !gate_fires(scheme, sheet, gate, u)) continue;
        if (std::string label = gate_label(scheme, sheet, gate, u); !label.empty()) {
          s.flags.push_back(std::move(label));
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
