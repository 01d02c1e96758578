// Per-unit accumulators for event-fed leaves. Event rows stream in one at a
// time; only sums are kept (occurrences, amounts, counts per bucket of time
// for quotas, the best row per ref for 取最高分 groups), so memory grows with
// units × items, never with rows, and the result never depends on row order.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/decimal.h"
#include "input/event.h"
#include "scheme/model.h"
#include "scoring/quota.h"

namespace kaohe {

// The sums of one unit's rows for one event leaf: 16 bytes, as a million
// units × dozens of leaves hold one each. A row's count is at least 1, so
// count > 0 is "the unit has rows for the leaf". A quota leaf's rows are
// counted by bucket of time instead (Tallies::quota), so that each of its
// rows touches one cache line.
struct Tally {
  std::int64_t count = 0;  // Σ count (occurrences)
  Decimal amount;          // Σ per-occurrence amount × count, in the rule's
                           // direction (a both-signs rule's bonus rows negative)
};

class Tallies : public EventSink {
 public:
  Tallies(const Scheme& scheme, int units);

  void on_event(const Event& e) override;
  // Asks for the cache line of the sums of (unit, node) — for a quota
  // leaf, of its counts: with tens of thousands of units they are rarely
  // in cache.
  void prefetch(int unit, int node, Date date) const override {
    prefetch(unit, node, date, false);
  }
  // Parts for reading a file on several threads; sums are exact and
  // order-free, so the joined result equals reading on one thread.
  std::unique_ptr<EventSink> split() const override;
  std::size_t split_bytes() const override;
  // A view that several threads add rows through at once, with atomic
  // adds into these very sums; offered while no row has come yet, so that
  // clear() undoes a reading that failed. Only 取最高分 rows are kept
  // apart in the view, for join().
  std::unique_ptr<EventSink> share() override;
  void clear() override;
  bool join(EventSink& part) override;
  // Folds the best row of each (unit, 取最高分 group, ref) into its leaf.
  // Call once, after the last event and before reading.
  void finish();

  // The sums of `unit` for event leaf `node`.
  const Tally& at(int unit, int node) const;
  // Whether `unit` has rows for event leaf `node` (not a quota leaf).
  bool has_rows(int unit, int node) const { return at(unit, node).count > 0; }
  // Whether a row of `unit` for event leaf `node` raises its flag or zeroes
  // its node.
  bool triggered(int unit, int node) const {
    return !triggered_.empty() && triggered_[tally_index(unit, node)] != 0;
  }
  // The counts of quota leaf `node`.
  const QuotaCounter& quota(int node) const { return quotas_[quota_slot_of_[node]]; }

  // The amount one occurrence of `e` is worth under its leaf's rule.
  static Decimal amount_of(const Node& leaf, const Event& e);
  // Whether `e` raises its leaf's flag or zeroes its node.
  static bool triggers(const Node& leaf, const Event& e);

 private:
  friend class SharedTallies;
  struct Best {
    Decimal amount;  // amount × count of the row
    int node = -1;
    std::int64_t count = 0;
  };
  // The best row of each (unit, 取最高分 group, ref), by the rule's direction.
  struct Bests {
    std::unordered_map<std::string, Best> add, deduct;
  };
  // Adds `e` to the sums, its 取最高分 row to `bests`. `shared`: other
  // threads add at the same time (share()).
  void record(const Event& e, Bests& bests, bool shared);
  void prefetch(int unit, int node, Date date, bool shared) const;
  // 取最高分: keeps the row if it is the best of its (unit, group, ref).
  static void keep_best(const Node& leaf, const Event& e, int group, Decimal total,
                        Bests& bests);
  void keep_bests(const Bests& from);
  // Keeps `candidate` under `key` in `table` if it beats what is there.
  static void keep_better(std::unordered_map<std::string, Best>& table,
                          const std::string& key, const Best& candidate);
  void add(int unit, int node, std::int64_t count, Decimal amount);
  // Where the sums of (unit, node) are in tallies_: the one place the
  // layout is written down.
  std::size_t tally_index(int unit, int node) const {
    return static_cast<std::size_t>(unit) * slots_ + slot_of_[node];
  }
  Tally& tally(int unit, int node) { return tallies_[tally_index(unit, node)]; }

  const Scheme& scheme_;
  int units_ = 0;
  int slots_ = 0;                 // event leaves
  std::vector<int> slot_of_;      // node → slot, or -1
  std::vector<int> group_of_;     // node → 取最高分 ancestor, or -1
  std::vector<Tally> tallies_;    // unit × slot
  // Per unit × slot, whether a row triggered (see triggered()); empty when
  // no event leaf raises a flag or zeroes a node.
  std::vector<std::uint8_t> triggered_;
  std::vector<int> quota_slot_of_;    // node → index in quotas_, or -1
  std::vector<QuotaCounter> quotas_;
  Bests bests_;
  bool fed_ = false;  // a row has come (on_event, join): share() is not offered
};

}  // namespace kaohe
