// The loader's rules on event rows: per_event, tiered, role, ranged (with a
// surcharge), quota (DESIGN.md §2 "Quotas of time"), late and flag_event,
// and the flags and zeroed nodes (raise, zero, raise_tiers) they set off.
#include <fmt/format.h>

#include "base/messages.h"
#include "scheme/loader_context.h"

namespace kaohe::scheme_loading {

void Loader::read_event_rule(const YamlNode& y, const std::string& key, Rule& rule,
                             int index, const std::string& ctx) {
  auto param = [&](const char* k) { return y.get(k); };
  switch (rule.kind) {
    case RuleKind::kPerEvent:
    case RuleKind::kTiered:
    case RuleKind::kRole:
    case RuleKind::kRanged: {
      check_keys(y, {"add", "deduct", "surcharge", "raise", "zero", "raise_tiers"},
                 ctx);
      read_effects(y, rule, index);
      if ((rule.kind == RuleKind::kTiered || rule.kind == RuleKind::kRole) &&
          y.get("add") != nullptr && y.get("deduct") != nullptr) {
        read_both_signs(y, rule, key);
        break;
      }
      const YamlNode* v = direction(y, rule, key);
      if (v == nullptr) break;
      if (rule.kind == RuleKind::kPerEvent) {
        if (auto d = non_negative(*v, tr("amount"))) rule.amount = *d;
      } else if (rule.kind == RuleKind::kRanged) {
        if (!v->is_sequence() || v->items.size() != 2) {
          error(v->pos, tr("a ranged amount is a list [min, max]"),
                trf("e.g. {{deduct: [0.1, 0.5]}} for 扣0.1—0.5分"));
        } else {
          auto lo = non_negative(*v->items[0], tr("range minimum"));
          auto hi = non_negative(*v->items[1], tr("range maximum"));
          if (lo && hi && *hi < *lo) {
            error(v->pos, tr("the range's maximum is below its minimum"),
                  trf("write the smaller amount first: [{}, {}]",
                              hi->to_string(), lo->to_string()));
          } else if (lo && hi) {
            rule.range_min = *lo;
            rule.range_max = *hi;
          }
        }
      } else {
        bool tiers = rule.kind == RuleKind::kTiered;
        named_amounts(*v, rule.named, tiers ? "tiers" : "roles",
                      tiers ? tr("tier") : tr("role"));
      }
      if (const YamlNode* s = param("surcharge")) read_surcharge(*s, rule);
      break;
    }
    case RuleKind::kQuota: {
      read_quota(y, rule, ctx);
      if (!muted_) quota_nodes_.push_back(index);
      break;
    }
    case RuleKind::kLate:
      read_late(y, rule, index);
      break;
    case RuleKind::kFlagEvent:
      check_keys(y, {"raise", "zero"}, ctx);
      read_effects(y, rule, index);
      if (rule.raise.empty() && rule.zero.empty()) {
        error(y.pos, tr("a flag_event needs 'raise' (a flag) and/or 'zero' (a node)"),
              trf("e.g. flag_event: {{raise: no_honor, zero: petitions}}"));
      }
      break;
    default:
      break;
  }
}

// tiered/role: {add: {优秀: 2}, deduct: {差: 3}} — a bonus tier and a
// deduction tier in one item (DESIGN.md §2 "Amounts of both signs").
void Loader::read_both_signs(const YamlNode& y, Rule& rule, const std::string& key) {
  const bool tiers = rule.kind == RuleKind::kTiered;
  rule.both_signs = true;
  rule.direction = Direction::kDeduct;
  std::vector<NamedAmount> bonus;
  named_amounts(*y.get("deduct"), rule.named, tiers ? "tiers" : "roles",
                tiers ? tr("tier") : tr("role"));
  named_amounts(*y.get("add"), bonus, tiers ? "tiers" : "roles", tiers ? tr("tier") : tr("role"));
  for (NamedAmount& b : bonus) {
    // A bonus is a negative deduction.
    rule.named.push_back({b.name, -b.amount});
  }
  if (const YamlNode* s = y.get("surcharge")) {
    error(s->pos,
          trf("a surcharge needs one direction, but this {} rule both adds "
                      "and deducts", key),
          tr("put the surcharge on a separate per_event item"));
  }
}

// Reads {deduct: X} or {add: X}; returns the value node.
const YamlNode* Loader::direction(const YamlNode& m, Rule& rule, const std::string& where) {
  const YamlNode* add = m.get("add");
  const YamlNode* deduct = m.get("deduct");
  if ((add != nullptr) == (deduct != nullptr)) {
    error(m.pos, trf("'{}' needs exactly one of 'add' or 'deduct'", where),
          trf("e.g. {{deduct: 2}} for 每件扣2分, {{add: 5}} for 每项加5分"));
    return nullptr;
  }
  rule.direction = add ? Direction::kAdd : Direction::kDeduct;
  return add ? add : deduct;
}

// quota: {required, per, count, days, partial, tiers, deduct} (DESIGN.md
// §2 "Quotas of time").
void Loader::read_quota(const YamlNode& y, Rule& rule, const std::string& ctx) {
  check_keys(y, {"required", "per", "count", "days", "partial", "tiers", "add", "deduct"},
             ctx);
  QuotaSpec& q = rule.quota;
  if (const YamlNode* v = direction(y, rule, "quota")) {
    if (auto d = non_negative(*v, tr("amount"))) rule.amount = *d;
  }
  if (rule.direction == Direction::kAdd) {
    error(y.pos, tr("a quota shortfall deducts: write 'deduct'"), "");
  }
  if (const YamlNode* v = y.get("required")) {
    auto n = integer(*v, "required");
    if (n && *n < 1) error(v->pos, tr("'required' must be at least 1"), "");
    if (n) q.required = *n;
  } else {
    error(y.pos, tr("a quota needs 'required' (rows per bucket: per day, week, month …)"),
          trf("e.g. quota: {{required: 2, per: month, deduct: 0.2}}"));
  }
  // One choice among spellings; nullopt (after an error) for another.
  auto choice = [&](const char* key, std::vector<std::string> allowed) -> std::optional<int> {
    const YamlNode* v = y.get(key);
    if (v == nullptr) return std::nullopt;
    const std::string s = text(*v, key);
    for (std::size_t i = 0; i < allowed.size(); ++i) {
      if (s == allowed[i]) return static_cast<int>(i);
    }
    if (v->is_scalar()) {
      std::string hint = did_you_mean(s, allowed);
      error(v->pos, trf("'{}' is one of {}, got '{}'", key, fmt::join(allowed, ", "), s),
            hint);
    }
    return std::nullopt;
  };
  const std::vector<std::string> everies = {"day",  "week", "month", "quarter",
                                            "half", "year", "period"};
  if (auto i = choice("per", everies)) q.per = *parse_every(everies[*i]);
  if (auto i = choice("count", {"rows", "dates"})) q.distinct_dates = *i == 1;
  if (auto i = choice("days", {"all", "working"})) q.working_days = *i == 1;
  if (auto i = choice("partial", {"prorate", "skip", "full"})) {
    q.partial = static_cast<QuotaSpec::Partial>(*i);
  }
  if (q.distinct_dates && q.per == Every::kDay && q.required > 1) {
    error(y.get("required")->pos,
          trf("a day holds one date: 'required' {} per day of distinct dates can "
                      "never be met", q.required),
          tr("write required: 1, or count: rows"));
  }
  if (q.working_days && q.per != Every::kDay) {
    error(y.get("days")->pos, tr("'days: working' chooses the day buckets: it needs per: day"),
          tr("for per: week, month … every row counts; pro rata uses calendar days"));
  } else if (q.working_days && scheme_.calendar.empty() && !calendar_given_) {
    error(y.get("days")->pos, tr("'days: working' needs the scheme's working-day calendar"),
          tr("add calendar: calendars/cn-2025.csv (a file beside the scheme)"));
  }
  if (const YamlNode* t = y.get("tiers")) {
    named_amounts(*t, rule.named, "tiers", tr("tier"));
    std::int64_t sum = 0;
    for (const NamedAmount& n : rule.named) {
      if (!n.amount.is_integer() || n.amount < Decimal::from_int(1)) {
        error(t->pos, trf("tier '{}' needs a whole number of rows, at least 1, got {}",
                                  n.name, n.amount.to_string()),
              trf("e.g. tiers: {{扩大学习: 4}} for 其中扩大学习不少于4次"));
      }
      sum += n.amount.is_integer() ? n.amount.units() / Decimal::kOne : 0;
    }
    if (q.required > 0 && sum > q.required) {
      error(t->pos,
            trf("the tiers need {} rows, more than the {} 'required' in all", sum,
                        q.required),
            tr("'required' counts every row, the tiers' rows included"));
    }
  }
}

// late: {deduct: 1, per: day | working_day, due: DATE, row_max: N}
// (每延迟1天扣1分). Only a deduction: lateness earns nothing.
void Loader::read_late(const YamlNode& y, Rule& rule, int index) {
  check_keys(y, {"add", "deduct", "per", "due", "row_max"}, trf("rule '{}'", "late"));
  if (const YamlNode* v = direction(y, rule, "late")) {
    if (auto d = non_negative(*v, tr("amount"))) rule.amount = *d;
  }
  if (rule.direction == Direction::kAdd) {
    error(y.get("add")->pos, tr("a 'late' rule deducts per day late: write 'deduct'"),
          trf("每延迟1天扣1分 is late: {{deduct: 1}}; a bonus for finishing early is a "
          "per_event or ranged rule"));
  }
  if (const YamlNode* v = y.get("per")) {
    const std::string s = text(*v, "per");
    if (s == "working_day") {
      rule.late_per_working_day = true;
    } else if (s != "day" && v->is_scalar()) {
      error(v->pos, trf("'per' must be day or working_day, got '{}'", s),
            did_you_mean(s, {"day", "working_day"}));
    }
  }
  if (const YamlNode* v = y.get("due")) {
    const std::string s = text(*v, "due");
    rule.late_due = Date::parse(s);
    if (!rule.late_due && v->is_scalar()) {
      error(v->pos, trf("'due' must be a date YYYY-MM-DD, got '{}'", s),
            tr("write the item's due date as 2025-03-31"));
    }
  }
  if (const YamlNode* v = y.get("row_max")) {
    if (auto d = non_negative(*v, "row_max")) rule.late_row_max = *d;
  }
  late_nodes_.push_back(index);
}

void Loader::read_surcharge(const YamlNode& s, Rule& rule) {
  if (!s.is_map()) {
    error(s.pos, tr("'surcharge' is a mapping"),
          trf("e.g. surcharge: {{at: 3, deduct: 2}} for 累计3次…加扣2分"));
    return;
  }
  check_keys(s, {"at", "add", "deduct", "every"}, "surcharge");
  Surcharge out;
  Rule tmp;
  if (const YamlNode* v = direction(s, tmp, "surcharge")) {
    if (auto d = non_negative(*v, tr("surcharge amount"))) out.amount = *d;
    if (tmp.direction != rule.direction) {
      error(s.pos, tr("a surcharge goes the same way as its rule (add or deduct)"), "");
    }
  }
  if (const YamlNode* v = s.get("at")) {
    auto n = integer(*v, "at");
    if (n && *n < 1) error(v->pos, tr("'at' must be at least 1"), "");
    if (n) out.at = *n;
  } else {
    error(s.pos, tr("'surcharge' needs 'at', the count that triggers it"), "");
  }
  if (const YamlNode* v = s.get("every")) {
    if (auto b = boolean(*v, "every")) out.every = *b;
  }
  rule.surcharge = out;
}

void Loader::read_effects(const YamlNode& y, Rule& rule, int index) {
  if (const YamlNode* v = y.get("raise")) {
    rule.raise = text(*v, "raise");
    if (!muted_) effect_nodes_.push_back({index, v->pos});
  }
  if (const YamlNode* v = y.get("zero")) {
    rule.zero = text(*v, "zero");
    // Inside a copy, the node of the same sub-period (本项: that year's).
    if (copy_ && scheme_.find(copy_id(rule.zero, copy_->label)) >= 0) {
      rule.zero = copy_id(rule.zero, copy_->label);
    }
    if (!muted_) effect_nodes_.push_back({index, v->pos});
  }
  if (const YamlNode* v = y.get("raise_tiers")) {
    if (rule.kind != RuleKind::kTiered) {
      error(v->pos, tr("'raise_tiers' belongs to a tiered rule"), "");
    }
    rule.raise_tiers = name_list(*v, "raise_tiers");
  }
}

}  // namespace kaohe::scheme_loading
