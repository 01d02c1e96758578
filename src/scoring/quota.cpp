// Quotas of time (scoring/quota.h).
#include "scoring/quota.h"

#include <algorithm>
#include <new>

#include "base/diagnostic.h"
#include "base/messages.h"

namespace kaohe {
namespace {

std::int64_t tier_required(const Node& leaf, int t) {
  return leaf.rule.named[static_cast<std::size_t>(t)].amount.units() / Decimal::kOne;
}

}  // namespace

QuotaCounter::QuotaCounter(const Scheme& scheme, const Node& leaf, int units)
    : buckets_(leaf.rule.quota.per, scheme.period->from, scheme.period->to),
      dates_(leaf.rule.quota.distinct_dates),
      lanes_(1 + static_cast<int>(leaf.rule.named.size())),
      first_day_(scheme.period->from.day_number()),
      days_(scheme.period->to.day_number() - first_day_ + 1) {
  words_ = dates_ ? (days_ + 63) / 64 : 0;
  // Cells of 8 bytes: a long period of day buckets on a province's roster
  // could ask for more than any machine has; that is out of memory (exit
  // 71), never a wrapped size.
  std::uint64_t cells = 0;
  const bool overflow =
      __builtin_mul_overflow(static_cast<std::uint64_t>(units),
                             static_cast<std::uint64_t>(lanes_), &cells) ||
      __builtin_mul_overflow(cells, static_cast<std::uint64_t>(dates_ ? words_ : buckets_.count()),
                             &cells);
  if (overflow || cells > (std::uint64_t{1} << 37)) throw std::bad_alloc();
  spans_.resize(static_cast<std::size_t>(buckets_.count()));
  for (int b = 0; b < buckets_.count(); ++b) {
    spans_[static_cast<std::size_t>(b)] = {buckets_.first_day(b).day_number(),
                                           buckets_.last_day(b).day_number()};
  }
  const Calendar& calendar = scheme.calendar;
  if (leaf.rule.quota.working_days && buckets_.count() > 0 &&
      calendar.covers(buckets_.first_day(0)) &&
      calendar.covers(buckets_.first_day(buckets_.count() - 1))) {
    day_off_.resize(static_cast<std::size_t>(buckets_.count()));
    for (int b = 0; b < buckets_.count(); ++b) {
      day_off_[static_cast<std::size_t>(b)] = !calendar.is_working_day(buckets_.first_day(b));
    }
  }
  if (dates_) {
    bits_.assign(static_cast<std::size_t>(cells), 0);
  } else {
    counts_.assign(static_cast<std::size_t>(cells), 0);
    bucket_of_day_.resize(static_cast<std::size_t>(days_));
    for (int b = 0; b < buckets_.count(); ++b) {
      const int lo = std::max(0, first_day_number(b) - first_day_);
      const int hi = std::min(days_ - 1, last_day_number(b) - first_day_);
      for (int day = lo; day <= hi; ++day) bucket_of_day_[static_cast<std::size_t>(day)] = b;
    }
  }
  make_period_table(scheme, leaf);
}

void QuotaCounter::count_overflow() {
  throw Error(kExitDataErr,
              tr("arithmetic overflow: an item's event count exceeds 9223372036854775807"),
              tr("check the count column"));

}

void QuotaCounter::join(const QuotaCounter& part) {
  for (std::size_t i = 0; i < bits_.size(); ++i) bits_[i] |= part.bits_[i];
  for (std::size_t i = 0; i < counts_.size(); ++i) add_count(counts_[i], part.counts_[i]);
}

bool QuotaCounter::can_join(const QuotaCounter& part) const {
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (__builtin_add_overflow(counts_[i], part.counts_[i], &sum)) return false;
  }
  return true;
}

void QuotaCounter::clear() {
  std::fill(bits_.begin(), bits_.end(), 0);
  std::fill(counts_.begin(), counts_.end(), 0);
}

std::size_t QuotaCounter::bytes() const {
  return bits_.size() * sizeof(bits_[0]) + counts_.size() * sizeof(counts_[0]);
}

std::int64_t QuotaCounter::have(int unit, int b, int tier) const {
  if (!dates_) return counts_[count_index(unit, b, tier)];
  // Set bits between the bucket's first and last day within the period.
  const int last_day = words_ * 64 - 1;
  const int from = std::max(0, first_day_number(b) - first_day_);
  const int to = std::min(last_day, last_day_number(b) - first_day_);
  if (from == to) {  // per: day
    return static_cast<std::int64_t>(bits_[word_index(unit, tier, from)] >> (from % 64) & 1);
  }
  std::int64_t n = 0;
  for (int w = from / 64; w <= to / 64; ++w) {
    std::uint64_t word = bits_[word_index(unit, tier, w * 64)];
    if (w == from / 64) word &= ~std::uint64_t{0} << (from % 64);
    if (w == to / 64 && to % 64 != 63) word &= (std::uint64_t{1} << (to % 64 + 1)) - 1;
    n += __builtin_popcountll(word);
  }
  return n;
}

namespace {

// What bucket `b` asks of a unit whose days are `days`: qb's skip, its
// days and its required counts (have and missing are left at 0). The one
// place that decides a bucket's demand: the walk below and the counter's
// whole-period table both ask here.
void bucket_demand(const Scheme& scheme, const Node& leaf, const QuotaCounter& counter,
                   const std::optional<UnitPeriod>& days, int b, QuotaBucket& qb) {
  const QuotaSpec& q = leaf.rule.quota;
  const int tiers = static_cast<int>(leaf.rule.named.size());
  qb.index = b;
  qb.skip = QuotaBucket::Skip::kNone;
  qb.days_inside = 0;
  qb.have = 0;
  qb.required = 0;
  qb.missing = 0;
  qb.tier_have.clear();
  qb.tier_required.clear();
  const int first = counter.first_day_number(b);
  const int last = counter.last_day_number(b);
  const int from = days ? days->from.day_number() : 0;
  const int to = days ? days->to.day_number() : 0;
  qb.days_total = last - first + 1;
  if (days) qb.days_inside = std::max(0, std::min(last, to) - std::max(first, from) + 1);
  if (qb.days_inside == 0) {
    qb.skip = days && days->cut_by_as_of && to < first ? QuotaBucket::Skip::kNotOver
                                                       : QuotaBucket::Skip::kOutside;
  } else if (days->cut_by_as_of && to < last) {
    qb.skip = QuotaBucket::Skip::kNotOver;
  } else if (q.working_days && counter.starts_on_day_off(b, scheme.calendar)) {
    qb.skip = QuotaBucket::Skip::kDayOff;
  } else if (qb.days_inside < qb.days_total && q.partial == QuotaSpec::Partial::kSkip) {
    qb.skip = QuotaBucket::Skip::kPartialSkipped;
  }
  if (qb.skip != QuotaBucket::Skip::kNone) return;
  // Pro rata, rounded down: a unit is never charged a fraction of a row
  // it had no full bucket to make.
  const bool prorate =
      qb.days_inside < qb.days_total && q.partial == QuotaSpec::Partial::kProrate;
  auto share = [&](std::int64_t required) {
    return prorate ? required * qb.days_inside / qb.days_total : required;
  };
  qb.required = share(q.required);
  qb.tier_required.resize(static_cast<std::size_t>(tiers));
  for (int t = 0; t < tiers; ++t) {
    qb.tier_required[static_cast<std::size_t>(t)] = share(tier_required(leaf, t));
  }
}

// The fewest rows that meet every count of a bucket: rows of a short tier
// also count toward the total, so the larger of the two shortfalls.
std::int64_t fewest_rows(std::int64_t required, std::int64_t have, std::int64_t tier_short) {
  return std::max({std::int64_t{0}, required - have, tier_short});
}

// The walk of for_each_quota_bucket: each bucket's demand, then what the
// unit has of it.
template <class Visit>
void visit_buckets(const Scheme& scheme, const Node& leaf, const QuotaCounter& counter,
                   const std::optional<UnitPeriod>& days, int unit, Visit&& visit) {
  QuotaBucket qb;
  for (int b = 0; b < counter.buckets().count(); ++b) {
    bucket_demand(scheme, leaf, counter, days, b, qb);
    if (qb.skip == QuotaBucket::Skip::kNone) {
      qb.have = counter.have(unit, b, -1);
      std::int64_t tier_short = 0;
      qb.tier_have.resize(qb.tier_required.size());
      for (std::size_t t = 0; t < qb.tier_required.size(); ++t) {
        qb.tier_have[t] = counter.have(unit, b, static_cast<int>(t));
        tier_short += std::max<std::int64_t>(0, qb.tier_required[t] - qb.tier_have[t]);
      }
      qb.missing = fewest_rows(qb.required, qb.have, tier_short);
    }
    visit(qb);
  }
}

}  // namespace

void QuotaCounter::make_period_table(const Scheme& scheme, const Node& leaf) {
  const std::optional<UnitPeriod> whole = UnitPeriod{scheme.period->from, scheme.period->to, false};
  const int n = buckets_.count();
  period_required_.assign(static_cast<std::size_t>(n) * lanes_, 0);
  QuotaBucket qb;
  for (int b = 0; b < n; ++b) {
    bucket_demand(scheme, leaf, *this, whole, b, qb);
    std::int64_t* lane = &period_required_[static_cast<std::size_t>(b) * lanes_];
    lane[0] = qb.required;
    for (std::size_t t = 0; t < qb.tier_required.size(); ++t) lane[t + 1] = qb.tier_required[t];
  }
  // A day bucket is its own day of the period, and holds at most one date.
  if (dates_ && lanes_ == 1 && buckets_.every() == Every::kDay && n == days_) {
    period_day_mask_.assign(static_cast<std::size_t>(words_), 0);
    for (int day = 0; day < n; ++day) {
      const std::int64_t required = period_required_[static_cast<std::size_t>(day)];
      if (required <= 0) continue;
      period_day_mask_[static_cast<std::size_t>(day / 64)] |= std::uint64_t{1} << (day % 64);
      period_required_sum_ += required;
    }
  }
}

std::int64_t QuotaCounter::missing_over_period(int unit) const {
  if (!period_day_mask_.empty()) {
    const std::uint64_t* bits = &bits_[word_index(unit, -1, 0)];
    std::int64_t met = 0;
    for (int w = 0; w < words_; ++w) {
      met += __builtin_popcountll(bits[w] & period_day_mask_[static_cast<std::size_t>(w)]);
    }
    return period_required_sum_ - met;
  }
  std::int64_t missing = 0;
  for (int b = 0; b < buckets_.count(); ++b) {
    const std::int64_t* required = &period_required_[static_cast<std::size_t>(b) * lanes_];
    std::int64_t tier_short = 0;
    for (int t = 0; t + 1 < lanes_; ++t) {
      tier_short += std::max<std::int64_t>(0, required[t + 1] - have(unit, b, t));
    }
    if (required[0] > 0 || tier_short > 0) {
      missing += fewest_rows(required[0], have(unit, b, -1), tier_short);
    }
  }
  return missing;
}

void for_each_quota_bucket(const Scheme& scheme, const Node& leaf, const QuotaCounter& counter,
                           int unit, const std::optional<UnitPeriod>& days,
                           const std::function<void(const QuotaBucket&)>& visit) {
  visit_buckets(scheme, leaf, counter, days, unit, visit);
}

std::int64_t quota_missing(const Scheme& scheme, const Node& leaf, const QuotaCounter& counter,
                           int unit, const std::optional<UnitPeriod>& days) {
  // Most units count the whole period: their buckets' demand is the same
  // for every one of them, worked out once by the counter.
  if (days && !days->cut_by_as_of && days->from == scheme.period->from &&
      days->to == scheme.period->to) {
    return counter.missing_over_period(unit);
  }
  std::int64_t missing = 0;
  visit_buckets(scheme, leaf, counter, days, unit,
                [&](const QuotaBucket& b) { missing += b.missing; });
  return missing;
}

}  // namespace kaohe
