// Reading `periods:` and naming, weighing and finding the copies of a node
// scored per sub-period (scheme/sub_periods.h).
#include "scheme/sub_periods.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {
namespace {

const std::vector<std::string> kPers = {"month", "quarter", "half", "year"};
const std::vector<std::string> kCombines = {"mean", "sum", "last", "weights"};

// "25%" → 1/4; nullopt for anything else.
std::optional<Rational> percent_of(const std::string& s) {
  if (s.empty() || s.back() != '%') return std::nullopt;
  auto d = Decimal::parse(std::string_view(s).substr(0, s.size() - 1));
  if (!d || *d < Decimal() || *d > Decimal::from_int(100)) return std::nullopt;
  return Rational(*d) / Rational(100);
}

}  // namespace

std::optional<SubPeriods> read_periods(const YamlNode& y, const std::optional<Period>& period,
                                       const std::string& node_id, const SchemeError& error) {
  const std::string example = trf("e.g. periods: {{per: year, combine: mean}}");
  if (!y.is_map()) {
    error(y.pos, trf("'periods' is a mapping {{per, combine}}, got {}", y.kind_name()),
          example);
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& [k, v] : y.entries) {
    if (k->scalar != "per" && k->scalar != "combine") {
      error(k->pos, trf("unknown key '{}' in {}", k->scalar, "periods"),
            did_you_mean(k->scalar, {"per", "combine"}));
      ok = false;
    }
  }
  SubPeriods out;
  const YamlNode* per = y.get("per");
  if (per == nullptr) {
    error(y.pos, tr("'periods' needs 'per': month, quarter, half or year"), example);
    ok = false;
  } else {
    std::optional<Every> e = per->is_scalar() ? parse_every(per->scalar) : std::nullopt;
    if (!e || std::find(kPers.begin(), kPers.end(), per->scalar) == kPers.end()) {
      error(per->pos,
            trf("'per' must be month, quarter, half or year; got '{}'",
                        per->is_scalar() ? per->scalar : per->kind_name()),
            per->is_scalar() ? did_you_mean(per->scalar, kPers) : std::string());
      ok = false;
    } else {
      out.per = *e;
    }
  }
  const YamlNode* combine = y.get("combine");
  const YamlNode* weights = nullptr;
  if (combine == nullptr) {
    error(y.pos, trf("'periods' needs 'combine': mean, sum, last or {{weights: [25%, 75%]}}"),
          example);
    ok = false;
  } else if (combine->is_scalar() && combine->scalar == "mean") {
    out.combine = Combine::kMean;
  } else if (combine->is_scalar() && combine->scalar == "sum") {
    out.combine = Combine::kSum;
  } else if (combine->is_scalar() && combine->scalar == "last") {
    out.combine = Combine::kLast;
  } else if (combine->is_map() && combine->entries.size() == 1 &&
             combine->get("weights") != nullptr) {
    out.combine = Combine::kWeights;
    weights = combine->get("weights");
  } else {
    error(combine->pos,
          trf("'combine' must be mean, sum, last or {{weights: [...]}}; got '{}'",
                      combine->is_scalar() ? combine->scalar : combine->kind_name()),
          combine->is_scalar() && combine->scalar == "weights"
              ? std::string(trf("write combine: {{weights: [25%, 75%]}}, one weight per sub-period"))
              : combine->is_scalar() ? did_you_mean(combine->scalar, kCombines)
                                     : std::string(trf("e.g. combine: {{weights: [25%, 75%]}}")));
    ok = false;
  }
  if (weights != nullptr) {
    if (!weights->is_sequence() || weights->items.empty()) {
      error(weights->pos, tr("'weights' is a list of percentages, one per sub-period"),
            tr("e.g. weights: [25%, 75%]"));
      ok = false;
    } else {
      for (const auto& w : weights->items) {
        std::optional<Rational> r = w->is_scalar() ? percent_of(w->scalar) : std::nullopt;
        if (!r) {
          error(w->pos,
                trf("a weight must be a percentage between 0% and 100%, got '{}'",
                            w->is_scalar() ? w->scalar : w->kind_name()),
                tr("write the weight with a percent sign: 25%"));
          ok = false;
          continue;
        }
        out.weights.push_back(*r);
        out.weight_texts.push_back(w->scalar);
      }
    }
  }
  if (!period) {
    error(y.pos, trf("'periods' of '{}' needs the scheme's 'period'", node_id),
          trf("add period: {{from: 2024-01-01, to: 2025-12-31}}: the sub-periods cut it"));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  out.buckets = Buckets(out.per, period->from, period->to);
  for (int i = 0; i < out.buckets.count(); ++i) {
    out.labels.push_back(out.buckets.label(i));
    out.spans.push_back(Period{std::max(out.buckets.first_day(i), period->from),
                               std::min(out.buckets.last_day(i), period->to)});
  }
  if (out.combine == Combine::kWeights) {
    const std::size_t n = out.labels.size();
    Rational sum;
    for (const Rational& w : out.weights) sum += w;
    if (out.weights.size() != n) {
      error(weights->pos,
            trf("'weights' lists {} weights, but the period has {} sub-periods of "
                        "one {} ({})",
                        out.weights.size(), n, every_name(out.per),
                        fmt::join(out.labels, ", ")),
            tr("give one weight per sub-period, in date order"));
    } else if (!(sum == Rational(1))) {
      error(weights->pos,
            trf("the weights of the sub-periods of '{}' add up to {}%, not 100%",
                        node_id, (sum * Rational(100)).to_string()),
            tr("check each weight against the formula of the assessment document"));
    } else {
      return out;
    }
    out.combine = Combine::kMean;  // reported: read as mean, no second error
    out.weights.clear();
    out.weight_texts.clear();
  }
  return out;
}

std::string copy_id(const std::string& id, const std::string& label) {
  return id + "@" + label;
}

std::string copy_name(const std::string& name, const std::string& label) {
  return name + " (" + label + ")";
}

std::vector<Rational> copy_weights(const SubPeriods& p) {
  const auto n = static_cast<std::int64_t>(p.labels.size());
  switch (p.combine) {
    case Combine::kSum: return {};
    case Combine::kWeights:
      if (static_cast<std::int64_t>(p.weights.size()) == n) return p.weights;
      break;
    case Combine::kMean:
    case Combine::kLast:
      break;
  }
  return std::vector<Rational>(static_cast<std::size_t>(n), Rational::fraction(1, n));
}

int sub_period_of(const SubPeriods& p, Date date) {
  const Period& first = p.spans.front();
  const Period& last = p.spans.back();
  if (date < first.from || last.to < date) return -1;
  return p.buckets.index_of(date);
}

int find_label(const SubPeriods& p, std::string_view label) {
  for (std::size_t i = 0; i < p.labels.size(); ++i) {
    if (p.labels[i] == label) return static_cast<int>(i);
  }
  return -1;
}

int periodic_of(const Scheme& scheme, const std::string& id) {
  const std::vector<int>* copies = scheme.find_copies(id);
  return copies == nullptr || copies->empty() ? -1 : scheme.nodes[copies->front()].periodic;
}

std::string copies_hint(const Scheme& scheme, const std::string& id) {
  const std::vector<int>* copies = scheme.find_copies(id);
  if (copies == nullptr || copies->empty()) return {};
  const Node& periodic = scheme.nodes[scheme.nodes[copies->front()].periodic];
  std::vector<std::string> ids;
  for (int c : *copies) ids.push_back(scheme.nodes[c].id);
  return trf("'{}' is scored once per {} ('periods' of '{}'): name one sub-period's "
                     "score ({}), or '{}' for the combined score",
                     id, every_name(periodic.periods->per), periodic.id, fmt::join(ids, ", "),
                     periodic.id);
}

}  // namespace kaohe
