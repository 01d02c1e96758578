// libFuzzer target: the row checks and the value parsers (issue 15 point
// 8). The first byte picks the path:
//   'D'  the rest through Date::parse: a date that parses prints back as
//        the same text (YYYY-MM-DD, a real day), so nothing is guessed;
//   'N'  the rest through Decimal::parse: a number that parses prints
//        back (to_string) as text that parses to the same value;
//   'M'  the rest as a measures file, against a fixed scheme and roster;
//   other the rest as an events file, the same way, its rows added up.
// Every fatal problem must be a kaohe::Error; anything else — a crash, a
// sanitizer report, another exception, a hang — is a bug.
// Build and run: tests/fuzz/run.sh (see tests/fuzz/README.md).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "base/date.h"
#include "base/decimal.h"
#include "base/diagnostic.h"
#include "input/event_reader.h"
#include "input/measure_reader.h"
#include "input/roster.h"
#include "scheme/model.h"
#include "scheme/scheme_loader.h"
#include "scoring/tally.h"

namespace {

// A scheme with every kind of row check: tiers, roles, ranged points,
// a quota by month (dates needed), a flag event, late items (due and done
// dates, one with a fixed due date), and measure rules with
// keys (votes, mean, checklist) and without.
constexpr const char* kScheme = R"(kaohe: 1
period: {from: 2025-01-01, to: 2025-12-31}
categories: {A: 100, B: 100}
flags: [{id: veto, name: 否决}]
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: late, name: 迟报, points: 10, floor: 0, per_event: {deduct: 1, surcharge: {at: 3, deduct: 2}}}
    - {id: tier, name: 督办, points: 10, tiered: {deduct: {第二次: 3, 第三次: 10}}}
    - {id: role, name: 承办, role: {add: {承办: 2, 协办: 1}}}
    - {id: judged, name: 酌情, ranged: {add: [0.5, 1]}}
    - {id: info, name: 信息, points: 5, quota: {required: 2, per: month, deduct: 0.2}}
    - {id: bad, name: 事故, flag_event: {raise: veto}}
    - {id: overdue, name: 延迟, late: {deduct: 1, row_max: 10}}
    - {id: plan, name: 计划, late: {deduct: 0.5, due: 2025-03-31}}
    - {id: done, name: 完成, points: 20, completion: {missing: zero}}
    - {id: votes, name: 测评, points: 20, votes: {levels: {优秀: 100, 良好: 80}, too_few: zero}, applies_to: [A]}
    - {id: avg, name: 平均, points: 15, mean: {keys: [self, group], missing: na}}
    - {id: list, name: 清单, points: 10, checklist: {criteria: {有方案: 5, 有台账: 5}}}
    - {id: part, name: 分组, points: 10, children: [{id: sub, name: 子项, points: 10, direct: {missing: full}}]}
)";

struct World {
  kaohe::Scheme scheme;
  kaohe::Roster roster;
  std::string path;

  World() : scheme(kaohe::parse_scheme("fuzz.yaml", kScheme)) {
    roster.file = "units.csv";
    roster.has_categories = true;
    const char* ids[] = {"V1", "V2", "单位3", "V,4"};
    for (int i = 0; i < 4; ++i) {
      roster.add({ids[i], ids[i], i % 2 ? "B" : "A", i + 2});
    }
    char tmpl[] = "/tmp/kaohe-row-fuzz-XXXXXX";
    int fd = ::mkstemp(tmpl);
    if (fd < 0) std::abort();
    ::close(fd);
    path = tmpl;
  }
  ~World() { ::unlink(path.c_str()); }

  void write(const std::uint8_t* data, std::size_t size) const {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
  }
};

World& world() {
  static World w;
  return w;
}

void check_date(std::string_view text) {
  std::optional<kaohe::Date> d = kaohe::Date::parse(text);
  if (d && d->to_string() != text) __builtin_trap();
}

void check_number(std::string_view text) {
  std::optional<kaohe::Decimal> v = kaohe::Decimal::parse(text);
  if (!v) return;
  std::optional<kaohe::Decimal> again = kaohe::Decimal::parse(v->to_string());
  if (!again || *again != *v) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char mode = static_cast<char>(data[0]);
  const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
  if (mode == 'D') {
    check_date(rest);
    return 0;
  }
  if (mode == 'N') {
    check_number(rest);
    return 0;
  }
  World& w = world();
  w.write(data + 1, size - 1);
  kaohe::Diagnostics diags;
  try {
    kaohe::MeasureTable measures;
    if (mode == 'M') {
      kaohe::read_measures(w.path, 0, {w.path}, w.scheme, w.roster, measures, diags);
    } else {
      kaohe::Tallies tallies(w.scheme, w.roster.size());
      kaohe::read_events(w.path, 0, w.scheme, w.roster, measures, tallies, diags);
      tallies.finish();
    }
  } catch (const kaohe::Error& e) {
    if (e.exit_code() != kaohe::kExitDataErr && e.exit_code() != kaohe::kExitIoErr) {
      __builtin_trap();
    }
  }
  // Every diagnostic renders (escaped, cut to size) without trouble.
  for (const kaohe::Diagnostic& d : diags.list()) {
    std::string text = kaohe::format_diagnostic(d);
    if (text.empty()) __builtin_trap();
  }
  return 0;
}
