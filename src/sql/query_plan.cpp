// The grouping `kaohe sql` asks for, item by item, from the scheme model.
#include "sql/query_plan.h"

#include <algorithm>

#include "base/time_buckets.h"

namespace kaohe {
namespace {

// Whether node `n` lies under a 取最高分 node (same_ref: highest).
bool under_same_ref(const Scheme& scheme, int n) {
  for (int p = scheme.nodes[n].parent; p >= 0; p = scheme.nodes[p].parent) {
    if (scheme.nodes[p].same_ref_highest) return true;
  }
  return false;
}

// Adds the first days of the buckets of `every` over the period, but the
// first (the period's own first day is always a cut).
void add_cuts(Every every, Date from, Date to, std::vector<Date>& cuts) {
  const Buckets b(every, from, to);
  for (int i = 1; i < b.count(); ++i) cuts.push_back(b.first_day(i));
}

ItemPlan plan_item(const Scheme& scheme, int n, const std::optional<Date>& from,
                   const std::optional<Date>& to) {
  const Node& node = scheme.nodes[n];
  const Rule& r = node.rule;
  ItemPlan item;
  item.id = node.periodic >= 0 ? node.template_id : node.id;
  item.kind = r.kind;
  std::vector<std::string> names;
  for (const NamedAmount& a : r.named) names.push_back(a.name);
  if (r.kind == RuleKind::kTiered) {
    item.tiers = names;
    item.tier_required = true;
  } else if (r.kind == RuleKind::kQuota) {
    item.tiers = names;  // 其中扩大学习不少于4次: a tier on some rows
  } else if (r.kind == RuleKind::kRole) {
    item.roles = names;
    item.role_required = true;
  }
  if (r.kind == RuleKind::kRanged) {
    item.takes_points = true;
    item.points_min = r.range_min;
    item.points_max = r.range_max;
    item.points_may_be_negative = r.range_min < Decimal();
  }
  if (r.kind == RuleKind::kLate) {
    item.late = true;
    item.fixed_due = r.late_due.has_value();
  }
  item.needs_date = r.kind == RuleKind::kQuota || node.periodic >= 0;
  if (from && to) {
    item.cuts.push_back(*from);
    if (r.kind == RuleKind::kQuota) {
      const QuotaSpec& q = r.quota;
      if (q.distinct_dates || q.per == Every::kDay) {
        item.keep_day = true;
      } else if (q.per == Every::kWeek) {
        item.weeks = true;
      } else {
        add_cuts(q.per, *from, *to, item.cuts);
      }
    }
    if (node.periodic >= 0) {
      for (const Period& span : scheme.nodes[node.periodic].periods->spans) {
        if (span.from > *from) item.cuts.push_back(span.from);
      }
    }
    std::sort(item.cuts.begin(), item.cuts.end());
    item.cuts.erase(std::unique(item.cuts.begin(), item.cuts.end()), item.cuts.end());
    // Cuts past --as-of's end never hold a grouped row.
    while (item.cuts.size() > 1 && item.cuts.back() > *to) item.cuts.pop_back();
  } else {
    // No period: dates are kept as they are (sub-periods and quotas need
    // one, so only plain items get here, and they read no date).
    item.keep_day = item.needs_date;
  }
  // Flags and zeroing follow every row, and 取最高分 does not touch quota
  // or flag rows (scoring/tally.cpp): only amounts of other rows.
  item.keeps_ref = under_same_ref(scheme, n) && r.kind != RuleKind::kQuota &&
                   r.kind != RuleKind::kFlagEvent;
  if (item.keeps_ref && (r.kind == RuleKind::kTiered || r.kind == RuleKind::kRole)) {
    for (const NamedAmount& a : r.named) {
      if (a.amount < Decimal()) {
        (r.kind == RuleKind::kTiered ? item.negative_tiers : item.negative_roles)
            .push_back(a.name);
      }
    }
  }
  return item;
}

}  // namespace

QueryPlan make_query_plan(const Scheme& scheme, const std::vector<std::string>* unit_ids,
                          const std::set<std::string>* day_units, std::optional<Date> as_of) {
  QueryPlan plan;
  plan.scheme_file = scheme.file;
  if (scheme.period) {
    plan.from = scheme.period->from;
    plan.to = as_of && *as_of < scheme.period->to ? *as_of : scheme.period->to;
  }
  if (unit_ids != nullptr) {
    plan.known_units = *unit_ids;
    plan.all_units_keep_day = false;
    if (day_units != nullptr) plan.day_units = *day_units;
  }
  std::set<std::string> seen;
  for (int n = 0; n < static_cast<int>(scheme.nodes.size()); ++n) {
    const Node& node = scheme.nodes[n];
    if (!node.is_leaf() || !rule_reads_events(node.rule.kind)) continue;
    ItemPlan item = plan_item(scheme, n, plan.from, plan.to);
    if (!seen.insert(item.id).second) continue;  // another sub-period's copy
    plan.items.push_back(std::move(item));
  }
  return plan;
}

}  // namespace kaohe
