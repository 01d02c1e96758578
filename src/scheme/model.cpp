// Small queries on the scheme model.
#include "scheme/model.h"

#include <algorithm>

namespace kaohe {

bool rule_reads_events(RuleKind k) {
  switch (k) {
    case RuleKind::kPerEvent:
    case RuleKind::kTiered:
    case RuleKind::kRole:
    case RuleKind::kRanged:
    case RuleKind::kQuota:
    case RuleKind::kFlagEvent:
      return true;
    default:
      return false;
  }
}

bool rule_reads_measures(RuleKind k) {
  return k != RuleKind::kNone && !rule_reads_events(k);
}

const char* rule_kind_name(RuleKind k) {
  switch (k) {
    case RuleKind::kNone: return "children";
    case RuleKind::kPerEvent: return "per_event";
    case RuleKind::kTiered: return "tiered";
    case RuleKind::kRole: return "role";
    case RuleKind::kRanged: return "ranged";
    case RuleKind::kQuota: return "quota";
    case RuleKind::kCompletion: return "completion";
    case RuleKind::kAllOrNothing: return "all_or_nothing";
    case RuleKind::kScaled: return "scaled";
    case RuleKind::kVotes: return "votes";
    case RuleKind::kMean: return "mean";
    case RuleKind::kChecklist: return "checklist";
    case RuleKind::kRelative: return "relative";
    case RuleKind::kScaledDeduction: return "scaled_deduction";
    case RuleKind::kDirect: return "direct";
    case RuleKind::kFlagEvent: return "flag_event";
  }
  return "?";
}

int Rule::find_named(const std::string& name) const {
  for (std::size_t i = 0; i < named.size(); ++i) {
    if (named[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

int Scheme::find(const std::string& id) const {
  auto it = index.find(id);
  return it == index.end() ? -1 : it->second;
}

int Scheme::find_grade(const std::string& name) const {
  for (std::size_t i = 0; i < grades.size(); ++i) {
    if (grades[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

bool Scheme::applies_to_category(int n, const std::string& category) const {
  for (int a = n; a >= 0; a = nodes[a].parent) {
    const auto& list = nodes[a].applies_to;
    if (!list.empty() &&
        std::find(list.begin(), list.end(), category) == list.end()) {
      return false;
    }
  }
  return true;
}

int Scheme::find_flag(const std::string& id) const {
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (flags[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

int Scheme::find_category(const std::string& name) const {
  for (std::size_t i = 0; i < categories.size(); ++i) {
    if (categories[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<std::string> Scheme::ids() const {
  std::vector<std::string> out;
  out.reserve(nodes.size());
  for (const auto& n : nodes) out.push_back(n.id);
  return out;
}

}  // namespace kaohe
