// Unit tests of the starter files of `kaohe init`: the scheme loads and
// `check` finds nothing in it, it uses every common rule kind, and the
// data files carry the Chinese headers the readers accept. The golden
// init-score (tests/golden/scaffold.sh) checks and scores the written
// folder end to end.
#include "scaffold/starter.h"

#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "scheme/scheme_lint.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

const ScaffoldFile& file_named(const std::vector<ScaffoldFile>& files, const std::string& path) {
  for (const ScaffoldFile& f : files) {
    if (f.path == path) return f;
  }
  FAIL("no starter file " << path);
  throw;
}

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n')); }

TEST_CASE("starter: the four files, in order, each ending with a newline") {
  const std::vector<ScaffoldFile> files = starter_files();
  REQUIRE(files.size() == 4);
  CHECK(files[0].path == "scheme.yaml");
  CHECK(files[1].path == "data/units.csv");
  CHECK(files[2].path == "data/events.csv");
  CHECK(files[3].path == "data/measures.csv");
  for (const ScaffoldFile& f : files) {
    REQUIRE(!f.text.empty());
    CHECK(f.text.back() == '\n');
  }
}

TEST_CASE("starter: the scheme loads and check finds nothing in it") {
  const Scheme s = test::scheme_of(file_named(starter_files(), "scheme.yaml").text);
  const std::vector<Diagnostic> findings = lint_scheme(s);
  for (const Diagnostic& d : findings) INFO(format_diagnostic(d));
  CHECK(findings.empty());
}

TEST_CASE("starter: every common rule kind, a gate, a quota, grades") {
  const Scheme s = test::scheme_of(file_named(starter_files(), "scheme.yaml").text);
  std::set<RuleKind> kinds;
  bool floor_zero = false, capped_adjustment = false;
  for (const Node& n : s.nodes) {
    kinds.insert(n.rule.kind);
    floor_zero |= n.is_leaf() && n.floor && n.floor->units() == 0;
    capped_adjustment |= !n.points && n.cap.has_value();
  }
  for (RuleKind k : {RuleKind::kPerEvent, RuleKind::kTiered, RuleKind::kQuota, RuleKind::kLate,
                     RuleKind::kCompletion, RuleKind::kVotes, RuleKind::kScaled,
                     RuleKind::kDirect, RuleKind::kBands, RuleKind::kFlagEvent}) {
    INFO(rule_kind_name(k));
    CHECK(kinds.count(k) == 1);
  }
  CHECK(floor_zero);         // 扣完为止
  CHECK(capped_adjustment);  // 加分, at most a value
  CHECK(s.grades.size() >= 3);
  REQUIRE(s.gates.size() == 1);
  CHECK(s.gates[0].force == std::optional<std::string>("不合格"));
  REQUIRE(s.quotas.size() == 1);
  CHECK(s.quotas[0].share_text == "30%");
  CHECK(s.period.has_value());
}

TEST_CASE("starter: data headers are the readers' Chinese synonyms") {
  const std::vector<ScaffoldFile> files = starter_files();
  CHECK(first_line(file_named(files, "data/units.csv").text) == "单位编码,单位名称,类别");
  CHECK(first_line(file_named(files, "data/events.csv").text) ==
        "单位,项目,日期,次数,级别,截止日期,完成日期,备注");
  CHECK(first_line(file_named(files, "data/measures.csv").text) == "单位,项目,数值,等次");
}

}  // namespace
}  // namespace kaohe
