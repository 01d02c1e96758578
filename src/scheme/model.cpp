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
    case RuleKind::kLate:
    case RuleKind::kFlagEvent:
      return true;
    default:
      return false;
  }
}

bool rule_reads_measures(RuleKind k) {
  return k != RuleKind::kNone && k != RuleKind::kResult && !rule_reads_events(k);
}

const char* rule_kind_name(RuleKind k) {
  switch (k) {
    case RuleKind::kNone: return "children";
    case RuleKind::kPerEvent: return "per_event";
    case RuleKind::kTiered: return "tiered";
    case RuleKind::kRole: return "role";
    case RuleKind::kRanged: return "ranged";
    case RuleKind::kQuota: return "quota";
    case RuleKind::kLate: return "late";
    case RuleKind::kCompletion: return "completion";
    case RuleKind::kAllOrNothing: return "all_or_nothing";
    case RuleKind::kScaled: return "scaled";
    case RuleKind::kVotes: return "votes";
    case RuleKind::kMean: return "mean";
    case RuleKind::kChecklist: return "checklist";
    case RuleKind::kRelative: return "relative";
    case RuleKind::kScaledDeduction: return "scaled_deduction";
    case RuleKind::kDirect: return "direct";
    case RuleKind::kBands: return "bands";
    case RuleKind::kResult: return "result";
    case RuleKind::kSheets: return "sheets";
    case RuleKind::kFlagEvent: return "flag_event";
  }
  return "?";
}

const char* compare_text(Compare c) {
  switch (c) {
    case Compare::kLess: return "<";
    case Compare::kLessEqual: return "<=";
    case Compare::kGreater: return ">";
    case Compare::kGreaterEqual: return ">=";
    case Compare::kEqual: return "==";
    case Compare::kNotEqual: return "!=";
  }
  return "?";
}

std::string describe_rule(const Rule& r) {
  std::string out = rule_kind_name(r.kind);
  const char* dir = r.direction == Direction::kAdd ? "add" : "deduct";
  auto named = [&]() {
    std::string s;
    for (std::size_t i = 0; i < r.named.size(); ++i) {
      s += (i ? ", " : " ") + r.named[i].name + " " + r.named[i].amount.to_string();
    }
    return s;
  };
  switch (r.kind) {
    case RuleKind::kNone:
      break;
    case RuleKind::kPerEvent:
      out += std::string(" ") + dir + " " + r.amount.to_string();
      break;
    case RuleKind::kTiered:
    case RuleKind::kRole:
      if (r.both_signs) {
        // "tiered add 优秀 2, deduct 差 3": each amount under its own sign.
        std::string add, deduct;
        for (const NamedAmount& n : r.named) {
          std::string& side = n.amount < Decimal() ? add : deduct;
          Decimal a = n.amount < Decimal() ? Decimal() - n.amount : n.amount;
          side += (side.empty() ? " " : ", ") + n.name + " " + a.to_string();
        }
        out += " add" + add + ", deduct" + deduct;
      } else {
        out += std::string(" ") + dir + named();
      }
      break;
    case RuleKind::kBands:
      for (std::size_t i = 0; i < r.bands.size(); ++i) {
        out += (i ? ", " : " ") + r.bands[i].at_least_text + " " +
               r.bands[i].points.to_string();
      }
      out += ", below " + r.below.to_string();
      break;
    case RuleKind::kRanged:
      out += std::string(" ") + dir + " " + r.range_min.to_string() + ".." +
             r.range_max.to_string();
      break;
    case RuleKind::kQuota:
      // Written as before for a monthly quota of rows, so that results
      // saved by older versions still compare; each other choice is added.
      out += " " + std::to_string(r.quota.required) + " per " + every_name(r.quota.per) +
             ", deduct " + r.amount.to_string();
      if (r.quota.distinct_dates) out += ", count dates";
      if (r.quota.working_days) out += ", working days";
      if (r.quota.partial == QuotaSpec::Partial::kSkip) out += ", partial skip";
      if (r.quota.partial == QuotaSpec::Partial::kFull) out += ", partial full";
      if (!r.named.empty()) out += ", of which" + named();
      break;
    case RuleKind::kLate:
      out += std::string(" deduct ") + r.amount.to_string() +
             (r.late_per_working_day ? " per working_day" : " per day");
      if (r.late_due) out += ", due " + r.late_due->to_string();
      if (r.late_row_max) out += ", row_max " + r.late_row_max->to_string();
      break;
    case RuleKind::kVotes:
    case RuleKind::kChecklist:
      out += named();
      if (r.min_votes > 0) out += ", min " + std::to_string(r.min_votes);
      break;
    case RuleKind::kMean:
      for (const auto& k : r.keys) out += " " + k;
      break;
    case RuleKind::kScaledDeduction:
      out += " max " + r.max.to_string();
      break;
    case RuleKind::kResult:
      // "result total of results/safety.json": the source and its node;
      // a scheme source with its data folder; then scale and deduct.
      if (r.result) {
        const ResultSource& s = *r.result;
        out += " " + s.node + " of " + s.file();
        if (!s.scheme.empty()) out += " on " + s.data;
        if (s.deduct) out += ", deduct " + s.deduct->to_string();
        if (s.scale) out += ", scale " + s.scale->to_string();
      }
      break;
    case RuleKind::kSheets:
      // "sheets 领导班子 50%, 干部职工 50%, drop high_low, min 5, too_few
      // zero, scale 100": a new rule, so every parameter is spelled here.
      for (std::size_t i = 0; i < r.sheets.groups.size(); ++i) {
        const SheetGroup& g = r.sheets.groups[i];
        const std::optional<Decimal> pct = (g.weight * Rational(100)).to_decimal();
        out += (i ? ", " : " ") + g.name + " " +
               (pct ? pct->to_string() + "%" : g.weight_text);
      }
      if (r.sheets.groups.empty()) out += " mean";
      if (r.sheets.drop_high_low) out += ", drop high_low";
      if (r.sheets.min_sheets > 0) out += ", min " + std::to_string(r.sheets.min_sheets);
      if (r.too_few != MissingPolicy::kError) {
        out += r.too_few == MissingPolicy::kNotApplicable ? ", too_few na"
               : r.too_few == MissingPolicy::kZero        ? ", too_few zero"
                                                          : ", too_few full";
      }
      break;
    default:
      break;
  }
  if (r.scale && r.kind != RuleKind::kMean) out += ", scale " + r.scale->to_string();
  if (r.surcharge) {
    out += std::string(", surcharge ") + dir + " " + r.surcharge->amount.to_string() +
           (r.surcharge->every ? " every " : " at ") + std::to_string(r.surcharge->at);
  }
  if (!r.raise.empty()) out += ", raise " + r.raise;
  if (!r.zero.empty()) out += ", zero " + r.zero;
  return out;
}

std::vector<std::string> Rule::measure_keys() const {
  std::vector<std::string> keys;
  if (kind == RuleKind::kMean) {
    keys = this->keys;
  } else if (kind == RuleKind::kVotes || kind == RuleKind::kChecklist) {
    for (const NamedAmount& n : named) keys.push_back(n.name);
  } else if (kind == RuleKind::kSheets) {
    for (const SheetGroup& g : sheets.groups) keys.push_back(g.name);
  }
  return keys;
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
    if (!admits_category(a, category)) return false;
  }
  return true;
}

bool Scheme::admits_category(int n, const std::string& category) const {
  const auto& list = nodes[n].applies_to;
  return list.empty() || std::find(list.begin(), list.end(), category) != list.end();
}

std::vector<std::string> Scheme::roster_columns() const {
  std::vector<std::string> out;
  for (const Node& n : nodes) {
    if (n.one_of_column.empty()) continue;
    if (std::find(out.begin(), out.end(), n.one_of_column) == out.end()) {
      out.push_back(n.one_of_column);
    }
  }
  return out;
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

const char* combine_name(Combine c) {
  switch (c) {
    case Combine::kMean: return "mean";
    case Combine::kSum: return "sum";
    case Combine::kLast: return "last";
    case Combine::kWeights: return "weights";
  }
  return "mean";
}

const std::vector<int>* Scheme::find_copies(const std::string& id) const {
  auto it = copies.find(id);
  return it == copies.end() ? nullptr : &it->second;
}

std::optional<Period> Scheme::span_of(int n) const {
  const Node& node = nodes[n];
  if (node.periodic >= 0) return nodes[node.periodic].periods->spans[node.sub_period];
  return period;
}

std::vector<std::string> Scheme::ids() const {
  std::vector<std::string> out;
  out.reserve(nodes.size());
  for (const auto& n : nodes) out.push_back(n.id);
  return out;
}

}  // namespace kaohe
