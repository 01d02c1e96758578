// Quotas of time (scoring/quota.h).
#include "scoring/quota.h"

#include <algorithm>
#include <new>

#include "base/diagnostic.h"

namespace kaohe {
namespace {

void add_checked(std::int64_t& sum, std::int64_t n) {
  if (__builtin_add_overflow(sum, n, &sum)) {
    throw Error(kExitDataErr,
                "arithmetic overflow: an item's event count exceeds 9223372036854775807",
                "check the count column");
  }
}

std::int64_t tier_required(const Node& leaf, int t) {
  return leaf.rule.named[static_cast<std::size_t>(t)].amount.units() / Decimal::kOne;
}

}  // namespace

QuotaCounter::QuotaCounter(const Scheme& scheme, const Node& leaf, int units)
    : buckets_(leaf.rule.quota.per, scheme.period->from, scheme.period->to),
      dates_(leaf.rule.quota.distinct_dates),
      lanes_(1 + static_cast<int>(leaf.rule.named.size())),
      first_day_(scheme.period->from.day_number()) {
  const int days = scheme.period->to.day_number() - first_day_ + 1;
  words_ = dates_ ? (days + 63) / 64 : 0;
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
  if (dates_) {
    bits_.assign(static_cast<std::size_t>(cells), 0);
  } else {
    counts_.assign(static_cast<std::size_t>(cells), 0);
  }
}

void QuotaCounter::add(int unit, Date d, int tier, std::int64_t count) {
  if (dates_) {
    const int day = d.day_number() - first_day_;
    const std::uint64_t bit = std::uint64_t{1} << (day % 64);
    bits_[word_index(unit, -1, day)] |= bit;
    if (tier >= 0) bits_[word_index(unit, tier, day)] |= bit;
    return;
  }
  const int b = buckets_.index_of(d);
  add_checked(counts_[count_index(unit, b, -1)], count);
  if (tier >= 0) add_checked(counts_[count_index(unit, b, tier)], count);
}

void QuotaCounter::prefetch(int unit) const {
  if (dates_) {
    __builtin_prefetch(&bits_[word_index(unit, -1, 0)], 1);
  } else {
    __builtin_prefetch(&counts_[count_index(unit, 0, -1)], 1);
  }
}

void QuotaCounter::join(const QuotaCounter& part) {
  for (std::size_t i = 0; i < bits_.size(); ++i) bits_[i] |= part.bits_[i];
  for (std::size_t i = 0; i < counts_.size(); ++i) add_checked(counts_[i], part.counts_[i]);
}

std::size_t QuotaCounter::bytes() const {
  return bits_.size() * sizeof(bits_[0]) + counts_.size() * sizeof(counts_[0]);
}

std::int64_t QuotaCounter::have(int unit, int b, int tier) const {
  if (!dates_) return counts_[count_index(unit, b, tier)];
  // Set bits between the bucket's first and last day within the period.
  const int last_day = words_ * 64 - 1;
  const int from = std::max(0, buckets_.first_day(b).day_number() - first_day_);
  const int to = std::min(last_day, buckets_.last_day(b).day_number() - first_day_);
  std::int64_t n = 0;
  for (int w = from / 64; w <= to / 64; ++w) {
    std::uint64_t word = bits_[word_index(unit, tier, w * 64)];
    if (w == from / 64) word &= ~std::uint64_t{0} << (from % 64);
    if (w == to / 64 && to % 64 != 63) word &= (std::uint64_t{1} << (to % 64 + 1)) - 1;
    n += __builtin_popcountll(word);
  }
  return n;
}

void for_each_quota_bucket(const Scheme& scheme, const Node& leaf, const QuotaCounter& counter,
                           int unit, const std::optional<UnitPeriod>& days,
                           const std::function<void(const QuotaBucket&)>& visit) {
  const QuotaSpec& q = leaf.rule.quota;
  const Buckets& buckets = counter.buckets();
  const int tiers = static_cast<int>(leaf.rule.named.size());
  QuotaBucket qb;
  for (int b = 0; b < buckets.count(); ++b) {
    qb = QuotaBucket{};
    qb.index = b;
    const Date first = buckets.first_day(b);
    const Date last = buckets.last_day(b);
    qb.days_total = last.day_number() - first.day_number() + 1;
    if (days) {
      const int lo = std::max(first, days->from).day_number();
      const int hi = std::min(last, days->to).day_number();
      qb.days_inside = std::max(0, hi - lo + 1);
    }
    if (qb.days_inside == 0) {
      qb.skip = days && days->cut_by_as_of && days->to < first ? QuotaBucket::Skip::kNotOver
                                                                 : QuotaBucket::Skip::kOutside;
    } else if (days->cut_by_as_of && days->to < last) {
      qb.skip = QuotaBucket::Skip::kNotOver;
    } else if (q.working_days && !scheme.calendar.is_working_day(first)) {
      qb.skip = QuotaBucket::Skip::kDayOff;
    } else if (qb.days_inside < qb.days_total && q.partial == QuotaSpec::Partial::kSkip) {
      qb.skip = QuotaBucket::Skip::kPartialSkipped;
    }
    if (qb.skip != QuotaBucket::Skip::kNone) {
      visit(qb);
      continue;
    }
    // Pro rata, rounded down: a unit is never charged a fraction of a row
    // it had no full bucket to make.
    const bool prorate =
        qb.days_inside < qb.days_total && q.partial == QuotaSpec::Partial::kProrate;
    auto share = [&](std::int64_t required) {
      return prorate ? required * qb.days_inside / qb.days_total : required;
    };
    qb.have = counter.have(unit, b, -1);
    qb.required = share(q.required);
    std::int64_t tier_short = 0;
    qb.tier_have.resize(static_cast<std::size_t>(tiers));
    qb.tier_required.resize(static_cast<std::size_t>(tiers));
    for (int t = 0; t < tiers; ++t) {
      const std::size_t i = static_cast<std::size_t>(t);
      qb.tier_have[i] = counter.have(unit, b, t);
      qb.tier_required[i] = share(tier_required(leaf, t));
      tier_short += std::max<std::int64_t>(0, qb.tier_required[i] - qb.tier_have[i]);
    }
    // Rows of a short tier also count toward the total, so the fewest rows
    // that meet every count is the larger of the two shortfalls.
    qb.missing = std::max({std::int64_t{0}, qb.required - qb.have, tier_short});
    visit(qb);
  }
}

std::int64_t quota_missing(const Scheme& scheme, const Node& leaf, const QuotaCounter& counter,
                           int unit, const std::optional<UnitPeriod>& days) {
  std::int64_t missing = 0;
  for_each_quota_bucket(scheme, leaf, counter, unit, days,
                        [&](const QuotaBucket& b) { missing += b.missing; });
  return missing;
}

}  // namespace kaohe
