// Conditions of gates and quotas (DESIGN.md §2 "Grades, gates, quotas"):
// whether one holds for a unit, and how it reads in the flags column.
#include <fmt/format.h>

#include "grading/standing.h"

namespace kaohe {
namespace {

bool compare(Decimal a, Compare op, Decimal b) {
  switch (op) {
    case Compare::kLess: return a < b;
    case Compare::kLessEqual: return a <= b;
    case Compare::kGreater: return b < a;
    case Compare::kGreaterEqual: return a >= b;
    case Compare::kEqual: return a == b;
    case Compare::kNotEqual: return a != b;
  }
  return false;
}

Compare opposite(Compare op) {
  switch (op) {
    case Compare::kLess: return Compare::kGreaterEqual;
    case Compare::kLessEqual: return Compare::kGreater;
    case Compare::kGreater: return Compare::kLessEqual;
    case Compare::kGreaterEqual: return Compare::kLess;
    case Compare::kEqual: return Compare::kNotEqual;
    case Compare::kNotEqual: return Compare::kEqual;
  }
  return op;
}

// What the flags column calls the compared value.
std::string compared_name(const Scheme& scheme, const Condition& c) {
  return c.total ? std::string("总分") : scheme.nodes[scheme.find(c.node)].name;
}

}  // namespace

bool condition_holds(const Scheme& scheme, const ScoreSheet& sheet, const Condition& c,
                     int unit) {
  if (c.is_flag()) return sheet.raised(unit, scheme.find_flag(c.flag)) != c.negated;
  if (c.total) return compare(sheet.total(unit), c.op, c.value);
  const NodeScore& score = sheet.at(unit, scheme.find(c.node));
  return score.applicable && compare(score.score, c.op, c.value);
}

std::string condition_label(const Scheme& scheme, const Condition& c) {
  if (c.is_flag()) {
    return c.negated ? "非" + scheme.flags[scheme.find_flag(c.flag)].name : std::string();
  }
  return fmt::format("{}{}{}", compared_name(scheme, c), compare_text(c.op),
                     c.value.to_string());
}

std::string failed_condition_label(const Scheme& scheme, const Condition& c) {
  if (c.is_flag()) return std::string();
  return fmt::format("{}{}{}", compared_name(scheme, c), compare_text(opposite(c.op)),
                     c.value.to_string());
}

}  // namespace kaohe
