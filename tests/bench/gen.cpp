// kaohe_bench_gen: writes a city's grid-management year for the benchmark
// (tests/bench/run.sh), scored by schemes/grid-patrol.yaml:
//
//   kaohe_bench_gen OUT_DIR [ROWS] [--shape SHAPE] [--units N]
//
// ROWS defaults to 10000000, N to 10000. SHAPE is `grid` (the default,
// below), or `ledger` / `ledger-by-unit`: a deduction ledger scored by
// tests/bench/ledger.yaml (tests/bench/ledger_shape.h says what it holds).
// The grid shape:
//
// OUT_DIR/units.csv     10,000 units (N): 9,800 网格员 (W00001…) and 200 督导员
//                       (S0001…, every 50th unit), as 哈尔滨 (seed 004) has
//                       one supervisor for a few dozen grids.
// OUT_DIR/events.csv    exactly ROWS rows, `unit_id,item_id,date,count,tier,
//                       ref,note`, in date order from 2024-12-30 (two days
//                       before the period, as a year-end export holds) to
//                       2025-12-31. Mostly 巡查打卡 (patrol, sup_patrol) and
//                       民情日志 (diary) rows spread over the units by a
//                       per-unit activity level; plus a fixed set, the same
//                       at every ROWS, of monthly 帮办代办 rows and the
//                       findings of 抽查/检查/热线 (conflict_screening,
//                       handling by tier, feedback_missing, diary_false,
//                       complaint, privacy_breach, sup_coordination), with
//                       ledger refs and Chinese notes, some quoted with
//                       commas and doubled quotes.
// OUT_DIR/measures.csv  every measure the scheme needs for every unit; a few
//                       units have fewer than 10 回访 (resident_feedback does
//                       not apply, its points are redistributed) and 30% of
//                       supervisors have sup_coordination NA (full marks).
//
// Deterministic: a fixed-seed splitmix64, no clock, no locale. At 10M rows
// the grid workers average about 65 patrol and 16 diary rows a month, spread
// over every day of the week at random, so most miss a patrol on some
// working days (the quota is one date a working day) and many fall short of
// the diary quota (15 a month); a supervisor has about 1.3 sup_patrol rows a
// week and misses a fair share of the 51 whole ISO weeks (one a week). The
// rows are the same as before issue 16, so that kaohe before and after it
// can be timed on one file.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gen_util.h"
#include "ledger_shape.h"

using namespace kaohe_bench;

namespace {

int kUnits = 10000;  // --units
constexpr int kSupervisorEvery = 50;  // unit i is a supervisor when i % 50 == 49
constexpr int kDays = 367;            // 2024-12-30 … 2025-12-31
constexpr int kFirstDayInPeriod = 2;

bool is_supervisor(int u) { return u % kSupervisorEvery == kSupervisorEvery - 1; }

struct Unit {
  std::string id;
  std::string name;
  bool supervisor = false;
  int street = 0;
};

constexpr std::array<std::string_view, 20> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴",
    "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "郑"};
constexpr std::array<std::string_view, 24> kGiven = {
    "丽", "明", "淑芬", "洋", "静", "帆", "红梅", "志强", "秀英", "磊", "婷", "伟",
    "建国", "丽娟", "海涛", "桂兰", "玉华", "春雷", "雪梅", "国庆", "晓东", "艳", "鹏", "慧"};
// 哈尔滨's districts and a few streets (街道) of each.
constexpr std::array<std::string_view, 12> kStreets = {
    "道里区 新阳路街道", "道里区 安静街道",   "南岗区 花园街道",   "南岗区 大成街道",
    "香坊区 通乡街道",   "香坊区 和平路街道", "道外区 太古街道",   "道外区 崇俭街道",
    "平房区 友协街道",   "松北区 松北街道",   "呼兰区 兰河街道",   "阿城区 金都街道"};
constexpr std::array<std::string_view, 12> kStreetShort = {
    "新阳路街道", "安静街道", "花园街道", "大成街道", "通乡街道", "和平路街道",
    "太古街道",   "崇俭街道", "友协街道", "松北街道", "兰河街道", "金都街道"};

// Notes as they appear in the file (already CSV-quoted where needed).
constexpr std::array<std::string_view, 8> kPatrolNotes = {
    "错时工作制",
    "\"错时工作制,周末巡查\"",
    "\"巡查发现井盖缺失,已上报街道\"",
    "\"居民反映\"\"楼道堆放杂物\"\",已劝导清理\"",
    "入户走访独居老人",
    "\"共享单车乱停放,已联系运维\"",
    "\"记录\"\"邻里噪音\"\"纠纷,已当场调解\"",
    "参与网格巡查"};

struct Finding {
  std::string_view item;
  int max_per_year;        // 0..max rows a unit has, by its trait
  std::string_view ledger;  // the kind of ledger its ref cites
  std::array<std::string_view, 3> notes;
};

constexpr std::array<Finding, 5> kWorkerFindings = {{
    {"conflict_screening", 3, "网格督查",
     {"邻里噪音纠纷未排查上报", "\"群租房消防隐患,未上报\"",
      "\"群众越级反映\"\"拆违\"\"问题,网格内未掌握\""}},
    {"handling", 4, "民情台账",
     {"\"井盖缺失,未当日处置\"", "\"居民反映\"\"楼道堆放杂物\"\",未立即处理\"",
      "供暖管线维修超过限时"}},
    {"feedback_missing", 2, "民情台账", {"办结后未向居民反馈", "", ""}},
    {"diary_false", 2, "网格督查",
     {"民情日志多篇内容雷同", "\"日志记载\"\"入户走访\"\",经核实未入户\"", ""}},
    {"complaint", 2, "监督电话记录",
     {"入户调查态度生硬", "\"约定时间未到,居民等候两小时\"", "入户未出示工作证"}},
}};

// "YYYY-MM-DD" of day index d (0 = 2024-12-30).
std::vector<std::string> make_dates() {
  static constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  std::vector<std::string> out = {"2024-12-30", "2024-12-31"};
  for (int m = 1; m <= 12; ++m) {
    for (int d = 1; d <= kMonthDays[m - 1]; ++d) {
      out.push_back("2025-" + padded(m, 2) + "-" + padded(d, 2));
    }
  }
  return out;
}

int day_of(int month, int day) {  // 2025-month-day → day index
  static constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int d = kFirstDayInPeriod;
  for (int m = 1; m < month; ++m) d += kMonthDays[m - 1];
  return d + day - 1;
}

std::vector<Unit> make_units() {
  std::vector<Unit> units(kUnits);
  int workers = 0, supervisors = 0;
  for (int u = 0; u < kUnits; ++u) {
    Unit& x = units[u];
    x.supervisor = is_supervisor(u);
    x.street = static_cast<int>(u / 834 % kStreets.size());
    std::string person = std::string(kSurnames[trait(u, 1) % kSurnames.size()]) +
                         std::string(kGiven[trait(u, 2) % kGiven.size()]);
    if (x.supervisor) {
      x.id = "S" + padded(++supervisors, 4);
      x.name = person + " (" + std::string(kStreets[x.street]) + " 网格督导员)";
    } else {
      x.id = "W" + padded(++workers, 5);
      x.name = person + " (" + std::string(kStreets[x.street]) + " 第" +
               std::to_string(u % kSupervisorEvery + 1) + "网格)";
    }
  }
  return units;
}

bool coordination_na(int u) { return trait(u, 40) % 10 < 3; }

// The rows that do not grow with ROWS: 帮办代办 and the findings.
std::vector<std::pair<int, std::string>> fixed_rows(const std::vector<Unit>& units,
                                                    const std::vector<std::string>& dates) {
  std::vector<std::pair<int, std::string>> rows;
  auto add = [&](int day, const Unit& x, std::string_view item, std::int64_t count,
                 std::string_view tier, const std::string& ref, std::string_view note) {
    std::string line = x.id;
    line += ',';
    line += item;
    line += ',';
    line += dates[day];
    line += ',';
    if (count > 0) line += std::to_string(count);
    line += ',';
    line += tier;
    line += ',';
    line += ref;
    line += ',';
    line += note;
    line += '\n';
    rows.emplace_back(day, std::move(line));
  };
  int ledger_no = 0;
  for (int u = 0; u < kUnits; ++u) {
    const Unit& x = units[u];
    Rng rng(trait(u, 10));
    auto ref = [&](std::string_view ledger) {
      return std::string(kStreetShort[x.street]) + std::string(ledger) + "〔2025〕" +
             std::to_string(++ledger_no % 997 + 1) + "号";
    };
    if (x.supervisor) {
      if (coordination_na(u)) continue;
      int n = static_cast<int>(rng.below(4));
      for (int i = 0; i < n; ++i) {
        add(kFirstDayInPeriod + static_cast<int>(rng.below(365)), x, "sup_coordination",
            0, "", ref("民情分析研判"), i % 2 ? "\"老旧小区改造意见集中,未及时协调\"" : "");
      }
      continue;
    }
    // 帮办代办: one row a month (from March for one worker in ten).
    const int first_month = trait(u, 11) % 10 == 0 ? 3 : 1;
    for (int m = first_month; m <= 12; ++m) {
      add(day_of(m, 25), x, "services", 1 + static_cast<std::int64_t>(rng.below(6)), "", "",
          "帮办代办月度汇总");
    }
    for (const Finding& f : kWorkerFindings) {
      std::uint64_t t = rng.next();
      int n = t % 8 < 5 ? 0 : static_cast<int>(1 + t / 8 % f.max_per_year);
      for (int i = 0; i < n; ++i) {
        std::int64_t count = rng.below(10) == 0 ? 2 : 1;
        std::string_view tier;
        if (f.item == "handling") tier = rng.below(3) == 0 ? "限时办理" : "立即处理";
        add(kFirstDayInPeriod + static_cast<int>(rng.below(365)), x, f.item, count, tier,
            ref(f.ledger), f.notes[rng.below(3)]);
      }
    }
    if (trait(u, 12) % 200 == 0) {
      add(kFirstDayInPeriod + static_cast<int>(rng.below(365)), x, "privacy_breach", 1, "",
          "区网格中心通报〔2025〕" + std::to_string(u % 50 + 1) + "号",
          "\"将低保户名单发至楼栋微信群,造成个人信息外泄\"");
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  return rows;
}

void write_units(const std::string& dir, const std::vector<Unit>& units) {
  Writer w(dir + "/units.csv");
  w << "unit_id,name,category\n";
  for (const Unit& x : units) {
    w << x.id << ',' << x.name << ',' << (x.supervisor ? "督导员" : "网格员") << '\n';
  }
}

void write_measures(const std::string& dir, const std::vector<Unit>& units) {
  Writer w(dir + "/measures.csv");
  w << "unit_id,item_id,value,key\n";
  auto row = [&](const Unit& x, std::string_view item, const std::string& value,
                 std::string_view key) {
    w << x.id << ',' << item << ',' << value << ',' << key << '\n';
  };
  for (int u = 0; u < kUnits; ++u) {
    const Unit& x = units[u];
    if (x.supervisor) {
      // 区网格中心抽查得分, 60..100 with up to four decimals.
      std::uint64_t t = trait(u, 20) % 400001;
      row(x, "sup_effect", std::to_string(60 + t / 10000) + "." + padded(t % 10000, 4), "");
      if (coordination_na(u)) row(x, "sup_coordination", "NA", "");
      continue;
    }
    std::uint64_t g = trait(u, 21);
    row(x, "grid_time", std::to_string(g % 100 < 70 ? 230 + g / 100 % 19 : 150 + g / 100 % 99),
        "");
    std::uint64_t info = 8000 + trait(u, 22) % 2001;  // 0.8000..1.0000
    row(x, "info_collection", info == 10000 ? "1" : "0." + padded(info, 4), "");
    static constexpr std::array<std::string_view, 4> kCriteria = {
        "网格区域管理图", "服务指示牌", "姓名和联系方式", "工作内容和监督电话"};
    for (std::size_t c = 0; c < kCriteria.size(); ++c) {
      row(x, "public_notice", trait(u, 23 + c) % 10 == 0 ? "0" : "1", kCriteria[c]);
    }
    std::uint64_t v = trait(u, 30);
    std::int64_t total = v % 100 < 5 ? static_cast<std::int64_t>(v / 100 % 10)
                                     : 10 + static_cast<std::int64_t>(v / 100 % 40);
    std::int64_t good = total * static_cast<std::int64_t>(60 + v / 10000 % 36) / 100;
    std::int64_t fair = (total - good) * static_cast<std::int64_t>(v / 1000000 % 80) / 100;
    row(x, "resident_feedback", std::to_string(good), "满意");
    row(x, "resident_feedback", std::to_string(fair), "基本满意");
    row(x, "resident_feedback", std::to_string(total - good - fair), "不满意");
  }
}

void write_events(const std::string& dir, const std::vector<Unit>& units, std::int64_t rows) {
  const std::vector<std::string> dates = make_dates();
  std::vector<std::pair<int, std::string>> fixed = fixed_rows(units, dates);
  const auto n_fixed = static_cast<std::int64_t>(fixed.size());
  if (rows < n_fixed) {
    std::fprintf(stderr, "kaohe_bench_gen: ROWS must be at least %lld (the fixed rows)\n",
                 static_cast<long long>(n_fixed));
    std::exit(64);
  }
  // Activity: most workers patrol about as much as each other; 3% far less;
  // a supervisor about a fifteenth of a worker.
  std::vector<std::uint64_t> cumulative(kUnits);
  std::uint64_t sum = 0;
  for (int u = 0; u < kUnits; ++u) {
    std::uint64_t t = trait(u, 3);
    sum += is_supervisor(u) ? 65 : t % 100 < 3 ? 250 : 700 + t / 100 % 601;
    cumulative[u] = sum;
  }
  // Compact dates for refs: "20250314".
  std::vector<std::string> compact(dates.size());
  for (std::size_t d = 0; d < dates.size(); ++d) {
    for (char c : dates[d]) {
      if (c != '-') compact[d] += c;
    }
  }

  Writer w(dir + "/events.csv");
  w << "unit_id,item_id,date,count,tier,ref,note\n";
  const std::int64_t variable = rows - n_fixed;
  std::size_t next_fixed = 0;
  Rng rng(20250101);
  for (std::int64_t j = 0; j < variable; ++j) {
    const int day = static_cast<int>(j * kDays / variable);
    while (next_fixed < fixed.size() && fixed[next_fixed].first <= day) {
      w << fixed[next_fixed++].second;
    }
    const std::uint64_t r = rng.next();
    const auto at = std::upper_bound(cumulative.begin(), cumulative.end(), r % sum);
    const int u = static_cast<int>(at - cumulative.begin());
    const Unit& x = units[u];
    const bool sup = x.supervisor;
    const bool diary = !sup && (r >> 40) % 100 >= 80;
    w << x.id << (sup ? ",sup_patrol," : diary ? ",diary," : ",patrol,") << dates[day] << ',';
    if ((r >> 20) % 64 == 0) w << '1';
    w << ",," << (diary ? "RZ" : "XC") << compact[day] << '-' << padded(static_cast<std::int64_t>((r >> 8) % 10000), 4)
      << ',';
    if ((r >> 28) % 32 == 0) w << kPatrolNotes[(r >> 50) % (sup ? 8 : 7)];
    w << '\n';
  }
  while (next_fixed < fixed.size()) w << fixed[next_fixed++].second;
}

bool whole_number(std::string_view s, std::int64_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && out >= 0;
}

}  // namespace

int main(int argc, char** argv) {
  static const char kUsage[] =
      "usage: kaohe_bench_gen OUT_DIR [ROWS] [--shape grid|ledger|ledger-by-unit] "
      "[--units N]\n";
  std::string dir;
  std::int64_t rows = 10000000;
  std::int64_t units = 10000;
  std::string shape = "grid";
  int positional = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if ((a == "--shape" || a == "--units") && i + 1 < argc) {
      const std::string_view v = argv[++i];
      if (a == "--shape") {
        shape = v;
      } else if (!whole_number(v, units) || units < 1 || units > 9999999) {
        std::fprintf(stderr, "kaohe_bench_gen: --units must be 1..9999999, got \"%s\"\n",
                     argv[i]);
        return 64;
      }
    } else if (positional == 0 && !a.starts_with("--")) {
      dir = a;
      ++positional;
    } else if (positional == 1 && !a.starts_with("--")) {
      if (!whole_number(a, rows)) {
        std::fprintf(stderr, "kaohe_bench_gen: ROWS must be a whole number, got \"%s\"\n",
                     argv[i]);
        return 64;
      }
      ++positional;
    } else {
      std::fputs(kUsage, stderr);
      return 64;
    }
  }
  if (positional == 0) {
    std::fputs(kUsage, stderr);
    return 64;
  }
  if (shape == "ledger" || shape == "ledger-by-unit") {
    write_ledger(dir, static_cast<int>(units), rows, shape == "ledger-by-unit");
    return 0;
  }
  if (shape != "grid") {
    std::fprintf(stderr, "kaohe_bench_gen: unknown --shape \"%s\"\n", shape.c_str());
    return 64;
  }
  kUnits = static_cast<int>(units);
  const std::vector<Unit> units_list = make_units();
  write_units(dir, units_list);
  write_measures(dir, units_list);
  write_events(dir, units_list, rows);
  return 0;
}
