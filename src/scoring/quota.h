// Quotas of time (SPEC §3.1 quota shortfall; DESIGN.md §2 "Quotas of
// time"): the rows of a quota leaf counted per (unit, bucket, tier) — or,
// with `count: dates`, the distinct dates they fall on — and each bucket's
// shortfall against the required count, for the unit's own days. Scoring
// and explain both read a unit's buckets through for_each_quota_bucket, so
// that the lines explain prints are the numbers that scored.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "base/calendar.h"
#include "base/date.h"
#include "base/shared_sums.h"
#include "base/time_buckets.h"
#include "scheme/model.h"
#include "input/unit_period.h"

namespace kaohe {

// The rows of one quota leaf, for `units` units. Memory: units × buckets ×
// (1 + tiers) counts, or with distinct dates units × (1 + tiers) bits per
// day of the period. Sums and bit sets are order-free.
class QuotaCounter {
 public:
  // Requires scheme.period.
  QuotaCounter(const Scheme& scheme, const Node& leaf, int units);

  // A row of `unit` dated `d` (inside the period), of tier `tier` (an index
  // into the leaf's tiers, or -1), occurring `count` times. Throws
  // kaohe::Error on a count that overflows. `shared`: other threads add to
  // this counter at the same time (Tallies::share), with atomic adds.
  // Inline, like prefetch: called for every quota row.
  void add(int unit, Date d, int tier, std::int64_t count, bool shared = false) {
    // Inside the period: the reader keeps the other rows out.
    const int day = shared ? day_in_period(d) : day_of(d);
    if (dates_) {
      const std::uint64_t bit = std::uint64_t{1} << (day % 64);
      set_bits(bits_[word_index(unit, -1, day)], bit, shared);
      if (tier >= 0) set_bits(bits_[word_index(unit, tier, day)], bit, shared);
      return;
    }
    const int b = bucket_of_day_[static_cast<std::size_t>(day)];
    add_count(counts_[count_index(unit, b, -1)], count, shared);
    if (tier >= 0) add_count(counts_[count_index(unit, b, tier)], count, shared);
  }
  // Asks for the memory a row of `unit` dated `date` will touch (Date{}:
  // no valid date, the unit's first bucket). `shared`: as for add().
  void prefetch(int unit, Date date, bool shared = false) const {
    const int day = std::max(0, shared ? day_in_period(date) : day_of(date));
    if (dates_) {
      __builtin_prefetch(&bits_[word_index(unit, -1, day)], 1);
    } else {
      __builtin_prefetch(&counts_[count_index(unit, bucket_of_day_[static_cast<std::size_t>(day)], -1)], 1);
    }
  }
  // Adds the rows of `part`, a counter of the same leaf and units.
  void join(const QuotaCounter& part);
  // Whether join(part) would add up without an overflow.
  bool can_join(const QuotaCounter& part) const;
  // Forgets every row.
  void clear();
  std::size_t bytes() const;

  // Σ over the buckets of the rows `unit` misses (QuotaBucket::missing),
  // for a unit whose days are the whole period (no own from/to, no
  // --as-of): from a table of each bucket's demand made once, as scoring
  // asks for every bucket of every unit.
  std::int64_t missing_over_period(int unit) const;

  const Buckets& buckets() const { return buckets_; }
  // Rows (or dates) of `unit` in bucket `b`, of tier `tier` (-1: all).
  std::int64_t have(int unit, int b, int tier) const;

  // Bucket `b`'s whole span as day numbers (Date::day_number()), which may
  // reach outside the period; worked out once, as scoring asks for every
  // bucket of every unit (365 a year per day).
  int first_day_number(int b) const { return spans_[static_cast<std::size_t>(b)].first; }
  int last_day_number(int b) const { return spans_[static_cast<std::size_t>(b)].last; }
  // Whether bucket `b` starts on a day off of `calendar` (days: working),
  // as calendar.is_working_day(first day) says; from a table when the
  // counter was made with the scheme's calendar covering every bucket.
  bool starts_on_day_off(int b, const Calendar& calendar) const {
    if (!day_off_.empty()) return day_off_[static_cast<std::size_t>(b)] != 0;
    return !calendar.is_working_day(buckets_.first_day(b));
  }

 private:
  std::size_t count_index(int unit, int b, int tier) const {
    return (static_cast<std::size_t>(unit) * buckets_.count() + b) * lanes_ + (tier + 1);
  }
  std::size_t word_index(int unit, int tier, int day) const {
    return (static_cast<std::size_t>(unit) * lanes_ + (tier + 1)) * words_ + day / 64;
  }

  void make_period_table(const Scheme& scheme, const Node& leaf);
  [[noreturn, gnu::noinline, gnu::cold]] static void count_overflow();
  static void add_count(std::int64_t& sum, std::int64_t n, bool shared = false) {
    if (shared ? !add_shared(sum, n) : __builtin_add_overflow(sum, n, &sum)) count_overflow();
  }
  static void set_bits(std::uint64_t& word, std::uint64_t bits, bool shared) {
    if (shared) {
      set_bits_shared(word, bits);
    } else {
      word |= bits;
    }
  }

  struct Span {
    int first = 0, last = 0;  // day numbers
  };

  // The day of `d` counted from the period's first (0), or -1 outside the
  // period.
  int day_in_period(Date d) const {
    const int day = d.day_number() - first_day_;
    return day >= 0 && day < days_ ? day : -1;
  }
  // day_in_period(d), for the one thread that reads into this counter
  // (not shared). Logs run in date order, so the last date asked for is
  // remembered: nearly every row skips the conversion.
  int day_of(Date d) const {
    if (d == memo_date_) return memo_day_;
    memo_date_ = d;
    memo_day_ = day_in_period(d);
    return memo_day_;
  }

  Buckets buckets_;
  std::vector<Span> spans_;                // per bucket
  // The bucket of each day of the period, so that a row finds its bucket
  // with one load (rows only).
  std::vector<int> bucket_of_day_;
  mutable Date memo_date_;                 // day_of()'s last date, and its day
  mutable int memo_day_ = -1;
  std::vector<unsigned char> day_off_;     // per bucket, days: working only
  bool dates_ = false;
  int lanes_ = 1;              // 1 + tiers
  int first_day_ = 0;          // day_number() of the period's first day
  int days_ = 0;               // days of the period
  int words_ = 0;              // 64-day words per (unit, lane), dates only
  // Each bucket's required counts (1 + tiers lanes) for a unit with the
  // whole period; 0 where the bucket asks for nothing.
  std::vector<std::int64_t> period_required_;
  // per: day, count: dates, no tiers: a bit for each day that asks for its
  // date, and Σ what they ask — the shortfall is that sum less the days
  // both asked for and met, a popcount per 64 days.
  std::vector<std::uint64_t> period_day_mask_;
  std::int64_t period_required_sum_ = 0;
  std::vector<std::int64_t> counts_;
  std::vector<std::uint64_t> bits_;
};

// One bucket of a quota for one unit.
struct QuotaBucket {
  int index = 0;
  // Why the bucket asks for nothing: not yet over at --as-of, a day off
  // (days: working), or outside the unit's days.
  enum class Skip { kNone, kNotOver, kDayOff, kOutside, kPartialSkipped };
  Skip skip = Skip::kNone;
  int days_inside = 0;         // of the bucket, within the unit's days
  int days_total = 0;          // of the bucket, whole
  std::int64_t have = 0;       // rows or dates
  std::int64_t required = 0;   // after pro rata
  std::vector<std::int64_t> tier_have, tier_required;  // per tier
  std::int64_t missing = 0;    // the fewest rows that would meet every count
};

// Calls `visit` for each bucket of `leaf` (a quota) for `unit`, whose days
// are `days` (nullopt: none of the period). A bucket cut by the unit's own
// period or the scheme's period is partial (its `partial` policy); a bucket
// that --as-of cuts is not over yet and asks for nothing.
void for_each_quota_bucket(const Scheme& scheme, const Node& leaf, const QuotaCounter& counter,
                           int unit, const std::optional<UnitPeriod>& days,
                           const std::function<void(const QuotaBucket&)>& visit);

// Σ missing over the unit's buckets.
std::int64_t quota_missing(const Scheme& scheme, const Node& leaf, const QuotaCounter& counter,
                           int unit, const std::optional<UnitPeriod>& days);

}  // namespace kaohe
