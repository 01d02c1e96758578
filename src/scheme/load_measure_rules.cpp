// The loader's rules on measure rows: completion, all_or_nothing, scaled,
// votes, mean, checklist, relative, scaled_deduction, direct, bands and
// sheets, with their 'missing' and 'scale' parameters.
#include <fmt/format.h>

#include <algorithm>

#include "base/messages.h"
#include "scheme/loader_context.h"

namespace kaohe::scheme_loading {

void Loader::read_measure_rule(const YamlNode& y, Rule& rule, const std::string& ctx) {
  auto param = [&](const char* k) { return y.get(k); };
  auto read_missing = [&]() {
    if (const YamlNode* v = param("missing")) {
      if (auto p = missing_policy(*v, "missing")) rule.missing = *p;
    }
  };
  switch (rule.kind) {
    case RuleKind::kCompletion:
    case RuleKind::kAllOrNothing:
    case RuleKind::kDirect:
      check_keys(y, {"missing"}, ctx);
      read_missing();
      break;
    case RuleKind::kScaled:
    case RuleKind::kRelative:
      check_keys(y, rule.kind == RuleKind::kScaled
                        ? std::vector<std::string>{"scale", "missing"}
                        : std::vector<std::string>{"within", "missing"},
                 ctx);
      if (rule.kind == RuleKind::kScaled) {
        read_scale(y, rule, true);
      } else if (const YamlNode* v = param("within")) {
        std::string s = text(*v, "within");
        if (s == "category") {
          rule.within_category = true;
        } else if (v->is_scalar()) {
          error(v->pos, trf("'within' must be 'category', got '{}'", s), "");
        }
      }
      read_missing();
      break;
    case RuleKind::kVotes: {
      check_keys(y, {"levels", "scale", "min_votes", "too_few", "missing"}, ctx);
      const YamlNode* levels = param("levels");
      if (levels != nullptr) {
        named_amounts(*levels, rule.named, "levels", tr("level"));
      } else {
        error(y.pos, tr("votes need 'levels'"),
              trf("e.g. levels: {{优秀: 100, 良好: 80, 一般: 60, 较差: 40}}"));
      }
      read_scale(y, rule, false);
      if (!rule.scale) rule.scale = Decimal::from_int(100);
      // A level above the scale would score more than the item's points.
      if (levels != nullptr && levels->is_map()) {
        for (const auto& [k, v] : levels->entries) {
          int i = rule.find_named(k->scalar);
          if (i < 0 || !(*rule.scale < rule.named[i].amount)) continue;
          error(v->pos,
                trf("level '{}' scores {}, above the scale {}: a unit "
                            "could score more than the item's points",
                            k->scalar, rule.named[i].amount.to_string(),
                            rule.scale->to_string()),
                tr("levels are scores out of 'scale' (100 unless given): lower "
                "the level, or give the scale the document uses"));
        }
      }
      if (const YamlNode* v = param("min_votes")) {
        auto n = integer(*v, "min_votes");
        if (n && *n < 0) error(v->pos, tr("'min_votes' must not be negative"), "");
        if (n) rule.min_votes = *n;
      }
      if (const YamlNode* v = param("too_few")) {
        if (auto p = missing_policy(*v, "too_few")) rule.too_few = *p;
      }
      read_missing();
      break;
    }
    case RuleKind::kMean: {
      check_keys(y, {"keys", "scale", "missing"}, ctx);
      const YamlNode* v = param("keys");
      if (v == nullptr || !v->is_sequence() || v->items.empty()) {
        error(v ? v->pos : y.pos, tr("mean needs 'keys', a list of measure keys"),
              tr("e.g. keys: [self, group]"));
      } else {
        for (const auto& k : v->items) {
          std::string s = text(*k, "key");
          if (std::find(rule.keys.begin(), rule.keys.end(), s) != rule.keys.end()) {
            error(k->pos, trf("key '{}' is listed twice", s), "");
          } else if (k->is_scalar()) {
            rule.keys.push_back(s);
          }
        }
      }
      read_scale(y, rule, false);
      read_missing();
      break;
    }
    case RuleKind::kChecklist: {
      check_keys(y, {"criteria", "missing"}, ctx);
      if (const YamlNode* v = param("criteria")) {
        named_amounts(*v, rule.named, "criteria", tr("criterion"));
      } else {
        error(y.pos, tr("a checklist needs 'criteria'"),
              trf("e.g. criteria: {{有方案: 0.5, 有台账: 0.5}}"));
      }
      read_missing();
      break;
    }
    case RuleKind::kBands:
      read_bands(y, rule, ctx);
      read_missing();
      break;
    case RuleKind::kSheets:
      read_sheets(y, rule, ctx);
      read_missing();
      break;
    case RuleKind::kScaledDeduction: {
      check_keys(y, {"max", "scale", "missing"}, ctx);
      if (const YamlNode* v = param("max")) {
        if (auto d = non_negative(*v, "max")) rule.max = *d;
      } else {
        error(y.pos, tr("a scaled deduction needs 'max', the most it deducts"),
              trf("e.g. {{max: 8, scale: 100}} for 倒扣分8分"));
      }
      read_scale(y, rule, true);
      read_missing();
      break;
    }
    default:
      break;
  }
}

// bands: {table: [{at_least: 90%, points: 20}, …], below: 0, missing: …}
// (达到90%(20分)). The bounds are all percentages (the value is then a
// ratio of 1) or all numbers, highest first; a band's points are signed.
void Loader::read_bands(const YamlNode& y, Rule& rule, const std::string& ctx) {
  check_keys(y, {"table", "below", "missing"}, ctx);
  rule.below_pos = y.pos;
  if (const YamlNode* v = y.get("below")) {
    rule.below_pos = v->pos;
    if (auto d = decimal(*v, "below")) rule.below = *d;
  }
  const YamlNode* table = y.get("table");
  if (table == nullptr || !table->is_sequence() || table->items.empty()) {
    error(table ? table->pos : y.pos,
          trf("bands need 'table', a list of {{at_least, points}}, highest first"),
          trf("e.g. table: [{{at_least: 90%, points: 20}}, {{at_least: 80%, points: 15}}] "
          "for 达到90%(20分)"));
    return;
  }
  std::optional<bool> percent_form;  // of the first bound read
  for (const auto& item : table->items) {
    if (!item->is_map()) {
      error(item->pos, trf("a band is a mapping {{at_least, points}}"),
            trf("e.g. {{at_least: 90%, points: 20}}"));
      continue;
    }
    check_keys(*item, {"at_least", "points"}, tr("a band"));
    const YamlNode* at = item->get("at_least");
    const YamlNode* pts = item->get("points");
    if (at == nullptr || pts == nullptr) {
      error(item->pos, tr("a band needs 'at_least' and 'points'"),
            trf("e.g. {{at_least: 90%, points: 20}}: a value of 90% or more scores 20"));
      continue;
    }
    Band band;
    band.pos = item->pos;
    const std::string bound = text(*at, "at_least");
    const bool is_percent = !bound.empty() && bound.back() == '%';
    std::optional<Rational> value;
    if (is_percent) {
      value = percent(*at, "at_least");
    } else if (auto d = decimal(*at, "at_least")) {
      value = Rational(*d);
    }
    auto points = decimal(*pts, "points");
    if (!value || !points) continue;
    if (percent_form && *percent_form != is_percent) {
      error(at->pos,
            is_percent ? trf("band bound '{}' is a percentage but the first band's is a number",
                             bound)
                       : trf("band bound '{}' is a number but the first band's is a percentage",
                             bound),
            tr("write every bound the same way: all percentages (the value is then a "
            "ratio such as 0.9) or all numbers"));
      continue;
    }
    percent_form = is_percent;
    if (!rule.bands.empty() && !(*value < rule.bands.back().at_least)) {
      error(at->pos,
            trf("band bound '{}' is not below the band before it ('{}')", bound,
                        rule.bands.back().at_least_text),
            tr("write the bands highest first, each bound lower than the one before"));
      continue;
    }
    band.at_least = *value;
    band.at_least_text = bound;
    band.points = *points;
    rule.bands.push_back(std::move(band));
  }
  rule.bands_percent = percent_form.value_or(false);
}

// sheets: {scale: 100, groups: {领导班子: 50%, 干部职工: 50%}, drop: high_low,
// min_sheets: 5, too_few: …, missing: …} (现场发放评议表; 各占50%的权重).
void Loader::read_sheets(const YamlNode& y, Rule& rule, const std::string& ctx) {
  check_keys(y, {"scale", "groups", "drop", "min_sheets", "too_few", "missing"}, ctx);
  read_scale(y, rule, true);
  SheetsSpec& spec = rule.sheets;
  if (const YamlNode* g = y.get("groups")) {
    if (!g->is_map() || g->entries.empty()) {
      error(g->pos, tr("'groups' must be a mapping of rater groups to weights"),
            trf("e.g. groups: {{领导班子: 50%, 干部职工: 50%}}; omit it for one plain mean "
            "of every sheet"));
    } else {
      Rational sum;
      bool all_read = true;
      for (const auto& [k, v] : g->entries) {
        auto w = percent(*v, trf("weight of group {}", k->scalar));
        if (k->scalar.empty()) {
          error(k->pos, trf("empty name in '{}'", "groups"), "");
          all_read = false;
        } else if (!w) {
          all_read = false;
        } else {
          spec.groups.push_back({k->scalar, *w, v->is_scalar() ? v->scalar : "", k->pos});
          sum += *w;
        }
      }
      if (all_read && !(sum == Rational(1))) {
        const std::optional<Decimal> pct = (sum * Rational(100)).to_decimal();
        error(g->pos,
              trf("the weights of the rater groups add up to {}%, not 100%",
                          pct ? pct->to_string() : (sum * Rational(100)).to_string()),
              trf("each group's mean counts by its weight: write weights that add up to "
              "100%, e.g. {{领导评价: 50%, 同级评价: 50%}} for 各占50%的权重"));
      }
    }
  }
  if (const YamlNode* v = y.get("drop")) {
    const std::string* s = scalar(*v, "drop");
    if (s && *s == "high_low") {
      spec.drop_high_low = true;
    } else if (s) {
      std::string hint = did_you_mean(*s, {"high_low"});
      if (hint.empty()) {
        hint = tr("drop: high_low leaves out one highest and one lowest sheet of each "
               "group (去掉一个最高分和一个最低分); omit 'drop' to keep every sheet");
      }
      error(v->pos, trf("'drop' must be 'high_low', got '{}'", *s), hint);
    }
  }
  if (const YamlNode* v = y.get("min_sheets")) {
    auto n = integer(*v, "min_sheets");
    if (n && *n < 1) {
      error(v->pos, trf("'min_sheets' must be at least 1, got {}", *n),
            tr("the fewest sheets a group needs; omit it to accept any number"));
    } else if (n) {
      spec.min_sheets = *n;
      spec.min_sheets_pos = v->pos;
    }
  }
  if (const YamlNode* v = y.get("too_few")) {
    if (auto p = missing_policy(*v, "too_few")) rule.too_few = *p;
  }
}

std::optional<MissingPolicy> Loader::missing_policy(const YamlNode& n,
                                                  const std::string& what) {
  const std::string* s = scalar(n, what);
  if (!s) return std::nullopt;
  if (*s == "error") return MissingPolicy::kError;
  if (*s == "na") return MissingPolicy::kNotApplicable;
  if (*s == "zero") return MissingPolicy::kZero;
  if (*s == "full") return MissingPolicy::kFull;
  error(n.pos, trf("'{}' must be one of error, na, zero, full; got '{}'",
                           what, *s),
        did_you_mean(*s, {"error", "na", "zero", "full"}));
  return std::nullopt;
}

void Loader::read_scale(const YamlNode& y, Rule& rule, bool required) {
  if (const YamlNode* v = y.get("scale")) {
    auto d = decimal(*v, "scale");
    if (d && *d <= Decimal()) {
      error(v->pos, tr("'scale' must be greater than 0"), "");
    } else if (d) {
      rule.scale = *d;
    }
  } else if (required) {
    error(y.pos, tr("this rule needs 'scale', the full score of the source"),
          tr("e.g. scale: 100"));
  }
}

}  // namespace kaohe::scheme_loading
