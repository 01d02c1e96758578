// The leaf rules of SPEC §3.1 and §10, on one unit's tallies or measures.
#include "scoring/leaf_rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/messages.h"
#include "scoring/sheets.h"

namespace kaohe {
namespace {

Rational points_of(const Node& n) { return n.points ? Rational(*n.points) : Rational(); }

// Applies a missing-data policy; `why` says what was missing.
LeafOutcome apply_missing(const Node& node, MissingPolicy policy,
                          const std::string& why, const std::string& error,
                          const std::string& hint) {
  LeafOutcome out;
  switch (policy) {
    case MissingPolicy::kError:
      out.error = error;
      out.hint = hint;
      break;
    case MissingPolicy::kNotApplicable:
      out.applicable = false;
      out.default_used = why + ": does not apply (na)";
      break;
    case MissingPolicy::kZero:
      // A deduction-only leaf reads "zero" as the value 0: it deducts its
      // whole max (SPEC §10), as a measured 0 would.
      if (node.rule.kind == RuleKind::kScaledDeduction) {
        out.value = -Rational(node.rule.max);
        out.default_used = why + ": value 0, deducts the whole max (zero)";
      } else {
        out.value = Rational();
        out.default_used = why + ": scored 0 (zero)";
      }
      break;
    case MissingPolicy::kFull:
      // A deduction-only leaf at "full" deducts nothing.
      out.value = node.rule.kind == RuleKind::kScaledDeduction ? Rational()
                                                               : points_of(node);
      out.default_used = why + ": scored full marks (full)";
      break;
  }
  return out;
}

LeafOutcome missing_rows(const Node& node) {
  return apply_missing(
      node, node.rule.missing, "no measure",
      trf("no measure for item \"{}\" ({})", node.id, node.name),
      tr("add a measures row for it, or declare 'missing: na|zero|full' on the item"));
}

const Measure* find_key(const std::vector<Measure>& rows, const std::string& key) {
  for (const Measure& m : rows) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

bool any_na(const std::vector<Measure>& rows) {
  return std::any_of(rows.begin(), rows.end(),
                     [](const Measure& m) { return !m.value; });
}

LeafOutcome not_applicable() {
  LeafOutcome out;
  out.applicable = false;
  return out;
}

}  // namespace

LeafOutcome score_event_leaf(const Scheme& scheme, int index, const Tallies& t,
                             int unit, const std::optional<UnitPeriod>& days) {
  const Node& node = scheme.nodes[index];
  const Rule& r = node.rule;
  const Tally& tally = t.at(unit, index);
  LeafOutcome out;
  // A deduction leaf starts at its full marks; a bonus leaf at 0.
  Rational start = r.direction == Direction::kDeduct ? points_of(node) : Rational();
  Rational delta;
  if (r.kind == RuleKind::kQuota) {
    delta = Rational(r.amount.times(quota_missing(scheme, node, t.quota(index), unit, days)));
  } else {
    delta = Rational(tally.amount);
    if (r.surcharge && tally.count >= r.surcharge->at) {
      std::int64_t times = r.surcharge->every ? tally.count / r.surcharge->at : 1;
      delta += Rational(r.surcharge->amount.times(times));
    }
  }
  out.value = r.direction == Direction::kDeduct ? start - delta : start + delta;
  return out;
}

LeafOutcome score_measure_leaf(const Node& node, const std::vector<Measure>* rows) {
  const Rule& r = node.rule;
  if (rows == nullptr || rows->empty()) return missing_rows(node);
  if (any_na(*rows)) return not_applicable();
  LeafOutcome out;
  const Rational points = points_of(node);
  auto single = [&]() { return Rational(*rows->front().value); };
  switch (r.kind) {
    case RuleKind::kCompletion:
      out.value = points * single();
      break;
    case RuleKind::kAllOrNothing:
      out.value = single() == Rational(1) ? points : Rational();
      break;
    case RuleKind::kScaled:
      out.value = points * single() / Rational(*r.scale);
      break;
    case RuleKind::kDirect:
      out.value = single();
      break;
    case RuleKind::kScaledDeduction:
      out.value = -(Rational(r.max) * (Rational(*r.scale) - single()) /
                    Rational(*r.scale));
      break;
    case RuleKind::kVotes: {
      std::int64_t valid = 0;
      Rational sum;
      for (const NamedAmount& level : r.named) {
        const Measure* m = find_key(*rows, level.name);
        if (!m) continue;
        std::int64_t votes = m->value->units() / Decimal::kOne;
        valid += votes;
        sum += Rational(level.amount.times(votes));
      }
      if (valid == 0 || valid < r.min_votes) {
        std::string why = valid == 0
                              ? std::string("no valid votes")
                              : fmt::format("{} valid votes, fewer than min_votes {}",
                                            valid, r.min_votes);
        return apply_missing(
            node, r.too_few, why,
            valid == 0 ? trf("item \"{}\" ({}) has no valid votes", node.id, node.name)
                       : trf("item \"{}\" ({}) has {} valid votes, fewer than min_votes {}",
                             node.id, node.name, valid, r.min_votes),
            tr("check the vote counts, or declare 'too_few: na|zero|full' on the item"));
      }
      out.value = points * sum / Rational(valid) / Rational(*r.scale);
      break;
    }
    case RuleKind::kMean: {
      Rational sum;
      for (const std::string& key : r.keys) {
        const Measure* m = find_key(*rows, key);
        if (!m) {
          out.error = trf("item \"{}\" ({}) lacks the value for key \"{}\"", node.id,
                          node.name, key);
          out.hint = trf("a mean needs every key: {}", fmt::join(r.keys, ", "));
          return out;
        }
        sum += Rational(*m->value);
      }
      out.value = points * sum /
                  Rational(static_cast<std::int64_t>(r.keys.size())) /
                  Rational(*r.scale);
      break;
    }
    case RuleKind::kChecklist: {
      Rational sum;
      for (const NamedAmount& c : r.named) {
        const Measure* m = find_key(*rows, c.name);
        if (m && *m->value == Decimal::from_int(1)) sum += Rational(c.amount);
      }
      out.value = sum;
      break;
    }
    case RuleKind::kBands: {
      const Decimal v = *rows->front().value;
      if (r.bands_percent && (v < Decimal() || Decimal::from_int(1) < v)) {
        out.error = trf("value {} of item \"{}\" ({}) is not a ratio of 0 to 1",
                        v.to_string(), node.id, node.name);
        out.hint = tr("its bands are percentages: write 0.9 or 90% for 90%");
        return out;
      }
      out.value = Rational(band_points(r, v));
      break;
    }
    case RuleKind::kSheets: {
      const SheetsTally sheets = tally_sheets(r, *rows);
      if (!sheets.too_few.empty()) {
        return apply_missing(
            node, r.too_few, sheets.too_few,
            trf("item \"{}\" ({}): {}", node.id, node.name, sheets.too_few_message),
            tr("check the score sheets, or declare 'too_few: na|zero|full' on the item"));
      }
      out.value = points * sheets.mean / Rational(*r.scale);
      break;
    }
    default:
      out.error = trf("rule '{}' cannot score item \"{}\" here", rule_kind_name(r.kind),
                      node.id);

      break;
  }
  return out;
}

int band_of(const Rule& rule, Decimal value) {
  const Rational v(value);
  for (std::size_t i = 0; i < rule.bands.size(); ++i) {
    if (!(v < rule.bands[i].at_least)) return static_cast<int>(i);
  }
  return -1;
}

Decimal band_points(const Rule& rule, Decimal value) {
  const int i = band_of(rule, value);
  return i < 0 ? rule.below : rule.bands[static_cast<std::size_t>(i)].points;
}

std::optional<Decimal> relative_value(const Node& node,
                                      const std::vector<Measure>* rows,
                                      LeafOutcome& out) {
  if (rows == nullptr || rows->empty()) {
    out = missing_rows(node);
    return std::nullopt;
  }
  if (any_na(*rows)) {
    out = not_applicable();
    return std::nullopt;
  }
  return *rows->front().value;
}

Rational score_relative(const Node& node, Decimal value, Decimal best) {
  if (best <= Decimal()) return Rational();
  return points_of(node) * Rational(value) / Rational(best);
}

}  // namespace kaohe
