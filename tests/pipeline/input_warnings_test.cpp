// Unit tests of the input warnings (pipeline/input_warnings.cpp) and of
// the `empty` mark the pipeline sets: a file without rows is empty, one
// with a bad header or a row is not; rows outside the period are one
// warning per file for check and one line for the whole run for score.
#include "pipeline/input_warnings.h"

#include <doctest/doctest.h>

#include "pipeline/evaluation.h"
#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::TempFile;

const char* const kScheme = R"(kaohe: 1
period: {from: 2025-01-01, to: 2025-12-31}
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: late_report, name: 迟报, points: 20, per_event: {deduct: 2}}
    - {id: self, name: 自评, points: 80, direct: {missing: zero}}
)";

InputStats stats_of(std::string file, std::int64_t outside, int first_line) {
  InputStats s;
  s.kind = "events";
  s.file = std::move(file);
  s.read = outside + 1;
  s.outside = outside;
  s.first_outside_line = first_line;
  s.first_outside_text = "V1,late_report,2024-12-31";
  return s;
}

TEST_CASE("the pipeline marks files without rows, and only those") {
  TempFile units("unit_id,name\nV1,东村\n");
  TempFile header_only("unit_id,item_id,date\n");
  TempFile zero_bytes("");
  TempFile blank_lines("\xEF\xBB\xBF\r\n\r\n");
  TempFile bad_header("unit,item\n");
  TempFile one_row("unit_id,item_id,date\nV1,late_report,2025-02-01\n");
  TempFile measures_header("unit_id,item_id,value\n");
  DataSources s;
  s.units = units.path();
  s.events = {header_only.path(), zero_bytes.path(), blank_lines.path(), bad_header.path(),
              one_row.path()};
  s.measures = {measures_header.path()};
  s.threads = 1;
  DataCheck data = check_data(test::scheme_of(kScheme), s);
  std::vector<Diagnostic> w = empty_file_warnings(data.stats);
  REQUIRE(w.size() == 4);
  CHECK(w[0].file == measures_header.path());
  CHECK(contains(w[0].hint, "no measures are read from it"));
  CHECK(w[1].file == header_only.path());
  CHECK(w[2].file == zero_bytes.path());
  CHECK(w[3].file == blank_lines.path());
  for (const Diagnostic& d : w) {
    CHECK(d.severity == Severity::kWarning);
    CHECK(d.message == "no rows: the file is empty or holds a header only");
  }
  CHECK_FALSE(data.stats[0].empty);  // the roster has its own error
}

TEST_CASE("rows outside the period: per file for check, one line for score") {
  const Period period{*Date::parse("2025-01-01"), *Date::parse("2025-12-31")};
  const std::vector<InputStats> stats{stats_of("a.csv", 0, 0), stats_of("b.csv", 2, 7),
                                      stats_of("c.csv", 1, 3)};
  std::vector<Diagnostic> each = outside_period_warnings(stats, period);
  REQUIRE(each.size() == 2);
  CHECK(each[0].file == "b.csv");
  CHECK(each[0].line == 7);
  CHECK(each[0].message == "2 rows lie outside the scheme's period (2025-01-01 to "
                           "2025-12-31) and are not counted");
  CHECK(each[0].source_line == "V1,late_report,2024-12-31");
  CHECK(contains(each[0].hint, "this is the first of them"));
  CHECK(each[1].message == "1 row lies outside the scheme's period (2025-01-01 to "
                           "2025-12-31) and is not counted");

  std::optional<Diagnostic> one = outside_period_summary(stats, period);
  REQUIRE(one);
  CHECK(format_diagnostic(*one) ==
        "b.csv:7: warning: 3 rows in 2 files lie outside the scheme's period (2025-01-01 "
        "to 2025-12-31) and are not counted; this is the first\n");
  one = outside_period_summary({stats[2]}, period);
  REQUIRE(one);
  CHECK(format_diagnostic(*one) ==
        "c.csv:3: warning: 1 row lies outside the scheme's period (2025-01-01 to "
        "2025-12-31) and is not counted\n");
  CHECK_FALSE(outside_period_summary({stats[0]}, period));
  CHECK_FALSE(outside_period_summary(stats, std::nullopt));
  CHECK(outside_period_warnings(stats, std::nullopt).empty());
}

}  // namespace
}  // namespace kaohe
