// The ledger shapes of the benchmark (ledger_shape.h). The items, their
// weights and tiers must agree with tests/bench/ledger.yaml and
// tests/bench/ledger.sql.
#include "ledger_shape.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <vector>

#include "gen_util.h"

namespace kaohe_bench {
namespace {

struct Item {
  std::string_view id;
  int weight;  // percent of the rows
  bool tiered;
};

constexpr std::array<Item, 20> kItems = {{
    {"fire_hazard", 9, false},   {"drill_missed", 5, false}, {"hazard_ledger", 6, true},
    {"gas_check", 7, false},     {"sign_missing", 3, false}, {"garbage", 8, false},
    {"sewage", 4, false},        {"env_complaint", 5, true}, {"burning", 2, false},
    {"greening", 6, false},      {"dispute", 7, false},      {"petition", 4, true},
    {"patrol_gap", 6, false},    {"registry", 5, false},     {"drug_check", 3, false},
    {"finance_open", 4, false},  {"meeting", 6, false},      {"archive", 5, false},
    {"report_late", 3, false},   {"seal", 2, false},
}};

constexpr std::array<std::string_view, 3> kTiers = {"一般", "较重", "严重"};  // 6:3:1

constexpr std::array<std::string_view, 10> kPlainNotes = {
    "整改中",     "限期整改",       "现场指出",   "来电反映属实", "镇抽查",
    "台账不全，未签字", "复查仍未整改", "县级暗访发现", "已上报",     "未按要求报送"};
constexpr std::array<std::string_view, 6> kCommaNotes = {
    "\"已整改,待复查\"",       "\"村民反映,属实\"",
    "\"巡查发现,未上报\"",     "\"二次检查,仍未整改\"",
    "\"资料缺失,已补齐\"",     "\"通道占用,已清理\""};
constexpr std::array<std::string_view, 4> kQuoteNotes = {
    "\"反映\"\"未清运\"\",属实\"", "\"标注\"\"已完成\"\",实未完成\"",
    "\"被\"\"暗访\"\"通报,扣分\"", "\"记录\"\"纠纷\"\",未调处\""};

constexpr int kDays = 365;  // 2025

struct Row {
  int unit;
  int item;
  int day;
  int count;
  int tier;        // -1: none
  std::string_view note;
};

class Ledger {
 public:
  explicit Ledger(int units) : cumulative_(units) {
    for (int u = 0; u < units; ++u) {
      const std::uint64_t t = trait(u, 101);
      sum_ += t % 100 < 3 ? 200 : 600 + t / 100 % 801;
      cumulative_[u] = sum_;
    }
    int c = 0;
    for (std::size_t i = 0; i < kItems.size(); ++i) {
      for (int k = 0; k < kItems[i].weight; ++k) item_of_percent_[c++] = static_cast<int>(i);
    }
  }

  Row row(std::int64_t j) const {
    Rng rng(mix(0x1EDE5ULL * 0x100000000ULL + static_cast<std::uint64_t>(j)));
    Row r{};
    r.unit = static_cast<int>(
        std::upper_bound(cumulative_.begin(), cumulative_.end(), rng.below(sum_)) -
        cumulative_.begin());
    r.item = item_of_percent_[rng.below(100)];
    r.day = static_cast<int>(rng.below(kDays));
    r.count = 1 + static_cast<int>(rng.below(5));
    const std::uint64_t t = rng.below(10);
    r.tier = !kItems[r.item].tiered ? -1 : t < 6 ? 0 : t < 9 ? 1 : 2;
    const std::uint64_t n = rng.below(100);
    const std::uint64_t pick = rng.next();
    r.note = n < 2    ? kQuoteNotes[pick % kQuoteNotes.size()]
             : n < 15 ? kCommaNotes[pick % kCommaNotes.size()]
                      : kPlainNotes[pick % kPlainNotes.size()];
    return r;
  }

 private:
  std::vector<std::uint64_t> cumulative_;
  std::uint64_t sum_ = 0;
  std::array<int, 100> item_of_percent_{};
};

std::vector<std::string> dates_of_2025() {
  static constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::vector<std::string> out;
  for (int m = 1; m <= 12; ++m) {
    for (int d = 1; d <= kMonthDays[m - 1]; ++d) {
      out.push_back("2025-" + padded(m, 2) + "-" + padded(d, 2));
    }
  }
  return out;
}

constexpr std::array<std::string_view, 12> kTowns = {
    "城关镇", "石门镇", "河口乡", "青山镇", "柳林乡", "新华镇",
    "白沙镇", "双桥乡", "红旗镇", "长岭乡", "东湖镇", "西山乡"};

}  // namespace

void write_ledger(const std::string& dir, int units, std::int64_t rows, bool by_unit) {
  int width = 5;
  for (int n = units; n >= 100000; n /= 10) ++width;
  std::vector<std::string> ids(units);
  {
    Writer w(dir + "/units.csv");
    w << "unit_id,name,category\n";
    for (int u = 0; u < units; ++u) {
      ids[u] = "U" + padded(u + 1, width);
      w << ids[u] << ',' << kTowns[u / 40 % kTowns.size()] << std::string_view("第")
        << static_cast<std::int64_t>(u % 40 + 1) << std::string_view("村,村\n");
    }
  }
  const Ledger ledger(units);
  const std::vector<std::string> dates = dates_of_2025();
  Writer w(dir + "/events.csv");
  w << "unit_id,item_id,date,count,tier,note\n";
  auto write = [&](const Row& r) {
    w << ids[r.unit] << ',' << kItems[r.item].id << ',' << dates[r.day] << ','
      << static_cast<std::int64_t>(r.count) << ',';
    if (r.tier >= 0) w << kTiers[r.tier];
    w << ',' << r.note << '\n';
  };
  if (!by_unit) {
    for (std::int64_t j = 0; j < rows; ++j) write(ledger.row(j));
    return;
  }
  // (unit, day) in the high 32 bits, the draw in the low: one sort.
  std::vector<std::uint64_t> order(static_cast<std::size_t>(rows));
  for (std::int64_t j = 0; j < rows; ++j) {
    const Row r = ledger.row(j);
    const auto key = static_cast<std::uint64_t>(r.unit) * 512 + static_cast<std::uint64_t>(r.day);
    order[static_cast<std::size_t>(j)] = key << 32 | static_cast<std::uint64_t>(j);
  }
  std::sort(order.begin(), order.end());
  for (std::uint64_t k : order) write(ledger.row(static_cast<std::int64_t>(k & 0xFFFFFFFFULL)));
}

}  // namespace kaohe_bench
