// Unit tests of the event reader: validation of every column against the
// scheme and roster (SPEC §2, §6, §9, §10), diagnostics with line and field
// number, the period, and the row counts of InputStats.
#include "input/event_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scoring/fixture.h"

namespace kaohe {
namespace {

using test::contains;
using test::find_diag;
using test::TempFile;

struct Seen {
  Event e;
  std::string ref;
};

class Collect : public EventSink {
 public:
  void on_event(const Event& e) override { seen.push_back({e, std::string(e.ref)}); }
  std::vector<Seen> seen;
};

const char* const kScheme = R"(kaohe: 1
period: {from: 2025-01-01, to: 2025-12-31}
categories: {A: 100, B: 90}
root:
  id: total
  name: 总分
  points: 100
  children:
    - {id: late_report, name: 迟报, points: 10, per_event: {deduct: 2}}
    - {id: praise, name: 表彰, tiered: {add: {国家级: 3, 省级: 2, 市级: 1}}}
    - {id: task, name: 任务, role: {add: {承办: 2, 协办: 1}}}
    - {id: info, name: 信息, points: 5, ranged: {deduct: [0.1, 0.5]}}
    - {id: monthly, name: 报送, points: 5, quota: {required: 2, deduct: 0.2}}
    - {id: a_only, name: 甲类, points: 10, applies_to: [A], per_event: {deduct: 1}}
    - id: group
      name: 分组
      points: 10
      children:
        - {id: g1, name: 组一, points: 10, per_event: {deduct: 1}}
    - {id: judged, name: 评定, points: 60, direct: {}}
)";

struct Run {
  Scheme scheme;
  Roster roster;
  MeasureTable measures;
  Collect sink;
  Diagnostics diags;
  InputStats stats;
};

// Reads `csv` as an events file against kScheme and roster V1 (A), V2 (B).
void read(Run& run, const std::string& csv) {
  TempFile f(csv);
  run.stats = read_events(f.path(), 0, run.scheme, run.roster, run.measures, run.sink,
                          run.diags);
  // Diagnostics name the file by its path; rewrite for stable checks.
  CHECK(run.stats.file == f.path());
  CHECK(run.stats.read == run.stats.counted + run.stats.outside + run.stats.reported);
}

Run make_run() {
  Run r{test::scheme_of(kScheme),
        test::roster_of({{"V1", "一村", "A"}, {"V2", "二村", "B"}}, true),
        {}, {}, {}, {}};
  return r;
}

const Diagnostic& only_error(const Run& run) {
  REQUIRE(run.diags.error_count() == 1);
  return run.diags.list().front();
}

TEST_CASE("valid rows reach the sink with every field") {
  Run run = make_run();
  read(run,
       "unit_id,item_id,date,count,tier,role,points,ref,note\n"
       "V1,late_report,2025-03-01,3,,,,台账-1,迟报三次\n"
       "V2,praise,,,省级,,,,\n"
       "V1,task,2025-04-02,2,,协办,,,\n"
       "V2,info,2025-05-05,,,,0.35,R9,\n");
  CHECK(run.diags.error_count() == 0);
  CHECK(run.stats.kind == "events");
  CHECK(run.stats.read == 4);
  CHECK(run.stats.counted == 4);
  CHECK(run.stats.outside == 0);
  CHECK(run.stats.reported == 0);
  REQUIRE(run.sink.seen.size() == 4);
  const Event& a = run.sink.seen[0].e;
  CHECK(a.unit == 0);
  CHECK(a.node == run.scheme.find("late_report"));
  CHECK(a.count == 3);
  REQUIRE(a.date.has_value());
  CHECK(a.date->to_string() == "2025-03-01");
  CHECK(a.line == 2);
  CHECK(a.file == 0);
  CHECK(run.sink.seen[0].ref == "台账-1");
  const Event& b = run.sink.seen[1].e;
  CHECK(b.unit == 1);
  CHECK(b.count == 1);  // empty count: 1
  CHECK_FALSE(b.date.has_value());
  CHECK(b.tier == 1);   // 省级
  CHECK(run.sink.seen[2].e.role == 1);  // 协办
  CHECK(run.sink.seen[3].e.points == *Decimal::parse("0.35"));
  CHECK(run.sink.seen[3].ref == "R9");
}

TEST_CASE("columns come in any order, extra columns are ignored, only two are required") {
  Run run = make_run();
  read(run,
       "note,extra,item_id,unit_id\n"
       "x,y,late_report,V1\n"
       "\"a, b\",z,late_report,V2\n");
  CHECK(run.diags.error_count() == 0);
  REQUIRE(run.sink.seen.size() == 2);
  CHECK(run.sink.seen[1].e.unit == 1);
  CHECK(run.sink.seen[1].e.line == 3);
}

TEST_CASE("a missing required column is an error with a hint") {
  Run run = make_run();
  read(run, "unit,item_id\nV1,late_report\n");
  const Diagnostic& d = only_error(run);
  CHECK(contains(d.message, "missing required column \"unit_id\""));
  CHECK(d.line == 1);
  CHECK(run.sink.seen.empty());
}

TEST_CASE("a repeated column or a variant of one is an error; no row is read") {
  SUBCASE("count twice") {
    Run run = make_run();
    read(run, "unit_id,item_id,count,count\nV1,late_report,3,1\n");
    const Diagnostic& d = only_error(run);
    CHECK(d.message == "duplicate column \"count\": fields 3 and 4");
    CHECK(d.line == 1);
    CHECK(d.col == 4);
    CHECK(d.source_line == "unit_id,item_id,count,count");
    CHECK(run.sink.seen.empty());
  }
  SUBCASE("Count would count every row once") {
    Run run = make_run();
    read(run, "unit_id,item_id,Count\nV1,late_report,3\n");
    CHECK(only_error(run).message == "column \"Count\" would be ignored: it is not \"count\"");
    CHECK(run.sink.seen.empty());
  }
  SUBCASE("a date with a leading space would leave every row undated") {
    Run run = make_run();
    read(run, "unit_id,item_id, date\nV1,late_report,2024-01-01\n");
    CHECK(only_error(run).col == 3);
    CHECK(run.sink.seen.empty());
  }
  SUBCASE("note is not read, so Note and a second note are extra columns") {
    Run run = make_run();
    read(run, "unit_id,item_id,note,Note,note\nV1,late_report,a,b,c\n");
    CHECK(run.diags.empty());
    CHECK(run.sink.seen.size() == 1);
  }
}

TEST_CASE("an empty events file holds no events") {
  Run run = make_run();
  read(run, "");
  CHECK(run.diags.empty());
  CHECK(run.stats.read == 0);
  Run run2 = make_run();
  read(run2, "unit_id,item_id\n");
  CHECK(run2.diags.empty());
  CHECK(run2.stats.read == 0);
}

TEST_CASE("unknown unit_id: line, field number and a did-you-mean hint") {
  Run run = make_run();
  read(run, "item_id,unit_id\nlate_report,v1\nlate_report,X99\n");
  REQUIRE(run.diags.error_count() == 2);
  const Diagnostic& d = run.diags.list()[0];
  CHECK(d.message == "unknown unit_id \"v1\"");
  CHECK(d.line == 2);
  CHECK(d.col == 2);  // unit_id is the second field
  CHECK(contains(d.hint, "did you mean \"V1\"?"));
  CHECK(d.source_line == "late_report,v1");
  const Diagnostic& d2 = run.diags.list()[1];
  CHECK(d2.line == 3);
  CHECK(contains(d2.hint, "units.csv"));  // no close match: where units are listed
  CHECK(run.stats.reported == 2);
  CHECK(run.sink.seen.empty());
}

// The reader finds units through its own index (short ids held in the
// table, long ones compared in full): every id must still match exactly.
TEST_CASE("unit ids of any length among many units match exactly") {
  std::vector<test::UnitSpec> units;
  for (int i = 0; i < 3000; ++i) units.push_back({"U" + std::to_string(i)});
  units.push_back({"GRID-230102001001-0001"});  // long ids sharing a prefix
  units.push_back({"GRID-230102001001-0002"});
  units.push_back({"ABCDEFGHIJK"});             // 11 bytes: the longest held
  units.push_back({"ABCDEFGHIJKL"});            // 12 bytes
  units.push_back({"一村"});
  Run run{test::scheme_of(kScheme), test::roster_of(units), {}, {}, {}, {}};
  read(run,
       "unit_id,item_id\n"
       "U0,late_report\nU2999,late_report\nU1234,late_report\n"
       "GRID-230102001001-0002,late_report\nGRID-230102001001-0001,late_report\n"
       "ABCDEFGHIJK,late_report\nABCDEFGHIJKL,late_report\n一村,late_report\n"
       // unknown: a prefix, a longer id, a difference after 11 bytes, case
       "U3000,late_report\nGRID-230102001001-000,late_report\n"
       "GRID-230102001001-0003,late_report\nABCDEFGHIJKM,late_report\n"
       "ABCDEFGHIJ,late_report\nu0,late_report\n,late_report\n");
  REQUIRE(run.sink.seen.size() == 8);
  const std::vector<std::string> expected = {
      "U0", "U2999", "U1234", "GRID-230102001001-0002", "GRID-230102001001-0001",
      "ABCDEFGHIJK", "ABCDEFGHIJKL", "一村"};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(run.roster.units[run.sink.seen[i].e.unit].id == expected[i]);
  }
  CHECK(run.stats.reported == 7);
  CHECK(run.diags.error_count() == 7);
}

TEST_CASE("unknown item_id with a hint among event items") {
  Run run = make_run();
  read(run, "unit_id,item_id\nV1,late_reprot\n");
  const Diagnostic& d = only_error(run);
  CHECK(d.message == "unknown item_id \"late_reprot\"");
  CHECK(d.col == 2);
  CHECK(contains(d.hint, "\"late_report\""));
}

TEST_CASE("events for a group or a measure item are errors") {
  Run run = make_run();
  read(run, "unit_id,item_id\nV1,group\nV1,judged\n");
  REQUIRE(run.diags.error_count() == 2);
  CHECK(contains(run.diags.list()[0].message, "groups other items"));
  CHECK(contains(run.diags.list()[1].message, "scored from measures"));
  CHECK(run.stats.reported == 2);
}

TEST_CASE("count must be a whole number from 1 to 10^9: 0, 1.5, -1, 01, x, +1 rejected") {
  for (const char* bad : {"0", "1.5", "-1", "01", "x", "+1", " 1", "1e2", "1000000001"}) {
    CAPTURE(bad);
    Run run = make_run();
    read(run, std::string("unit_id,item_id,count\nV1,late_report,") + bad + "\n");
    const Diagnostic& d = only_error(run);
    CHECK(contains(d.message, "count"));
    CHECK(contains(d.message, "is not a whole number from 1 to 1000000000"));
    CHECK(d.col == 3);
    CHECK(d.line == 2);
    CHECK(run.sink.seen.empty());
  }
  Run ok = make_run();
  read(ok, "unit_id,item_id,count\nV1,late_report,12\n");
  CHECK(ok.diags.empty());
  REQUIRE(ok.sink.seen.size() == 1);
  CHECK(ok.sink.seen[0].e.count == 12);
}

TEST_CASE("a date that does not parse is rejected") {
  for (const char* bad : {"2025-02-30", "3/1/2025", "25/3/1", "2025-13-01", "20251301",
                          "2025-03-01T00:00", "2025/3/1 0:00"}) {
    CAPTURE(bad);
    Run run = make_run();
    read(run, std::string("unit_id,item_id,date\nV1,late_report,") + bad + "\n");
    const Diagnostic& d = only_error(run);
    CHECK(contains(d.message, std::string("date \"") + bad + "\" "));
    CHECK(contains(d.hint, "2025年3月1日 or 20250301"));
    CHECK(d.col == 3);
  }
  Run leap = make_run();
  read(leap, "unit_id,item_id,date\nV1,late_report,2024-02-29\n");
  CHECK(leap.diags.empty());
  CHECK(leap.stats.outside == 1);  // valid, but outside the 2025 period
}

TEST_CASE("tier, role or points on an item that does not use them") {
  SUBCASE("tier on per_event") {
    Run run = make_run();
    read(run, "unit_id,item_id,tier\nV1,late_report,省级\n");
    const Diagnostic& d = only_error(run);
    CHECK(contains(d.message, "does not use a tier"));
    CHECK(d.col == 3);
  }
  SUBCASE("role on tiered") {
    Run run = make_run();
    read(run, "unit_id,item_id,tier,role\nV1,praise,省级,承办\n");
    const Diagnostic& d = only_error(run);
    CHECK(contains(d.message, "does not use a role"));
    CHECK(d.col == 4);
  }
  SUBCASE("points on per_event") {
    Run run = make_run();
    read(run, "unit_id,item_id,points\nV1,late_report,2\n");
    const Diagnostic& d = only_error(run);
    CHECK(contains(d.message, "takes no points"));
    CHECK(d.col == 3);
  }
  SUBCASE("points on tiered") {
    Run run = make_run();
    read(run, "unit_id,item_id,tier,points\nV1,praise,省级,2\n");
    CHECK(contains(only_error(run).message, "takes no points"));
  }
}

TEST_CASE("a tiered or role item needs a known tier or role") {
  SUBCASE("missing tier") {
    Run run = make_run();
    read(run, "unit_id,item_id,tier\nV1,praise,\n");
    const Diagnostic& d = only_error(run);
    CHECK(contains(d.message, "needs a tier"));
    CHECK(contains(d.message, "国家级"));
  }
  SUBCASE("no tier column") {
    Run run = make_run();
    read(run, "unit_id,item_id\nV1,praise\n");
    CHECK(contains(only_error(run).message, "needs a tier"));
  }
  SUBCASE("unknown tier") {
    Run run = make_run();
    read(run, "unit_id,item_id,tier\nV1,praise,区县\n");
    const Diagnostic& d = only_error(run);
    CHECK(contains(d.message, "unknown tier \"区县\""));
    CHECK(d.col == 3);
    CHECK(contains(d.hint, "国家级, 省级, 市级"));  // no close match: all tiers
  }
  SUBCASE("unknown role") {
    Run run = make_run();
    read(run, "unit_id,item_id,role\nV1,task,主办\n");
    CHECK(contains(only_error(run).message, "unknown role \"主办\""));
  }
}

TEST_CASE("ranged: points must lie inside the declared range") {
  for (const char* bad : {"0.6", "0.09", "5", "0"}) {
    CAPTURE(bad);
    Run run = make_run();
    read(run, std::string("unit_id,item_id,points\nV1,info,") + bad + "\n");
    const Diagnostic& d = only_error(run);
    CHECK(contains(d.message, "is outside the range 0.1–0.5"));
    CHECK(d.col == 3);
  }
  for (const char* bad : {"abc", "0,3", "-0.2", "0.1234567"}) {
    CAPTURE(bad);
    Run run = make_run();
    read(run, std::string("unit_id,item_id,points\nV1,info,\"") + bad + "\"\n");
    CHECK(run.diags.error_count() == 1);
    CHECK(run.sink.seen.empty());
  }
  Run missing = make_run();
  read(missing, "unit_id,item_id,points\nV1,info,\n");
  CHECK(contains(only_error(missing).message, "takes its amount from the points column"));
  Run edges = make_run();
  read(edges, "unit_id,item_id,points\nV1,info,0.1\nV1,info,0.5\n");
  CHECK(edges.diags.empty());
  CHECK(edges.sink.seen.size() == 2);
}

TEST_CASE("rows outside the period are validated, then left out and counted") {
  Run run = make_run();
  read(run,
       "unit_id,item_id,date,count\n"
       "V1,late_report,2024-12-31,\n"   // outside
       "V1,late_report,2025-01-01,\n"   // inside (inclusive)
       "V1,late_report,2025-12-31,\n"   // inside (inclusive)
       "V1,late_report,2026-01-01,\n"   // outside
       "V1,late_report,,\n"             // no date: counted
       "V1,late_report,2026-05-01,0\n"  // outside but invalid: reported
       "V9,late_report,2026-05-01,\n"   // outside but invalid: reported
       "V1,late_report,2025-06-01,\n");
  CHECK(run.stats.read == 8);
  CHECK(run.stats.counted == 4);
  CHECK(run.stats.outside == 2);
  CHECK(run.stats.reported == 2);
  CHECK(run.diags.error_count() == 2);
  CHECK(run.sink.seen.size() == 4);
}

TEST_CASE("a quota row needs a date") {
  Run run = make_run();
  read(run, "unit_id,item_id,date\nV1,monthly,\nV1,monthly,2025-02-03\n");
  const Diagnostic& d = only_error(run);
  CHECK(contains(d.message, "needs a date"));
  CHECK(d.line == 2);
  CHECK(run.stats.counted == 1);
}

// Once a unit and item have had a valid row, later rows of the pair take a
// shorter path (RowChecker::check_common) — from the next batch of 32 rows
// on, when the item is known before the batch is checked. It must still
// reject each of these, exactly as for a first row.
TEST_CASE("a bad row after a valid row of its unit and item gets every check") {
  struct Case {
    const char* row;
    const char* message;
    int col;
  };
  const Case cases[] = {
      {"V1,late_report,2025-02-30,,,,", "is not a day of the calendar", 3},
      {"V1,late_report,0000-00-00,,,,", "is not a day of the calendar", 3},
      {"V1,late_report,3/1/2025,,,,", "puts the year last", 3},
      {"V1,late_report,2025-03-01,0,,,", "is not a whole number", 4},
      {"V1,late_report,2025-03-01,,省级,,", "does not use a tier", 5},
      {"V1,late_report,2025-03-01,,,承办,", "does not use a role", 6},
      {"V1,late_report,2025-03-01,,,,0.2", "takes no points", 7},
      {"V1,monthly,,,,,", "needs a date", 3},
      {"V1,praise,2025-03-01,,,,", "needs a tier", 5},
      {"V1,info,2025-03-01,,,,", "takes its amount from the points column", 7},
      {"V1,late_report,2025-03-01,,", "row has 5 fields, the header has 7", 0},
  };
  const std::string header = "unit_id,item_id,date,count,tier,role,points\n";
  const std::string valid =
      "V1,late_report,2025-03-01,,,,\nV1,monthly,2025-03-01,,,,\n"
      "V1,praise,2025-03-01,,省级,,\nV1,info,2025-03-01,,,,0.2\n";
  std::string before;
  for (int i = 0; i < 10; ++i) before += valid;  // 40 rows: past the first batch
  for (const Case& c : cases) {
    CAPTURE(c.row);
    Run run = make_run();
    read(run, header + before + c.row + "\n" + valid);
    const Diagnostic& d = only_error(run);
    CHECK(contains(d.message, c.message));
    CHECK(d.line == 42);
    CHECK(d.col == c.col);
    CHECK(run.stats.counted == 44);
    CHECK(run.sink.seen.size() == 44);
  }
}

TEST_CASE("a repeated date, valid or not, gives what it gave the first time") {
  Run run = make_run();
  read(run,
       "unit_id,item_id,date\n"
       "V1,late_report,2025-03-01\n"
       "V1,late_report,2025-03-01\n"
       "V1,late_report,2025-02-29\n"
       "V1,late_report,2025-02-29\n"
       "V1,late_report,2025-03-01\n"
       "V1,late_report,2025-03-02\n");
  REQUIRE(run.diags.error_count() == 2);
  CHECK(run.diags.list()[0].line == 4);
  CHECK(run.diags.list()[1].line == 5);
  REQUIRE(run.sink.seen.size() == 4);
  for (int i : {0, 1, 2}) CHECK(run.sink.seen[i].e.date->to_string() == "2025-03-01");
  CHECK(run.sink.seen[3].e.date->to_string() == "2025-03-02");
}

TEST_CASE("a ragged row is reported, not dropped") {
  Run run = make_run();
  read(run, "unit_id,item_id,count\nV1,late_report\nV1,late_report,1,extra\n");
  REQUIRE(run.diags.error_count() == 2);
  CHECK(contains(run.diags.list()[0].message, "row has 2 fields, the header has 3"));
  CHECK(run.stats.reported == 2);
  CHECK(run.stats.read == 2);
}

TEST_CASE("events: a row for an item that does not apply to the unit's category") {
  Run run = make_run();
  read(run, "unit_id,item_id\nV1,a_only\nV2,a_only\n");
  const Diagnostic& d = only_error(run);
  CHECK(d.line == 3);
  CHECK(contains(d.message, "does not apply to unit \"V2\""));
  CHECK(run.sink.seen.size() == 1);
}

TEST_CASE("every row of a unit and item that does not apply is an error, not only the first") {
  Run run = make_run();
  Measure na;
  na.value = std::nullopt;
  na.line = 2;
  na.file = 0;
  run.measures.slot(1, run.scheme.find("group")).push_back(na);
  run.measures.mark_node_na();
  read(run, "unit_id,item_id\nV1,a_only\nV2,a_only\nV1,a_only\nV2,a_only\n"
            "V2,g1\nV1,g1\nV2,g1\n");
  REQUIRE(run.diags.error_count() == 4);
  CHECK(run.diags.list()[0].line == 3);
  CHECK(run.diags.list()[1].line == 5);
  CHECK(contains(run.diags.list()[2].message, "marked NA"));
  CHECK(run.diags.list()[3].line == 8);
  CHECK(run.sink.seen.size() == 3);
}

TEST_CASE("a row under a node marked NA in the measures is an error") {
  Run run = make_run();
  // An NA row for the group marks it (and g1) as not applying to V1.
  Measure na;
  na.value = std::nullopt;
  na.line = 2;
  na.file = 0;
  run.measures.slot(0, run.scheme.find("group")).push_back(na);
  run.measures.mark_node_na();
  read(run, "unit_id,item_id\nV1,g1\nV2,g1\n");
  const Diagnostic& d = only_error(run);
  CHECK(d.line == 2);
  CHECK(contains(d.message, "marked NA"));
}

TEST_CASE("every bad row is reported in one pass, a row with several problems counts once") {
  Run run = make_run();
  read(run,
       "unit_id,item_id,count,date\n"
       "X,late_report,0,2025-13-01\n"  // three problems, one row
       "V1,nope,1,\n"
       "V1,late_report,1,\n");
  CHECK(run.diags.error_count() == 4);
  CHECK(run.stats.reported == 2);
  CHECK(run.stats.counted == 1);
}

TEST_CASE("at most 50 errors per file are shown, the rest counted") {
  Run run = make_run();
  std::string csv = "unit_id,item_id\n";
  for (int i = 0; i < 60; ++i) csv += "X,late_report\n";
  read(run, csv);
  CHECK(run.stats.reported == 60);
  CHECK(run.diags.error_count() == 51);
  CHECK(find_diag(run.diags.list(), "10 more errors") != nullptr);
}

TEST_CASE("a missing events file is exit 66") {
  Run run = make_run();
  Error e = test::expect_error([&] {
    (void)read_events("/nonexistent/kaohe/events.csv", 0, run.scheme, run.roster,
                      run.measures, run.sink, run.diags);
  });
  CHECK(e.exit_code() == 66);
}

}  // namespace
}  // namespace kaohe

namespace kaohe {

// Issue 18: the dates and counts Excel and WPS write are the same rows as
// their ISO and plain forms, on the full path and on the plain-row path
// (a second row of a unit and item already seen).
TEST_CASE("dates and counts as a spreadsheet writes them") {
  Run run = make_run();
  read(run,
       "unit_id,item_id,date,count\n"
       "V1,late_report,2025-03-01,1\n"
       "V1,late_report,2025/3/1,２\n"
       "V1,late_report,2025/03/01,\"1,000\"\n"
       "V1,late_report,2025.3.1,1\n"
       "V1,late_report,2025年3月1日,1\n"
       "V1,late_report,20250301,1\n"
       "V1,late_report,２０２５－０３－０１,1\n");
  CHECK(run.diags.empty());
  REQUIRE(run.sink.seen.size() == 7);
  for (const auto& s : run.sink.seen) CHECK(s.e.date->to_string() == "2025-03-01");
  CHECK(run.sink.seen[1].e.count == 2);
  CHECK(run.sink.seen[2].e.count == 1000);
}

}  // namespace kaohe
