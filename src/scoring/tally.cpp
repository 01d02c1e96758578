// Accumulation of event rows into per-unit sums.
#include "scoring/tally.h"

#include <algorithm>
#include <atomic>

#include "base/diagnostic.h"
#include "base/messages.h"
#include "base/shared_sums.h"
#include "scoring/lateness.h"

namespace kaohe {

Tallies::Tallies(const Scheme& scheme, int units)
    : scheme_(scheme), units_(units) {
  const int n = static_cast<int>(scheme.nodes.size());
  slot_of_.assign(n, -1);
  quota_slot_of_.assign(n, -1);
  group_of_.assign(n, -1);
  for (int i = 0; i < n; ++i) {
    const Node& node = scheme.nodes[i];
    // Parents precede children, so the parent's group is already known.
    if (node.parent >= 0) {
      group_of_[i] = scheme.nodes[node.parent].same_ref_highest
                         ? node.parent
                         : group_of_[node.parent];
    }
    if (node.is_leaf() && rule_reads_events(node.rule.kind)) slot_of_[i] = slots_++;
    if (node.rule.kind == RuleKind::kQuota && scheme.period) {
      quota_slot_of_[i] = static_cast<int>(quotas_.size());
      quotas_.emplace_back(scheme, node, units);
    }
  }
  tallies_.assign(static_cast<std::size_t>(units) * slots_, Tally{});
  for (const Node& node : scheme.nodes) {
    if (node.is_leaf() && rule_reads_events(node.rule.kind) &&
        (!node.rule.raise.empty() || !node.rule.zero.empty())) {
      triggered_.assign(tallies_.size(), 0);
      break;
    }
  }
}

Decimal Tallies::amount_of(const Node& leaf, const Event& e) {
  const Rule& r = leaf.rule;
  switch (r.kind) {
    case RuleKind::kPerEvent: return r.amount;
    case RuleKind::kTiered: return r.named[e.tier].amount;
    case RuleKind::kRole: return r.named[e.role].amount;
    case RuleKind::kRanged: return e.points;
    case RuleKind::kLate: return late_amount(r, e.late_days);
    default: return Decimal();
  }
}

bool Tallies::triggers(const Node& leaf, const Event& e) {
  const Rule& r = leaf.rule;
  if (r.raise.empty() && r.zero.empty()) return false;
  if (r.raise_tiers.empty()) return true;
  const std::string& tier = r.named[e.tier].name;
  for (const std::string& t : r.raise_tiers) {
    if (t == tier) return true;
  }
  return false;
}

namespace {

[[noreturn, gnu::noinline, gnu::cold]] void count_overflow() {
  throw Error(kExitDataErr,
              tr("arithmetic overflow: an item's event count exceeds 9223372036854775807"),
              tr("check the count column"));
}

void add_count(std::int64_t& sum, std::int64_t count, bool shared = false) {
  if (shared ? !add_shared(sum, count) : __builtin_add_overflow(sum, count, &sum)) {
    count_overflow();
  }
}

void add_amount(Decimal& sum, Decimal amount, bool shared) {
  if (!shared) {
    sum += amount;
    return;
  }
  // Throws, storing nothing, where the sum would overflow.
  std::atomic_ref<Decimal> ref(sum);
  Decimal old = ref.load(std::memory_order_relaxed);
  while (!ref.compare_exchange_weak(old, old + amount, std::memory_order_relaxed)) {
  }
}

}  // namespace

// The sink that each thread of a shared reading adds its rows through
// (Tallies::share): rows go straight into the owner's sums; only the best
// 取最高分 rows wait here for join().
class SharedTallies final : public EventSink {
 public:
  explicit SharedTallies(Tallies& owner) : owner_(owner) {}
  void on_event(const Event& e) override { owner_.record(e, bests_, true); }
  void prefetch(int unit, int node, Date date) const override {
    owner_.prefetch(unit, node, date, true);
  }

  Tallies& owner_;
  Tallies::Bests bests_;
};

void Tallies::add(int unit, int node, std::int64_t count, Decimal amount) {
  Tally& t = tally(unit, node);
  add_count(t.count, count);
  t.amount += amount;
}

void Tallies::prefetch(int unit, int node, Date date, bool shared) const {
  if (quota_slot_of_[node] < 0) {
    __builtin_prefetch(&tallies_[tally_index(unit, node)], 1);
    return;
  }
  // A quota row touches only its bucket's count, or its date's bit.
  quotas_[quota_slot_of_[node]].prefetch(unit, date, shared);
}

void Tallies::on_event(const Event& e) {
  fed_ = true;
  record(e, bests_, false);
}

void Tallies::record(const Event& e, Bests& bests, bool shared) {
  const Node& leaf = scheme_.nodes[e.node];
  const std::size_t i = tally_index(e.unit, e.node);
  // Flags and zeroing follow every row, whatever 取最高分 keeps of amounts.
  if (triggers(leaf, e)) {
    if (shared) {
      set_flag_shared(triggered_[i]);
    } else {
      triggered_[i] = 1;
    }
  }
  if (leaf.rule.kind == RuleKind::kQuota) {
    // Counted by bucket only: the row's one cache line (see Tally). Every
    // quota row has a date inside the unit's days: the reader keeps the
    // others out.
    quotas_[quota_slot_of_[e.node]].add(e.unit, *e.date, e.tier, e.count, shared);
    return;
  }
  Tally& t = tallies_[i];
  if (leaf.rule.kind != RuleKind::kFlagEvent) {
    const Decimal amount = amount_of(leaf, e).times(e.count);
    const int group = group_of_[e.node];
    if (group >= 0 && !e.ref.empty()) {
      keep_best(leaf, e, group, amount, bests);
      return;
    }
    add_amount(t.amount, amount, shared);
  }
  add_count(t.count, e.count, shared);
}

void Tallies::keep_best(const Node& leaf, const Event& e, int group, Decimal total,
                        Bests& bests) {
  std::string key = std::to_string(e.unit);
  key += '\0';
  key += std::to_string(group);
  key += '\0';
  key += e.ref;
  auto& table = leaf.rule.direction == Direction::kAdd ? bests.add : bests.deduct;
  keep_better(table, key, Best{total, e.node, e.count});
}

void Tallies::keep_bests(const Bests& from) {
  for (const auto& [key, b] : from.add) keep_better(bests_.add, key, b);
  for (const auto& [key, b] : from.deduct) keep_better(bests_.deduct, key, b);
}

void Tallies::keep_better(std::unordered_map<std::string, Best>& table,
                          const std::string& key, const Best& candidate) {
  auto [it, inserted] = table.emplace(key, candidate);
  if (inserted) return;
  Best& b = it->second;
  // Largest amount wins; ties go to the earlier node, then the larger
  // count, so that row order never matters.
  if (candidate.amount > b.amount ||
      (candidate.amount == b.amount &&
       (candidate.node < b.node ||
        (candidate.node == b.node && candidate.count > b.count)))) {
    b = candidate;
  }
}

std::unique_ptr<EventSink> Tallies::split() const {
  return std::make_unique<Tallies>(scheme_, units_);
}

std::size_t Tallies::split_bytes() const {
  std::size_t bytes = tallies_.size() * sizeof(Tally) + triggered_.size();
  for (const QuotaCounter& q : quotas_) bytes += q.bytes();
  return bytes;
}

std::unique_ptr<EventSink> Tallies::share() {
  if (fed_) return nullptr;
  return std::make_unique<SharedTallies>(*this);
}

void Tallies::clear() {
  std::fill(tallies_.begin(), tallies_.end(), Tally{});
  std::fill(triggered_.begin(), triggered_.end(), 0);
  for (QuotaCounter& q : quotas_) q.clear();
  bests_ = Bests{};
  fed_ = false;
}

bool Tallies::join(EventSink& sink) {
  if (auto* view = dynamic_cast<SharedTallies*>(&sink)) {
    // Its other rows are in these sums already.
    fed_ = true;
    keep_bests(view->bests_);
    view->bests_ = Bests{};
    return true;
  }
  auto& part = dynamic_cast<Tallies&>(sink);
  // First whether every sum adds up, so that an overflow changes nothing.
  std::int64_t sum = 0;
  for (std::size_t i = 0; i < tallies_.size(); ++i) {
    const Tally& t = tallies_[i];
    const Tally& p = part.tallies_[i];
    if (__builtin_add_overflow(t.count, p.count, &sum) ||
        __builtin_add_overflow(t.amount.units(), p.amount.units(), &sum)) {
      return false;
    }
  }
  for (std::size_t i = 0; i < quotas_.size(); ++i) {
    if (!quotas_[i].can_join(part.quotas_[i])) return false;
  }
  fed_ = true;
  for (std::size_t i = 0; i < tallies_.size(); ++i) {
    Tally& t = tallies_[i];
    const Tally& p = part.tallies_[i];
    add_count(t.count, p.count);
    t.amount += p.amount;
  }
  for (std::size_t i = 0; i < triggered_.size(); ++i) triggered_[i] |= part.triggered_[i];
  for (std::size_t i = 0; i < quotas_.size(); ++i) quotas_[i].join(part.quotas_[i]);
  keep_bests(part.bests_);
  part.bests_ = Bests{};
  return true;
}

void Tallies::finish() {
  for (auto* table : {&bests_.add, &bests_.deduct}) {
    for (const auto& [key, b] : *table) {
      int unit = std::stoi(key.substr(0, key.find('\0')));
      add(unit, b.node, b.count, b.amount);
    }
    table->clear();
  }
}

const Tally& Tallies::at(int unit, int node) const {
  return tallies_[tally_index(unit, node)];
}

}  // namespace kaohe
