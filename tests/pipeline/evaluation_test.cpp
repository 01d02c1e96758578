// Unit tests of the pipeline (pipeline/evaluation.cpp) on bad data: every
// problem of a run is reported at once, in the order roster, measures,
// events, then units that cannot be scored; a unit is not reported again
// for lacking what a bad measure row meant to give; check_data returns the
// problems with the row counts instead of throwing, and the first row
// outside the period is the same however many threads read the file.
#include "pipeline/evaluation.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "input/event_reader.h"
#include "scoring/fixture.h"
#include "scoring/tally.h"

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
    - {id: late_report, name: 迟报, points: 20, floor: 0, per_event: {deduct: 2}}
    - {id: self, name: 自评, points: 80, direct: {}}
)";

// A run on files made from the given texts.
struct Files {
  TempFile units, measures, events;
  Files(const std::string& u, const std::string& m, const std::string& e)
      : units(u), measures(m), events(e) {}
  DataSources sources() const {
    DataSources s;
    s.units = units.path();
    s.measures = {measures.path()};
    s.events = {events.path()};
    s.threads = 1;
    return s;
  }
};

// One problem of each kind: a duplicate unit (V2 at line 5), a bad
// measure value (V2), a unit without its measure (V4), an unknown event
// item, and two rows outside the period (the first at line 3).
Files everything_wrong() {
  return Files("unit_id,name\nV1,东村\nV2,西村\nV3,南村\nV2,又西村\nV4,北村\n",
               "unit_id,item_id,value\nV1,self,62\nV2,self,6o\nV3,self,55\n",
               "unit_id,item_id,date,count\n"
               "V1,late_report,2025-03-01,1\n"
               "V3,late_report,2024-12-30,1\n"
               "V2,late_reprot,2025-07-01,1\n"
               "V1,late_report,2026-01-02,2\n");
}

TEST_CASE("evaluate: every problem of the data at once, roster first, units last") {
  Files f = everything_wrong();
  Error e = test::expect_error(
      [&] { (void)evaluate(test::scheme_of(kScheme), f.sources()); });
  CHECK(e.exit_code() == 65);
  const std::vector<Diagnostic>& d = e.diagnostics();
  REQUIRE(d.size() == 4);
  CHECK(d[0].file == f.units.path());
  CHECK(d[0].line == 5);
  CHECK(contains(d[0].message, "duplicate unit_id \"V2\""));
  CHECK(d[1].file == f.measures.path());
  CHECK(d[1].line == 3);
  CHECK(d[2].file == f.events.path());
  CHECK(contains(d[2].message, "unknown item_id \"late_reprot\""));
  // V4 lacks self; V2 is not reported again for its bad row.
  CHECK(d[3].file == f.units.path());
  CHECK(d[3].line == 6);
  CHECK(contains(d[3].message, "unit \"V4\""));
  CHECK(d[3].source_line == "V4,北村");
  CHECK(contains(d[3].hint, "add a row V4,self,<value>"));
}

TEST_CASE("check_data: the problems and the row counts, without throwing") {
  Files f = everything_wrong();
  DataCheck c = check_data(test::scheme_of(kScheme), f.sources());
  CHECK(c.diagnostics.size() == 4);
  REQUIRE(c.stats.size() == 3);
  CHECK(c.stats[0].kind == "units");
  CHECK(c.stats[0].read == 5);
  CHECK(c.stats[0].counted == 4);
  CHECK(c.stats[0].reported == 1);
  const InputStats& ev = c.stats[2];
  CHECK(ev.kind == "events");
  CHECK(ev.read == 4);
  CHECK(ev.outside == 2);
  CHECK(ev.reported == 1);
  CHECK(ev.first_outside_line == 3);
  CHECK(ev.first_outside_text == "V3,late_report,2024-12-30,1");
}

TEST_CASE("check_data: clean data gives no diagnostics") {
  Files f("unit_id,name\nV1,东村\n", "unit_id,item_id,value\nV1,self,62\n",
          "unit_id,item_id,date\nV1,late_report,2025-03-01\n");
  DataCheck c = check_data(test::scheme_of(kScheme), f.sources());
  CHECK(c.diagnostics.empty());
  REQUIRE(c.stats.size() == 3);
  CHECK(c.stats[2].outside == 0);
  CHECK(c.stats[2].first_outside_line == 0);
}

TEST_CASE("a unit with a rejected measure row of an item is not reported again as lacking it") {
  const char* scheme = R"(kaohe: 1
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: target, name: 目标, points: 50, mean: {keys: [self, group]}}
    - id: votes
      name: 测评
      points: 50
      votes: {levels: {好: 100, 差: 40}, min_votes: 10}
)";
  Files f("unit_id,name\nV1,东村\nV2,西村\n",
          "unit_id,item_id,key,value\n"
          "V1,target,self,9x\n"       // rejected: V1's target not reported again
          "V1,target,group,40\n"
          "V1,votes,好,x\n"           // rejected: V1's votes not reported again
          "V2,target,self,200\n"      // rejected: V2's missing group waits for
          "V2,votes,好,30\n",         // the next run, once the row is fixed
          "unit_id,item_id\n");
  Error e = test::expect_error(
      [&] { (void)evaluate(test::scheme_of(scheme), f.sources()); });
  const std::vector<Diagnostic>& d = e.diagnostics();
  REQUIRE(d.size() == 3);
  CHECK(d[0].line == 2);
  CHECK(d[1].line == 4);
  CHECK(d[2].line == 5);
  for (const Diagnostic& x : d) CHECK(x.file == f.measures.path());
}

TEST_CASE("a measures file that cannot be read through: units are not reported as lacking it") {
  Files f("unit_id,name\nV1,东村\nV2,西村\n", "unit_id,item_id,valeu\nV1,self,62\n",
          "unit_id,item_id\n");
  Error e = test::expect_error(
      [&] { (void)evaluate(test::scheme_of(kScheme), f.sources()); });
  REQUIRE(e.diagnostics().size() == 1);
  CHECK(contains(e.diagnostics()[0].message, "missing required column \"value\""));
}

TEST_CASE("roster problems no longer stop the run: measures and events are checked too") {
  Files f("unit_id,name\nV1,东村\n,无名\nV1,又东村\n",
          "unit_id,item_id,value\nV1,self,62\nV1,slef,1\n",
          "unit_id,item_id\nV9,late_report\n");
  Error e = test::expect_error(
      [&] { (void)evaluate(test::scheme_of(kScheme), f.sources()); });
  const std::vector<Diagnostic>& d = e.diagnostics();
  REQUIRE(d.size() == 4);
  CHECK(contains(d[0].message, "empty unit_id"));
  CHECK(contains(d[1].message, "duplicate unit_id \"V1\""));
  CHECK(contains(d[2].message, "unknown item_id \"slef\""));
  CHECK(contains(d[3].message, "unknown unit_id \"V9\""));
}

TEST_CASE("the first row outside the period is found in any part of a file read in parts") {
  // Rows outside the period only near the end: a later part finds the first.
  std::string csv = "unit_id,item_id,date\n";
  for (int i = 0; i < 400; ++i) csv += "V1,late_report,2025-03-01\n";
  csv += "V1,late_report,2024-06-01\n";  // line 402
  for (int i = 0; i < 20; ++i) csv += "V1,late_report,2026-02-01\n";
  TempFile events(csv);
  Scheme scheme = test::scheme_of(kScheme);
  Roster roster = test::roster_of({{"V1"}});
  MeasureTable measures;
  for (int threads : {1, 2, 3, 5}) {
    CAPTURE(threads);
    Tallies tallies(scheme, roster.size());
    Diagnostics diags;
    ReadOptions options;
    options.threads = threads;
    options.split_bytes = 0;  // split even a small file
    InputStats s =
        read_events(events.path(), 0, scheme, roster, measures, tallies, diags, options);
    CHECK(s.outside == 21);
    CHECK(s.first_outside_line == 402);
    CHECK(s.first_outside_text == "V1,late_report,2024-06-01");
  }
}

}  // namespace
}  // namespace kaohe

namespace kaohe {
namespace {

TEST_CASE("--as-of: rows after it are left out; a date before the period or without one is 64") {
  Files f("unit_id,name\nV1,东村\n", "unit_id,item_id,value\nV1,self,62\n",
          "unit_id,item_id,date,count\n"
          "V1,late_report,2025-03-01,1\n"
          "V1,late_report,2025-08-01,1\n");
  DataSources s = f.sources();
  s.as_of = Date::parse("2025-06-30");
  Evaluation ev = evaluate(test::scheme_of(kScheme), s);
  CHECK(ev.scheme.as_of == Date::parse("2025-06-30"));
  CHECK(ev.sheet.at(0, ev.scheme.find("late_report")).score == Decimal::from_int(18));
  REQUIRE(ev.stats.size() == 3);
  CHECK(ev.stats[2].outside == 1);
  CHECK_FALSE(ev.stats[2].outside_own_days);
  // On or after the period's end: the final run, nothing cut.
  s.as_of = Date::parse("2026-01-15");
  CHECK_FALSE(evaluate(test::scheme_of(kScheme), s).scheme.as_of.has_value());
  s.as_of = Date::parse("2024-12-31");
  Error before = test::expect_error([&] { (void)evaluate(test::scheme_of(kScheme), s); });
  CHECK(before.exit_code() == kExitUsage);
  std::string no_period = kScheme;
  no_period.erase(no_period.find("period:"), no_period.find("root:") - no_period.find("period:"));
  s.as_of = Date::parse("2025-06-30");
  Error none = test::expect_error([&] { (void)evaluate(test::scheme_of(no_period), s); });
  CHECK(none.exit_code() == kExitUsage);
}

}  // namespace
}  // namespace kaohe
